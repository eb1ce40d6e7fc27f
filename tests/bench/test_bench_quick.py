"""``icskg bench --quick`` runs end to end and writes a well-formed report.

No speed is asserted here (targets live in the benchmark's own report); the
test checks the report's structure and that every measurement is a positive
number. It starts real servers on loopback, all stopped by the benchmark.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

pytest.importorskip("oxrdflib")
pytest.importorskip("rdflib_endpoint")

TARGETS = {"icskg /sparql", "icskg /ask", "icskg /ask no cache", "rdflib-endpoint",
           "oxigraph server", "icskg /sparql light", "icskg /sparql light no cache",
           "oxigraph server light", "hello route"}
OPTIONS = {"rdflib", "pyoxigraph", "oxrdflib"}


def _positive(value: object, where: str) -> None:
    assert isinstance(value, int | float) and not isinstance(value, bool), where
    assert math.isfinite(value) and value > 0, f"{where} = {value!r}"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("bench") / "report.json"
    done = subprocess.run([sys.executable, "-m", "kg.cli.main", "bench", "--quick", "--json",
                           str(out)], capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Targets" in done.stdout
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_sizes_and_store_options(report: dict[str, object]) -> None:
    sizes = report["sizes"]
    assert isinstance(sizes, list) and len(sizes) == 1
    size = sizes[0]
    for key in ("triples", "graphs", "systems", "editions", "build_s"):
        _positive(size[key], key)
    assert set(size["stores"]) == OPTIONS
    for name, store in size["stores"].items():
        assert store["complete"] is True, store["note"]
        for key in ("load_s", "triples", "baseline_rss_mb", "peak_rss_mb",
                    "catalogue_median_ms", "catalogue_p95_ms"):
            _positive(store[key], f"{name}.{key}")
        assert store["cases"], name


def test_every_catalogue_question_is_measured(report: dict[str, object]) -> None:
    from kg.catalogue import load_catalogue

    ids = set(load_catalogue().ids)
    for name, store in report["sizes"][0]["stores"].items():  # type: ignore[index]
        assert {c["question"] for c in store["cases"]} == ids, name
        for case in store["cases"]:
            for key in ("median_ms", "p95_ms", "samples"):
                _positive(case[key], f"{name}.{case['question']}.{key}")


def test_http_targets_and_ratios(report: dict[str, object]) -> None:
    http = report["http"]
    assert isinstance(http, dict)
    assert set(http["targets"]) == TARGETS
    assert http["server_cores"] and http["client_cores"]
    for name, target in http["targets"].items():
        for key in ("rps", "median_ms", "p95_ms"):
            _positive(target[key], f"{name}.{key}")
    assert set(report["ratios"]) == {"sparql_vs_rdflib_endpoint", "sparql_vs_oxigraph",
                                     "light_sparql_vs_oxigraph",
                                     "light_sparql_uncached_vs_oxigraph",
                                     "ask_vs_hello", "ask_cached_vs_hello"}
    for key, value in report["ratios"].items():  # type: ignore[attr-defined]
        _positive(value, key)


def test_targets_are_reported_not_asserted(report: dict[str, object]) -> None:
    verdicts = report["targets"]
    assert isinstance(verdicts, list) and len(verdicts) == 7
    for verdict in verdicts:
        assert verdict["met"] in (True, False, None)
        assert verdict["detail"]


def test_entity_pages_are_timed(report: dict[str, object]) -> None:
    pages = report["entity_pages"]
    assert isinstance(pages, list)
    assert [p["graph"] for p in pages] == ["corpus", "synthetic"]
    for page in pages:
        for key in ("median_ms", "p95_ms", "max_ms", "entities", "triples"):
            _positive(page[key], f"entity_pages {page['graph']} {key}")
        assert page["target_ms"] == {"corpus": 20.0, "synthetic": 100.0}[page["graph"]]
        assert isinstance(page["met"], bool)
