"""Regression: over a remote store, /ask kept answering from the entity index and answer cache it
built at start-up, so a push that removed a fact did not show. The build id push writes is now
watched (kg.store.staleness.BuildWatch) and a change drops what was derived."""

from __future__ import annotations

from pathlib import Path

from kg.push import GraphStore, push
from kg.store.staleness import BuildWatch, read_build_id
from tests.stores.conftest import OxigraphServer

SAMPLE = Path(__file__).resolve().parent.parent / "stores" / "data" / "sample.trig"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_new_build_id_is_seen_once_and_no_sooner_than_the_interval(tmp_path: Path) -> None:
    server = OxigraphServer(tmp_path / "store").start()
    try:
        _watch(server, tmp_path)
    finally:
        server.stop()


def _watch(server: OxigraphServer, tmp_path: Path) -> None:
    server.push(SAMPLE)
    remote, clock = server.remote(), Clock()
    watch = BuildWatch(remote, interval=5.0, clock=clock)
    assert watch.check() is False  # the first read records the id
    first = read_build_id(remote)
    assert first is not None and watch.build_id == first
    changed = tmp_path / "kg.trig"
    changed.write_text(SAMPLE.read_text().replace("1200000", "1200001"))
    push(changed, GraphStore(server.gsp_url))
    clock.now = 4.0
    assert watch.check() is False  # not due yet: no query
    clock.now = 5.0
    assert watch.check() is True and watch.build_id != first
    clock.now = 10.0
    assert watch.check() is False  # seen once
