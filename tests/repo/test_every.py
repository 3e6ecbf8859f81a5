"""tests/every.py: one test that checks every case fails when any one case fails, checks every case even after
one failed, and says which cases failed, where and why."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from ..every import MAX_LINES, every


def _outcome(test, **fixtures) -> str:
    """The failure message of a test made with ``every``, or "" when it passed."""
    try:
        test(**fixtures)
    except pytest.fail.Exception as failed:
        return str(failed.msg)
    return ""


def test_one_failing_case_of_many_fails_the_test_and_every_case_is_checked():
    seen: list[int] = []

    @every("n", range(1, 101))
    def test_x(n):
        seen.append(n)
        assert n != 37, "thirty-seven is wrong"

    message = _outcome(test_x)
    assert seen == list(range(1, 101))  # the cases after the failing one were checked too
    assert message.startswith("1 of 100 cases fail:\n- 37, line ")
    assert 'assert n != 37, "thirty-seven is wrong"' in message and "thirty-seven is wrong" in message
    assert "- 38" not in message and "- 36" not in message


def test_every_failing_case_is_named_with_what_failed():
    @every("name", ["a", "bb", "ccc", "dddd"])
    def test_x(name):
        assert len(name) != 2
        if name == "dddd":
            {}[name]

    message = _outcome(test_x)
    lines = message.splitlines()
    assert lines[0] == "2 of 4 cases fail:"
    assert lines[1].startswith("- bb, line ") and lines[1].endswith(": assert len(name) != 2")
    assert lines[2] == "    AssertionError: assert 2 != 2"  # pytest's rewritten message
    assert lines[3] == "     +  where 2 = len('bb')"
    assert lines[4].startswith("- dddd, line ") and lines[4].endswith("{}[name]")
    assert lines[5:] == ["    KeyError: 'dddd'"]


def test_a_passing_check_passes_and_an_empty_list_of_cases_fails():
    @every("n", [1, 2, 3])
    def test_ok(n):
        assert n > 0

    @every("n", [])
    def test_empty(n):
        assert n > 0

    assert _outcome(test_ok) == ""
    assert _outcome(test_empty) == "no n to check"


def test_the_test_keeps_its_name_docstring_place_and_other_fixtures(tmp_path: Path):
    @every("name", ["x", "y"])
    def test_x(name, tmp_path):
        """The docstring."""
        (tmp_path / name).write_text(name)

    assert test_x.__name__ == "test_x" and test_x.__doc__ == "The docstring."
    assert list(inspect.signature(test_x).parameters) == ["tmp_path"]  # what pytest gives it
    assert inspect.unwrap(test_x).__code__.co_filename == __file__  # pytest reports the test's own place
    assert _outcome(test_x, tmp_path=tmp_path) == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x", "y"]
    with pytest.raises(TypeError, match="takes no argument 'name'"):
        every("name", ["x"])(lambda other: None)


def test_a_long_message_is_cut_and_the_line_is_the_test_s_own():
    @every("n", [1])
    def test_x(n):
        json.loads("[" * 10_000)  # fails deep in the json module

    @every("n", [1])
    def test_long(n):
        pytest.fail("\n".join(f"line {i}" for i in range(100)))

    message = _outcome(test_x)
    assert message.startswith("1 of 1 cases fail:\n- 1, line ") and "json.loads(" in message.splitlines()[1]
    message = _outcome(test_long)
    assert message.splitlines()[2:4] == ["    Failed: line 0", "    line 1"]
    assert f"line {MAX_LINES - 1}\n" in message and f"line {MAX_LINES}\n" not in message
    assert message.endswith(f"… ({100 - MAX_LINES} more lines)")


def test_a_case_that_cannot_be_called_is_a_failure_too():
    @every("n", [1])
    def test_x(n, m):
        assert n

    assert "- 1, when called\n    TypeError: " in _outcome(test_x)  # m missing


def test_several_names_take_one_tuple_each_and_ids_name_the_cases():
    pairs = [(1, 2), (3, 4), (5, 5)]

    @every(("a", "b"), pairs, ids=[f"{a}-to-{b}" for a, b in pairs])
    def test_listed(a, b):
        assert a < b

    @every("a, b", pairs, ids=lambda pair: f"pair {pair[0]}")
    def test_named(b, a):
        assert a < b

    @every("a,b", pairs)
    def test_plain(a, b):
        assert a < b

    assert _outcome(test_listed).splitlines()[:2] == ["1 of 3 cases fail:", _line(test_listed, "5-to-5")]
    assert _outcome(test_named).splitlines()[1] == _line(test_named, "pair 5")
    assert _outcome(test_plain).splitlines()[1] == _line(test_plain, "5, 5")
    with pytest.raises(ValueError, match="2 ids for 3 values"):
        every("a", [1, 2, 3], ids=["x", "y"])
    with pytest.raises(ValueError, match="is not one value for each of"):
        every("a, b", [(1, 2, 3)])(lambda a, b: None)


def _line(test, case: str, asserted: str = "a < b") -> str:
    first = inspect.unwrap(test).__code__.co_firstlineno  # the decorator's line; the assert is two below
    return f"- {case}, line {first + 2}: assert {asserted}"


def test_values_given_as_a_function_are_made_when_the_test_runs_and_once():
    made: list[str] = []

    def names() -> list[str]:
        made.append("made")
        return ["a", "bb"]

    @every("name", names, ids=lambda name: f"the name {name}")
    def test_x(name):
        assert len(name) == 1

    assert made == []  # importing the test module makes nothing
    assert _outcome(test_x).splitlines()[:2] == ["1 of 2 cases fail:", _line(test_x, "the name bb", "len(name) == 1")]
    assert _outcome(test_x).startswith("1 of 2 cases fail:")
    assert made == ["made"]

    @every("name", lambda: [])
    def test_empty(name):
        assert name

    assert _outcome(test_empty) == "no name to check"
