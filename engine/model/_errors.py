"""The one error hierarchy of the library: catch ``SamenwerkwijzerError``.

Every message is Dutch (the texts of other libraries are mapped to Dutch in
:mod:`._messages`), and every class carries the exit code the CLI ends with.
"""

from __future__ import annotations

from dataclasses import dataclass


class SamenwerkwijzerError(Exception):
    """Base class of every error this library raises on purpose. The CLI ends
    with :attr:`exit_code`: 1, refused."""

    exit_code = 1


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

    exit_code = 2


class CaseError(InputError):
    """A case file or case data is missing, unreadable or invalid."""

    #: How the message starts, before the source (``Ongeldige casus case.yaml: …``).
    heading = "Ongeldige casus"

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self._format())

    def _format(self) -> str:
        if len(self.problems) == 1:
            return f"{self.heading} {self.source}: {self.problems[0]}"
        details = "; ".join(str(p) for p in self.problems)
        return f"{self.heading} {self.source} ({len(self.problems)} problemen): {details}"


class AdviceError(CaseError):
    """Advice data (an Advice read back from JSON) is invalid."""

    heading = "Ongeldig advies"


class KnowledgeBaseError(SamenwerkwijzerError):
    """The shipped knowledge base or rule set is inconsistent (a packaging or
    authoring defect, not a user error)."""


__all__ = ["AdviceError", "CaseError", "InputError", "KnowledgeBaseError", "Problem", "SamenwerkwijzerError"]
