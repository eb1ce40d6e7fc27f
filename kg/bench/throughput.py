"""HTTP throughput side by side: our /sparql and /ask, rdflib-endpoint, Oxigraph, hello.

All servers run at once on the server core(s), idle but for the one under
load; the load generator runs on the other core. /ask is measured twice:
with the answer cache (the fixed mix repeats, so after warm-up every request
is a hit) and on a second icskg server with the cache off, where every
request analyses the question and queries the graph. Targets are measured in
interleaved rounds (A B C D E, A B C D E, ...) so drift on a noisy machine
spreads over all of them, and each figure is the median over rounds.
"""

from __future__ import annotations

import json
import statistics
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from kg.bench import cpu, mixes
from kg.bench.generator import Generated
from kg.bench.procs import spawn, split_cores, stop
from kg.bench.servers import (
    Server,
    load_oxigraph,
    start_oxigraph,
    start_python,
    wait_ready,
)
from kg.localproc import free_port
from kg.store.embedded import EmbeddedStore


@dataclass(frozen=True)
class HttpSettings:
    concurrency: int
    warmup_s: float
    duration_s: float
    rounds: int
    start_timeout_s: float = 120.0
    check_timeout_s: float = 30.0


@dataclass(frozen=True)
class Target:
    name: str  # what the table calls it
    server: str  # which running server
    mix: Path


@dataclass
class TargetResult:
    name: str
    rounds: list[dict[str, object]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(float(r[key]) for r in self.rounds)  # type: ignore[arg-type]


@dataclass
class HttpResult:
    triples: int
    server_cores: list[int]
    client_cores: list[int]
    concurrency: int
    duration_s: float
    oxigraph_load_s: float = 0.0
    targets: dict[str, TargetResult] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


def _targets(m: mixes.Mixes, work: Path) -> list[Target]:
    return [
        Target("icskg /sparql", "icskg", mixes.write(mixes.sparql_requests(m, "/sparql"),
                                                      work / "mix-sparql.json")),
        Target("icskg /ask", "icskg", mixes.write(mixes.ask_requests(m), work / "mix-ask.json")),
        Target("icskg /ask no cache", "icskg-uncached", work / "mix-ask.json"),
        Target("rdflib-endpoint", "rdflib-endpoint",
               mixes.write(mixes.sparql_requests(m, "/sparql"), work / "mix-rdflib.json")),
        Target("oxigraph server", "oxigraph",
               mixes.write(mixes.sparql_requests(m, "/query"), work / "mix-oxigraph.json")),
        Target("icskg /sparql light", "icskg", mixes.write(
            mixes.sparql_requests(m, "/sparql", light=True), work / "mix-sparql-light.json")),
        Target("icskg /sparql light no cache", "icskg-uncached",
               work / "mix-sparql-light.json"),
        Target("oxigraph server light", "oxigraph", mixes.write(
            mixes.sparql_requests(m, "/query", light=True), work / "mix-oxigraph-light.json")),
        Target("hello route", "hello",
               mixes.write(mixes.hello_requests(), work / "mix-hello.json")),
    ]


def _rows(server: Server, path: str, query: str, timeout: float) -> str:
    try:
        response = httpx.get(server.base + path, params={"query": query}, timeout=timeout,
                             headers={"Accept": mixes.SPARQL_JSON})
    except httpx.TimeoutException:
        return "timeout"
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    return str(len(response.json()["results"]["bindings"]))


def check_answers(servers: dict[str, Server], m: mixes.Mixes, timeout: float) -> list[str]:
    """Same rows from every SPARQL server, and an answer from /ask, before any timing."""
    notes = []
    paths = {"icskg": "/sparql", "rdflib-endpoint": "/sparql", "oxigraph": "/query"}
    for qid, query in m.queries:
        rows = {name: _rows(servers[name], path, query, timeout) for name, path in paths.items()}
        if len(set(rows.values())) != 1:
            notes.append(f"{qid}: rows differ {rows}")
    for question in m.questions:
        replies = [httpx.post(servers[name].base + "/ask", json={"question": question},
                              timeout=timeout) for name in ("icskg", "icskg-uncached")]
        if any(r.status_code != 200 or not r.json().get("answered") for r in replies):
            notes.append(f"/ask {question!r}: HTTP {[r.status_code for r in replies]}, "
                         "not answered")
        elif len({(r.json()["question_id"], r.json()["answer"]) for r in replies}) != 1:
            notes.append(f"/ask {question!r}: answers differ with and without the cache")
    return notes


def _burst(target: Target, server: Server, client: frozenset[int],
           s: HttpSettings) -> dict[str, object]:
    argv = [sys.executable, "-m", "kg.bench.loadgen", "--port", str(server.port),
            "--mix", str(target.mix), "--concurrency", str(s.concurrency),
            "--warmup", str(s.warmup_s), "--duration", str(s.duration_s)]
    before = cpu.snapshot()
    proc = spawn(argv, core_set=client, capture=True)
    try:
        out, _ = proc.communicate(timeout=s.warmup_s + s.duration_s + 60)
    finally:
        stop(proc)
    result: dict[str, object] = json.loads(out)
    result["core_busy"] = {str(k): round(v, 3) for k, v in
                           cpu.busy(before, cpu.snapshot()).items()}
    return result


def _start_uncached(data: Path, cores: frozenset[int], logs: Path) -> Server:
    """Our app with the /ask answer cache off (``qa_cache_size=0``)."""
    kind, port = "icskg-uncached", free_port()
    log = logs / f"{kind}.log"
    proc = spawn([sys.executable, "-m", "kg.bench.apps", kind, "--data", str(data),
                  "--port", str(port)], core_set=cores, log=log)
    return Server(kind, port, "/health", proc, log)


def _start(data: Generated, work: Path, cores: frozenset[int], stack: ExitStack,
           s: HttpSettings) -> tuple[dict[str, Server], float]:
    location = work / "oxigraph-store"
    ox_load = load_oxigraph(data.path, location, s.start_timeout_s)
    servers = {}
    for kind in ("icskg", "rdflib-endpoint", "hello"):
        server = start_python(kind, data.path, cores, work)
        stack.callback(server.stop)
        servers[kind] = server
    server = _start_uncached(data.path, cores, work)
    stack.callback(server.stop)
    servers[server.name] = server
    server = start_oxigraph(location, cores, work)
    stack.callback(server.stop)
    servers["oxigraph"] = server
    for server in servers.values():
        wait_ready(server, s.start_timeout_s)
    return servers, ox_load


def run_http(data: Generated, work: Path, s: HttpSettings) -> HttpResult:
    """Start every server, check they agree, run the interleaved rounds, stop them all."""
    server_cores, client_cores = split_cores()
    m = mixes.build_mixes(EmbeddedStore.from_files([data.path]), data)
    targets = _targets(m, work)
    result = HttpResult(data.triples, sorted(server_cores), sorted(client_cores),
                        s.concurrency, s.duration_s)
    with ExitStack() as stack:
        servers, result.oxigraph_load_s = _start(data, work, server_cores, stack, s)
        # The first /sparql request also starts our worker pool: keep it out of the timings.
        result.checks = check_answers(servers, m, s.check_timeout_s)
        _rows(servers["icskg-uncached"], "/sparql", m.light[0][1], s.check_timeout_s)
        for _ in range(s.rounds):
            for target in targets:
                burst = _burst(target, servers[target.server], client_cores, s)
                result.targets.setdefault(target.name, TargetResult(target.name)).rounds.append(
                    burst)
    return result
