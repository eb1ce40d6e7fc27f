"""One store option on one dataset, measured in a process of its own.

``python -m kg.bench.probe`` loads the data, runs each catalogue case and
prints one JSON object per line, so the parent keeps every finished result
even if it has to stop this process. Peak memory is this process's own
``ru_maxrss``, so figures of different options never mix.

rdflib's engine is pure Python, so a ``SIGALRM`` timer can interrupt a
query that passes its cap; pyoxigraph's cannot be, but its queries are short.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

from kg.bench.stores import StoreOption, open_option
from kg.catalogue import CatalogueQuestion, load_catalogue, run_question
from kg.store.base import Store


@dataclass(frozen=True)
class Case:
    """One catalogue question with one set of parameter values."""

    question: str
    variant: str
    params: dict[str, str]


@dataclass(frozen=True)
class Limits:
    cap_s: float  # one run longer than this is stopped and reported as a timeout
    budget_s: float  # time spent on one case's repeated runs
    reps: int  # most timed runs per case
    warmup: bool


class QueryTimeout(BaseException):
    """A query ran past its cap.

    A BaseException, like KeyboardInterrupt, because the alarm can fire inside rdflib's
    evaluation, where the store wrapper turns every ``Exception`` into a query error.
    """


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _alarm(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise QueryTimeout


@contextmanager
def capped(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed(store: Store, question: CatalogueQuestion, case: Case,
           cap: float) -> tuple[float, int]:
    started = time.perf_counter()
    with capped(cap):
        rows = len(run_question(store, question, case.params).rows)
    return (time.perf_counter() - started) * 1000, rows


def measure_case(store: Store, question: CatalogueQuestion, case: Case,
                 limits: Limits) -> dict[str, object]:
    """Median-ready samples of one case: a warm-up, then runs until ``reps`` or the budget."""
    samples: list[float] = []
    rows = 0
    try:
        if limits.warmup:
            _timed(store, question, case, limits.cap_s)
        started = time.perf_counter()
        while len(samples) < limits.reps and (
                len(samples) < 1 or time.perf_counter() - started < limits.budget_s):
            ms, rows = _timed(store, question, case, limits.cap_s)
            samples.append(ms)
    except QueryTimeout:
        return {"event": "case", **asdict(case), "samples_ms": [limits.cap_s * 1000],
                "rows": rows, "timed_out": True}
    return {"event": "case", **asdict(case), "samples_ms": samples, "rows": rows,
            "timed_out": False}


def _emit(record: dict[str, object]) -> None:
    print(json.dumps(record), flush=True)


def run(option: StoreOption, data: Path, cases: list[Case], limits: Limits) -> None:
    catalogue = load_catalogue()
    baseline = rss_mb()
    started = time.perf_counter()
    store = open_option(option, data)
    load_s = time.perf_counter() - started
    _emit({"event": "loaded", "load_s": load_s, "triples": store.triple_count(),
           "baseline_rss_mb": baseline, "loaded_rss_mb": rss_mb()})
    for case in cases:
        _emit(measure_case(store, catalogue.get(case.question), case, limits))
    _emit({"event": "done", "peak_rss_mb": rss_mb()})


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m kg.bench.probe")
    p.add_argument("--option", type=StoreOption, required=True)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--cases", type=Path, required=True, help="JSON list of cases")
    p.add_argument("--cap", type=float, default=2.0)
    p.add_argument("--budget", type=float, default=0.5)
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--no-warmup", action="store_true")
    args = p.parse_args(argv)
    cases = [Case(c["question"], c["variant"], c["params"])
             for c in json.loads(args.cases.read_text(encoding="utf-8"))]
    run(args.option, args.data, cases,
        Limits(args.cap, args.budget, args.reps, not args.no_warmup))
    return 0


if __name__ == "__main__":
    sys.exit(main())
