"""Click's usage errors in Dutch: click writes them in English ("Error: No such option …"), while everything
else the command line says is Dutch. The messages click gives, matched and said again; one it does not know is
kept as it is, after the Dutch frame."""

from __future__ import annotations

import re

import click

__all__ = ["usage_in_dutch"]

_OPTION = r"'(?P<name>[^']+)'"
# click words one suggestion "Did you mean '--advisor'?", several "(Did you mean one of: '--force', '--format'?)".
_SUGGESTED = r"(?: \(?Did you mean (?:one of: )?(?P<hint>.*?)\?\)?)?"
# Matched after a trailing full stop is taken off.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^No such option {_OPTION}\.?{_SUGGESTED}$"), "optie {name} bestaat niet"),
    (re.compile(r"^No such option: (?P<name>\S+)$"), "optie {name} bestaat niet"),
    (re.compile(rf"^No such command {_OPTION}$"), "opdracht {name} bestaat niet"),
    (re.compile(rf"^Missing argument {_OPTION}$"), "{name} ontbreekt"),
    (re.compile(rf"^Missing option {_OPTION}$"), "optie {name} ontbreekt"),
    (re.compile(rf"^Option {_OPTION} requires an argument$"), "optie {name} heeft een waarde nodig"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<name>.*)\)$"), "onverwacht extra: {name}"),
    (re.compile(rf"^Invalid value for {_OPTION}: (?P<why>.*)$"), "ongeldige waarde voor {name}: {why}"),
)
_WHY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<v>\S+) is not in the range x>=(?P<lo>\S+)$"), "{v} is kleiner dan {lo}"),
    (re.compile(r"^(?P<v>\S+) is not in the range x<=(?P<hi>\S+)$"), "{v} is groter dan {hi}"),
    (re.compile(r"^(?P<v>\S+) is not in the range (?P<lo>\S+)<=x<=(?P<hi>\S+)$"), "{v} ligt niet tussen {lo} en {hi}"),
    (re.compile(r"^'?(?P<v>[^']*)'? is not a valid integer(?: range)?$"), "‘{v}’ is geen geheel getal"),
    (re.compile(r"^'?(?P<v>[^']*)'? is not one of (?P<choices>.*)$"), "‘{v}’ is geen van {choices}"),
    (re.compile(r"^(?:File|Path) '?(?P<v>[^']*)'? does not exist$"), "bestand ‘{v}’ bestaat niet"),
    (re.compile(r"^(?:File|Path) '?(?P<v>[^']*)'? is a directory$"), "‘{v}’ is een map, geen bestand"),
)


#: The commands' arguments, as a user calls them.
_ARGUMENTS = {"CASE": "het casusbestand", "CASES": "de casusbestanden", "FILE": "het bestand", "INPUT": "de invoer"}


def _said(message: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for pattern, dutch in patterns:
        found = pattern.match(message.strip().rstrip("."))
        if found is None:
            continue
        parts = {k: _ARGUMENTS.get(v, v) for k, v in found.groupdict().items() if v is not None}
        if "why" in parts:  # "Invalid value for '--top': 0 is not in the range x>=1."
            parts["why"] = _said(parts["why"], _WHY) or parts["why"]
        said = dutch.format(**parts)
        if "hint" in parts:  # "(Did you mean one of: '--force', '--format'?)"
            *first, last = [o.strip("' ") for o in parts["hint"].split(",")]
            said += f" (bedoelt u {', '.join(first) + ' of ' if first else ''}{last}?)"
        return said
    return None


def usage_in_dutch(error: click.UsageError) -> str:
    """One Dutch paragraph: what was wrong, where to read how it goes."""
    message = error.format_message()
    command = error.ctx.command_path if error.ctx is not None else "samenwerkwijzer"
    return f"{_said(message, _PATTERNS) or message}. Zie ‘{command} --help’."
