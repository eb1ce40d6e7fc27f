"""The benchmark report: JSON for machines, a table of medians and ratios for people,
and each target with how far it is met or missed."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, replace

from kg.bench.generator import Generated
from kg.bench.storebench import ProbeResult
from kg.bench.throughput import HttpResult

SPARQL, ASK, RDFLIB_EP, OXIGRAPH, HELLO = ("icskg /sparql", "icskg /ask", "rdflib-endpoint",
                                           "oxigraph server", "hello route")
ASK_UNCACHED = "icskg /ask no cache"  # the /ask target is judged on this one
SPARQL_LIGHT, OXIGRAPH_LIGHT = "icskg /sparql light", "oxigraph server light"
SPARQL_LIGHT_UNCACHED = "icskg /sparql light no cache"
OUR_STORE = "pyoxigraph"
MIN_MEMORY_MB = 20.0


@dataclass
class SizeResult:
    target: int
    data: Generated
    stores: dict[str, ProbeResult]


@dataclass(frozen=True)
class Verdict:
    name: str
    value: float | None
    target: str
    met: bool | None  # None: not measured in this run
    detail: str


def catalogue_median(probe: ProbeResult) -> float:
    """Median over every case of its median latency (a timed-out case counts as its cap)."""
    return statistics.median(c.median_ms for c in probe.cases) if probe.cases else 0.0


def catalogue_p95(probe: ProbeResult) -> float:
    return statistics.median(c.p95_ms for c in probe.cases) if probe.cases else 0.0


def _per_triple(first: SizeResult, last: SizeResult, option: str, cost: str) -> float | None:
    a, b = first.stores.get(option), last.stores.get(option)
    if a is None or b is None or not a.triples or not b.triples:
        return None
    values = {"load": (a.load_s, b.load_s),
              "memory": (a.peak_rss_mb - a.baseline_rss_mb, b.peak_rss_mb - b.baseline_rss_mb),
              "catalogue": (sum(c.median_ms for c in a.cases), sum(c.median_ms for c in b.cases))}
    small, large = values[cost]
    # Under ~20 MB, the growth of RSS over the pre-load baseline is allocator noise
    # (the interpreter reuses memory it already holds), not the store's size.
    if small <= 0 or (cost == "memory" and small < MIN_MEMORY_MB):
        return None
    return (large / b.triples) / (small / a.triples)


def growth(sizes: list[SizeResult]) -> dict[str, dict[str, float | None]]:
    """Cost per triple at the largest size over cost per triple at the smallest (1 = linear)."""
    if len(sizes) < 2:
        return {}
    first, last = sizes[0], sizes[-1]
    return {option: {cost: _per_triple(first, last, option, cost)
                     for cost in ("load", "memory", "catalogue")}
            for option in first.stores}


def ratios(http: HttpResult | None) -> dict[str, float | None]:
    def ratio(a: str, b: str) -> float | None:
        if http is None or a not in http.targets or b not in http.targets:
            return None
        below = http.targets[b].median("rps")
        return http.targets[a].median("rps") / below if below > 0 else None

    return {"sparql_vs_rdflib_endpoint": ratio(SPARQL, RDFLIB_EP),
            "sparql_vs_oxigraph": ratio(SPARQL, OXIGRAPH),
            "light_sparql_vs_oxigraph": ratio(SPARQL_LIGHT, OXIGRAPH_LIGHT),
            "light_sparql_uncached_vs_oxigraph": ratio(SPARQL_LIGHT_UNCACHED, OXIGRAPH_LIGHT),
            "ask_vs_hello": ratio(ASK_UNCACHED, HELLO),
            "ask_cached_vs_hello": ratio(ASK, HELLO)}


def _at_least(name: str, value: float | None, floor: float, unit: str = "x") -> Verdict:
    if value is None:
        return Verdict(name, None, f">= {floor}{unit}", None, "not measured in this run")
    if value >= floor:
        return Verdict(name, value, f">= {floor}{unit}", True, f"met: {value:.2f}{unit}")
    return Verdict(name, value, f">= {floor}{unit}", False,
                   f"missed: {value:.2f}{unit}, {floor / value if value else float('inf'):.1f}x "
                   f"short of {floor}{unit}")


def _at_most(name: str, value: float | None, ceiling: float, unit: str) -> Verdict:
    if value is None:
        return Verdict(name, None, f"<= {ceiling} {unit}", None, "not measured in this run")
    if value <= ceiling:
        return Verdict(name, value, f"<= {ceiling} {unit}", True, f"met: {value:.2f} {unit}")
    return Verdict(name, value, f"<= {ceiling} {unit}", False,
                   f"missed: {value:.2f} {unit}, {value / ceiling:.1f}x the limit")


def _cached_note(verdict: Verdict, cached: float | None) -> Verdict:
    """The /ask verdict is judged without the cache; the cached ratio is shown beside it."""
    if cached is None:
        return verdict
    return replace(verdict, detail=f"{verdict.detail} (with the cache, the fixed mix repeating:"
                                   f" {cached:.2f}x, not judged)")


def _uncached_note(verdict: Verdict, uncached: float | None) -> Verdict:
    """The light-query verdict is the default server (answer cache on); without it, shown."""
    if uncached is None:
        return verdict
    return replace(verdict, detail=f"{verdict.detail} (answer cache off: {uncached:.2f}x, "
                                   "not judged)")


def verdicts(sizes: list[SizeResult], http: HttpResult | None) -> list[Verdict]:
    r = ratios(http)
    largest = sizes[-1] if sizes else None
    ours = largest.stores.get(OUR_STORE) if largest else None
    at_1m = largest is not None and largest.data.triples >= 900_000 and ours is not None
    g = growth(sizes).get(OUR_STORE, {})
    worst = max((v for v in g.values() if v is not None), default=None)
    return [
        _at_least("/sparql vs rdflib-endpoint", r["sparql_vs_rdflib_endpoint"], 3.0),
        _at_least("/sparql vs oxigraph server", r["sparql_vs_oxigraph"], 0.25),
        _uncached_note(_at_least("/sparql light queries vs oxigraph server",
                                 r["light_sparql_vs_oxigraph"], 0.5),
                       r["light_sparql_uncached_vs_oxigraph"]),
        _cached_note(_at_least("/ask vs hello route, answer cache off", r["ask_vs_hello"], 0.5),
                     r["ask_cached_vs_hello"]),
        _at_most("load of 1M triples (pyoxigraph)", ours.load_s if at_1m and ours else None,
                 10.0, "s"),
        _at_most("catalogue median at 1M (pyoxigraph)",
                 catalogue_median(ours) if at_1m and ours else None, 20.0, "ms"),
        _at_most("growth per triple, worst of load/memory/catalogue (pyoxigraph)",
                 worst if len(sizes) > 1 else None, 1.5, "x"),
    ]


def as_json(sizes: list[SizeResult], http: HttpResult | None,
            machine: dict[str, object]) -> dict[str, object]:
    return {
        "machine": machine,
        "sizes": [{"target": s.target, "triples": s.data.triples, "graphs": s.data.graphs,
                   "systems": s.data.systems, "editions": s.data.editions,
                   "build_s": s.data.seconds,
                   "stores": {name: {**asdict(p), "catalogue_median_ms": catalogue_median(p),
                                     "catalogue_p95_ms": catalogue_p95(p)}
                              for name, p in s.stores.items()}}
                  for s in sizes],
        "growth": growth(sizes),
        "http": None if http is None else {
            **{k: v for k, v in asdict(http).items() if k != "targets"},
            "targets": {name: {"rps": t.median("rps"), "median_ms": t.median("median_ms"),
                               "p95_ms": t.median("p95_ms"), "rounds": t.rounds}
                        for name, t in http.targets.items()}},
        "ratios": ratios(http),
        "targets": [asdict(v) for v in verdicts(sizes, http)],
    }
