"""Read a case from a file, a string or a mapping, with errors a user can act on.

Every input is bounded (see :mod:`._limits`): at most ``MAX_CASE_BYTES`` are
read from any source, YAML is composed with a node and depth budget, and the
parsed data passes a linear pre-check before pydantic sees it. Every failure is
a :class:`CaseError`; messages list at most ``MAX_PROBLEMS`` problems and quote
at most ``MAX_QUOTED_CHARS`` characters of a value.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import stat
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ._case import Case
from ._errors import AdviceError, CaseError, Problem
from ._limits import (
    MAX_CASE_BYTES,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    MAX_NODES,
    MAX_PARTNERS,
    MAX_PROBLEMS,
    MAX_QUOTED_CHARS,
    MAX_RESPONDENTS,
)

if TYPE_CHECKING:
    from ._advice import Advice
from ._messages import json_reason, number_nl, os_reason, pydantic_message, type_nl, yaml_reason

__all__ = [
    "MAX_CASE_BYTES",
    "MAX_DEPTH",
    "advice_from_data",
    "case_from_data",
    "load_case",
    "parse_case",
    "read_case_stream",
]

_YAML_TAG = "tag:yaml.org,2002:"
INVALID_JSON = "ongeldige JSON"
INVALID_YAML = "ongeldige YAML"
_INT = re.compile(rf"^[-+]?(?:0|[1-9][0-9]{{0,{MAX_INT_DIGITS - 1}}})$")
_FLOAT = re.compile(r"^[-+]?[0-9]{0,15}\.[0-9]{1,15}(?:[eE][-+]?[0-9]{1,3})?$")


def _quote(value: Any) -> str:
    """``repr(value)``, bounded: a message never formats an unbounded value."""
    if isinstance(value, str):
        if len(value) <= MAX_QUOTED_CHARS:
            return repr(value)
        return repr(value[: MAX_QUOTED_CHARS - 1]) + "…"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 192:
        return f"een getal van ongeveer {number_nl(int(value.bit_length() * 0.30103))} cijfers"
    text = repr(value)
    return text if len(text) <= MAX_QUOTED_CHARS else text[: MAX_QUOTED_CHARS - 1] + "…"


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
                f"labels ({_quote(_tag_name(tag))}) zijn in een casusbestand niet toegestaan; schrijf alleen de waarde",
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
                    f"dubbel veld {_quote(key)} (eerder op regel {first.start_mark.line + 1})", key_node.start_mark
                )
        return super().construct_mapping(node, deep)


_CaseLoader.add_implicit_resolver(_YAML_TAG + "int", _INT, list("-+0123456789"))
_CaseLoader.add_implicit_resolver(_YAML_TAG + "float", _FLOAT, list("-+0123456789."))


_TOO_MANY = f"heeft te veel waarden (meer dan {number_nl(MAX_NODES)})"
_TOO_DEEP = f"is te diep genest (hoogstens {MAX_DEPTH} niveaus)"


def _too_large(size: int, *, exact: bool = False) -> Problem:
    # MAX_CASE_BYTES + 1 bytes is what a bounded read gives for anything larger.
    amount = f"meer dan {number_nl(MAX_CASE_BYTES)}" if size == MAX_CASE_BYTES + 1 and not exact else number_nl(size)
    return Problem("", f"is te groot ({amount} bytes; een casus is hoogstens {number_nl(MAX_CASE_BYTES)} bytes)")


def read_case_stream(stream: BinaryIO, *, source: str = "<stream>") -> Case:
    """Read a case from an open binary stream (e.g. standard input), reading at
    most ``MAX_CASE_BYTES + 1`` bytes."""
    try:
        raw = stream.read(MAX_CASE_BYTES + 1)
    except OSError as exc:
        raise CaseError(source, [Problem("", f"kan niet worden gelezen ({os_reason(exc)})")]) from None
    return parse_case(raw, source=source)


def _read_file(path: Path) -> bytes:
    source = str(path)
    not_regular = Problem(
        "", "is geen gewoon bestand (een apparaat, pijp of socket); geef een casusbestand, of - voor standaardinvoer"
    )
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise CaseError(source, [Problem("", "is een map, geen casusbestand")])
        if not stat.S_ISREG(info.st_mode):
            raise CaseError(source, [not_regular])
        if info.st_size > MAX_CASE_BYTES:
            raise CaseError(source, [_too_large(info.st_size, exact=True)])
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it never blocks.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise CaseError(source, [not_regular])
            return handle.read(MAX_CASE_BYTES + 1)
    except FileNotFoundError:
        raise CaseError(source, [Problem("", "bestand niet gevonden")]) from None
    except IsADirectoryError:
        raise CaseError(source, [Problem("", "is een map, geen casusbestand")]) from None
    except OSError as exc:
        raise CaseError(source, [Problem("", f"kan niet worden gelezen ({os_reason(exc)})")]) from None
    except ValueError:  # e.g. a NUL byte in the path
        raise CaseError(source, [Problem("", "kan niet worden gelezen (geen geldig pad)")]) from None


def load_case(path: str | Path) -> Case:
    """Load a case file (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    raw = _read_file(path)
    return parse_case(raw, source=str(path), json_only=path.suffix.lower() == ".json")


def load_case_data(path: str | Path) -> dict[str, Any]:
    """The data of a case file as written (before defaults are filled in), read
    with the same bounds and checks as :func:`load_case` and valid as a case.
    Dates come back as ISO text (``"2026-03-01"``), as JSON spells them, so the
    data also validates against the JSON Schema (``json_schema("case")``)."""
    path = Path(path)
    data = _case_data(_read_file(path), source=str(path), json_only=path.suffix.lower() == ".json")
    case_from_data(data, source=str(path))
    assert isinstance(data, dict)  # case_from_data accepted it as a case
    return {key: _iso_dates(value) for key, value in data.items()}


def _iso_dates(value: Any) -> Any:
    """``value`` with every YAML date as ISO text (YAML reads ``2026-03-01`` as a date, JSON as text)."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _size(text: str | bytes) -> int:
    if isinstance(text, bytes) or len(text) > MAX_CASE_BYTES:
        return len(text)  # a character is at least one byte
    return len(text.encode("utf-8", "surrogatepass"))


def _line_column(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"regel {line}, kolom {column}"


def parse_case(text: str | bytes, *, source: str = "<string>", json_only: bool = False) -> Case:
    """Parse case text: YAML (which includes JSON), or strictly JSON."""
    return case_from_data(_case_data(text, source=source, json_only=json_only), source=source)


def _case_data(text: str | bytes, *, source: str, json_only: bool) -> Any:
    """Case text, bounded and decoded, parsed into data (not yet validated)."""
    size = _size(text)
    if size > MAX_CASE_BYTES:
        raise CaseError(source, [_too_large(size)])
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
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else _quote(exc.character)
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
            raise _JsonRefused(f"dubbel veld {_quote(key)}{_json_key_lines(text, key)}")
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
        raise CaseError(source, [_too_large(_size(text))])
    try:
        return _parse_text(text, source=source, json_only=False)
    except CaseError as exc:
        if any(p.message.startswith(INVALID_YAML + ":") for p in exc.problems):
            return text
        raise


def _shape_problem(data: Any) -> str | None:
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


def case_from_data(data: Any, *, source: str = "<data>") -> Case:
    """Validate already parsed data (e.g. from an integrator's JSON body)."""
    if not isinstance(data, dict):
        raise CaseError(
            source, [Problem("", f"moet een verzameling velden zijn, geen {type_nl(data).removeprefix('een ')}")]
        )
    shape = _shape_problem(data)
    if shape is not None:
        raise CaseError(source, [Problem("", shape)])
    for field, most in (("partners", MAX_PARTNERS), ("respondents", MAX_RESPONDENTS)):
        listed = data.get(field)
        if isinstance(listed, list) and len(listed) > most:  # before pydantic validates every item
            raise CaseError(
                source,
                [
                    Problem(
                        field, f"heeft {number_nl(len(listed))} items; een casus noemt er hoogstens {number_nl(most)}"
                    )
                ],
            )
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(source, _problems(exc)) from None


def advice_from_data(data: Any, *, source: str = "<data>") -> Advice:
    """Validate advice data (an :class:`Advice` as JSON data, e.g. read back
    from a file or sent by an integrator); an :class:`AdviceError` with Dutch
    problems and field paths otherwise."""
    from ._advice import Advice  # the case is read far more often than an advice

    if not isinstance(data, dict):
        raise AdviceError(
            source, [Problem("", f"moet een verzameling velden zijn, geen {type_nl(data).removeprefix('een ')}")]
        )
    try:
        return Advice.model_validate(data)
    except ValidationError as exc:
        raise AdviceError(source, _problems(exc, Advice)) from None


def _problems(exc: ValidationError, root: type[BaseModel] = Case) -> list[Problem]:
    errors = exc.errors(include_url=False)
    problems = [_problem(err, root) for err in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        problems.append(Problem("", f"en nog {number_nl(len(errors) - MAX_PROBLEMS)}"))
    return problems


def _part(part: Any) -> str:
    text = str(part)
    return text if len(text) <= MAX_QUOTED_CHARS and text.isprintable() else _quote(text)


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{_part(part)}" if out else _part(part))
    return out


def _model_at(loc: tuple[int | str, ...], root: type[BaseModel] = Case) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (for did-you-mean)."""
    model: Any = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        candidates = [annotation, *args]
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if model is None:
            return None
    return model  # type: ignore[no-any-return]


def _problem(err: Any, root: type[BaseModel] = Case) -> Problem:
    loc = tuple(err["loc"])
    # Drop pydantic's internal tags (e.g. 'literal[...]' or function names).
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "literal[")))
    where = _location(loc)
    if err["type"] == "extra_forbidden":
        model = _model_at(loc, root)
        message = "onbekend veld"
        if model is not None:
            known = list(model.model_fields)
            close = difflib.get_close_matches(str(loc[-1])[:100], known, n=1)
            message += f"; bedoelt u {close[0]!r}?" if close else f"; bekende velden: {', '.join(known)}"
        return Problem(where, message)
    message = _short(pydantic_message(err))
    if "input" in err and err["type"] not in ("value_error", "missing") and not isinstance(err["input"], (dict, list)):
        message += f" (gegeven: {_quote(err['input'])})"
    return Problem(where or ("casus" if root is Case else "advies"), message)
