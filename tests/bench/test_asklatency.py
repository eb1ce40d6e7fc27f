"""The in-process /ask measurement of ``icskg bench`` on the corpus graph (no timing bars
here: the targets are judged by the benchmark itself)."""

from __future__ import annotations

from pathlib import Path

from kg.bench import asklatency


def test_measure_on_the_corpus_graph(built_dir: Path) -> None:
    result = asklatency.measure("corpus graph", built_dir / "kg.trig",
                                asklatency.CORPUS_QUESTIONS, asklatency.CORPUS_TARGET_MS,
                                rounds=1)
    assert result.triples > 1000 and result.questions == len(asklatency.CORPUS_QUESTIONS)
    # Most of the mix is answerable; the unknown person and France are not.
    assert 0 < result.answered < result.questions
    assert 0 < result.median_ms <= result.p95_ms
    (line,) = [x for x in asklatency.lines([result]) if "corpus graph" in x]
    assert "median" in line and "target <= 15 ms" in line
