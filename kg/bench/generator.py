"""``generate(path, target)``: a synthetic England-scale dataset as one TriG file.

The file has the layout of a real build's ``kg.trig``: the TBox in
``icsg:ontology``, one graph per passage (the curated facts plus the
synthetic ones), ``icsg:provenance`` describing every passage graph,
``icsg:vocabulary`` with the kinds (made by the build's own
:func:`kg.build.kinds.kinds_graph`) and ``icsg:inferred``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDFS

from kg.bench import england
from kg.bench.duties import national_edition, system_edition
from kg.bench.patterns import Document, Passage, matters
from kg.bench.structure import system_structure
from kg.bench.trig import Entailment, Inferred, TrigWriter, Triple, plain, short, text
from kg.build.facts import FactBase, load_facts
from kg.build.kinds import KIND, kinds_graph
from kg.build.reason import close
from kg.errors import FactError
from kg.namespaces import ICS, ICSD, INFERRED_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH
from kg.ontology import load_ontology
from kg.paths import facts_dir

VOCABULARY_GRAPH = "icsg:vocabulary"
_PASSAGE_CHARS = 400


@dataclass(frozen=True)
class Generated:
    """What :func:`generate` wrote."""

    path: Path
    triples: int
    graphs: int
    systems: int
    editions: int
    seconds: float
    sample_board: str  # full IRI of a named board, for parameterised questions
    sample_council: str


class Emitter:
    """Writes passages with their provenance, and gathers what they entail."""

    def __init__(self, writer: TrigWriter, rules: Entailment) -> None:
        self.writer = writer
        self.inferred = Inferred(rules)
        self.vocabulary = rules.declared
        self.provenance: list[Triple] = []
        self.documents: set[str] = set()
        self.kinds: set[str] = set()
        self._offsets: dict[str, int] = {}

    def passage(self, passage: Passage) -> None:
        for s, p, o in passage.triples:
            self._check(p, o)
            self.inferred.add_from(s, p, o)
            self.kinds.update(t for t in (s, o) if t.startswith("kind:"))
        self.writer.graph(f"icsg:{passage.name}", passage.triples)
        self._describe(passage.name, passage.document)

    def _check(self, p: str, o: str) -> None:
        # The generator must speak the real ontology: an unknown term is a bug here.
        for term in (p, o) if p == "rdf:type" else (p,):
            if term.startswith("ics:") and term not in self.vocabulary:
                raise FactError(f"benchmark generator uses {term}, which the ontology lacks")

    def _describe(self, name: str, doc: Document) -> None:
        graph, source = f"icsg:{name}", f"icsd:{doc.slug}"
        if source not in self.documents:
            self.documents.add(source)
            self._document(source, doc)
        start = self._offsets.get(source, 0)
        end = start + _PASSAGE_CHARS
        self._offsets[source] = end + 2
        for p, o in (("rdf:type", "ics:FactGraph"),
                     ("rdfs:label", text(f"Passage of {doc.slug}, characters {start} to {end}")),
                     ("prov:wasDerivedFrom", source), ("ics:charStart", str(start)),
                     ("ics:charEnd", str(end)),
                     ("ics:locator", plain(f"{doc.slug}.txt#char={start},{end}"))):
            self.provenance.append((graph, p, o))
            self.inferred.add_from(graph, p, o)

    def _document(self, source: str, doc: Document) -> None:
        for p, o in (("rdf:type", "ics:SourceDocument"), ("rdfs:label", text(doc.title)),
                     ("dcterms:title", text(doc.title)),
                     ("dcterms:publisher", plain(doc.publisher)),
                     ("dcterms:date", plain(doc.date)), ("ics:documentKind", plain("synthetic")),
                     ("ics:fileName", plain(f"{doc.slug}.txt"))):
            self.provenance.append((source, p, o))
            self.inferred.add_from(source, p, o)


def _n3(triples: Iterable[tuple[object, object, object]]) -> Iterator[Triple]:
    for s, p, o in triples:
        yield (_term(s), _term(p), _term(o))


def _term(node: object) -> str:
    if isinstance(node, URIRef):
        return short(str(node))
    if isinstance(node, Literal):
        return node.n3()
    return str(node.n3())  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Fixed:
    """What every generated graph holds: the TBox and the curated facts, with their extras."""

    tbox: Graph
    rules: Entailment
    facts: FactBase
    inferred: Graph

    @classmethod
    def load(cls) -> Fixed:
        # Canonical blank-node labels (OWL lists, disjointness axioms) keep the file stable.
        tbox = to_canonical_graph(load_ontology().merged())
        facts = load_facts(facts_dir())
        data = Graph()
        for triple in (*facts.union(), *facts.provenance):
            data.add(triple)
        return cls(tbox, Entailment.from_tbox(tbox), facts, close(tbox, data))

    def write(self, writer: TrigWriter) -> None:
        # Sorted: rdflib's iteration order varies between runs, the file must not.
        writer.graph(short(str(ONTOLOGY_GRAPH)), sorted(_n3(self.tbox)))
        for name, graph in sorted(self.facts.graphs.items()):
            writer.graph(short(str(name)), sorted(_n3(graph)))

    def vocabulary(self, generated_kinds: set[str]) -> Graph:
        mentions = Graph()
        for kind in generated_kinds:
            mentions.add((URIRef(str(KIND) + kind.removeprefix("kind:")), RDFS.comment,
                          Literal("mentioned")))
        both = FactBase(graphs={**self.facts.graphs, ICSD["bench-kinds"]: mentions})
        return kinds_graph(both, self.tbox)


def _passages(plan: england.Plan) -> Iterator[Passage]:
    yield from matters()
    shapes = [england.system(i) for i in range(plan.systems)]
    for shape in shapes:
        yield from system_structure(shape)
    for number in range(plan.editions):
        ed, last = england.edition(number), number == plan.editions - 1
        yield national_edition(ed, last, plan.systems)
        for shape in shapes:
            yield from system_edition(shape, ed, last)


def _finish(emitter: Emitter, fixed: Fixed) -> None:
    writer = emitter.writer
    provenance = [*sorted(_n3(fixed.facts.provenance)), *emitter.provenance]
    writer.graph(short(str(PROVENANCE_GRAPH)), provenance)
    vocabulary = fixed.vocabulary(emitter.kinds)
    writer.graph(VOCABULARY_GRAPH, sorted(_n3(vocabulary)))
    inferred = emitter.inferred.closed() | set(_n3(fixed.inferred))
    writer.graph(short(str(INFERRED_GRAPH)), sorted(inferred))


def _write(stream: IO[str], fixed: Fixed, plan: england.Plan) -> TrigWriter:
    writer = TrigWriter(stream)
    fixed.write(writer)
    emitter = Emitter(writer, fixed.rules)
    for passage in _passages(plan):
        emitter.passage(passage)
    _finish(emitter, fixed)
    return writer


class _Null:
    """A text sink that only counts, to size a plan without writing a file."""

    def write(self, data: str) -> int:
        return len(data)


def choose_plan(fixed: Fixed, target: int) -> england.Plan:
    """Measure one system and one edition, then pick how many of each reach ``target``."""
    sink: IO[str] = _Null()  # type: ignore[assignment]
    base = _write(sink, fixed, england.Plan(0, 0)).triples
    one = _write(sink, fixed, england.Plan(1, 1)).triples
    two = _write(sink, fixed, england.Plan(1, 2)).triples
    per_edition = two - one
    return england.plan(target, base, one - base - per_edition, per_edition)


def generate(path: Path, target: int, fixed: Fixed | None = None) -> Generated:
    """Write a dataset of about ``target`` triples to ``path`` (TriG)."""
    started = time.perf_counter()
    fixed = fixed or Fixed.load()
    plan = choose_plan(fixed, target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        writer = _write(stream, fixed, plan)
    first = england.system(0)
    return Generated(path, writer.triples, writer.graphs, plan.systems, plan.editions,
                     time.perf_counter() - started, str(ICSD[f"{first.slug}-icb"]),
                     str(ICSD[f"{first.slug}-council-0"]))


__all__ = ["ICS", "Fixed", "Generated", "generate"]
