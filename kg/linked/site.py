"""``LinkedSite``: dereference a path on this server to a page or an RDF document.

One site per app; what is costly to compute over a graph (the ontology docs, the label
index, the voID counts) is kept per store and dropped when a reload swaps the store.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import NotFoundError
from kg.linked import pages
from kg.linked.entity import entity_view, exists
from kg.linked.graphs import graph_view, is_graph
from kg.linked.html import esc
from kg.linked.iris import IriMap
from kg.linked.lookup import Hit, LabelIndex
from kg.linked.negotiate import Representation, choose, split_suffix
from kg.linked.ontodocs import DOCS_FILE, OntologyDocs, describe, render
from kg.linked.rdf import Triple, entity_triples, graph_triples, ontology_triples, serialise
from kg.linked.terms import Namer, Node, labels
from kg.linked.void import VoidView, void_triples, void_view
from kg.namespaces import ONTOLOGY_IRI
from kg.settings import Settings
from kg.store.base import Store
from kg.store.terms import Term


@dataclass(frozen=True, slots=True)
class Reply:
    body: bytes
    media_type: str
    status: int = 200


@dataclass
class _PerStore:
    """What one store's pages share, computed on first use."""

    store: Store
    docs: OntologyDocs | None = None
    docs_html: str | None = None
    index: LabelIndex | None = None
    void: VoidView | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def _rdflib(triples: list[Triple]) -> Graph:
    graph = Graph()

    def node(t: Term) -> URIRef | BNode | Literal:
        if t.kind == "iri":
            return URIRef(t.value)
        if t.kind == "bnode":
            return BNode(t.value)
        return Literal(t.value, lang=t.lang, datatype=URIRef(t.datatype) if t.datatype else None)

    for s, p, o in triples:
        graph.add((node(s), node(p), node(o)))  # type: ignore[arg-type]
    return graph


