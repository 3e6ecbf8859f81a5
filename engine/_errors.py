"""The one error hierarchy of the library: catch ``SamenwerkwijzerError``."""

from __future__ import annotations

from dataclasses import dataclass


class SamenwerkwijzerError(Exception):
    """Base class of every error this library raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case: where (a field path such as
    ``partners[2].kind``, or a line and column) and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(SamenwerkwijzerError):
    """Something the caller gave is wrong (a case, an id, an option): fix the
    input and try again. The CLI exits with 2 for these."""


class CaseError(InputError):
    """A case file or case data is missing, unreadable or invalid."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self._format())

    def _format(self) -> str:
        if len(self.problems) == 1:
            return f"Invalid case {self.source}: {self.problems[0]}"
        details = "; ".join(str(p) for p in self.problems)
        return f"Invalid case {self.source} ({len(self.problems)} problems): {details}"


class KnowledgeBaseError(SamenwerkwijzerError):
    """The shipped knowledge base or rule set is inconsistent (a packaging or
    authoring defect, not a user error)."""


__all__ = ["CaseError", "InputError", "KnowledgeBaseError", "Problem", "SamenwerkwijzerError"]
