"""Load the built dataset into a remote store through the SPARQL 1.1 Graph Store Protocol.

Each named graph of ``kg.trig`` (the passage graphs, provenance, ontology and
inferences) is sent with one HTTP PUT, which replaces that graph in the store
(https://www.w3.org/TR/sparql11-http-rdf-update/#http-put): pushing the same
build twice leaves the store as it was after the first push. With ``prune``,
icskg graphs the build no longer has are deleted, so the store mirrors it.

The provenance graph goes last and carries the build id
(:mod:`kg.store.staleness`): a process that sees the new id sees the whole build.
Credentials answer the store's own challenge, Basic or Digest (:mod:`kg.push_auth`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.errors import StoreUnavailableError
from kg.namespaces import ICSG, PROVENANCE_GRAPH
from kg.push_auth import auth_for
from kg.store.base import Store
from kg.store.protocol import redact
from kg.store.remote_requests import GRAPHS_QUERY
from kg.store.staleness import BUILD_ID, build_id_of

Progress = Callable[[str], None]
_NTRIPLES = "application/n-triples"


@dataclass(frozen=True, slots=True)
class GraphLoad:
    """One graph sent to the store: its IRI (None for the default graph) and size."""

    graph: str | None
    triples: int


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push loaded, and what it deleted when pruning."""

    store: str
    loaded: tuple[GraphLoad, ...]
    deleted: tuple[str, ...] = ()

    @property
    def graphs(self) -> int:
        return len(self.loaded)

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.loaded)


@dataclass(frozen=True, slots=True)
class GraphStore:
    """A Graph Store Protocol endpoint (Oxigraph: ``http://host:port/store``)."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never in a log line
    timeout: float = 120.0

    def client(self) -> httpx.Client:
        return httpx.Client(auth=auth_for(self.user, self.password), timeout=self.timeout)


def read_graphs(dataset: Path) -> dict[str | None, list[ox.Triple]]:
    """The triples of a TriG (or N-Quads) file, grouped by graph IRI."""
    if not dataset.is_file():
        raise StoreUnavailableError(
            f"no built dataset at {dataset}; run `icskg build --out {dataset.parent}` first")
    fmt = ox.RdfFormat.N_QUADS if dataset.suffix == ".nq" else ox.RdfFormat.TRIG
    graphs: dict[str | None, list[ox.Triple]] = {}
    try:
        for quad in ox.parse(path=str(dataset), format=fmt):
            name = quad.graph_name
            key = name.value if isinstance(name, ox.NamedNode) else None
            graphs.setdefault(key, []).append(quad.triple)
    except SyntaxError as exc:
        raise StoreUnavailableError(f"{dataset} is not valid RDF: {exc}") from exc
    return graphs


def _target(graph: str | None) -> dict[str, str]:
    return {"graph": graph} if graph is not None else {"default": ""}


def _call(client: httpx.Client, method: str, store: GraphStore, graph: str | None,
          body: bytes | None = None) -> httpx.Response:
    headers = {"Content-Type": _NTRIPLES} if body is not None else None
    try:
        response = client.request(method, store.url, params=_target(graph), content=body,
                                  headers=headers)
    except httpx.HTTPError as exc:
        raise StoreUnavailableError(
            f"cannot reach the graph store at {redact(store.url)}: {exc}") from exc
    if response.status_code == 401:
        raise StoreUnavailableError(
            f"the graph store at {redact(store.url)} refused the credentials (HTTP 401)")
    return response


def put_graph(client: httpx.Client, store: GraphStore, graph: str | None,
              triples: list[ox.Triple]) -> None:
    """Replace one graph in the store with these triples."""
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    response = _call(client, "PUT", store, graph, body)
    if not response.is_success:
        raise StoreUnavailableError(
            f"the graph store refused graph {graph or 'default'}: HTTP {response.status_code} "
            f"{response.text[:300]}")


def delete_graph(client: httpx.Client, store: GraphStore, graph: str) -> None:
    response = _call(client, "DELETE", store, graph)
    if not response.is_success and response.status_code != 404:
        raise StoreUnavailableError(
            f"the graph store would not delete {graph}: HTTP {response.status_code}")


def _every(count: int) -> int:
    return max(1, count // 20)  # about twenty progress lines, however many graphs


def _order(graphs: dict[str | None, list[ox.Triple]]) -> list[str | None]:
    """Default graph first, provenance (which carries the build id) last."""
    def key(name: str | None) -> tuple[int, str]:
        return (0 if name is None else 2 if name == str(PROVENANCE_GRAPH) else 1, name or "")
    return sorted(graphs, key=key)


def _with_build_id(graphs: dict[str | None, list[ox.Triple]], build_id: str) -> None:
    provenance = ox.NamedNode(str(PROVENANCE_GRAPH))
    graphs.setdefault(str(PROVENANCE_GRAPH), []).append(
        ox.Triple(provenance, ox.NamedNode(BUILD_ID), ox.Literal(build_id)))


def push(dataset: Path, store: GraphStore, progress: Progress = lambda _: None, *,
         stale: Callable[[Iterable[str]], Iterable[str]] | None = None) -> PushReport:
    """PUT every graph of ``dataset`` into ``store``; delete what ``stale`` names, if given.

    ``stale`` receives the pushed graph IRIs and returns icskg graphs present
    in the store but not in the build (see :func:`stale_graphs`).
    """
    graphs = read_graphs(dataset)
    total = sum(len(t) for t in graphs.values())  # the build's own triples, not the build id
    _with_build_id(graphs, build_id_of(dataset))
    names = _order(graphs)
    progress(f"pushing {len(names)} graphs, {total} triples, to {redact(store.url)}")
    loaded: list[GraphLoad] = []
    deleted: list[str] = []
    with store.client() as client:
        for i, name in enumerate(names, start=1):
            if name == str(PROVENANCE_GRAPH) and stale is not None:
                # Stale graphs go before the build id does, so no process sees the new
                # build id alongside graphs of the old build.
                deleted.extend(_prune(client, store, stale, names, progress))
            put_graph(client, store, name, graphs[name])
            loaded.append(GraphLoad(name, len(graphs[name]) - (name == str(PROVENANCE_GRAPH))))
            if i % _every(len(names)) == 0 or i == len(names):
                progress(f"  {i}/{len(names)} graphs, {sum(g.triples for g in loaded)} triples")
    return PushReport(redact(store.url), tuple(loaded), tuple(deleted))


def _prune(client: httpx.Client, store: GraphStore,
           stale: Callable[[Iterable[str]], Iterable[str]], names: list[str | None],
           progress: Progress) -> list[str]:
    deleted: list[str] = []
    for name in stale([n for n in names if n is not None]):
        delete_graph(client, store, name)
        deleted.append(name)
        progress(f"  deleted stale graph {name}")
    return deleted


def graphs_in(store: Store) -> list[str]:
    """The IRIs of the named graphs a store holds."""
    rows = store.select(GRAPHS_QUERY).rows
    return [row["g"].value for row in rows if "g" in row and row["g"].is_iri]


def stale_graphs(store_graphs: Iterable[str], pushed: Iterable[str]) -> list[str]:
    """icskg graphs (under the ``icsg:`` namespace) in the store that the build does not have."""
    keep = set(pushed)
    return sorted(g for g in set(store_graphs) if g.startswith(str(ICSG)) and g not in keep)
