"""``run(config)``: generate every size, measure every store option, then HTTP, then report."""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.bench import asklatency, linkedbench, report, table
from kg.bench.generator import Fixed, Generated, generate
from kg.bench.linkedbench import LinkedResult
from kg.bench.mixes import ASK_QUESTIONS
from kg.bench.probe import Case
from kg.bench.storebench import ProbeResult, ProbeSettings, cases_for, run_probe, write_cases
from kg.bench.stores import StoreOption
from kg.bench.throughput import HttpResult, HttpSettings, run_http
from kg.catalogue import load_catalogue

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchConfig:
    sizes: tuple[int, ...]
    http_size: int | None  # None: no HTTP part
    options: tuple[StoreOption, ...]
    probe: ProbeSettings
    rdflib_probe: ProbeSettings  # rdflib's engine is orders slower; it gets a tighter cap
    http: HttpSettings
    workdir: Path | None = None
    linked_size: int | None = None  # synthetic size for the entity-page timing; None: skip
    ask_size: int | None = 1_000_000  # synthetic graph for in-process /ask; None: none
    corpus_trig: Path | None = None  # the corpus graph (kg.trig) for in-process /ask
    ask_only: bool = False  # only the in-process /ask latencies


def quick_config() -> BenchConfig:
    probe = ProbeSettings(cap_s=0.25, budget_s=0.0, reps=1, warmup=False, deadline_s=120)
    return BenchConfig((10_000,), 10_000, tuple(StoreOption), probe, probe,
                       HttpSettings(concurrency=4, warmup_s=0.2, duration_s=0.5, rounds=1),
                       linked_size=10_000, ask_size=10_000)


def full_config(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000),
                http_size: int | None = 100_000) -> BenchConfig:
    return BenchConfig(
        sizes, http_size, tuple(StoreOption),
        ProbeSettings(cap_s=5.0, budget_s=0.5, reps=15, warmup=True, deadline_s=300),
        ProbeSettings(cap_s=1.0, budget_s=0.3, reps=3, warmup=False, deadline_s=300),
        HttpSettings(concurrency=8, warmup_s=1.0, duration_s=4.0, rounds=3),
        linked_size=max(sizes))


def machine() -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}


def _stores(config: BenchConfig, data: Generated, cases: list[Case], work: Path,
            progress: Progress) -> dict[str, ProbeResult]:
    cases_file = write_cases(cases, work / f"cases-{data.triples}.json")
    found = {}
    for option in config.options:
        settings = config.rdflib_probe if option is StoreOption.RDFLIB else config.probe
        progress(f"  {option.value}: loading {data.triples:,} triples, {len(cases)} cases")
        found[option.value] = run_probe(option, data.path, cases_file, settings)
    return found


def _ask(config: BenchConfig, work: Path, generated: dict[int, Generated],
         progress: Progress) -> list[asklatency.AskLatency]:
    """In-process /ask on the corpus graph and on the synthetic graph of ``ask_size``."""
    found = []
    if config.corpus_trig is not None and config.corpus_trig.is_file():
        progress(f"in-process /ask on the corpus graph {config.corpus_trig}")
        found.append(asklatency.measure("corpus graph", config.corpus_trig,
                                        asklatency.CORPUS_QUESTIONS,
                                        asklatency.CORPUS_TARGET_MS))
    if config.ask_size is not None:
        data = generated.get(config.ask_size) or generate(
            work / f"syn-{config.ask_size}.trig", config.ask_size, Fixed.load())
        progress(f"in-process /ask on the synthetic graph of {data.triples:,} triples")
        found.append(asklatency.measure("synthetic graph", data.path, ASK_QUESTIONS,
                                        asklatency.SYNTHETIC_TARGET_MS))
    return found


def _run(config: BenchConfig, work: Path, progress: Progress,
         ) -> tuple[list[report.SizeResult], HttpResult | None, list[asklatency.AskLatency]]:
    fixed, catalogue = Fixed.load(), load_catalogue()
    sizes, generated = [], {}
    wanted = set(config.sizes) | ({config.http_size} if config.http_size else set())
    if config.ask_only:
        wanted = set()
    for target in sorted(wanted):
        data = generate(work / f"syn-{target}.trig", target, fixed)
        generated[target] = data
        progress(f"generated {data.triples:,} triples ({data.systems} systems, "
                 f"{data.editions} editions) in {data.seconds:.2f} s")
        if target in config.sizes:
            stores = _stores(config, data, cases_for(catalogue, data), work, progress)
            sizes.append(report.SizeResult(target, data, stores))
    http = None
    if config.http_size is not None and not config.ask_only:
        progress(f"HTTP at {generated[config.http_size].triples:,} triples")
        http = run_http(generated[config.http_size], work, config.http)
    return sizes, http, _ask(config, work, generated, progress)


def run(config: BenchConfig, json_path: Path | None, progress: Progress) -> str:
    """Run the benchmark; write the JSON report if asked; return the table."""
    work = config.workdir or Path(tempfile.mkdtemp(prefix="icskg-bench-"))
    try:
        sizes, http, asks = _run(config, work, progress)
        linked = _linked(config, work, progress)
    finally:
        if config.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    if json_path is not None:
        data = {**report.as_json(sizes, http, machine()),
                "entity_pages": [{**asdict(r), "met": r.met} for r in linked],
                "ask_in_process": [{**asdict(a), "met": a.met} for a in asks]}
        json_path.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    rendered = table.render(sizes, http) if not config.ask_only else "icskg bench --ask-only"
    pages = ["", *linkedbench.lines(linked)] if linked else []
    return "\n".join([rendered, *asklatency.lines(asks), *pages])


def _linked(config: BenchConfig, work: Path, progress: Progress) -> list[LinkedResult]:
    if config.linked_size is None:
        return []
    path = work / f"syn-{config.linked_size}.trig"  # the file _run wrote for that size
    if not path.is_file():
        generate(path, config.linked_size)
    progress("entity pages (kg.linked), corpus graph and synthetic graph")
    return linkedbench.run(work, path, progress)
