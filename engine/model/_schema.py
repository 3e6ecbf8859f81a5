"""JSON Schemas of the contracts, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from ._advice import Advice
from ._case import Case
from ._catalogue import load_catalogue
from ._errors import InputError
from ._facts import FACT_LABELS

SchemaKind = Literal["case", "advice"]
_MODELS: dict[str, type[BaseModel]] = {"case": Case, "advice": Advice}


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file or of the advice output.

    In the case schema every field the intake asks about carries the Dutch
    question (``x-question``), why it is asked (``x-why``) and the fact's
    Dutch label (``x-label``), so that a form can be built from the schema alone."""
    if kind not in _MODELS:
        raise InputError(f"onbekend schema {kind!r}; kies uit {', '.join(_MODELS)}")
    # Validation mode for what we read, serialization mode for what we write.
    mode: Literal["validation", "serialization"] = "validation" if kind == "case" else "serialization"
    schema = _MODELS[kind].model_json_schema(mode=mode)
    if kind == "case":
        _add_questions(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _add_questions(schema: dict[str, Any]) -> None:
    for q in load_catalogue().questions:
        if not q.field.startswith(("context.", "observations.")):
            continue  # answered through the partner list or the respondents
        prop = _property(schema, q.field)
        prop["x-question"] = q.question
        prop["x-why"] = q.help
        prop["x-label"] = FACT_LABELS[q.fact]


def _property(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The schema of the field at a dotted path, through ``$ref`` and optional (``anyOf``) wrappers."""
    node: dict[str, Any] = schema
    for name in path.split("."):
        node = _resolved(schema, node)["properties"][name]
    return node


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "properties" not in node:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        else:
            node = next(n for n in node["anyOf"] if "$ref" in n or "properties" in n)
    return node


def json_schema_text(kind: SchemaKind) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


__all__ = ["SchemaKind", "json_schema", "json_schema_text"]
