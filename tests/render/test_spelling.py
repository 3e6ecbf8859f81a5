"""Every Dutch text the program writes is spelled correctly: the knowledge base
(findings, interventions, suppressions, questions, labels), and the letter
templates. Hunspell with the Dutch dictionary (Debian ``hunspell-nl``) checks
each word; the domain words it does not know are in a reviewed list
(tests/data/dutch_allowed_words.txt). Quotes are the sources' own words and
are not checked."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..conftest import ROOT, skip_unless_installed

ALLOWED = ROOT / "tests" / "data" / "dutch_allowed_words.txt"
DICTIONARY = Path("/usr/share/hunspell/nl.dic")
# Keys whose values are codes, references or the sources' own words, not our Dutch.
NOT_DUTCH = {
    "quote", "source", "locator", "id", "fact", "field", "rule", "intervention", "condition", "tier",
    "status", "owner", "when", "role", "fits", "encoded_by", "theme", "left_out", "options", "type",
    "severity", "opposes", "publisher", "short", "title_en",
    "not_when",  # the facts that contradict an intervention, with an English note for authors
    "sets", "follow_up", "basis",  # a statement's case fields and the values its scores give them
}  # fmt: skip
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-’'][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


def _strings(data: Any, key: str | None = None) -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in NOT_DUTCH:
                yield from _strings(v, k)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, key)
    elif isinstance(data, str) and key is not None:
        yield data


def knowledge_texts() -> list[str]:
    texts = []
    paths = [*(ROOT / "knowledge").rglob("*.yaml"), *(ROOT / "rules").glob("*/findings.yaml")]
    paths += (ROOT / "rules").glob("*/suppressions.yaml")
    for path in sorted(paths):
        if path.name in ("coverage.yaml", "sources.yaml"):
            continue  # the coverage map quotes the sources; sources.yaml holds their titles
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


def template_texts() -> list[str]:
    """The letter templates' Dutch: text outside the jinja tags and HTML, and
    the string literals inside the tags that hold words (not keys or paths)."""
    texts = []
    for path in sorted((ROOT / "engine" / "render" / "templates").glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
        source = re.sub(r"<(style|script)>.*?</\1>", " ", source, flags=re.S)
        for tag in re.findall(r"\{[{%].*?[%}]\}", source, flags=re.S):
            texts += [s for s in re.findall(r'"([^"]*)"', tag) if " " in s.strip() or not re.fullmatch(r"[\w.\-]*", s)]
        outside = re.sub(r"\{[{%].*?[%}]\}", " ", source, flags=re.S)
        texts.append(re.sub(r"<[^>]+>", " ", outside))
    return texts


def _words(texts: Iterable[str]) -> set[str]:
    words = set()
    for text in texts:
        text = re.sub(r"“[^”]*”|‘[^’]*’", " ", text)  # quotes and quoted phrases
        words |= {w for w in WORD.findall(text) if not w.isupper()}  # abbreviations such as GGD
    return words


def misspelled(words: set[str]) -> set[str]:
    done = subprocess.run(
        ["hunspell", "-d", "nl_NL", "-l"], input="\n".join(sorted(words)), capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def allowed() -> set[str]:
    lines = ALLOWED.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@pytest.fixture(scope="module")
def hunspell() -> None:
    if shutil.which("hunspell") is None or not DICTIONARY.exists():
        skip_unless_installed("hunspell with the Dutch dictionary (hunspell-nl)")


@functools.cache
def unknown_words() -> frozenset[str]:
    return frozenset(misspelled(_words(knowledge_texts() + template_texts())))


def test_every_dutch_text_is_spelled_correctly(hunspell):
    unknown = unknown_words()
    wrong = sorted(w for w in unknown if w not in allowed() and w.lower() not in allowed())
    assert not wrong, f"not in the Dutch dictionary nor in {ALLOWED.name}: {wrong}"


def test_the_allowed_words_are_all_still_needed(hunspell):
    unknown = {w.lower() for w in unknown_words() | misspelled(_words(letter_texts()))}
    assert not sorted(w for w in allowed() if w.lower() not in unknown)


def test_the_spell_check_catches_a_misspelling(hunspell):
    assert misspelled({"samenwerking", "samenwerkkng"}) == {"samenwerkkng"}


@functools.cache
def letter_texts() -> tuple[str, ...]:
    """The advisor's own words in the letters of all examples and panel cases: the sentences
    composed in engine/wording/_compose.py included. The case's own words (its name,
    description, domain, partners, people) and the sources' are left out. Made once for the two
    tests that read them (diagnosing and rendering are deterministic). The advice is the defect-class
    tests' (the examples as recorded, the panel's cases, the real ones too, entered through the intake),
    made once for the files that read it: tests/conftest.py runs these files in one worker."""
    from samenwerkwijzer import render_letter

    from .test_letter_defect_classes import advice_of, all_names

    texts = []
    for advice in map(advice_of, all_names()):
        letter = render_letter(advice, appendix=True).split("\n## Bronnen")[0]
        case = advice.case
        own = [case.name, case.description or "", case.domain or "", case.addressee or "", case.advisor or ""]
        own += [case.advisor_organisation or "", *(p.name for p in case.partners)]
        own += [v.value for d in advice.divergences for v in d.views]
        case_words = {w.lower() for text in own for w in WORD.findall(text)}
        words = [w for w in WORD.findall(re.sub(r"“[^”]*”|‘[^’]*’", " ", letter)) if w.lower() not in case_words]
        texts.append(" ".join(words))
    return tuple(texts)


def test_every_example_letter_is_spelled_correctly(hunspell):
    unknown = misspelled(_words(letter_texts()))
    wrong = sorted(w for w in unknown if w not in allowed() and w.lower() not in allowed())
    assert not wrong, f"not in the Dutch dictionary nor in {ALLOWED.name}: {wrong}"