class LinkedSite:
    """The linked-data pages of one app (settings give the base and the path prefix)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.iris = IriMap.create(settings.linked_base, settings.linked_path_prefix)
        self.home = self.iris.prefix
        self._current: _PerStore | None = None
        self._lock = threading.Lock()

    def _cache(self, store: Store) -> _PerStore:
        with self._lock:
            if self._current is None or self._current.store is not store:
                self._current = _PerStore(store)
            return self._current

    def docs(self, store: Store) -> OntologyDocs:
        cache = self._cache(store)
        with cache.lock:
            if cache.docs is None:
                cache.docs = describe(_rdflib(ontology_triples(store)))
            return cache.docs

    def docs_html(self, store: Store) -> str:
        docs = self.docs(store)
        cache = self._cache(store)
        with cache.lock:
            if cache.docs_html is None:
                released = self.settings.build_dir / DOCS_FILE
                cache.docs_html = (released.read_text(encoding="utf-8")
                                   if self._serves_build() and released.is_file()
                                   and self.home == "/"  # the release's links assume "/"
                                   else render(docs, self.home, (("Turtle", "ontology.ttl"),
                                                                 ("RDF/XML", "ontology.rdf"))))
            return cache.docs_html

    def _serves_build(self) -> bool:
        s = self.settings
        return not (s.endpoint_url or s.data_files or s.data_graphs)

    def index(self, store: Store) -> LabelIndex:
        cache = self._cache(store)
        with cache.lock:
            if cache.index is None:
                cache.index = LabelIndex.build(store, self.iris.base)
            return cache.index

    def void(self, store: Store) -> VoidView:
        cache = self._cache(store)
        with cache.lock:
            if cache.void is None:
                cache.void = void_view(store, self.iris, self.home + "sparql")
            return cache.void

    # --- dereferencing ------------------------------------------------------

    def resolve(self, path: str, accept: str | None) -> tuple[str, Representation]:
        """The IRI a request path names and the representation to send."""
        stem, forced = split_suffix(path)
        return self.iris.iri_for(stem), forced or choose(accept)

    def dereference(self, store: Store, path: str, accept: str | None,
                    sparql_url: str | None = None) -> Reply:
        """Answer a GET on ``path``: a page, its JSON twin or an RDF document (or a 404)."""
        if path.rstrip("/") == self.home + "void":
            return self.void_reply(store, choose(accept), sparql_url)
        stem, forced = split_suffix(path)
        if stem == self.home + "void":
            return self.void_reply(store, forced or choose(accept), sparql_url)
        iri, fmt = self.resolve(path, accept)
        if iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "/"):
            return self.ontology_reply(store, fmt)
        if self.iris.section(iri) == "graph" and is_graph(store, iri):
            return self._graph_reply(store, iri, fmt, stem)
        if exists(store, iri):
            return self._entity_reply(store, iri, fmt, stem)
        return self._not_found(store, iri, fmt)

    def _entity_reply(self, store: Store, iri: str, fmt: Representation, path: str) -> Reply:
        if fmt.is_rdf:
            return Reply(serialise(entity_triples(store, iri), fmt), fmt.media_type)
        view = entity_view(store, self.iris, iri, self.docs(store).documented)
        if fmt is Representation.JSON:
            return _json({"kind": "entity", **asdict(view), "formats": self._formats(path)})
        return _html(pages.entity_html(view, path, self.home))

    def _graph_reply(self, store: Store, iri: str, fmt: Representation, path: str) -> Reply:
        if fmt.is_rdf:
            return Reply(serialise(graph_triples(store, iri), fmt), fmt.media_type)
        view = graph_view(store, self.iris, iri, self.docs(store).documented)
        if fmt is Representation.JSON:
            return _json({"kind": "graph", **asdict(view), "formats": self._formats(path)})
        return _html(pages.graph_html(view, path, self.home))

    def ontology_reply(self, store: Store, fmt: Representation) -> Reply:
        if fmt.is_rdf:
            return Reply(serialise(ontology_triples(store), fmt), fmt.media_type)
        if fmt is Representation.JSON:
            return _json({"kind": "ontology", **asdict(self.docs(store)),
                          "formats": self._formats(self.home + "ontology")})
        return _html(self.docs_html(store))

    def void_reply(self, store: Store, fmt: Representation, sparql_url: str | None) -> Reply:
        """The voID; ``sparql_url`` is this server's endpoint (default: under the base)."""
        view = replace(self.void(store), sparql_endpoint=sparql_url or self.iris.base + "sparql")
        if fmt.is_rdf:
            return Reply(serialise(void_triples(view), fmt), fmt.media_type)
        if fmt is Representation.JSON:
            return _json({"kind": "void", **asdict(view)})
        wanted = ({c.iri for c in (*view.graphs, *view.classes, *view.properties)}
                  | {iri for iri, _ in view.sources})
        namer = Namer(self.iris, labels(store, wanted), self.docs(store).documented)
        return _html(pages.void_html(view, {i: namer.iri(i) for i in wanted}, self.home))

    def _formats(self, path: str) -> dict[str, str]:
        return {f.media_type: path + f.suffix for f in Representation}

    # --- look-up ------------------------------------------------------------

    def lookup(self, store: Store, query: str, limit: int = 10) -> list[tuple[Hit, Node]]:
        hits = self.index(store).search(query, limit)
        namer = Namer(self.iris, labels(store, [h.iri for h in hits]),
                      self.docs(store).documented)
        return [(hit, namer.iri(hit.iri)) for hit in hits]

    def lookup_reply(self, store: Store, query: str, fmt: Representation,
                     limit: int = 10) -> Reply:
        found = self.lookup(store, query, limit)
        if fmt is Representation.HTML:
            return _html(pages.lookup_html(query, found, self.home))
        return _json({"query": query, "results": [
            {"iri": hit.iri, "label": node.text, "matched": hit.label, "href": node.href}
            for hit, node in found]})

    def _not_found(self, store: Store, iri: str, fmt: Representation) -> Reply:
        words = iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
        found = self.lookup(store, words, 5)
        hint = f"{self.home}lookup?q={words.replace(' ', '+')}"
        if fmt is Representation.HTML:
            body = pages.lookup_html(words, found, self.home).replace(
                "<main>", f"<main><p class='notice'>Nothing is known about "
                f"<code>{esc(iri)}</code>.</p>", 1)
            return Reply(body.encode(), "text/html; charset=utf-8", 404)
        names = "; ".join(f"{node.text} ({node.href})" for _, node in found)
        suggestion = f" Did you mean: {names}?" if names else ""
        raise NotFoundError(f"nothing is known about <{iri}>.{suggestion} "
                            f"Search by name at {hint}")


def _json(data: dict[str, Any]) -> Reply:
    return Reply(json.dumps(data, ensure_ascii=False, indent=1).encode(), "application/json")


def _html(text: str) -> Reply:
    return Reply(text.encode(), "text/html; charset=utf-8")


