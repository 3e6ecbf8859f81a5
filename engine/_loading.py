"""Read a case from a file, a string or a mapping, with errors a user can act on."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ._case import Case
from ._errors import CaseError, Problem


def load_case(path: str | Path) -> Case:
    """Load a case file (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseError(str(path), [Problem("", "file not found")]) from None
    except IsADirectoryError:
        raise CaseError(str(path), [Problem("", "is a directory, not a case file")]) from None
    except OSError as exc:
        raise CaseError(str(path), [Problem("", f"cannot be read ({exc.strerror})")]) from None
    return parse_case(raw, source=str(path), json_only=path.suffix.lower() == ".json")


def parse_case(text: str | bytes, *, source: str = "<string>", json_only: bool = False) -> Case:
    """Parse case text: YAML (which includes JSON), or strictly JSON."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseError(source, [Problem("", "is not UTF-8 text")]) from None
    if not text.strip():
        raise CaseError(source, [Problem("", "is empty; a case needs at least a name")])
    try:
        data = json.loads(text) if json_only else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            source, [Problem(f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise CaseError(source, [Problem(where, f"invalid YAML: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise CaseError(source, [Problem("", f"invalid YAML: {exc}")]) from None
    return case_from_data(data, source=source)


def case_from_data(data: Any, *, source: str = "<data>") -> Case:
    """Validate already parsed data (e.g. from an integrator's JSON body)."""
    if not isinstance(data, dict):
        raise CaseError(source, [Problem("", f"must be a mapping of fields, not {type(data).__name__}")])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(source, [_problem(err) for err in exc.errors()]) from None


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (for did-you-mean)."""
    model: Any = Case
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


def _problem(err: Any) -> Problem:
    loc = tuple(err["loc"])
    # Drop pydantic's internal tags (e.g. 'literal[...]' or function names).
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "literal[")))
    where = _location(loc)
    if err["type"] == "extra_forbidden":
        model = _model_at(loc)
        message = "unknown field"
        if model is not None:
            known = list(model.model_fields)
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            message += f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(known)}"
        return Problem(where, message)
    if err["type"] == "missing":
        return Problem(where, "is required")
    message = err["msg"]
    if err["type"] == "value_error":
        message = message.removeprefix("Value error, ")
    if "input" in err and err["type"] not in ("value_error",) and not isinstance(err["input"], (dict, list)):
        message += f" (got {err['input']!r})"
    return Problem(where or "case", message)
