"""The bounded YAML and JSON parser of case text: budgets, the restricted loader, Dutch errors.

Every input is bounded (see :mod:`._limits`): at most ``MAX_CASE_BYTES`` are
parsed, YAML is composed with a node and depth budget by a safe loader that
refuses what a case never needs (tags, aliases, exotic numbers, duplicate
keys), JSON is decoded with the same budget, and :func:`shape_problem` is the
linear pre-check of parsed data before pydantic sees it. Every failure is a
:class:`CaseError` in Dutch, which quotes at most ``MAX_QUOTED_CHARS``
characters of a value. Validating the data as a case is ``_loading``'s.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ._errors import CaseError, Problem
from ._limits import MAX_CASE_BYTES, MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, MAX_QUOTED_CHARS
from ._messages import json_reason, number_nl, yaml_reason

__all__ = [
    "INVALID_JSON",
    "INVALID_YAML",
    "parse_case_data",
    "parse_value",
    "quote_value",
    "shape_problem",
    "too_large",
]

_YAML_TAG = "tag:yaml.org,2002:"
INVALID_JSON = "ongeldige JSON"
INVALID_YAML = "ongeldige YAML"
_INT = re.compile(rf"^[-+]?(?:0|[1-9][0-9]{{0,{MAX_INT_DIGITS - 1}}})$")
_FLOAT = re.compile(r"^[-+]?[0-9]{0,15}\.[0-9]{1,15}(?:[eE][-+]?[0-9]{1,3})?$")


def quote_value(value: Any) -> str:
    """``repr(value)``, bounded: a message never formats an unbounded value."""
    if isinstance(value, str):
        if len(value) <= MAX_QUOTED_CHARS:
            return repr(value)
        return repr(value[: MAX_QUOTED_CHARS - 1]) + "…"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 192:
        return f"een getal van ongeveer {number_nl(int(value.bit_length() * 0.30103))} cijfers"
    text = repr(value)
    return text if len(text) <= MAX_QUOTED_CHARS else text[: MAX_QUOTED_CHARS - 1] + "…"


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a case file may not use (tags, aliases, too many nodes, ...)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(None, None, problem, mark)


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


try:  # libyaml's parser when it is there (ten times faster); the composer stays Python
    from yaml._yaml import CParser

    class _SafeLoader(Composer, CParser, SafeConstructor, Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LIBYAML = True
except ImportError:  # pragma: no cover (PyYAML without libyaml)
    _SafeLoader = yaml.SafeLoader  # type: ignore[misc,assignment]
    _LIBYAML = False


class _CaseLoader(_SafeLoader):
    """A safe loader, restricted to what a case needs.

    - No anchors and aliases: they have no use in a case file, and a few nested
      aliases expand into billions of nodes ("billion laughs").
    - No explicit tags (``!!bool``, ``!!timestamp``, ``!foo``): their
      constructors crash on odd values, and a case never needs one.
    - No YAML 1.1 exotic numbers: hexadecimal, octal, binary and sexagesimal
      (``1:30``) integers, integers of more than ``MAX_INT_DIGITS`` digits,
      merge keys (``<<``) are plain text, which the case model then refuses
      where it wants a number.
    - At most ``MAX_NODES`` values and ``MAX_DEPTH`` levels, counted while
      composing, so a large input is refused before it is built.
    - No duplicate keys in a mapping.

    The composer is PyYAML's Python one on purpose: libyaml's C composer
    overflows the C stack on deeply nested input; this one counts the depth."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag.removeprefix(_YAML_TAG) not in ("int", "float", "merge", "value")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        mark = event.start_mark if event is not None else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("ankers en aliassen (& en *) zijn in een casusbestand niet toegestaan", mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(
                f"labels ({quote_value(_tag_name(tag))}) zijn in een casusbestand niet toegestaan; "
                "schrijf alleen de waarde",
                mark,
            )
        if not (isinstance(parent, yaml.MappingNode) and index is None):  # keys are not counted
            self._nodes += 1
            if self._nodes > MAX_NODES:
                raise _Refused(_TOO_MANY, mark)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(_TOO_DEEP, mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception:  # e.g. a date like 2026-13-45
            raise _Refused("ongeldige waarde (bijvoorbeeld een datum die niet bestaat)", node.start_mark) from None

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                first = seen.setdefault(key, key_node)
            except TypeError:
                raise _Refused(
                    "een veldnaam moet een gewone waarde zijn, geen lijst of verzameling velden", key_node.start_mark
                ) from None
            if first is not key_node:
                raise _Refused(
                    f"dubbel veld {quote_value(key)} (eerder op regel {first.start_mark.line + 1})", key_node.start_mark
                )
        return super().construct_mapping(node, deep)


_CaseLoader.add_implicit_resolver(_YAML_TAG + "int", _INT, list("-+0123456789"))
_CaseLoader.add_implicit_resolver(_YAML_TAG + "float", _FLOAT, list("-+0123456789."))


_TOO_MANY = f"heeft te veel waarden (meer dan {number_nl(MAX_NODES)})"
_TOO_DEEP = f"is te diep genest (hoogstens {MAX_DEPTH} niveaus)"


def too_large(size: int, *, exact: bool = False) -> Problem:
    # MAX_CASE_BYTES + 1 bytes is what a bounded read gives for anything larger.
    amount = f"meer dan {number_nl(MAX_CASE_BYTES)}" if size == MAX_CASE_BYTES + 1 and not exact else number_nl(size)
    return Problem("", f"is te groot ({amount} bytes; een casus is hoogstens {number_nl(MAX_CASE_BYTES)} bytes)")


def _size(text: str | bytes) -> int:
    if isinstance(text, bytes) or len(text) > MAX_CASE_BYTES:
        return len(text)  # a character is at least one byte
    return len(text.encode("utf-8", "surrogatepass"))


def _line_column(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"regel {line}, kolom {column}"


def parse_case_data(text: str | bytes, *, source: str, json_only: bool) -> Any:
    """Case text, bounded and decoded, parsed into data (not yet validated)."""
    size = _size(text)
    if size > MAX_CASE_BYTES:
        raise CaseError(source, [too_large(size)])
    if isinstance(text, bytes):
        if b"\x00" in text:
            raise CaseError(source, [Problem("", "is een binair bestand, geen casus in YAML of JSON")])
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseError(source, [Problem("", "is geen UTF-8-tekst")]) from None
    if not text.strip():
        raise CaseError(source, [Problem("", "is leeg; een casus heeft ten minste een naam")])
    return _parse_text(text, source=source, json_only=json_only)


def _parse_text(text: str, *, source: str, json_only: bool) -> Any:
    try:
        return _load_json(text) if json_only else _load_yaml(text)
    except CaseError as exc:
        raise CaseError(source, exc.problems) from None
    except RecursionError:
        raise CaseError(source, [Problem("", _TOO_DEEP)]) from None
    except _JsonRefused as exc:
        raise CaseError(source, [Problem(exc.where, exc.message)]) from None
    except json.JSONDecodeError as exc:
        raise CaseError(
            source, [Problem(f"regel {exc.lineno}, kolom {exc.colno}", f"{INVALID_JSON}: {json_reason(exc.msg)}")]
        ) from None
    except _Refused as exc:
        raise CaseError(source, [Problem(_where(exc.problem_mark), str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.problem == "exceeded maximum nesting depth":  # libyaml's own bound, past ours
            raise CaseError(source, [Problem(_where(mark), _TOO_DEEP)]) from None
        reason = yaml_reason(exc.problem or exc.context)
        raise CaseError(source, [Problem(_where(mark), f"{INVALID_YAML}: {reason}")]) from None
    except yaml.reader.ReaderError as exc:
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else quote_value(exc.character)
        position = exc.position
        if _LIBYAML:  # libyaml counts UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        raise CaseError(
            source, [Problem(_line_column(text, position), f"{INVALID_YAML}: {yaml_reason(exc.reason)} ({what})")]
        ) from None
    except yaml.YAMLError as exc:
        raise CaseError(source, [Problem("", f"{INVALID_YAML}: {yaml_reason(str(exc))}")]) from None
    except Exception as exc:  # the last resort: never a traceback
        raise CaseError(source, [Problem("", f"kan niet worden gelezen ({type(exc).__name__})")]) from None


def _where(mark: Any) -> str:
    return f"regel {mark.line + 1}, kolom {mark.column + 1}" if mark is not None else ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _load_yaml(text: str) -> Any:
    surrogate = _SURROGATE.search(text)  # libyaml reads UTF-8, which cannot hold one
    if surrogate is not None:
        where = _line_column(text, surrogate.start())
        raise CaseError("", [Problem(where, f"een losse surrogaat (U+{ord(surrogate.group()):04X}) is geen tekst")])
    loader = _CaseLoader(text)  # what yaml.load does, with our loader
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


class _JsonRefused(Exception):
    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def _load_json(text: str) -> Any:
    # The C decoder cannot be stopped early, but its hooks can: count the objects
    # and numbers it builds and give up past the node budget.
    built = [0]

    def count(n: int) -> None:
        built[0] += n
        if built[0] > MAX_NODES:
            raise _JsonRefused(_TOO_MANY)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        count(1)
        mapping = dict(items)
        if len(mapping) != len(items):
            key = next(k for k, n in Counter(k for k, _ in items).items() if n > 1)
            raise _JsonRefused(f"dubbel veld {quote_value(key)}{_json_key_lines(text, key)}")
        return mapping

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise _JsonRefused(f"{INVALID_JSON}: een getal van meer dan {MAX_INT_DIGITS} cijfers")
        count(1)
        return int(digits)

    def constant(name: str) -> Any:
        raise _JsonRefused(f"{INVALID_JSON}: {name} is geen getal")

    return json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_constant=constant)


def _json_key_lines(text: str, key: str) -> str:
    """The lines of a duplicate key, when the key occurs exactly twice."""
    found = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    if len(found) != 2:
        return ""
    first, second = (text.count("\n", 0, p) + 1 for p in found)
    return f" (regel {first})" if first == second else f" (regels {first} en {second})"


def parse_value(text: str, *, source: str) -> Any:
    """One value of a ``--set`` assignment, read as YAML with the case file's
    loader (no tags or aliases, bounded). Text that is not valid YAML is taken
    as it is; a value the loader refuses is a :class:`CaseError`."""
    if _size(text) > MAX_CASE_BYTES:
        raise CaseError(source, [too_large(_size(text))])
    try:
        return _parse_text(text, source=source, json_only=False)
    except CaseError as exc:
        if any(p.message.startswith(INVALID_YAML + ":") for p in exc.problems):
            return text
        raise


def shape_problem(data: Any) -> str | None:
    """A cheap linear pre-check of parsed data, before pydantic builds anything:
    at most ``MAX_NODES`` values and ``MAX_DEPTH`` levels. Stops at the limit."""
    nodes, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return _TOO_MANY
        if level > MAX_DEPTH:
            return _TOO_DEEP
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return None
