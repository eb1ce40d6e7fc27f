"""An entity's cited facts: every statement of a passage graph that names it, with sources.

The entity is named as the catalogue names parameters (an IRI, a prefixed name
or an exact label, resolved by :func:`kg.catalogue.entities.resolve_entity`),
so a name that matches nothing or several things fails with the same message.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.catalogue.entities import resolve_entity
from kg.catalogue.model import Parameter, ParamType
from kg.catalogue.sources import resolve_sources
from kg.qa.answer import Source, build_sources
from kg.search.harvest import Labels, statement
from kg.search.model import Statement
from kg.store.base import Store
from kg.store.terms import Term

MAX_FACTS = 200  # a hub such as "integrated care board" is named by a few hundred statements

_FACTS = """\
PREFIX ics: <https://w3id.org/icskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?g ?s ?p ?o ?sl ?pl ?ol WHERE {
  { GRAPH ?g { ?e ?p ?o } BIND(?e AS ?s) } UNION { GRAPH ?g { ?s ?p ?e } BIND(?e AS ?o) }
  ?g a ics:FactGraph .
  FILTER(?p != rdfs:label && !isBlank(?s) && !isBlank(?o))
  OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?p rdfs:label ?pl } OPTIONAL { ?o rdfs:label ?ol }
} ORDER BY ?g ?s ?p ?o"""

_ENTITY = Parameter(name="entity", type=ParamType.ENTITY, default=None,
                    description="the entity to describe")


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement naming the entity, and the passage graph stating it."""

    statement: Statement
    graph: str


@dataclass(frozen=True, slots=True)
class EntityDescription:
    """What the graph states about one entity, each fact cited."""

    iri: str
    label: str
    facts: tuple[Fact, ...]
    sources: tuple[Source, ...]
    truncated: bool  # more than MAX_FACTS statements name it; the first ones are given


def describe_entity(store: Store, text: str, *, timeout: float | None = None
                    ) -> EntityDescription:
    """Resolve ``text`` to one entity and gather its facts (ParameterError when it names none)."""
    entity = resolve_entity(store, text, _ENTITY)
    rows = store.select(_FACTS, {"e": Term.iri(entity.iri)}, timeout=timeout).rows
    facts: dict[tuple[str, str, str, str], Fact] = {}
    for row in rows:
        key = (row["g"].value, row["s"].value, row["p"].value, row["o"].value)
        if key in facts:
            continue
        labels = Labels({row[n].value: row[f"{n}l"].value for n in ("s", "p", "o")
                         if f"{n}l" in row and row[n].is_iri}, {})
        facts[key] = Fact(statement(row["s"], row["p"], row["o"], labels), key[0])
    chosen = list(facts.values())[:MAX_FACTS]
    records = resolve_sources(store, [f.graph for f in chosen], timeout=timeout)
    return EntityDescription(entity.iri, entity.label, tuple(chosen), build_sources(records),
                             truncated=len(facts) > MAX_FACTS)
