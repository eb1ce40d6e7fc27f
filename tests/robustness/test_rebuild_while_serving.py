"""`icskg build` on the directory `icskg serve` is serving: never a half-written graph.

While one thread polls /health and a /sparql count without pause, the test
rebuilds the served folder (real CLI subprocesses), reloads by SIGHUP and by
the admin route, runs a broken build, and points the folder at a corrupt
dataset. Every poll must be 200 and show one of the complete graphs.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.robustness.conftest import Served, facts_copy, icskg, sparql_count

TOKEN = "reload-test-token-9f2c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

pytestmark = pytest.mark.slow


@dataclass
class Poller:
    """Polls /health and /sparql from a thread, recording every (what, status, triples)."""

    base: str
    seen: list[tuple[str, int, int]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self.stop.is_set():
                health = client.get(self.base + "/health")
                triples = health.json()["triples"] if health.status_code == 200 else -1
                self.seen.append(("health", health.status_code, triples))
                self.seen.append(("sparql", *sparql_count(self.base, client)))

    def counts(self) -> set[int]:
        return {count for _, _, count in self.seen}


def health_triples(base: str) -> int:
    count: int = httpx.get(base + "/health", timeout=30).json()["triples"]
    return count


def wait_for_triples(base: str, expected: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while health_triples(base) != expected:
        assert time.monotonic() < deadline, f"the served graph never reached {expected} triples"
        time.sleep(0.2)


def build_report_triples(out: Path) -> int:
    import json

    triples: int = json.loads((out / "build.json").read_text(encoding="utf-8"))["triples"]
    return triples


def test_rebuild_while_serving_swaps_only_complete_graphs(
        tmp_path: Path, start_server: Callable[..., Served]) -> None:
    out = tmp_path / "out"
    first = icskg("build", "--out", str(out))
    assert first.returncode == 0, first.stderr
    old = build_report_triples(out)
    server = start_server(["--out", str(out), "--query-timeout", "5"], tmp_path / "serve.log",
                          {"ICSKG_ADMIN_TOKEN": TOKEN})
    assert health_triples(server.base) == old
    poller = Poller(server.base)
    thread = threading.Thread(target=poller.run, daemon=True)
    thread.start()
    try:
        # 1. A rebuild with one more fact: the old graph serves until a SIGHUP reload.
        rebuilt = icskg("build", "--out", str(out), "--facts", str(facts_copy(tmp_path / "f1", 1)))
        assert rebuilt.returncode == 0, rebuilt.stderr
        new1 = build_report_triples(out)
        assert new1 != old
        assert health_triples(server.base) == old  # nothing changes before a reload
        os.kill(server.process.pid, signal.SIGHUP)
        wait_for_triples(server.base, new1)

        # 2. Another rebuild, reloaded through the admin route.
        rebuilt = icskg("build", "--out", str(out), "--facts", str(facts_copy(tmp_path / "f2", 2)))
        assert rebuilt.returncode == 0, rebuilt.stderr
        new2 = build_report_triples(out)
        reply = httpx.post(server.base + "/admin/reload", headers=AUTH, timeout=120)
        assert reply.status_code == 200, reply.text
        assert (reply.json()["triples_before"], reply.json()["triples_after"]) == (new1, new2)
        assert health_triples(server.base) == new2

        # 3. A broken build fails without touching the served folder.
        served_folder = out.resolve()
        broken = icskg("build", "--out", str(out),
                       "--facts", str(facts_copy(tmp_path / "f3", broken=True)))
        assert broken.returncode == 1 and "Traceback" not in broken.stderr
        assert out.resolve() == served_folder
        assert httpx.post(server.base + "/admin/reload", headers=AUTH,
                          timeout=120).json()["triples_after"] == new2

        # 4. A corrupt dataset behind the link (not made by icskg build): the reload
        # is refused with a clear message and the previous graph keeps serving.
        corrupt = tmp_path / "corrupt"
        corrupt.mkdir()
        (corrupt / "kg.trig").write_text("<urn:a> <urn:b> {{ half-written", encoding="utf-8")
        link = tmp_path / "link"
        link.symlink_to(corrupt)
        os.replace(link, out)
        refused = httpx.post(server.base + "/admin/reload", headers=AUTH, timeout=120)
        assert refused.status_code == 409
        assert refused.json()["error"] == "ReloadError"
        assert "still serving the previous graph" in refused.json()["message"]
        assert health_triples(server.base) == new2
        time.sleep(1)  # a few more polls on the kept graph
    finally:
        poller.stop.set()
        thread.join(60)
    statuses = {status for _, status, _ in poller.seen}
    assert statuses == {200}, [s for s in poller.seen if s[1] != 200][:5]
    assert poller.counts() <= {old, new1, new2}
    assert {old, new2} <= poller.counts()
    assert len(poller.seen) > 20
