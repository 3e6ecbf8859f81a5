"""The rules' example cases: data files beside the rules, read only by authoring tools.

Each rule module ``rules/<module>/__init__.py`` has a file ``rules/<module>/examples.yaml``
that maps each of its rule ids to ``fires`` (cases on which the rule fires, each with
the conclusions it must draw under ``expect``) and ``silent`` (near misses on which it
must not fire). The files are test and documentation data of a source checkout: they
are not installed with the package, and nothing here runs during a diagnosis. The
rule documentation (:mod:`._ruledocs`) and ``tests/reasoning/test_rule_examples.py`` load them with
:func:`load_examples`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .. import rules
from ..model._advice import Advice, FactValue
from ..model._catalogue import FAST_LOADER
from ..model._errors import InputError

EXAMPLE_DATE = date(2026, 1, 1)
"""The reference date examples are diagnosed on, so their conclusions do not change with the calendar."""

EXPECT_KEYS = ("derives", "findings", "interventions", "withheld", "suppresses")
"""What a rule can conclude on a case, as ``expect`` spells it:

``derives``
    facts the rule derived, ``path: value``;
``findings``
    findings among whose reasons the rule is;
``interventions``
    interventions the rule recommends that the advice recommends (not withheld);
``withheld``
    interventions the rule recommends that a suppression withholds;
``suppresses``
    interventions the rule withholds."""


@dataclass(frozen=True)
class Expect:
    """The conclusions one rule draws on one case (lists sorted)."""

    derives: dict[str, FactValue] = field(default_factory=dict)
    findings: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    withheld: tuple[str, ...] = ()
    suppresses: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, key) for key in EXPECT_KEYS)

    def as_data(self) -> dict[str, Any]:
        """The non-empty keys, as an example file spells them."""
        out: dict[str, Any] = {}
        for key in EXPECT_KEYS:
            value = getattr(self, key)
            if value:
                out[key] = dict(value) if key == "derives" else list(value)
        return out


@dataclass(frozen=True)
class FiringCase:
    """A case (the data of a case file without its ``name``) and what the rule must conclude on it."""

    case: dict[str, Any]
    expect: Expect


@dataclass(frozen=True)
class RuleExamples:
    """A rule's firing cases and near misses, and the file they are written in."""

    rule_id: str
    source: Path
    fires: tuple[FiringCase, ...]
    silent: tuple[dict[str, Any], ...]

    @property
    def location(self) -> str:
        """The file as the checkout names it (``rules/roles/examples.yaml``)."""
        return f"rules/{self.source.parent.name}/{self.source.name}"


def concluded_by(advice: Advice, rule_id: str) -> Expect:
    """What ``rule_id`` concluded in ``advice``; empty when the rule did not fire."""
    return Expect(
        derives={f.path: f.value for f in advice.facts if f.derived_by == rule_id},
        findings=tuple(sorted(f.id for f in advice.findings if any(r.rule == rule_id for r in f.reasons))),
        interventions=tuple(sorted(i.id for i in advice.interventions if any(r.rule == rule_id for r in i.reasons))),
        withheld=tuple(sorted(s.id for s in advice.suppressed if any(r.rule == rule_id for r in s.recommended_by))),
        suppresses=tuple(sorted(s.id for s in advice.suppressed if any(x.rule == rule_id for x in s.suppressed_by))),
    )


def examples_folder() -> Path | None:
    """``rules/`` of the source checkout the rules are imported from (each concern's
    ``examples.yaml`` beside its rules), or ``None`` in an installed wheel (the
    examples are not installed)."""
    # resolve(): an editable install links the modules from a tree of its own
    folder = Path(rules.__file__).resolve().parent
    return folder if any(folder.glob("*/examples.yaml")) else None


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path}: {where}: {problem}")


