"""`icskg push`: every named graph into a real Oxigraph server, idempotently."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kg.cli.main import main
from kg.errors import StoreUnavailableError
from kg.push import GraphStore, graphs_in, push, stale_graphs
from kg.store.embedded import EmbeddedStore

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ICSG = "https://w3id.org/icskg/graph/"
SAMPLE_GRAPHS = {f"{ICSG}{name}" for name in
                 ("ontology", "doc1-p1", "doc1-p2", "doc2-p1", "provenance")}


def test_push_loads_every_graph_with_the_embedded_triple_count(
        start_oxigraph: Callable[..., Any], tmp_path: Path) -> None:
    server = start_oxigraph()
    lines: list[str] = []
    report = push(SAMPLE, GraphStore(server.gsp_url), lines.append)
    assert (report.graphs, report.triples) == (5, 55)
    assert {g.graph for g in report.loaded} == SAMPLE_GRAPHS
    remote = server.remote()
    assert remote.triple_count() == EmbeddedStore.from_files([SAMPLE]).triple_count()
    assert set(graphs_in(remote)) == SAMPLE_GRAPHS
    assert lines[0].startswith("pushing 5 graphs, 55 triples")
    assert lines[-1] == "  5/5 graphs, 55 triples"


def test_push_twice_leaves_the_same_store(start_oxigraph: Callable[..., Any],
                                          tmp_path: Path) -> None:
    server = start_oxigraph()
    remote = server.remote()
    push(SAMPLE, GraphStore(server.gsp_url))
    first = remote.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    push(SAMPLE, GraphStore(server.gsp_url))
    assert remote.triple_count() == 55
    again = remote.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    # Blank nodes get new labels on each load; compare everything else exactly.
    def shape(rows: object) -> list[tuple[str, ...]]:
        return sorted(tuple(t.value if t.kind != "bnode" else "_" for t in row.values())
                      for row in rows)  # type: ignore[attr-defined]
    assert shape(again) == shape(first)


def test_prune_deletes_graphs_the_build_no_longer_has(
        start_oxigraph: Callable[..., Any], tmp_path: Path) -> None:
    server = start_oxigraph()
    remote = server.remote()
    bigger = tmp_path / "kg.trig"
    bigger.write_text(SAMPLE.read_text() + f"\n<{ICSG}gone> {{ <urn:a> <urn:b> <urn:c> }}\n"
                      "<urn:other-app> { <urn:a> <urn:b> <urn:d> }\n")
    push(bigger, GraphStore(server.gsp_url))
    assert remote.triple_count() == 55 + 2
    report = push(SAMPLE, GraphStore(server.gsp_url),
                  stale=lambda pushed: stale_graphs(graphs_in(remote), pushed))
    assert report.deleted == (f"{ICSG}gone",)  # graphs outside icsg: are not icskg's to delete
    assert set(graphs_in(remote)) == SAMPLE_GRAPHS | {"urn:other-app"}


def test_cli_push_reports_what_it_loaded(start_oxigraph: Callable[..., Any],
                                         tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    server = start_oxigraph()
    out = tmp_path / "out"
    out.mkdir()
    (out / "kg.trig").write_bytes(SAMPLE.read_bytes())
    argv = ["push", "--store-url", server.gsp_url, "--out", str(out),
            "--endpoint", server.query_url]
    assert main(argv) == 0
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-2:] == [
        f"pushed 5 graphs, 55 triples to {server.gsp_url}",
        "the store now holds 55 triples in named graphs (55 distinct)",
    ]
    assert "5/5 graphs, 55 triples" in captured.err


def test_cli_push_without_a_build_or_a_store_says_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ICSKG_GSP_URL", raising=False)
    assert main(["push", "--out", str(tmp_path)]) == 1
    assert "--store-url" in capsys.readouterr().err
    assert main(["push", "--store-url", "http://127.0.0.1:9/store", "--out", str(tmp_path)]) == 1
    assert f"no built dataset at {tmp_path / 'kg.trig'}" in capsys.readouterr().err


def test_push_to_a_store_that_is_down_is_a_clear_error(
        free_port: Callable[[], int]) -> None:
    closed = f"http://127.0.0.1:{free_port()}/store"  # nothing listens there
    with pytest.raises(StoreUnavailableError, match="cannot reach the graph store"):
        push(SAMPLE, GraphStore(closed))

