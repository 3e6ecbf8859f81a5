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

# A case describes one collaboration: even 5,000 partners fit in well under a
# megabyte. The limits keep time and memory bounded for any input.
MAX_CASE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24


class _CaseLoader(yaml.SafeLoader):
    """The pure-Python safe loader, refusing anchors and aliases: they have no
    use in a case file, and a few nested aliases expand into billions of nodes
    ("billion laughs"). Pure Python on purpose: libyaml's C composer overflows
    the C stack on deeply nested input, where Python raises RecursionError."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (& and *) are not allowed in a case file", event.start_mark
            )
        return super().compose_node(parent, index)


def _too_large(size: int) -> Problem:
    return Problem(
        "",
        f"is too large ({size / 1024 / 1024:.1f} MB; a case file may be at most {MAX_CASE_BYTES // 1024 // 1024} MB)",
    )


def load_case(path: str | Path) -> Case:
    """Load a case file (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CASE_BYTES:
            raise CaseError(str(path), [_too_large(size)])
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
    if len(text) > MAX_CASE_BYTES:
        raise CaseError(source, [_too_large(len(text))])
    if isinstance(text, bytes):
        if b"\x00" in text:
            raise CaseError(source, [Problem("", "is a binary file, not a YAML or JSON case")])
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseError(source, [Problem("", "is not UTF-8 text")]) from None
    if not text.strip():
        raise CaseError(source, [Problem("", "is empty; a case needs at least a name")])
    try:
        data = json.loads(text) if json_only else _load_yaml(text)
    except RecursionError:
        raise CaseError(source, [Problem("", f"is nested too deeply (at most {MAX_DEPTH} levels)")]) from None
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
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-13-45
        raise CaseError(source, [Problem("", f"invalid value: {exc}")]) from None
    return case_from_data(data, source=source)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_CaseLoader)  # noqa: S506 (a safe loader)


def _depth(data: Any) -> int:
    """Nesting depth, without recursion (the data may be arbitrarily deep)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def case_from_data(data: Any, *, source: str = "<data>") -> Case:
    """Validate already parsed data (e.g. from an integrator's JSON body)."""
    if not isinstance(data, dict):
        raise CaseError(source, [Problem("", f"must be a mapping of fields, not {type(data).__name__}")])
    if _depth(data) > MAX_DEPTH:
        raise CaseError(source, [Problem("", f"is nested too deeply (at most {MAX_DEPTH} levels)")])
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
