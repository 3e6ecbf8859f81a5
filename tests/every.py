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
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., Any])

# A failing value's message is cut after this many lines (a rewritten assertion on a letter quotes the letter).
MAX_LINES = 25


def every(argname: str, values: Sequence[Any]) -> Callable[[F], F]:
    """Run the decorated test once for each of ``values`` given as ``argname``, within one test."""
    values = tuple(values)

    def decorate(check: F) -> F:
        signature = inspect.signature(check)
        if argname not in signature.parameters:
            raise TypeError(f"{check.__name__} takes no argument {argname!r}")

        @functools.wraps(check)
        def test(*args: Any, **kwargs: Any) -> None:
            if not values:
                pytest.fail(f"no {argname} to check", pytrace=False)
            failures = []
            for value in values:
                try:
                    check(*args, **kwargs, **{argname: value})
                except (Exception, pytest.fail.Exception) as error:
                    failures.append(failure(check, value, error))
            if failures:
                head = f"{len(failures)} of {len(values)} {argname}s fail:"
                pytest.fail("\n".join([head, *failures]), pytrace=False)

        # pytest reads the fixtures a test asks for from its signature: all but the one given here.
        test.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for p in signature.parameters.values() if p.name != argname]
        )
        return test  # type: ignore[return-value]

    return decorate


def failure(check: Callable[..., Any], value: Any, error: BaseException) -> str:
    """The value, the last line of the test's own file the error passed through (the test's, or a helper's
    beside it) and the error's message, cut after MAX_LINES lines."""
    code = check.__code__
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == code.co_filename]
    where = f"line {frames[-1].lineno}: {frames[-1].line}" if frames else "when called"
    kind = type(error).__name__ if not isinstance(error, pytest.fail.Exception) else "Failed"
    lines = f"{kind}: {error}".splitlines() or [kind]
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], f"… ({len(lines) - MAX_LINES} more lines)"]
    body = "\n".join(f"    {line}" for line in lines)
    return f"- {value}, {where}\n{body}"
