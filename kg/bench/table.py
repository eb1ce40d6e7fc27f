"""The human-readable report: stores per size, growth, HTTP, ratios and targets."""

from __future__ import annotations

from kg.bench.report import (
    SizeResult,
    catalogue_median,
    catalogue_p95,
    growth,
    ratios,
    verdicts,
)
from kg.bench.throughput import HttpResult


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "n/a" if value is None else format(value, spec)


def store_lines(sizes: list[SizeResult]) -> list[str]:
    lines = ["Embedded stores (each option in its own process; data MB = peak RSS minus the RSS",
             "before loading; catalogue = median over every question and variant of its median",
             "latency through kg.catalogue.run_question; t/o = runs stopped at the cap)",
             f"{'size':>9} {'triples':>9} {'build s':>8} {'option':<11} {'load s':>7} "
             f"{'peak MB':>8} {'data MB':>8} {'cat med ms':>10} {'cat p95 ms':>10} "
             f"{'max ms':>9} {'t/o':>4}"]
    for s in sizes:
        for name, p in s.stores.items():
            slowest = max((c.median_ms for c in p.cases), default=0.0)
            timeouts = sum(c.timed_out for c in p.cases)
            lines.append(f"{s.target:>9,} {p.triples:>9,} {s.data.seconds:>8.2f} {name:<11} "
                         f"{p.load_s:>7.2f} {p.peak_rss_mb:>8.0f} "
                         f"{p.peak_rss_mb - p.baseline_rss_mb:>8.0f} {catalogue_median(p):>10.2f} "
                         f"{catalogue_p95(p):>10.2f} {slowest:>9.1f} {timeouts:>4}"
                         + (f"  ({p.note})" if p.note else ""))
    return lines


def growth_lines(sizes: list[SizeResult]) -> list[str]:
    g = growth(sizes)
    if not g:
        return []
    lines = ["", f"Growth {sizes[0].data.triples:,} -> {sizes[-1].data.triples:,} triples "
             "(cost per triple, largest / smallest; 1.00 = linear)",
             f"{'option':<11} {'load':>7} {'memory':>7} {'catalogue':>10}"]
    for option, costs in g.items():
        lines.append(f"{option:<11} {_fmt(costs['load']):>7} {_fmt(costs['memory']):>7} "
                     f"{_fmt(costs['catalogue']):>10}")
    return lines


def slow_lines(sizes: list[SizeResult], option: str = "pyoxigraph", limit: float = 20.0,
               ) -> list[str]:
    if not sizes or option not in sizes[-1].stores:
        return []
    probe = sizes[-1].stores[option]
    slow = sorted((c for c in probe.cases if c.median_ms > limit), key=lambda c: -c.median_ms)
    lines = ["", f"Catalogue cases over {limit:.0f} ms on {option} at "
             f"{sizes[-1].data.triples:,} triples: {len(slow)} of {len(probe.cases)}"]
    lines += [f"  {c.question} ({c.variant}): median {c.median_ms:.1f} ms, p95 {c.p95_ms:.1f} ms,"
              f" {c.rows} rows" for c in slow]
    return lines


def http_lines(http: HttpResult | None) -> list[str]:
    if http is None:
        return []
    rounds = max((len(t.rounds) for t in http.targets.values()), default=0)
    lines = ["", f"HTTP at {http.triples:,} triples, concurrency {http.concurrency}, "
             f"{http.duration_s:g} s bursts, median of {rounds} interleaved rounds",
             f"cores: servers pinned to {http.server_cores}, load generator to {http.client_cores}"
             f"; oxigraph load {http.oxigraph_load_s:.2f} s",
             "icskg /ask: answer cache on (the mix repeats: hits); no cache: "
             "ICSKG_QA_CACHE_SIZE=0, every request analysed and queried",
             f"{'target':<20} {'req/s':>9} {'median ms':>10} {'p95 ms':>8} {'errors':>7} "
             f"{'client cpu':>10}"]
    for name, t in http.targets.items():
        errors = sum(int(r["errors"]) for r in t.rounds)  # type: ignore[call-overload]
        lines.append(f"{name:<20} {t.median('rps'):>9.1f} {t.median('median_ms'):>10.2f} "
                     f"{t.median('p95_ms'):>8.2f} {errors:>7} {t.median('client_cpu'):>10.2f}")
    lines += [f"  check: {note}" for note in http.checks]
    return lines


def render(sizes: list[SizeResult], http: HttpResult | None) -> str:
    lines = [*store_lines(sizes), *growth_lines(sizes), *slow_lines(sizes), *http_lines(http),
             "", "Ratios"]
    lines += [f"  {k}: {_fmt(v)}" for k, v in ratios(http).items()]
    lines += ["  (ask_vs_hello is /ask with the answer cache off, the figure the 0.5x target "
              "is judged on; ask_cached_vs_hello has it on)"]
    lines += ["", "Targets"]
    lines += [f"  [{'ok ' if v.met else '-- ' if v.met is None else 'MISS'}] {v.name} "
              f"({v.target}): {v.detail}" for v in verdicts(sizes, http)]
    return "\n".join(lines)
