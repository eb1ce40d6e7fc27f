"""What an entity page shows, read from the store in a handful of indexed queries.

Statements in and out are grouped by property; each keeps every graph it is stated in
(its sources). Duties (n-ary nodes with a bearer, an action and an object) are also read
as sentences, and dated statements of the entity and its neighbours form a timeline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.linked.iris import IriMap
from kg.linked.sources import GraphFacts, Source, documents_of, graph_facts, source
from kg.linked.terms import Namer, Node, labels, union_by_property, values_block
from kg.namespaces import ICS, ONTOLOGY_GRAPH, RDF, RDFS, SKOS
from kg.store.base import Store
from kg.store.terms import Term

MAX_STATEMENTS = 250  # per direction on a page; the RDF documents always have all of them

_OUT = "SELECT ?g ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT %d"
_IN = "SELECT ?g ?s ?p WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT %d"
_DUTIES = f"""SELECT ?d ?bearer ?action ?object WHERE {{ {{values}}
  ?d <{ICS.bearer}> ?bearer .
  OPTIONAL {{ ?d <{ICS.action}> ?action }} OPTIONAL {{ ?d <{ICS.dutyObject}> ?object }} }}"""
_DATE_TYPES = tuple(f"http://www.w3.org/2001/XMLSchema#{t}"
                    for t in ("date", "dateTime", "gYear", "gYearMonth"))
# Properties whose values are dates, from the TBox: the timeline looks only at them.
_DATE_PROPS = f"""SELECT DISTINCT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?p <{RDFS.range}> ?r }}
  FILTER(?r IN ({", ".join(f"<{t}>" for t in _DATE_TYPES)})) }}"""


@dataclass(frozen=True, slots=True)
class Statement:
    """One value of a property, with every graph it is stated in."""

    node: Node
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class PropertyGroup:
    prop: Node
    direction: str  # "out": entity -prop-> value; "in": value -prop-> entity
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Duty:
    """A duty node read as a sentence: bearer, action, object."""

    duty: Node
    bearer: Node
    action: Node | None
    objects: tuple[Node, ...]
    sentence: str


def sentence(bearer: Node, action: Node | None, objects: tuple[Node, ...]) -> str:
    words = [bearer.text, action.text if action else "(no action)"]
    return " ".join([*words, " and ".join(o.text for o in objects)]).strip()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    prop: Node
    subject: Node


@dataclass(frozen=True, slots=True)
class EntityView:
    """Everything the entity page (and its JSON twin) shows."""

    iri: str
    label: str
    alt_labels: tuple[str, ...]
    definitions: tuple[str, ...]
    types: tuple[Node, ...]
    outgoing: tuple[PropertyGroup, ...]
    incoming: tuple[PropertyGroup, ...]
    duties: tuple[Duty, ...]
    timeline: tuple[TimelineEntry, ...]
    related: tuple[Node, ...]
    truncated: bool = False


@dataclass
class _Raw:
    out: list[tuple[str, Term, Term]]  # graph, predicate, object
    into: list[tuple[str, Term, Term]]  # graph, subject, predicate
    truncated: bool


def _read(store: Store, iri: str) -> _Raw:
    subject = Term.iri(iri)
    # Capped both ways: a hub (a kind, or the object of an inverse property) can have
    # tens of thousands of statements at England scale; the RDF documents have them all.
    rows = store.select(_OUT % (MAX_STATEMENTS + 1), {"s": subject}).rows
    out = [(r["g"].value, r["p"], r["o"]) for r in rows]
    rows = store.select(_IN % (MAX_STATEMENTS + 1), {"o": subject}).rows
    into = [(r["g"].value, r["s"], r["p"]) for r in rows]
    truncated = len(out) > MAX_STATEMENTS or len(into) > MAX_STATEMENTS
    return _Raw(out[:MAX_STATEMENTS], into[:MAX_STATEMENTS], truncated)


def exists(store: Store, iri: str) -> bool:
    """Whether the dataset says anything with this IRI as subject, object or graph name."""
    node = Term.iri(iri).n3()
    return store.ask(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} "
                     f"UNION {{ GRAPH {node} {{ ?s ?p ?o }} }} }}")


def _groups(namer: Namer, pairs: list[tuple[str, Term, Term]], direction: str,
            facts: dict[str, GraphFacts]) -> tuple[PropertyGroup, ...]:
    by_prop: dict[str, dict[Term, list[str]]] = defaultdict(lambda: defaultdict(list))
    for graph, a, b in pairs:
        prop, value = (a, b) if direction == "out" else (b, a)
        by_prop[prop.value][value].append(graph)
    groups = []
    for prop_iri, values in by_prop.items():
        statements = tuple(
            Statement(namer.node(v), tuple(source(namer, g, facts) for g in sorted(set(gs))))
            for v, gs in sorted(values.items(), key=lambda kv: namer.node(kv[0]).text.lower()))
        groups.append(PropertyGroup(namer.iri(prop_iri), direction, statements))
    return tuple(sorted(groups, key=lambda g: (g.prop.value != str(RDF.type), g.prop.text)))


_DutyParts = dict[str, tuple[Term, Term | None, list[Term]]]


def _duty_rows(store: Store, candidates: set[str]) -> _DutyParts:
    if not candidates:
        return {}
    rows = store.select(_DUTIES.replace("{values}", values_block("d", candidates))).rows
    parts: _DutyParts = {}
    for row in rows:
        _, _, objects = parts.setdefault(row["d"].value, (row["bearer"], row.get("action"), []))
        if "object" in row and row["object"] not in objects:
            objects.append(row["object"])
    return parts


def _duties(namer: Namer, parts: _DutyParts) -> tuple[Duty, ...]:
    duties = []
    for d, (b, a, objs) in parts.items():
        bearer, action = namer.node(b), namer.node(a) if a else None
        objects = tuple(namer.node(o) for o in objs)
        duties.append(Duty(namer.iri(d), bearer, action, objects,
                           sentence(bearer, action, objects)))
    return tuple(sorted(duties, key=lambda d: d.sentence.lower()))


def _date_rows(store: Store, raw: _Raw, subject: str,
               neighbours: set[str]) -> list[tuple[Term, Term, str]]:
    """Dated statements of the entity (already read) and of its neighbours (TBox date
    properties only, so a neighbour with 50k statements costs one index look-up)."""
    me = Term.iri(subject)
    rows = [(me, p, o.value) for _, p, o in raw.out
            if o.kind == "literal" and o.datatype in _DATE_TYPES]
    props = tuple(r["p"].value for r in store.select(_DATE_PROPS).rows)
    if neighbours and props:
        branches = union_by_property(values_block("x", neighbours), "x", props, "date")
        found = store.select(f"SELECT ?x ?p ?date WHERE {{ {branches} }}").rows
        rows += [(r["x"], r["p"], r["date"].value) for r in found
                 if r["date"].datatype in _DATE_TYPES]
    return list(dict.fromkeys(rows))


def _literals(raw: _Raw, prop: str) -> tuple[str, ...]:
    found = {o.value for _, p, o in raw.out if p.value == prop and o.kind == "literal"}
    return tuple(sorted(found))


def _iris_in(raw: _Raw, parts: _DutyParts, dates: list[tuple[Term, Term, str]]) -> set[str]:
    found = {t.value for _, a, b in raw.out for t in (a, b) if t.is_iri}
    found |= {t.value for _, a, b in raw.into for t in (a, b) if t.is_iri}
    found |= {t.value for b, a, objs in parts.values() for t in (b, a, *objs) if t and t.is_iri}
    found |= {p.value for _, p, _ in dates}
    return found | {g for g, _, _ in raw.out} | {g for g, _, _ in raw.into}


def entity_view(store: Store, iris: IriMap, iri: str,
                documented: frozenset[str] = frozenset()) -> EntityView:
    """Read everything the page of ``iri`` shows (``exists`` first: this never 404s)."""
    raw = _read(store, iri)
    neighbours = ({t.value for _, _, t in raw.out if t.is_iri}
                  | {s.value for _, s, _ in raw.into if s.is_iri})
    related = {n for n in neighbours if iris.section(n) == "id" and n != iri}
    facts = graph_facts(store, {g for g, _, _ in raw.out} | {g for g, _, _ in raw.into})
    parts = _duty_rows(store, (neighbours | {iri}) - documented)
    dates = _date_rows(store, raw, iri, related)
    names = labels(store, _iris_in(raw, parts, dates) | documents_of(facts) | {iri})
    namer = Namer(iris, names, documented)
    types = {o.value for _, p, o in raw.out if p.value == str(RDF.type) and o.is_iri}
    timeline = sorted((TimelineEntry(d, namer.node(p), namer.node(x)) for x, p, d in dates),
                      key=lambda e: (e.date, e.subject.text))
    return EntityView(
        iri=iri, label=names.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1],
        alt_labels=_literals(raw, str(SKOS.altLabel)),
        definitions=_literals(raw, str(SKOS.definition)) or _literals(raw, str(RDFS.comment)),
        types=tuple(sorted((namer.iri(t) for t in types), key=lambda n: n.text)),
        outgoing=_groups(namer, raw.out, "out", facts),
        incoming=_groups(namer, raw.into, "in", facts),
        duties=_duties(namer, parts),
        timeline=tuple(timeline),
        related=tuple(sorted((namer.iri(n) for n in related), key=lambda n: n.text.lower())),
        truncated=raw.truncated,
    )
