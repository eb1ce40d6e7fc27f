"""Entity pages in process: the median time to assemble and render one, on the corpus graph
and on a synthetic graph (1M triples in the full run), side by side in one run.

Each sampled entity's HTML page is made once to warm up and then timed ``reps`` times
through :meth:`kg.linked.site.LinkedSite.dereference`, exactly what ``GET /id/…`` runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.build.pipeline import build
from kg.linked.site import LinkedSite
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore

Progress = Callable[[str], None]
TARGET_MS = {"corpus": 20.0, "synthetic": 100.0}  # the targets, per graph
_ENTITIES = ("SELECT DISTINCT ?s WHERE { ?s ?p ?o "
             "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/icskg/id/')) }")


@dataclass(frozen=True)
class LinkedResult:
    graph: str  # "corpus" or "synthetic"
    triples: int
    entities: int  # sampled (all of them on the corpus graph)
    median_ms: float
    p95_ms: float
    max_ms: float
    target_ms: float

    @property
    def met(self) -> bool:
        return self.median_ms < self.target_ms


def measure(graph: str, dataset: Path, sample: int | None, reps: int = 3) -> LinkedResult:
    """Time the entity pages of (a deterministic sample of) the entities in ``dataset``."""
    store = EmbeddedStore.from_files([dataset])
    site = LinkedSite(Settings.model_validate({"data_files": [dataset]}))
    entities = sorted(r["s"].value for r in store.select(_ENTITIES).rows)
    if sample is not None and len(entities) > sample:
        step = len(entities) / sample  # evenly spread over the sorted IRIs: deterministic
        entities = [entities[int(i * step)] for i in range(sample)]
    times = []
    for iri in entities:
        path = site.iris.path_for(iri) or ""
        site.dereference(store, path, "text/html")  # warm-up (the first also reads the TBox)
        for _ in range(reps):
            started = time.perf_counter()
            site.dereference(store, path, "text/html")
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return LinkedResult(graph, store.triple_count(), len(entities), statistics.median(times),
                        times[int(0.95 * (len(times) - 1))], times[-1], TARGET_MS[graph])


def run(work: Path, synthetic: Path | None, progress: Progress,
        sample: int = 200) -> list[LinkedResult]:
    """Build the corpus graph into ``work`` and measure it, then the synthetic graph."""
    report = build(work / "corpus-out", None, progress=lambda _: None)
    results = [measure("corpus", report.out / "kg.trig", None)]
    progress(f"  entity pages, corpus graph: median {results[0].median_ms:.2f} ms")
    if synthetic is not None:
        results.append(measure("synthetic", synthetic, sample))
        progress(f"  entity pages, {results[1].triples:,} triples: "
                 f"median {results[1].median_ms:.2f} ms")
    return results


def lines(results: list[LinkedResult]) -> list[str]:
    out = ["Entity pages in process (GET /id/… HTML through kg.linked; every corpus entity, "
           "a fixed sample of the synthetic ones; 3 timed runs each after a warm-up)",
           f"{'graph':<10} {'triples':>9} {'entities':>8} {'median ms':>9} {'p95 ms':>8} "
           f"{'max ms':>8}  target"]
    for r in results:
        verdict = "met" if r.met else "MISSED"
        out.append(f"{r.graph:<10} {r.triples:>9,} {r.entities:>8} {r.median_ms:>9.2f} "
                   f"{r.p95_ms:>8.2f} {r.max_ms:>8.2f}  median < {r.target_ms:g} ms: {verdict}")
    return out