def _case(value: Any, path: Path, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(
            path, where, "een casus is een verzameling velden (de gegevens van een casusbestand zonder de naam)"
        )
    if "name" in value:
        raise _fail(path, where, "een casus heeft hier geen naam; de voorbeelden noemen hem naar de regel")
    plain: dict[str, Any] = json.loads(json.dumps(value))  # a fresh copy with plain JSON types
    return plain


def _names(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        raise _fail(path, where, "moet een lijst met ten minste één id zijn")
    if len(set(value)) != len(value):
        raise _fail(path, where, "noemt een id twee keer")
    return tuple(sorted(value))


def _expect(value: Any, path: Path, where: str) -> Expect:
    if not isinstance(value, dict) or not value:
        raise _fail(path, where, f"moet een verzameling zijn met een of meer van {', '.join(EXPECT_KEYS)}")
    unknown = sorted(set(value) - set(EXPECT_KEYS))
    if unknown:
        raise _fail(path, where, f"onbekende sleutel {unknown[0]!r}; de sleutels zijn {', '.join(EXPECT_KEYS)}")
    derives = value.get("derives", {})
    if not isinstance(derives, dict) or ("derives" in value and not derives):
        raise _fail(path, f"{where}.derives", "moet feitpaden aan waarden koppelen (ten minste één)")
    lists = {key: _names(value[key], path, f"{where}.{key}") for key in EXPECT_KEYS[1:] if key in value}
    return Expect(derives=dict(derives), **lists)


def _entries(value: Any, path: Path, where: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _fail(path, where, "moet een lijst met ten minste één item zijn")
    return value


def _firing(value: Any, path: Path, where: str) -> FiringCase:
    if not isinstance(value, dict) or set(value) != {"case", "expect"}:
        raise _fail(path, where, "een voorbeeld waarop de regel vuurt heeft precies de sleutels 'case' en 'expect'")
    return FiringCase(_case(value["case"], path, f"{where}.case"), _expect(value["expect"], path, f"{where}.expect"))


def _silent(value: Any, path: Path, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != {"case"}:
        raise _fail(path, where, "een bijna-treffer heeft precies de sleutel 'case'")
    return _case(value["case"], path, f"{where}.case")


def _rule(rule_id: str, value: Any, path: Path) -> RuleExamples:
    if not isinstance(value, dict) or set(value) != {"fires", "silent"}:
        raise _fail(path, rule_id, "de voorbeelden van een regel hebben precies de sleutels 'fires' en 'silent'")
    fires = [
        _firing(v, path, f"{rule_id}.fires[{n}]")
        for n, v in enumerate(_entries(value["fires"], path, f"{rule_id}.fires"))
    ]
    silent = [
        _silent(v, path, f"{rule_id}.silent[{n}]")
        for n, v in enumerate(_entries(value["silent"], path, f"{rule_id}.silent"))
    ]
    return RuleExamples(rule_id, path, tuple(fires), tuple(silent))


def load_examples(folder: Path) -> dict[str, RuleExamples]:
    """Every rule's examples in ``folder`` (``rules/``: each concern's ``examples.yaml``), by rule id.

    Raises :class:`InputError` naming the file and the entry for a malformed
    example or a rule id given in two files."""
    out: dict[str, RuleExamples] = {}
    for path in sorted(folder.glob("*/examples.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)  # noqa: S506 (safe loader)
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: kan de voorbeelden niet lezen ({type(exc).__name__})") from exc
        if not isinstance(data, dict):
            raise _fail(path, "bovenaan", "moet regel-ids aan hun voorbeelden koppelen")
        for rule_id, value in data.items():
            if not isinstance(rule_id, str):
                raise _fail(path, str(rule_id), "een regel-id is tekst")
            if rule_id in out:
                raise _fail(path, rule_id, f"staat al in {out[rule_id].location}")
            out[rule_id] = _rule(rule_id, value, path)
    return out


__all__ = [
    "EXAMPLE_DATE",
    "EXPECT_KEYS",
    "Expect",
    "FiringCase",
    "RuleExamples",
    "concluded_by",
    "examples_folder",
    "load_examples",
]
