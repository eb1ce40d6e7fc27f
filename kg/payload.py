"""The one JSON shape of an answer (and of every tool result), shared by the HTTP API,
``icskg ask --json`` and MCP.

It is derived from the dataclasses themselves, field by field, so a field added
to :class:`kg.qa.Answer` (or to anything it holds) appears in every front end
without an edit here. One rule keeps items compact: below the top level, an
optional field (one whose default is None) that is None is left out, so a
result is either ``{"iri", "label"}`` or ``{"value", "label"}``.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Mapping
from typing import Any

from pydantic import JsonValue

from kg.qa import Answer


def jsonable(value: object, *, nested: bool = False) -> JsonValue:
    """``value`` (dataclasses, tuples, mappings, scalars) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, JsonValue] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if item is None and nested and field.default is None:
                continue
            out[field.name] = jsonable(item, nested=True)
        return out
    if isinstance(value, Mapping):
        return {str(k): jsonable(v, nested=True) for k, v in value.items()}
    if isinstance(value, tuple | list | set | frozenset):
        return [jsonable(v, nested=True) for v in value]
    if isinstance(value, enum.Enum):
        return jsonable(value.value, nested=nested)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot make {type(value).__name__} JSON")


def to_json(value: object) -> bytes:
    """``value`` as compact UTF-8 JSON bytes."""
    data: Any = jsonable(value)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def answer_json(answer: Answer) -> bytes:
    return to_json(answer)
