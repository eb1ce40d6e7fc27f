"""Real `icskg serve` processes on free loopback ports, stopped by their pid, and CLI runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from kg.localproc import free_port
from kg.paths import facts_dir
from kg.soak import Server

REPO = Path(__file__).resolve().parents[2]
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# An anchor in the curated facts; tests add labels after it to change the triple count.
ANCHOR = 'skos:altLabel "BOB ICS"@en ,'
ANCHOR_FILE = "004_dhaca_webinar_2020.trig"


# One `icskg serve` subprocess; its output goes to ``log``.
Served = Server


def serve(args: Sequence[str], log: Path, env: dict[str, str] | None = None) -> Served:
    """Start `icskg serve ARGS` and wait until /health and /sparql answer (workers started)."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--host", "127.0.0.1",
           "--port", str(port), *args]
    with log.open("wb") as sink:
        process = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **(env or {})},
                                   stdout=sink, stderr=subprocess.STDOUT)
    served = Served(process, f"http://127.0.0.1:{port}", log)
    served.wait_ready()
    return served


@pytest.fixture
def start_server() -> Iterator[Callable[..., Served]]:
    """A factory for servers that are all stopped (by pid) when the test ends."""
    started: list[Served] = []

    def start(args: Sequence[str], log: Path, env: dict[str, str] | None = None) -> Served:
        served = serve(args, log, env)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


def icskg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kg.cli.main", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout, check=False)


def facts_copy(folder: Path, extra_labels: int = 0, *, broken: bool = False) -> Path:
    """A copy of the curated facts with ``extra_labels`` more triples, or a syntax error."""
    shutil.copytree(facts_dir(), folder)
    path = folder / ANCHOR_FILE
    text = path.read_text(encoding="utf-8")
    assert ANCHOR in text, "the test's anchor no longer matches the facts"
    added = "".join(f' "BOB test label {i}"@en ,' for i in range(extra_labels))
    if broken:
        added = " {{ this is not TriG"
    path.write_text(text.replace(ANCHOR, ANCHOR + added, 1), encoding="utf-8")
    return folder


def sparql_count(base: str, client: httpx.Client) -> tuple[int, int]:
    """(status, number of quads) as the /sparql endpoint sees them; -1 when not 200."""
    response = client.get(base + "/sparql", params={"query": COUNT_QUERY},
                          headers={"Accept": "text/csv"})
    if response.status_code != 200:
        return response.status_code, -1
    return 200, int(response.text.splitlines()[1])
