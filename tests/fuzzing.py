"""The fuzz corpus and its mutators: valid cases made malformed, textually
(bytes and characters of a YAML or JSON text) and structurally (values of the
parsed data replaced by hostile ones), plus the reproducers of the hardening
review as fixed seeds. Used by ``tests/reasoning/test_fuzz.py``."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from .conftest import EXAMPLES

# Values a careless user or an attacker puts where a field expects something else.
HOSTILE_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    10**30,
    1e308,
    float("nan"),
    "",
    " ",
    "ja",
    "2026-13-45",
    "\ud800",
    "a\x00b",
    "\x1b]0;titel\x07",
    "\x1b[31mrood\x1b[0m",
    "# Kop\n\n| a | b |\n|---|---|",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "{{ 7*7 }}{% raw %}",
    "é" * 5000,
    "x" * 20000,
    [],
    {},
    [0] * 2000,
    [[[[[[[[[[[[1]]]]]]]]]]]],
    {"__class__": 1},
]

# Texts that are malformed on purpose: the reproducers of the hardening review.
SEEDS: list[str] = [
    'name: X\nobservations:\n  leadership:\n    trekker: !!bool "misschien"\n',
    'name: X\nassessed_on: !!timestamp "gisteren"\n',
    'name: !!int ""\n',
    'name: !!float ""\n',
    'name: !!int "_"\n',
    "name: !!python/object/apply:os.system ['id']\n",
    "name: X\nobservations:\n  network:\n    partner_count: 0x" + "f" * 4000 + "\n",
    "name: X\nobservations:\n  network:\n    partner_count: 0b" + "1" * 14000 + "\n",
    "name: X\nobservations:\n  network:\n    partner_count: 1" + ":59" * 3000 + "\n",
    '{"name": "X", "description": "\\ud800"}',
    '{"name": "X", "name": "Y"}',
    "name: X\nname: Y\n",
    "name: X\nx: [" + "0," * 300_000 + "0]\n",
    "name: " + "[" * 20 + "]" * 20 + "\n",
    "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
    "name: X\n\x85weird: 1\n",
    'name: X\ndescription: "\x1b]0;titel\x07"\n',
    "\ufeffname: X\n",
    "name: X\npartners:\n" + "".join(f"  - {{name: P{n}, kind: gemeente}}\n" for n in range(6000)),
    json.dumps({"name": "X", "partners": [{"name": f"P{n}", "kind": "gemeente"} for n in range(20000)]}),
    json.dumps({"name": "X", "partners": [{"name": "P", "kind": f"k{n}"} for n in range(20000)]}),
]


@dataclass(frozen=True)
class FuzzInput:
    """One input: its text, how it was made, and whether it is JSON."""

    text: str
    how: str
    json_only: bool = False


def corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/*.yaml")])]


def _textual(rng: random.Random, text: str) -> str:
    ops: list[Callable[[str], str]] = [
        lambda t: t[: rng.randrange(len(t))],  # truncate
        lambda t: t[: (i := rng.randrange(len(t)))] + rng.choice(":-[]{}&*!|>'\"#%@`\t\n,?") + t[i:],
        lambda t: t.replace(
            ":", rng.choice(["", "::", " :", ": [", ": !!bool", ": !!int", ": !foo"]), 1 + rng.randrange(3)
        ),
        lambda t: t.replace("  ", rng.choice([" ", "   ", "\t"]), 1 + rng.randrange(5)),
        lambda t: (lines := t.splitlines(True)) and "".join(rng.sample(lines, len(lines))),
        lambda t: t.replace(
            rng.choice(["true", "false", "6", "hoog", "waakzaam", "gemeente", "2026"]),
            rng.choice(
                [
                    "ja",
                    "-1",
                    "1e9",
                    "null",
                    "[]",
                    "{}",
                    "~",
                    "0x1F",
                    "0o17",
                    "1:30",
                    "2026-13-45",
                    "é",
                    ".inf",
                    "!!str 1",
                ]
            ),
        ),
        lambda t: (
            t + rng.choice(["\nonbekend: 1\n", "\n- x\n", "\n  diep:\n    dieper: [1\n", "\n\x07\n", "\nname: Y\n"])
        ),
        lambda t: (
            t[: (i := rng.randrange(len(t)))] + rng.choice(["\x1b]0;x\x07", "\x00", "\x85", "\u2028", "\ufeff"]) + t[i:]
        ),
        lambda t: (
            (lines := t.splitlines(True)) and "".join(lines + lines[rng.randrange(len(lines)) :])
        ),  # repeat a tail
        lambda t: bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in t.encode()).decode(
            "utf-8", errors="replace"
        ),
    ]
    for _ in range(1 + rng.randrange(3)):
        if text:
            text = rng.choice(ops)(text)
    return text


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _paths(value, (*prefix, n))


def _structural(rng: random.Random, data: Any) -> Any:
    """The data with one to three places replaced, removed, duplicated or grown."""
    for _ in range(1 + rng.randrange(3)):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return data
        path = rng.choice(paths)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        choice = rng.randrange(6)
        if choice == 0:
            parent[key] = rng.choice(HOSTILE_VALUES)
        elif choice == 1 and isinstance(parent, dict):
            del parent[key]
        elif choice == 2 and isinstance(parent, list):
            parent.extend([parent[key]] * rng.choice([1, 10, 600]))  # duplicates, and many of them
        elif choice == 3 and isinstance(parent, dict):
            parent[rng.choice(["onbekend", "Name", "partner", "__proto__", str(key) + "x"])] = parent[key]
        elif choice == 4:
            parent[key] = {"nested": parent[key]} if rng.random() < 0.5 else [parent[key]]
        else:
            parent[key] = str(parent[key]) + rng.choice(HOSTILE_VALUES[11:20])
    return data


def inputs(count: int, seed: int) -> Iterator[FuzzInput]:
    """``count`` inputs: the seeds first, then textual and structural mutants
    of the example cases, alternately as YAML and JSON."""
    rng = random.Random(seed)
    texts = corpus()
    datas = [yaml.safe_load(t) for t in texts]
    for n, text in enumerate(SEEDS[:count]):
        yield FuzzInput(text, f"seed {n}", json_only=text.startswith("{"))
    for n in range(max(0, count - len(SEEDS))):
        if n % 2:
            yield FuzzInput(_textual(rng, rng.choice(texts)), f"textual {n}")
            continue
        data = _structural(rng, json.loads(json.dumps(rng.choice(datas), default=str)))
        as_json = rng.random() < 0.5
        try:
            text = (
                json.dumps(data, ensure_ascii=rng.random() < 0.5)
                if as_json
                else yaml.safe_dump(data, allow_unicode=True)
            )
        except (ValueError, yaml.YAMLError):
            text = repr(data)
        yield FuzzInput(text, f"structural {n}", json_only=as_json)
