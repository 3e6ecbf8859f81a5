"""The rules for their documentation: a rule by id, its conclusions in words and as data, its examples run.

``rules show`` and ``rules list`` read a rule through :func:`find_rule`,
:func:`rule_summary` and :func:`describe_conclusion`; the rule pages
(``_ruledoc_pages``, with the sentences of ``_ruledoc_words``) and the tests
run a rule's example cases with :func:`run_example`, on :data:`EXAMPLE_DATE`.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model._advice import Advice
from ..model._catalogue import Catalogue, load_catalogue
from ..model._errors import InputError
from ..model._facts import FACT_LABELS
from ..model._loading import case_from_data
from ..model._messages import or_list
from ..reasoning._condition_text import Code, Language, describe, fact_text, plain
from ..reasoning._diagnose import diagnose
from ..reasoning._rule_book import RuleBook, default_rule_book
from ..rules.dsl import Conclusion, Diagnose, Recommend, RuleSpec, Suppress
from ..wording._value_text import format_value
from ._examples import EXAMPLE_DATE
from ._ruledoc_words import RULE_PAGE_WORDS

RULES_PACKAGE = "samenwerkwijzer.rules."


def find_rule(rule_id: str, *, rule_book: RuleBook | None = None) -> RuleSpec:
    """The rule with this id, in any case (``rol001``), of ``rule_book`` (the
    shipped rules by default); an :class:`InputError` with a did-you-mean for
    an unknown id."""
    rules = (rule_book or default_rule_book()).by_id
    wanted = rule_id.strip().upper()
    if wanted in rules:
        return rules[wanted]
    close = difflib.get_close_matches(wanted, list(rules), n=3)
    hint = f"bedoelt u {or_list(close)}?" if close else "zie 'samenwerkwijzer rules list'"
    raise InputError(f"onbekende regel {rule_id!r}; {hint}")


def module_name(rule: RuleSpec) -> str:
    """The rule's module without the package prefix (``roles``)."""
    return rule.module.removeprefix(RULES_PACKAGE).split(".")[0]  # a concern's part (situation.phase) is the concern


def intervention_concerns(rules: Iterable[RuleSpec] | None = None) -> dict[str, dict[str, list[str]]]:
    """Each intervention of the shared catalogue with the concerns whose rules recommend it, and those rules
    (``{"I-…": {"roles": ["ROL101"], …}}``); an intervention no rule recommends is absent. Generated for the
    rule index, so that the catalogue never says it by hand."""
    out: dict[str, dict[str, list[str]]] = {}
    for rule in rules if rules is not None else default_rule_book().rules:
        for c in rule.then:
            if isinstance(c, Recommend):
                out.setdefault(c.intervention, {}).setdefault(module_name(rule), []).append(rule.id)
    return {i: {m: sorted(ids) for m, ids in sorted(by.items())} for i, by in sorted(out.items())}


# ---------------------------------------------------------------- docstring

#: The fixed headings of a rule's docstring, in their order (DEVELOPERS.md, "Adding a rule").
DOC_HEADINGS = ("Why", "Source", "Not when")
_HEADING = re.compile(r"^(Why|Source|Not when):\s*")


@dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring by its parts: the one-line conclusion, then what follows each fixed heading
    (``headings`` in the order written, each with its text on one line)."""

    summary: str
    headings: tuple[tuple[str, str], ...]

    def part(self, heading: str) -> str:
        """The text under ``heading``, or ``""`` where the docstring lacks it."""
        return next((text for name, text in self.headings if name == heading), "")


def rule_doc(doc: str) -> RuleDoc:
    """Split a rule's docstring into its one-line conclusion and the text under each heading that opens a
    line (``Why:``, ``Source:``, ``Not when:``); a line that opens with none continues the part above it."""
    summary, _, rest = doc.strip().partition("\n\n")
    parts: list[tuple[str, list[str]]] = []
    for line in rest.splitlines():
        found = _HEADING.match(line.strip())
        if found:
            parts.append((found.group(1), [line.strip()[found.end() :]]))
        elif parts:
            parts[-1][1].append(line.strip())
    headings = tuple((name, " ".join(" ".join(words).split())) for name, words in parts)
    return RuleDoc(summary=" ".join(summary.split()), headings=headings)


# ---------------------------------------------------------------- words


def _case_file(value: Any) -> str:
    return format_value(value, "case_file")


def describe_conclusion(
    rule_id: str, conclusion: Conclusion, kb: Catalogue, code: Code = plain, lang: Language = "en"
) -> str:
    """What rule ``rule_id`` may conclude, in words, with ids and Dutch titles."""
    w = RULE_PAGE_WORDS[lang]
    if isinstance(conclusion, Diagnose):
        return w.diagnoses.format(id=code(conclusion.finding), title=kb.finding[conclusion.finding].title)
    if isinstance(conclusion, Recommend):
        title = kb.intervention[conclusion.intervention].title
        return w.recommends.format(id=code(conclusion.intervention), title=title)
    if isinstance(conclusion, Suppress):
        title = kb.intervention[conclusion.intervention].title
        reason = kb.suppression_reason(rule_id, conclusion.intervention)
        return w.suppresses.format(id=code(conclusion.intervention), title=title, reason=reason)
    value = "" if conclusion.value is None else f" = {code(_case_file(conclusion.value))}"
    return w.derives.format(fact=fact_text(conclusion.path, code), value=value)


def _conclusion_data(rule_id: str, conclusion: Conclusion, kb: Catalogue) -> dict[str, str]:
    if isinstance(conclusion, Diagnose):
        return {"kind": "diagnose", "id": conclusion.finding, "title": kb.finding[conclusion.finding].title}
    if isinstance(conclusion, Recommend):
        item = kb.intervention[conclusion.intervention]
        return {"kind": "recommend", "id": item.id, "title": item.title}
    if isinstance(conclusion, Suppress):
        item = kb.intervention[conclusion.intervention]
        reason = kb.suppression_reason(rule_id, item.id)
        return {"kind": "suppress", "id": item.id, "title": item.title, "reason": reason}
    return {"kind": "derive", "id": conclusion.path, "title": FACT_LABELS[conclusion.path]}


def rule_summary(rule_id: str, *, rule_book: RuleBook | None = None) -> dict[str, Any]:
    """A rule as plain data (for ``rules list --format json``)."""
    rule, kb = find_rule(rule_id, rule_book=rule_book), load_catalogue()
    return {
        "id": rule.id,
        "name": rule.name,
        "title": rule.title,
        "module": rule.module,
        "conditions": [describe(c, kb, "en") for c in rule.when],
        "conclusions": [_conclusion_data(rule.id, c, kb) for c in rule.then],
    }


def example_case(rule_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """An example case of a rule (the data of a case file without its name) as a complete case file."""
    plain: dict[str, Any] = json.loads(json.dumps(data))  # a fresh copy with no shared objects
    return {"name": f"Voorbeeld {rule_id}", **plain}


def run_example(rule_id: str, data: Mapping[str, Any]) -> Advice:
    """Diagnose an example case of a rule on :data:`EXAMPLE_DATE`."""
    return _run_example(rule_id, json.dumps(data, sort_keys=True))


@functools.lru_cache(maxsize=1024)
def _run_example(rule_id: str, data: str) -> Advice:
    # Cached: writing and checking the pages diagnoses the same few hundred cases again.
    return diagnose(case_from_data(example_case(rule_id, json.loads(data))), today=EXAMPLE_DATE)


__all__ = [
    "DOC_HEADINGS",
    "RuleDoc",
    "rule_doc",
    "intervention_concerns",
    "RULES_PACKAGE",
    "describe_conclusion",
    "example_case",
    "find_rule",
    "module_name",
    "rule_summary",
    "run_example",
]
