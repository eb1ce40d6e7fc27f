"""``icskg build``: ontology plus facts, validated, reasoned, verified and released.

Steps: load the TBox and the facts; check vocabulary, datatypes and
provenance; generate kinds; validate with SHACL; run HermiT and close the
inferences; optionally verify every locator against the corpus; write the
release atomically. Any failure leaves the previous build in place.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, URIRef

from kg.build import validate
from kg.build.dates import date_twins
from kg.build.derived import VOCABULARY_GRAPH, derived_provenance
from kg.build.facts import FactBase, load_facts
from kg.build.kinds import kinds_graph
from kg.build.locators import LocatorReport, verify_locators
from kg.build.reason import close, run_hermit
from kg.build.release import (
    Release,
    discard,
    new_build_folder,
    publish,
    write_dataset,
    write_ontology,
)
from kg.build.shacl import validate_shacl
from kg.cli.common import progress as default_progress
from kg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH
from kg.ontology import load_ontology, load_shapes
from kg.paths import facts_dir as default_facts_dir
from kg.paths import ontology_dir as default_ontology_dir

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """The outcome of a successful build."""

    out: Path
    release: Release
    locators: LocatorReport | None


def _merge(*graphs: Graph) -> Graph:
    merged = Graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


class _Steps:
    """Times each step and reports it as one progress line."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.started = time.perf_counter()

    def done(self, message: str, since: float) -> float:
        now = time.perf_counter()
        self.progress(f"  {message} ({now - since:.2f} s)")
        return now


def _check(facts: FactBase, tbox: Graph) -> None:
    validate.check_vocabulary(facts, tbox)
    validate.check_provenance(facts)
    validate.check_kinds_used_properly(facts)


def build(out: Path, corpus_dir: Path | None = None, *, facts_dir: Path | None = None,
          ontology_dir: Path | None = None, progress: Progress = default_progress) -> BuildReport:
    """Run the whole build; raise a :class:`kg.errors.BuildError` subclass on failure."""
    steps = _Steps(progress)
    started = datetime.now(UTC)
    source_dir = ontology_dir or default_ontology_dir()
    progress(f"icskg build -> {out}")
    t = steps.started
    ontology = load_ontology(source_dir)
    tbox = ontology.merged()
    facts = load_facts(facts_dir or default_facts_dir())
    t = steps.done(f"loaded ontology ({len(tbox)} triples) and {len(facts.graphs)} fact graphs", t)
    _check(facts, tbox)
    kinds = kinds_graph(facts, tbox)
    data = _merge(facts.union(), kinds, facts.provenance)
    kinds_count = len(set(kinds.subjects()))
    t = steps.done(f"checked vocabulary, datatypes and provenance; {kinds_count} kinds", t)
    shapes = validate_shacl(data, tbox, load_shapes(source_dir), facts)
    t = steps.done(f"SHACL: conforms ({shapes} shapes)", t)
    with tempfile.TemporaryDirectory(prefix="icskg-reason-") as work:
        entailed = run_hermit(tbox, data, Path(work))
    t = steps.done(f"HermiT: consistent; {len(entailed)} entailed triples", t)
    inferred = _merge(entailed, close(tbox, _merge(data, entailed)), date_twins(data)) - data
    t = steps.done(f"materialised {len(inferred)} inferred triples (date twins included)", t)
    locators = None
    if corpus_dir is not None:
        locators = verify_locators(corpus_dir, facts, _merge(data, inferred, tbox))
        t = steps.done(f"verified {locators.passages} locators, {locators.mentions} mentions "
                       f"in {locators.documents} documents", t)
    folder = new_build_folder(out)
    derived = derived_provenance(folder.name, started, datetime.now(UTC), facts.graphs)
    graphs: dict[URIRef, Graph] = dict(facts.graphs)
    graphs.update({PROVENANCE_GRAPH: _merge(facts.provenance, derived), VOCABULARY_GRAPH: kinds,
                   INFERRED_GRAPH: inferred, ONTOLOGY_GRAPH: tbox})
    try:
        write_ontology(folder, ontology, source_dir)
        triples = write_dataset(folder, graphs)
        release = Release(len(graphs), triples, len(facts.graphs), len(inferred),
                          round(time.perf_counter() - steps.started, 2))
        publish(out, folder, release)
    except BaseException:
        discard(folder)
        raise
    steps.done(f"wrote {len(graphs)} graphs, {triples} quads", t)
    progress(f"built in {release.seconds:.1f} s")
    return BuildReport(out, release, locators)
