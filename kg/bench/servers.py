"""Lifecycle of the servers under test: start pinned, wait until ready, stop by pid."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from kg.bench.procs import spawn, stop
from kg.errors import IcskgError
from kg.localproc import free_port


class BenchError(IcskgError):
    """A server under test would not start or answer."""


@dataclass
class Server:
    """A running server: its name, where to reach it and its process."""

    name: str
    port: int
    ready_path: str
    proc: subprocess.Popen[str]
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        stop(self.proc)


def oxigraph_binary() -> str:
    """The ``oxigraph`` console command installed beside this interpreter (pip: oxigraph)."""
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.is_file():
        return str(candidate)
    raise BenchError("the oxigraph command is missing: pip install 'icskg[bench]'")


def load_oxigraph(data: Path, location: Path, timeout: float) -> float:
    """``oxigraph load`` the dataset into an on-disk store; return the seconds it took."""
    started = time.perf_counter()
    done = subprocess.run([oxigraph_binary(), "load", "--location", str(location),
                           "--file", str(data)], capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise BenchError(f"oxigraph load failed: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - started


def start_python(kind: str, data: Path, cores: frozenset[int], logs: Path) -> Server:
    port = free_port()
    log = logs / f"{kind}.log"
    proc = spawn([sys.executable, "-m", "kg.bench.apps", kind, "--data", str(data),
                  "--port", str(port)], core_set=cores, log=log)
    ready = {"icskg": "/health", "hello": "/hello",
             "rdflib-endpoint": "/sparql?query=ASK%7B%7D"}[kind]
    return Server(kind, port, ready, proc, log)


def start_oxigraph(location: Path, cores: frozenset[int], logs: Path) -> Server:
    port = free_port()
    log = logs / "oxigraph.log"
    proc = spawn([oxigraph_binary(), "serve-read-only", "--location", str(location),
                  "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                 core_set=cores, log=log)
    return Server("oxigraph", port, "/query?query=ASK%7B%7D", proc, log)


def wait_ready(server: Server, timeout: float) -> float:
    """Poll the server's ready path until it answers 200; return the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if server.proc.poll() is not None:
            raise BenchError(f"{server.name} exited with code {server.proc.returncode}; "
                             f"see {server.log}")
        try:
            response = httpx.get(server.base + server.ready_path, timeout=5.0)
            if response.status_code == 200:
                return time.monotonic() - started
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise BenchError(f"{server.name} was not ready after {timeout:.0f} s; see {server.log}")
