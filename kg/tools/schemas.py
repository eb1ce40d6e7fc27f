"""Tool definitions in JSON Schema: one per catalogue question, plus the built-in tools.

A catalogue parameter that must be an entity of given classes gets an
``enum`` of every entity the graph has of them (when there are few enough to
list), each value checked by the same resolver that runs the question, so
anything the schema allows is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from kg.catalogue import Catalogue, CatalogueQuestion, Parameter, ParamType
from kg.catalogue.entities import resolve_entity
from kg.catalogue.prefixes import shorten
from kg.errors import ParameterError
from kg.store.base import Store
from kg.store.terms import Term
from kg.tools.args import AskArgs, DescribeArgs, SearchArgs, SparqlArgs

MAX_ENUM = 150  # past this many values a parameter is described, not enumerated

JsonSchema = Mapping[str, object]

BUILTIN: dict[str, type[BaseModel]] = {
    "ask": AskArgs, "search_facts": SearchArgs, "describe": DescribeArgs, "sparql": SparqlArgs,
}

_CANDIDATES = """\
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX ics: <https://w3id.org/icskg/ontology#>
SELECT DISTINCT ?e ?label WHERE {
  ?e (rdf:type|ics:kindOf)?/rdfs:subClassOf* ?cls .
  FILTER(isIRI(?e)) FILTER NOT EXISTS { ?e a owl:Class }
  OPTIONAL { ?e rdfs:label ?label }
} ORDER BY ?e"""

_DATE = ("A date: YYYY, YYYY-MM or YYYY-MM-DD (read as the end of that period), or 'now'.")


@dataclass(frozen=True, slots=True)
class ToolDefinition:
    """One tool: its name, what it does, its arguments' JSON Schema and example arguments."""

    name: str
    description: str
    parameters: JsonSchema
    example: Mapping[str, object]


def _builtin(name: str, model: type[BaseModel]) -> ToolDefinition:
    schema = model.model_json_schema()
    schema.pop("title", None)
    description = schema.pop("description", "")
    example = {field: info.examples[0] for field, info in model.model_fields.items()
               if info.is_required() and info.examples}
    return ToolDefinition(name, description, schema, example)


def _candidates(store: Store, parameter: Parameter) -> list[tuple[str, str]]:
    """(prefixed name, label) of every entity the resolver accepts for ``parameter``."""
    found: dict[str, str] = {}
    for cls in parameter.classes:
        for row in store.select(_CANDIDATES, {"cls": Term.iri(cls)}).rows:
            iri = row["e"].value
            label = row["label"].value if "label" in row else shorten(iri)
            found.setdefault(iri, label)
            if len(found) > 4 * MAX_ENUM:
                return []
    accepted: list[tuple[str, str]] = []
    for iri, label in sorted(found.items()):
        try:
            value = resolve_entity(store, shorten(iri), parameter)
        except ParameterError:
            continue
        if value.iri == iri:
            accepted.append((shorten(iri), label))
    return accepted if len(accepted) <= MAX_ENUM else []


def _entity_schema(store: Store, parameter: Parameter, candidates: Sequence[tuple[str, str]]
                   ) -> dict[str, object]:
    schema: dict[str, object] = {"type": "string"}
    said = _sentence(parameter.description)
    if not candidates:
        schema["description"] = f"{said} An IRI, a prefixed name or an exact label."
        if parameter.default is not None:
            schema["default"] = parameter.default
        return schema
    values = [v for v, _ in candidates]
    names = "; ".join(f"{v} = {label}" for v, label in candidates)
    schema["description"] = f"{said} One of: {names}."
    schema["enum"] = values
    if parameter.default is not None:
        try:
            default = shorten(resolve_entity(store, parameter.default, parameter).iri)
        except ParameterError:
            default = None
        if default in values:
            schema["default"] = default
    return schema


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _parameter_schema(store: Store, parameter: Parameter,
                      cache: dict[tuple[str, ...], list[tuple[str, str]]]) -> dict[str, object]:
    if parameter.type is ParamType.ENTITY:
        if not parameter.classes:
            return _entity_schema(store, parameter, [])
        if parameter.classes not in cache:
            cache[parameter.classes] = _candidates(store, parameter)
        return _entity_schema(store, parameter, cache[parameter.classes])
    schema: dict[str, object] = {"description": _sentence(parameter.description)}
    if parameter.type is ParamType.INTEGER:
        schema["type"] = "integer"
    else:
        schema["type"] = "string"
        if parameter.type is ParamType.DATE:
            schema["description"] = f"{_sentence(parameter.description)} {_DATE}"
    if parameter.default is not None:
        schema["default"] = (int(parameter.default) if parameter.type is ParamType.INTEGER
                             else parameter.default)
    return schema


def _question(store: Store, question: CatalogueQuestion,
              cache: dict[tuple[str, ...], list[tuple[str, str]]]) -> ToolDefinition:
    properties = {p.name: _parameter_schema(store, p, cache) for p in question.parameters}
    required = [p.name for p in question.parameters if p.required]
    example = {name: schema["default"] for name, schema in properties.items()
               if "default" in schema}
    parameters: dict[str, object] = {"type": "object", "properties": properties,
                                     "additionalProperties": False}
    if required:
        parameters["required"] = required
    description = f"{question.title}. Answers: \"{question.canonical}\" (cited)."
    return ToolDefinition(question.id, description, parameters, example)


def definitions(store: Store, catalogue: Catalogue) -> tuple[ToolDefinition, ...]:
    """Every tool: the built-in ones first, then one per catalogue question (blocking)."""
    cache: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    builtin = [_builtin(name, model) for name, model in BUILTIN.items()]
    return (*builtin, *(_question(store, q, cache) for q in catalogue.questions))

