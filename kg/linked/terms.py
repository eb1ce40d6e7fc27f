"""What a page shows for one RDF term: its text, and where a click on it leads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.linked.iris import IriMap
from kg.namespaces import ICS, PREFIXES
from kg.store.base import Store
from kg.store.terms import Term

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
DCT_TITLE = "http://purl.org/dc/terms/title"
# Every namespace the data uses. `kind:` comes before `icsd:` (whose namespace contains it):
# YASR shortens a result IRI with the first prefix that matches, so it shows `kind:x`.
ALL_PREFIXES = {
    **{k: v for k, v in PREFIXES.items() if k in ("ics",)},
    "kind": PREFIXES["icsd"] + "kind/",
    **{k: v for k, v in PREFIXES.items() if k != "ics"},
    "vann": "http://purl.org/vocab/vann/",
}
_BY_LENGTH = sorted(ALL_PREFIXES.items(), key=lambda kv: -len(kv[1]))


@dataclass(frozen=True, slots=True)
class Node:
    """One term as shown: ``text`` is a label or the literal; ``href`` a page to open."""

    value: str
    text: str
    kind: str  # "iri", "literal" or "bnode"
    href: str | None = None
    datatype: str | None = None
    lang: str | None = None


def curie(iri: str) -> str:
    """``kind:IntegratedCareSystem`` for an IRI in a known namespace, else the IRI itself."""
    for name, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{name}:{iri[len(ns):]}"
    return iri


def anchor(iri: str) -> str:
    """The id of a term's section in the ontology docs (its local name for ``ics:`` terms)."""
    if iri.startswith(str(ICS)):
        return iri[len(str(ICS)):]
    return curie(iri).replace(":", "-").replace("/", "-")


def values_block(var: str, iris: Iterable[str]) -> str:
    """A ``VALUES`` clause of IRIs, each escaped by :meth:`Term.n3` (never pasted raw)."""
    return f"VALUES ?{var} {{ {' '.join(Term.iri(i).n3() for i in sorted(set(iris)))} }}"


# One branch per label property, each a (subject, predicate) index look-up: a FILTER on
# ?p would walk every triple of a hub (an inverse property makes some subjects of 50k
# triples at 1M), and a second VALUES block is planned as a scan of the predicates.
_LABEL_PROPS = (RDFS_LABEL, SKOS_PREF, DCT_TITLE)


def union_by_property(values: str, subject: str, props: tuple[str, ...], value: str) -> str:
    """``{ VALUES … ?s <p1> ?v BIND(<p1> AS ?p) } UNION …``: indexed look-ups only."""
    return " UNION ".join(f"{{ {values} ?{subject} <{p}> ?{value} BIND(<{p}> AS ?p) }}"
                          for p in props)


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """English (else any) ``rdfs:label`` / ``skos:prefLabel`` / ``dcterms:title`` per IRI."""
    wanted = set(iris)
    if not wanted:
        return {}
    branches = union_by_property(values_block("x", wanted), "x", _LABEL_PROPS, "label")
    result = store.select(f"SELECT ?x ?p ?label WHERE {{ {branches} }}")
    rank = {RDFS_LABEL: 0, SKOS_PREF: 1, DCT_TITLE: 2}
    best: dict[str, tuple[int, str]] = {}
    for row in result.rows:
        lit = row["label"]
        score = rank[row["p"].value] * 2 + (0 if lit.lang in (None, "en") else 1)
        key = row["x"].value
        if key not in best or (score, lit.value) < best[key]:
            best[key] = (score, lit.value)
    return {k: v for k, (_, v) in best.items()}


class Namer:
    """Turns store terms into :class:`Node` values with labels and links."""

    def __init__(self, iris: IriMap, names: Mapping[str, str],
                 documented: frozenset[str] = frozenset()) -> None:
        self.iris = iris
        self.names = names
        self.documented = documented  # terms with a section in the ontology docs

    def href(self, iri: str) -> str | None:
        """Our IRIs open their page (ontology terms: their docs anchor); others open as is."""
        if iri in self.documented:
            return f"{self.iris.path_for(self.iris.base + 'ontology')}#{anchor(iri)}"
        if self.iris.owns(iri):
            return self.iris.path_for(iri)
        return iri if iri.startswith(("http://", "https://")) else None

    def node(self, term: Term) -> Node:
        if term.kind == "iri":
            text = self.names.get(term.value) or curie(term.value)
            return Node(term.value, text, "iri", self.href(term.value))
        if term.kind == "literal":
            return Node(term.value, term.value, "literal", None, term.datatype, term.lang)
        return Node(term.value, "_:" + term.value, term.kind)

    def iri(self, value: str) -> Node:
        return self.node(Term.iri(value))
