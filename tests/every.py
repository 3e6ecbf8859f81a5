"""One test that checks every case, in place of one test per case (issue 25, target 7; bench/README.md).

``@every("name", ALL_NAMES)`` stands where ``@pytest.mark.parametrize("name", ALL_NAMES)`` stood: the test's body
runs for every value in turn, every value is checked even after one failed, and the test fails when any one
value fails, naming each failing value, the line of the test that failed and what it said (pytest's rewritten
assertion message). The test keeps its name, docstring, place and any other fixtures it asks for.

Why: most of the suite's tests were one letter's check each (three files held 9,700 of its 13,900 tests), and
pytest's own work per test (setup, teardown, reporting, and under xdist sending each report to the controller:
some 1 ms of CPU a test) outweighed the check itself, a few string searches in a letter made once.
"""

from __future__ import annotations

import functools
import inspect
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., Any])

# A failing value's message is cut after this many lines (a rewritten assertion on a letter quotes the letter).
MAX_LINES = 25


def every(
    argnames: str | tuple[str, ...],
    values: Iterable[Any] | Callable[[], Iterable[Any]],
    ids: Sequence[str] | Callable[[Any], str] | None = None,
) -> Callable[[F], F]:
    """Run the decorated test once for each of ``values`` given as ``argnames`` (one name, or several as in
    ``pytest.mark.parametrize``: "a, b" or a tuple, each value then a tuple), within one test. ``ids`` names the
    values in the message (a list beside them, or a function of a value); by default the value itself.

    ``values`` may be a function that gives them: it is called when the test runs, not when its module is
    imported, so that a test process that collects the test but does not run it (every xdist worker collects
    every file) does not make them."""
    names = tuple(n.strip() for n in argnames.split(",")) if isinstance(argnames, str) else tuple(argnames)

    def given(value: Any) -> dict[str, Any]:
        if len(names) == 1:
            return {names[0]: value}
        if len(value) != len(names):
            raise ValueError(f"{value!r} is not one value for each of {names}")
        return dict(zip(names, value, strict=True))

    def label(n: int, value: Any) -> str:
        if ids is None:
            return ", ".join(map(str, value)) if len(names) > 1 else str(value)
        return ids[n] if isinstance(ids, Sequence) else ids(value)

    @functools.cache
    def cases() -> list[tuple[str, dict[str, Any]]]:
        listed = tuple(values() if callable(values) else values)
        if isinstance(ids, Sequence) and len(ids) != len(listed):
            raise ValueError(f"{len(ids)} ids for {len(listed)} values")
        return [(label(n, value), given(value)) for n, value in enumerate(listed)]

    if not callable(values):
        values = tuple(values)  # an iterator is read once, here
        cases()  # and a mistake in the list shows at import, as with pytest.mark.parametrize

    def decorate(check: F) -> F:
        signature = inspect.signature(check)
        missing = [n for n in names if n not in signature.parameters]
        if missing:
            raise TypeError(f"{check.__name__} takes no argument {missing[0]!r}")

        @functools.wraps(check)
        def test(*args: Any, **kwargs: Any) -> None:
            if not cases():
                pytest.fail(f"no {', '.join(names)} to check", pytrace=False)
            failures = []
            for case, arguments in cases():
                try:
                    check(*args, **kwargs, **arguments)
                except (Exception, pytest.fail.Exception) as error:
                    failures.append(failure(check, case, error))
            if failures:
                head = f"{len(failures)} of {len(cases())} cases fail:"
                pytest.fail("\n".join([head, *failures]), pytrace=False)

        # pytest reads the fixtures a test asks for from its signature: all but the ones given here.
        test.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for p in signature.parameters.values() if p.name not in names]
        )
        return test  # type: ignore[return-value]

    return decorate


def failure(check: Callable[..., Any], case: str, error: BaseException) -> str:
    """The case, the last line of the test's own file the error passed through (the test's, or a helper's
    beside it) and the error's message, cut after MAX_LINES lines."""
    code = check.__code__
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == code.co_filename]
    where = f"line {frames[-1].lineno}: {frames[-1].line}" if frames else "when called"
    kind = type(error).__name__ if not isinstance(error, pytest.fail.Exception) else "Failed"
    lines = f"{kind}: {error}".splitlines() or [kind]
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], f"… ({len(lines) - MAX_LINES} more lines)"]
    body = "\n".join(f"    {line}" for line in lines)
    return f"- {case}, {where}\n{body}"
