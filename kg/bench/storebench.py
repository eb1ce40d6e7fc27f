"""Store measurements: every (size, store option) in its own probe process."""

from __future__ import annotations

import json
import queue
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.bench.generator import Generated
from kg.bench.probe import Case
from kg.bench.procs import running, spawn
from kg.bench.stores import StoreOption
from kg.catalogue import Catalogue


@dataclass(frozen=True)
class ProbeSettings:
    cap_s: float
    budget_s: float
    reps: int
    warmup: bool
    deadline_s: float  # the whole probe (load and every case)


@dataclass(frozen=True)
class CaseResult:
    question: str
    variant: str
    median_ms: float
    p95_ms: float
    samples: int
    rows: int
    timed_out: bool


@dataclass
class ProbeResult:
    option: str
    load_s: float = 0.0
    triples: int = 0
    baseline_rss_mb: float = 0.0
    loaded_rss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    cases: list[CaseResult] = field(default_factory=list)
    complete: bool = False
    note: str = ""


def cases_for(catalogue: Catalogue, data: Generated) -> list[Case]:
    """Every question with its defaults, and those about a system or body with a synthetic one."""
    system = data.sample_board.replace("-icb", "-ics")
    cases = []
    for question in catalogue.questions:
        cases.append(Case(question.id, "default", {}))
        names = {p.name for p in question.parameters if p.type.value == "entity"}
        if "system" in names:
            cases.append(Case(question.id, "synthetic", {"system": system}))
        elif "body" in names:
            cases.append(Case(question.id, "synthetic", {"body": data.sample_board}))
    return cases


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _case(record: dict[str, object]) -> CaseResult:
    samples = [float(x) for x in record["samples_ms"]]  # type: ignore[attr-defined]
    return CaseResult(str(record["question"]), str(record["variant"]),
                      statistics.median(samples), p95(samples), len(samples),
                      int(record["rows"]), bool(record["timed_out"]))  # type: ignore[call-overload]


def _apply(result: ProbeResult, record: dict[str, object]) -> None:
    event = record["event"]
    if event == "loaded":
        result.load_s = float(record["load_s"])  # type: ignore[arg-type]
        result.triples = int(record["triples"])  # type: ignore[call-overload]
        result.baseline_rss_mb = float(record["baseline_rss_mb"])  # type: ignore[arg-type]
        result.loaded_rss_mb = float(record["loaded_rss_mb"])  # type: ignore[arg-type]
    elif event == "case":
        result.cases.append(_case(record))
    elif event == "done":
        result.peak_rss_mb = float(record["peak_rss_mb"])  # type: ignore[arg-type]
        result.complete = True


def _reader(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_probe(option: StoreOption, data: Path, cases_file: Path,
              settings: ProbeSettings) -> ProbeResult:
    """Run one probe; stop it by its pid at the deadline and keep what it finished."""
    argv = [sys.executable, "-m", "kg.bench.probe", "--option", option.value, "--data", str(data),
            "--cases", str(cases_file), "--cap", str(settings.cap_s),
            "--budget", str(settings.budget_s), "--reps", str(settings.reps)]
    if not settings.warmup:
        argv.append("--no-warmup")
    result = ProbeResult(option.value)
    deadline = time.monotonic() + settings.deadline_s
    with running(spawn(argv, capture=True)) as proc:
        assert proc.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
        while not result.complete:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                result.note = f"stopped at the {settings.deadline_s:.0f} s probe deadline"
                break
            if line is None:
                result.note = result.note or f"probe exited early (code {proc.wait()})"
                break
            _apply(result, json.loads(line))
    return result


def write_cases(cases: list[Case], path: Path) -> Path:
    path.write_text(json.dumps([{"question": c.question, "variant": c.variant,
                                 "params": c.params} for c in cases]), encoding="utf-8")
    return path
