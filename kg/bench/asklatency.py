"""In-process ``/ask`` latency with the answer cache off: the corpus graph and a synthetic one.

Each question of a fixed mix is asked through the engine (analysis, linking,
the catalogue and graph readings, retrieval, sources) on an embedded store,
several rounds after one warm-up round; the median and p95 of the single
answers are reported. Targets: at most 15 ms median on the corpus graph and
50 ms on the 1M-triple synthetic graph.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.qa import Limits, QAEngine
from kg.store.embedded import EmbeddedStore

CORPUS_TARGET_MS = 15.0
SYNTHETIC_TARGET_MS = 50.0
ROUNDS = 5

# Questions of every shape the engine reads, about what the corpus graph names.
CORPUS_QUESTIONS: tuple[str, ...] = (
    "Which bodies must have regard to ICP strategies?",
    "Who is Alan Yates?",
    "Who produces the integrated care strategy?",
    "Is the integrated care board a statutory body?",
    "When did Cheshire and Merseyside ICS go live?",
    "How many ICSs were there in 2020?",
    "Who agrees the ICB constitution and who holds ICBs to account?",
    "Tell me about the Northern Care Alliance",
    "How many people does a place cover?",
    "Who is John Smith?",
    "What is the capital of France?",
    "Which gains from the pandemic should be locked in?",
)


@dataclass(frozen=True)
class AskLatency:
    """Latencies of single in-process answers on one graph."""

    graph: str
    triples: int
    questions: int
    answered: int
    median_ms: float
    p95_ms: float
    build_s: float
    target_ms: float

    @property
    def met(self) -> bool:
        return self.median_ms <= self.target_ms


def measure(name: str, trig: Path, questions: Sequence[str], target_ms: float,
            rounds: int = ROUNDS) -> AskLatency:
    """Load ``trig`` into an embedded store, build the engine, time every question."""
    store = EmbeddedStore.from_files([trig])
    try:
        started = time.perf_counter()
        engine = QAEngine.build(store, limits=Limits(cache_size=0))
        build_s = time.perf_counter() - started
        answered = sum(engine.ask(q).answered for q in questions)  # warm-up round
        took: list[float] = []
        for _ in range(rounds):
            for question in questions:
                start = time.perf_counter()
                engine.ask(question)
                took.append((time.perf_counter() - start) * 1000)
        took.sort()
        return AskLatency(name, store.triple_count(), len(questions), answered,
                          round(statistics.median(took), 2),
                          round(took[int(0.95 * (len(took) - 1))], 2), round(build_s, 2),
                          target_ms)
    finally:
        store.close()


def lines(results: Sequence[AskLatency]) -> list[str]:
    """The table rows of the report."""
    found = ["", "In-process /ask, answer cache off (median / p95 per answer)"]
    for r in results:
        found.append(f"  [{'ok ' if r.met else 'MISS'}] {r.graph}: {r.triples:,} triples, "
                     f"{r.questions} questions ({r.answered} answered): median "
                     f"{r.median_ms:.1f} ms, p95 {r.p95_ms:.1f} ms (target <= "
                     f"{r.target_ms:.0f} ms); engine built in {r.build_s:.2f} s")
    return found
