"""Resolve an entity parameter (IRI, prefixed name or exact label) against the graph.

Every lookup binds the user's text through the store's ``bindings`` (a leading
``VALUES`` block of escaped terms, see kg/store/values.py); nothing is pasted
into a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.catalogue.model import Parameter
from kg.catalogue.prefixes import as_iri, shorten, unknown_prefix
from kg.errors import ParameterError
from kg.store.base import Store
from kg.store.terms import Term

OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"

_PREFIXES = """\
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ics: <https://w3id.org/icskg/ontology#>
"""

DESCRIBE_QUERY = _PREFIXES + """\
SELECT ?entity ?exists ?cls ?kind ?label WHERE {
  BIND(EXISTS { ?entity ?p ?o } AS ?exists)
  OPTIONAL { ?entity (rdf:type|ics:kindOf)?/rdfs:subClassOf* ?cls }
  OPTIONAL { ?kind ics:kindOf ?entity }
  OPTIONAL { ?entity rdfs:label ?label }
}"""

LABEL_QUERY = _PREFIXES + """\
SELECT DISTINCT ?text ?entity WHERE {
  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?l .
  FILTER(REPLACE(LCASE(STR(?l)), "\\\\s*&\\\\s*", " and ") = ?text)
}"""

_AMPERSAND = re.compile(r"\s*&\s*")


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What the graph says about one IRI, as far as checking a parameter needs."""

    iri: str
    exists: bool
    classes: frozenset[str]
    kinds: tuple[str, ...]
    label: str | None

    @property
    def is_class(self) -> bool:
        return OWL_CLASS in self.classes

    @property
    def shown(self) -> str:
        short = shorten(self.iri)
        return f"{self.label} ({short})" if self.label else short


@dataclass(frozen=True, slots=True)
class EntityValue:
    """A resolved entity parameter: the IRI to bind and the label to show."""

    iri: str
    label: str

    def term(self) -> Term:
        return Term.iri(self.iri)


def describe(store: Store, iri: str) -> EntityInfo:
    """Existence, classes (through types and kinds, with superclasses), kinds and label."""
    result = store.select(DESCRIBE_QUERY, {"entity": Term.iri(iri)})
    exists = any(row.get("exists", Term.literal("false")).value in ("true", "1")
                 for row in result.rows)
    classes = frozenset(row["cls"].value for row in result.rows if "cls" in row)
    kinds = tuple(sorted({row["kind"].value for row in result.rows if "kind" in row}))
    labels = sorted({row["label"].value for row in result.rows if "label" in row})
    return EntityInfo(iri, exists, classes, kinds, labels[0] if labels else None)


def _label_candidates(store: Store, text: str) -> tuple[str, ...]:
    key = _AMPERSAND.sub(" and ", " ".join(text.lower().split()))
    # "CCGs", "integrated care boards": try the singular when the plural names nothing.
    for attempt in (key, key[:-1] if key.endswith("s") else None):
        if attempt:
            result = store.select(LABEL_QUERY, {"text": Term.literal(attempt)})
            found = {row["entity"].value for row in result.rows if "entity" in row}
            if found:
                return tuple(sorted(found))
    return ()


def _fits(info: EntityInfo, parameter: Parameter) -> bool:
    return not parameter.classes or any(c in info.classes for c in parameter.classes)


def _as_kind(store: Store, info: EntityInfo) -> EntityInfo:
    """Facts name kinds, not classes: a class that has a kind individual becomes that kind."""
    if info.is_class and len(info.kinds) == 1:
        return describe(store, info.kinds[0])
    return info


def _checked(store: Store, iri: str, parameter: Parameter, text: str) -> EntityInfo:
    info = describe(store, iri)
    if not info.exists:
        raise ParameterError(f"parameter {parameter.name!r}: no entity {shorten(iri)} "
                             f"in the graph (from {text!r})")
    info = _as_kind(store, info)
    if not _fits(info, parameter):
        wanted = " or ".join(shorten(c) for c in parameter.classes)
        raise ParameterError(f"parameter {parameter.name!r}: {info.shown} is not a {wanted}")
    return info


def _by_label(store: Store, text: str, parameter: Parameter) -> EntityInfo:
    infos = [_as_kind(store, describe(store, iri))
             for iri in _label_candidates(store, text)]
    fitting = {i.iri: i for i in infos if _fits(i, parameter)}
    if not fitting:
        hint = " of the right class" if infos else ""
        raise ParameterError(f"parameter {parameter.name!r}: no entity{hint} is labelled "
                             f"{text!r}; pass an IRI or a prefixed name such as icsd:nhs-england")
    if len(fitting) > 1:
        options = ", ".join(sorted(i.shown for i in fitting.values()))
        raise ParameterError(f"parameter {parameter.name!r}: {text!r} is ambiguous "
                             f"({options}); pass one of these IRIs")
    return next(iter(fitting.values()))


def resolve_entity(store: Store, text: str, parameter: Parameter) -> EntityValue:
    """Resolve ``text`` for ``parameter``, or raise :class:`ParameterError` saying why not."""
    value = text.strip()
    if not value:
        raise ParameterError(f"parameter {parameter.name!r}: empty entity")
    iri = as_iri(value)
    if iri is not None:
        info = _checked(store, iri, parameter, value)
    elif (prefix := unknown_prefix(value)) is not None:
        raise ParameterError(f"parameter {parameter.name!r}: unknown prefix {prefix!r} in "
                             f"{value!r} (known: ics, icsd, kind, icsg, skos, org, prov, ...)")
    elif value.startswith("<") or "://" in value:
        raise ParameterError(f"parameter {parameter.name!r}: not a valid IRI: {value!r}")
    else:
        info = _by_label(store, value, parameter)
    return EntityValue(info.iri, info.label or shorten(info.iri))
