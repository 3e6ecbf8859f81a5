"""Read a case from a file, a stream, a string or a mapping, with errors a user can act on.

Every input is bounded (see :mod:`._limits`): at most ``MAX_CASE_BYTES`` are
read from any source; the text is parsed by the bounded parser of
``_parsing``, and the parsed data passes its linear pre-check before pydantic
sees it. Every failure is a :class:`CaseError` (an :class:`AdviceError` for an
advice); messages list at most ``MAX_PROBLEMS`` problems, pydantic's turned
into Dutch problems with field paths here, and quote at most
``MAX_QUOTED_CHARS`` characters of a value.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pydantic import BaseModel, ValidationError

from ._case import Case
from ._errors import AdviceError, CaseError, Problem
from ._limits import (
    MAX_CASE_BYTES,
    MAX_DEPTH,
    MAX_PARTNERS,
    MAX_PROBLEMS,
    MAX_QUOTED_CHARS,
    MAX_RESPONDENTS,
)
from ._messages import number_nl, os_reason, pydantic_message, type_nl
from ._parsing import parse_case_data, quote_value, shape_problem, too_large

if TYPE_CHECKING:
    from ._advice import Advice

__all__ = [
    "MAX_CASE_BYTES",
    "MAX_DEPTH",
    "advice_from_data",
    "case_from_data",
    "load_case",
    "load_case_data",
    "parse_case",
    "read_case_stream",
]


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            raise CaseError(source, [too_large(info.st_size, exact=True)])
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
    data = parse_case_data(_read_file(path), source=str(path), json_only=path.suffix.lower() == ".json")
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


def parse_case(text: str | bytes, *, source: str = "<string>", json_only: bool = False) -> Case:
    """Parse case text: YAML (which includes JSON), or strictly JSON."""
    return case_from_data(parse_case_data(text, source=source, json_only=json_only), source=source)


def case_from_data(data: Any, *, source: str = "<data>") -> Case:
    """Validate already parsed data (e.g. from an integrator's JSON body)."""
    if not isinstance(data, dict):
        raise CaseError(
            source, [Problem("", f"moet een verzameling velden zijn, geen {type_nl(data).removeprefix('een ')}")]
        )
    shape = shape_problem(data)
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
    return text if len(text) <= MAX_QUOTED_CHARS and text.isprintable() else quote_value(text)


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
            import difflib  # here: only a case with an unknown field needs it

            known = list(model.model_fields)
            close = difflib.get_close_matches(str(loc[-1])[:100], known, n=1)
            message += f"; bedoelt u {close[0]!r}?" if close else f"; bekende velden: {', '.join(known)}"
        return Problem(where, message)
    message = _short(pydantic_message(err))
    if "input" in err and err["type"] not in ("value_error", "missing") and not isinstance(err["input"], (dict, list)):
        message += f" (gegeven: {quote_value(err['input'])})"
    return Problem(where or ("casus" if root is Case else "advies"), message)
