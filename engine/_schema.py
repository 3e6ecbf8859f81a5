"""JSON Schemas of the contracts, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from ._advice import Advice
from ._case import Case
from ._errors import InputError

SchemaKind = Literal["case", "advice"]
_MODELS: dict[str, type[BaseModel]] = {"case": Case, "advice": Advice}


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file or of the advice output."""
    if kind not in _MODELS:
        raise InputError(f"unknown schema {kind!r}; choose from {', '.join(_MODELS)}")
    # Validation mode for what we read, serialization mode for what we write.
    mode: Literal["validation", "serialization"] = "validation" if kind == "case" else "serialization"
    schema = _MODELS[kind].model_json_schema(mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text(kind: SchemaKind) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
