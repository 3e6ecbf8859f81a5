"""``kb check``: the quotes. Every quote is verbatim in a shipped source, and what a letter prints is a statement.

What a letter or an explanation can print is a whole statement
(:func:`~samenwerkwijzer.model._quotes.statement_problem`), every intervention
has a passage that gives its advice in any case, and its first step has an
owner and a moment. Each problem is (the check's name, the message); all are
errors of ``kb check`` (:mod:`._kbcheck`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model._catalogue import Catalogue
from ..model._quotes import printable, printable_problem, statement_problem
from ..model._source_text import quote_is_in_source
from ..model._vocabulary import Reference


def quote_problems(kb: Catalogue) -> Iterator[tuple[str, str]]:
    """(check, message) for every quote that is not verbatim, or not a printable statement."""
    for owner, ref in kb.references():
        if ref.source not in kb.source:
            yield ("references", f"{owner} cites unknown source {ref.source}")
        elif not quote_is_in_source(ref):
            yield ("quotes", f"{owner}: quote not found in {ref.source}: {ref.quote[:70]!r}")
    yield from _statements(kb)


def _statements(kb: Catalogue) -> Iterator[tuple[str, str]]:
    """What a letter or an explanation can print is a whole statement, and every
    intervention has a passage that gives its advice in any case."""
    cited: list[tuple[str, Reference, bool]] = [
        (i.id, ref, i.asks_questions) for i in kb.interventions for ref in i.references
    ]
    cited += [(f"suppression {s.key}", ref, False) for s in kb.suppressions for ref in s.references]
    for owner, ref, asks in cited:
        if ref.source in kb.source and (problem := statement_problem(ref, questions_allowed=asks)):
            yield ("statements", f"{owner}: quote {problem}: {ref.quote[:70]!r}")
        elif owner.startswith("I-") and printable(ref) and (problem := printable_problem(ref, questions_allowed=asks)):
            yield ("statements", f"{owner}: printable quote {problem}: {ref.quote[:70]!r}")
    for intervention in kb.interventions:
        # A passage that gives the advice for every case; where the documents
        # have none that stands on its own in a letter (see printable_problem),
        # an example passage supports it and the letter prints no quote.
        if not any(r.role in ("advies", "illustratie") and r.fits is None for r in intervention.references):
            yield ("statements", f"{intervention.id} has no passage with role advies for every case")
        first = intervention.first_steps[0]
        if first.owner is None or first.when is None:
            yield ("steps", f"{intervention.id}: the first step needs an owner and a moment (when)")
        for step in intervention.first_steps:
            if step.finding is not None and (step.owner is None or step.when is None):
                yield ("steps", f"{intervention.id}: the step for {step.finding} needs an owner and a moment (when)")


__all__ = ["quote_problems"]
