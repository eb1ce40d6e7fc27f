"""Regression: ``ICSKG_MAX_RESULT_ROWS`` held on ``/sparql`` only. ``Store.select`` took no row
cap, so a catalogue question (``/questions/{id}/answer``, ``/ask``) returned every row on both
stores: with a cap of 1, ``who-must-have-regard-to`` answered 200 with its two bodies. A
store's ``select`` and ``execute_question`` now take ``max_rows`` and refuse a result past it
(``ResultLimitError``, 413), never shortening it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.catalogue import execute_question, load_catalogue
from kg.errors import ResultLimitError
from kg.store.base import Store
from kg.store.embedded import EmbeddedStore
from tests.stores.conftest import OxigraphServer, oxigraph_command

QUESTION = "who-must-have-regard-to"  # two bodies (tests/catalogue/expected.json), a row each


@pytest.fixture(scope="module")
def server(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    oxigraph_command()
    started = OxigraphServer(tmp_path_factory.mktemp("row-cap")).start()
    try:
        started.push(built_dir / "kg.trig")
        yield started
    finally:
        started.stop()


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, built_dir: Path) -> Store:
    if request.param == "embedded":
        return EmbeddedStore.from_files([built_dir / "kg.trig"])
    server: OxigraphServer = request.getfixturevalue("server")
    return server.remote()


def test_a_question_past_the_cap_is_refused(store: Store) -> None:
    question = load_catalogue().get(QUESTION)
    rows = len(execute_question(store, question, {}).result.rows)
    assert rows >= 2
    with pytest.raises(ResultLimitError, match=f"more than {rows - 1} rows"):
        execute_question(store, question, {}, max_rows=rows - 1)
    assert len(execute_question(store, question, {}, max_rows=rows).result.rows) == rows


def test_select_takes_the_cap(store: Store) -> None:
    three = "SELECT ?s { VALUES ?s { <urn:a> <urn:b> <urn:c> } }"
    with pytest.raises(ResultLimitError, match="more than 2 rows"):
        store.select(three, max_rows=2)
    assert len(store.select(three, max_rows=3).rows) == 3
