"""One runtime for every front end: it starts the service, reloads it and stops every worker."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from kg.errors import StoreUnavailableError
from kg.runtime import Runtime
from kg.settings import Settings


def children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


@pytest.mark.slow
def test_close_stops_the_live_and_the_retired_workers(built_dir: Path) -> None:
    before = children()
    runtime = Runtime.open(Settings(build_dir=built_dir, sparql_workers=2))
    try:
        first = runtime.sparql("ASK { ?s ?p ?o }")
        assert first.form == "ask" and b"true" in first.body
        started = children() - before
        assert len(started) >= 2  # the workers asked for, plus the pool's reserved light lane
        report = runtime.reload()  # the old service is retired, its workers still up
        assert report.triples_after == report.triples_before > 0
        runtime.sparql("ASK { ?s ?p ?o }")
        assert len(children() - before) == 2 * len(started)
    finally:
        runtime.close()
    assert not children() - before
    with pytest.raises(StoreUnavailableError, match="not running"):
        runtime.current  # noqa: B018 - the property is the point


def test_the_runtime_answers_what_every_front_end_asks(built_dir: Path) -> None:
    with Runtime(Settings(build_dir=built_dir)) as runtime:
        answer = runtime.ask("Which bodies must have regard to ICP strategies?")
        assert answer.question_id == "who-must-have-regard-to" and answer.sources
        run = runtime.run_question("ccgs-in-system", {})
        assert len(run.results) == 9
        hits = runtime.search("who must have regard to ICP strategies", 1)
        assert hits[0].graph.endswith("d002-icp-strategy")
        described = runtime.describe("NHS England")
        assert described.facts and described.sources
        names = [t.name for t in runtime.tools()]
        assert names[:4] == ["ask", "search_facts", "describe", "sparql"]
        assert runtime.tools() is runtime.tools()  # worked out once per loaded graph
