"""What a graph page shows: the passage's summary, document, locator and statements."""

from __future__ import annotations

from dataclasses import dataclass

from kg.linked.iris import IriMap
from kg.linked.sources import BUILD_GRAPHS, graph_facts
from kg.linked.terms import Namer, Node, labels
from kg.store.base import Store
from kg.store.terms import Term

MAX_STATEMENTS = 1000

_STATEMENTS = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT %d"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True, slots=True)
class GraphStatement:
    subject: Node
    prop: Node
    value: Node


@dataclass(frozen=True, slots=True)
class GraphView:
    iri: str
    label: str
    summary: str | None
    document: Node | None
    locator: str | None
    note: str | None
    triples: int
    statements: tuple[GraphStatement, ...]
    truncated: bool


def is_graph(store: Store, iri: str) -> bool:
    return store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": Term.iri(iri)})


def graph_view(store: Store, iris: IriMap, iri: str,
               documented: frozenset[str] = frozenset()) -> GraphView:
    node = Term.iri(iri)
    rows = store.select(_STATEMENTS % (MAX_STATEMENTS + 1), {"g": node}).rows
    truncated = len(rows) > MAX_STATEMENTS
    rows = rows[:MAX_STATEMENTS]
    total = int(store.select(_COUNT, {"g": node}).rows[0]["n"].value) if truncated else len(rows)
    facts = graph_facts(store, [iri]).get(iri)
    wanted = {t.value for r in rows for t in r.values() if t.is_iri} | {iri}
    if facts and facts.document:
        wanted.add(facts.document)
    names = labels(store, wanted)
    namer = Namer(iris, names, documented)
    statements = sorted(
        (GraphStatement(namer.node(r["s"]), namer.node(r["p"]), namer.node(r["o"])) for r in rows),
        key=lambda st: (st.subject.text.lower(), st.prop.text, st.value.text))
    return GraphView(
        iri=iri, label=names.get(iri) or iri.rsplit("/", 1)[-1],
        summary=facts.summary if facts else None,
        document=namer.iri(facts.document) if facts and facts.document else None,
        locator=facts.locator if facts else None,
        note=BUILD_GRAPHS.get(iri), triples=total,
        statements=tuple(statements), truncated=truncated)
