"""Live servers for the SPARQL endpoint tests: real uvicorn processes on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from kg.localproc import free_port, stop_process

REPO = Path(__file__).resolve().parents[2]
EX = "http://example.org/"
ICSG = "https://w3id.org/icskg/graph/"
GRAPH_A = ICSG + "test-a"
GRAPH_B = ICSG + "test-b"
GRAPH_BULK = ICSG + "test-bulk"
BULK = 1200  # a three-way cross product of these is ~1.7e9 rows: far past any time limit
TIMEOUT = 3.0
MAX_ROWS = 1000
MAX_BYTES = 20_000


def shared_dir() -> Path:
    """../shared beside the checkout, or ICSKG_SHARED_DIR."""
    return Path(os.environ.get("ICSKG_SHARED_DIR", REPO.parent / "shared"))


def w3c_dir() -> Path:
    return Path(os.environ.get("ICSKG_W3C_PROTOCOL_DIR", shared_dir() / "w3c-sparql11-protocol"))


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    base: str

    @property
    def sparql(self) -> str:
        return self.base + "/sparql"

    def stop(self) -> None:
        stop_process(self.process)


def start_server(args: Sequence[str], env: dict[str, str] | None = None) -> LiveServer:
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--host", "127.0.0.1",
           "--port", str(port), *args]
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.Popen(cmd, cwd=REPO, env=full_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    server = LiveServer(proc, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {cmd}")
        try:
            # The first /sparql request starts the workers; do it here, not in a test.
            if httpx.get(server.sparql, params={"query": "ASK {}"}, timeout=30).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("server did not start")


def _test_data(directory: Path) -> Path:
    lines = [
        "@prefix ex: <http://example.org/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        f"<{GRAPH_A}> {{",
        '  ex:alpha a ex:System ; rdfs:label "Alpha"@en ; ex:population 120 .',
        '  ex:beta a ex:System ; rdfs:label "Beta"@en ; ex:population 80 .',
        "}",
        f"<{GRAPH_B}> {{",
        '  ex:gamma a ex:Board ; rdfs:label "Gamma" ; ex:partOf ex:alpha .',
        "}",
        f"<{GRAPH_BULK}> {{",
        *(f"  ex:n{i} ex:value {i} ." for i in range(BULK)),
        "}",
    ]
    path = directory / "test.trig"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """An icskg server over small test data, with tight limits so tests can hit them."""
    data = _test_data(tmp_path_factory.mktemp("sparql-data"))
    live = start_server(
        ["--data", str(data), "--union-default-graph", "--query-timeout", str(TIMEOUT)],
        {"ICSKG_MAX_RESULT_ROWS": str(MAX_ROWS), "ICSKG_MAX_REQUEST_BYTES": str(MAX_BYTES),
         "ICSKG_SPARQL_WORKERS": "2"},
    )
    yield live
    live.stop()
