"""The embedded store options the benchmark compares, each behind the :class:`Store` protocol.

- ``pyoxigraph``: the project's :class:`~kg.store.embedded.EmbeddedStore`.
- ``rdflib``: rdflib's in-memory ``Dataset`` with its own SPARQL engine.
- ``oxrdflib``: an rdflib ``Dataset`` over the Oxigraph store plugin (oxrdflib),
  which hands whole queries to Oxigraph's engine.

Only what catalogue questions need (``select`` with safe ``bindings``) is
implemented for the rdflib-based options; they exist to be measured.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path

from kg.errors import QuerySyntaxError
from kg.store.base import Bindings, Capabilities, QueryRequest, RawResult, SelectResult, Store
from kg.store.embedded import EmbeddedStore
from kg.store.oxformats import capped
from kg.store.terms import Term


class StoreOption(enum.StrEnum):
    RDFLIB = "rdflib"
    PYOXIGRAPH = "pyoxigraph"
    OXRDFLIB = "oxrdflib"


def _to_term(node: object) -> Term:
    from rdflib import BNode, Literal, URIRef

    if isinstance(node, URIRef):
        return Term.iri(str(node))
    if isinstance(node, Literal):
        datatype = str(node.datatype) if node.datatype else None
        return Term.literal(str(node), datatype, node.language)
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    raise TypeError(f"unexpected term {node!r}")


def _from_term(term: Term) -> object:
    from rdflib import Literal, URIRef

    if term.kind == "iri":
        return URIRef(term.value)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


class RdflibStore:
    """An rdflib ``Dataset`` whose default graph is the union of its named graphs."""

    # Benchmarked only, never served: no sandbox runs its queries.
    capabilities = Capabilities(enforces_timeout=False, enforces_row_cap=False)

    def __init__(self, dataset: object, name: str) -> None:
        self._dataset = dataset
        self.name = name

    @classmethod
    def load(cls, path: Path, option: StoreOption) -> RdflibStore:
        from rdflib import Dataset

        if option is StoreOption.OXRDFLIB:
            dataset = Dataset(store="Oxigraph", default_union=True)
            dataset.parse(path, format="ox-trig")  # Oxigraph's parser, straight into its store
        else:
            dataset = Dataset(default_union=True)
            dataset.parse(path, format="trig")
        return cls(dataset, option.value)

    def select(self, query: str, bindings: Bindings | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> SelectResult:
        del timeout  # neither engine can stop a running query
        init = {k: _from_term(v) for k, v in (bindings or {}).items()}
        try:
            result = self._dataset.query(query, initBindings=init)  # type: ignore[attr-defined]
        except Exception as exc:  # rdflib's parser raises pyparsing errors
            raise QuerySyntaxError(f"SPARQL error: {exc}") from exc
        variables = tuple(str(v) for v in result.vars or ())
        rows = tuple(capped((_row(variables, b) for b in result.bindings), max_rows))
        return SelectResult(variables, rows)

    def ask(self, query: str, bindings: Bindings | None = None, *,
            timeout: float | None = None) -> bool:
        raise NotImplementedError("the benchmark runs SELECT catalogue questions only")

    def construct(self, query: str, bindings: Bindings | None = None, *,
                  timeout: float | None = None) -> list[tuple[Term, Term, Term]]:
        raise NotImplementedError("the benchmark runs SELECT catalogue questions only")

    def execute(self, request: QueryRequest) -> RawResult:
        raise NotImplementedError("the benchmark runs SELECT catalogue questions only")

    def triple_count(self) -> int:
        return len(self._dataset)  # type: ignore[arg-type]

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None


def _row(variables: tuple[str, ...], binding: Mapping[object, object]) -> dict[str, Term]:
    from rdflib import Variable

    row: dict[str, Term] = {}
    for name in variables:
        value = binding.get(Variable(name))
        if value is not None:
            row[name] = _to_term(value)
    return row


def open_option(option: StoreOption, path: Path) -> Store:
    """Load ``path`` (TriG) into the given store option."""
    if option is StoreOption.PYOXIGRAPH:
        return EmbeddedStore.from_files([path])
    return RdflibStore.load(path, option)
