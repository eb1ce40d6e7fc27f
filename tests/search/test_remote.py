"""The index reads a remote store (a real Oxigraph server) exactly as it reads the embedded one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.search import SearchIndex
from kg.store.embedded import EmbeddedStore
from tests.stores.conftest import OxigraphServer, oxigraph_command


@pytest.mark.slow
def test_remote_and_embedded_indexes_rank_alike(built_dir: Path,
                                                tmp_path: Path) -> None:
    oxigraph_command()
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        server.push(built_dir / "kg.trig")
        remote = server.remote()
        try:
            over_remote = SearchIndex.from_store(remote)
        finally:
            remote.close()
    finally:
        server.stop()
    embedded = SearchIndex.from_store(EmbeddedStore.from_files([built_dir / "kg.trig"]))
    assert over_remote.passage_count == embedded.passage_count > 0
    for query in ("ICB board seats", "who must have regard to ICP strategies",
                  "number of integrated care systems"):
        assert over_remote.search(query, k=5) == embedded.search(query, k=5)
        assert over_remote.search_statements(query, k=5) == embedded.search_statements(query, k=5)
