"""``python -m kg.soak``: sustained mixed load on a real ``icskg serve``, over loopback only.

Starts the server on 127.0.0.1 (a free port), then for ``--seconds`` drives
several concurrent clients through /ask, /questions, /health and /sparql
(SELECT, ASK, CONSTRUCT and some bad queries), plus one pathological
cross-product query every few seconds that the time limit must cut off. It
reports errors on the good requests (must be 0), the server's resident memory
at the start and the end, and light-query latency percentiles. Bounded in time
and count; it stops the server by its pid when done.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from kg.localproc import free_port, stop_process

LIGHT = frozenset({"health", "sparql-select", "sparql-ask", "sparql-construct"})
# Counts every combination of three quads: ~3e10 rows on the built graph, so it runs until
# the time limit kills its worker. An aggregate, so the row cap cannot stop it earlier.
PATHOLOGICAL = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                "FILTER(STR(?c) != STR(?i)) }")
QUESTIONS = ("Which bodies must have regard to ICP strategies?",
             "Who chairs the Cheshire and Merseyside Health and Care Partnership?",
             "How many integrated care systems were there in 2021?",
             "What is an integrated care board?",
             "what's the weather like in Leeds")


@dataclass(frozen=True, slots=True)
class Probe:
    """One kind of request, and whether it is one a client may rightly make."""

    name: str
    method: str
    path: str
    good: bool
    params: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


def _sparql(name: str, query: str, accept: str, good: bool = True) -> Probe:
    return Probe(name, "GET", "/sparql", good, (("query", query),), None, (("Accept", accept),))


def probes() -> tuple[Probe, ...]:
    """The traffic mix: each client cycles through these in a shuffled order."""
    json_ = (("Content-Type", "application/json"),)
    asks = tuple(Probe("ask", "POST", "/ask", True, body=json.dumps({"question": q}),
                       headers=json_) for q in QUESTIONS)
    return (
        Probe("health", "GET", "/health", True),
        Probe("questions", "GET", "/questions", True),
        Probe("question", "GET", "/questions/who-must-have-regard-to", True),
        Probe("question-answer", "GET", "/questions/duties-of-body/answer", True,
              (("body", "kind:IntegratedCareBoard"),)),
        *asks,
        _sparql("sparql-select", "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/"
                "rdf-schema#label> ?label } ORDER BY ?s LIMIT 25",
                "application/sparql-results+json"),
        _sparql("sparql-ask", "ASK { ?s ?p ?o }", "application/sparql-results+json"),
        _sparql("sparql-construct", "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } "
                "LIMIT 50", "text/turtle"),
        _sparql("bad-syntax", "SELECT ?s WHERE { ?s ?p ", "application/sparql-results+json",
                good=False),
        _sparql("bad-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "text/csv", good=False),
        _sparql("bad-accept", "ASK {}", "image/png", good=False),
        Probe("bad-ask", "POST", "/ask", False, body='{"question": "   "}', headers=json_),
    )


@dataclass
class Tally:
    """Outcomes of one kind of request."""

    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SoakConfig:
    seconds: float = 60.0
    clients: int = 4
    query_timeout: float = 2.0
    pathological_every: float = 5.0
    light_p99_bound: float = 1.0  # seconds: the stated bound for light queries
    out: Path | None = None  # the build folder to serve; a fresh build when None
    seed: int = 7


@dataclass(frozen=True)
class SoakReport:
    seconds: float
    requests: int
    good_requests: int
    good_errors: int
    bad_requests: int
    bad_errors: int
    pathological_sent: int
    pathological_cut_off: int
    rss_start_mb: float
    rss_end_mb: float
    rss_max_mb: float
    rss_total_start_mb: float  # the server plus its SPARQL worker processes
    rss_total_end_mb: float
    rss_series_mb: list[float]  # the server's RSS sampled through the run (about ten points)
    light_p50_ms: float
    light_p99_ms: float
    light_max_ms: float
    light_p99_bound_ms: float
    by_kind: dict[str, dict[str, int]]
    error_samples: list[str]

    @property
    def ok(self) -> bool:
        return (self.good_errors == 0 and self.bad_errors == 0
                and self.pathological_cut_off == self.pathological_sent)

    def render(self) -> str:
        lines = [
            f"soak: {self.seconds:.0f} s, {self.requests} requests "
            f"({self.requests / max(self.seconds, 1e-9):.0f}/s)",
            f"  good requests: {self.good_requests}, errors: {self.good_errors}",
            f"  bad requests: {self.bad_requests}, not answered with a 4xx: {self.bad_errors}",
            f"  pathological queries: {self.pathological_sent}, "
            f"cut off at the time limit: {self.pathological_cut_off}",
            f"  server RSS: start {self.rss_start_mb:.1f} MB, end {self.rss_end_mb:.1f} MB, "
            f"max {self.rss_max_mb:.1f} MB; with workers: start {self.rss_total_start_mb:.1f} "
            f"MB, end {self.rss_total_end_mb:.1f} MB",
            "  server RSS through the run (MB): "
            + " ".join(f"{mb:.1f}" for mb in self.rss_series_mb),
            f"  light queries: p50 {self.light_p50_ms:.0f} ms, p99 {self.light_p99_ms:.0f} ms "
            f"(bound {self.light_p99_bound_ms:.0f} ms), max {self.light_max_ms:.0f} ms",
        ]
        for name, statuses in sorted(self.by_kind.items()):
            lines.append(f"    {name:<18} {dict(sorted(statuses.items()))}")
        lines += [f"  ! {sample}" for sample in self.error_samples]
        return "\n".join(lines)


# --- the server under test -------------------------------------------------------

def rss_kb(pid: int) -> int:
    """Resident memory of one process from /proc (Linux), in kB; 0 where unavailable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (the SPARQL workers of a server)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid):
            found.append(int(stat.parent.name))
    return found


def total_rss_kb(pid: int) -> int:
    return rss_kb(pid) + sum(rss_kb(child) for child in children(pid))


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def stop(self) -> None:
        stop_process(self.process)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, seconds: float = 120) -> None:
        """Return once /sparql answers (its workers are up); stop the server and raise if not."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(self.base + "/sparql", params={"query": "ASK {}"},
                             timeout=30).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        code = self.process.poll()
        self.stop()
        why = f"exited with {code}" if code is not None else "did not come up"
        raise RuntimeError(f"icskg serve {why}:\n{self.output()[-2000:]}")


def start_server(out: Path, query_timeout: float, log: Path) -> Server:
    """`icskg serve` on a free loopback port; returns once /sparql answers (workers up)."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--out", str(out), "--query-timeout", str(query_timeout)]
    with log.open("wb") as sink:
        process = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    server.wait_ready()
    return server


# --- the load ----------------------------------------------------------------------

async def send(client: httpx.AsyncClient, probe: Probe) -> tuple[int, float, str]:
    """(status, seconds, error text); status 0 for a transport failure."""
    started = time.perf_counter()
    try:
        response = await client.request(probe.method, probe.path, params=probe.params,
                                        content=probe.body, headers=dict(probe.headers))
    except httpx.HTTPError as exc:
        return 0, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
    elapsed = time.perf_counter() - started
    return response.status_code, elapsed, response.text[:200]


def judge(probe: Probe, status: int, text: str, tally: Tally) -> None:
    tally.statuses[status] += 1
    if probe.good and status != 200:
        tally.errors.append(f"{probe.name}: {status} {text}")
    if not probe.good and not 400 <= status < 500:
        tally.errors.append(f"{probe.name} (bad on purpose): {status} {text}")


async def client_loop(client: httpx.AsyncClient, mix: Sequence[Probe], until: float,
                      rng: random.Random, tallies: dict[str, Tally]) -> None:
    while time.monotonic() < until:
        order = list(mix)
        rng.shuffle(order)
        for probe in order:
            if time.monotonic() >= until:
                return
            status, seconds, text = await send(client, probe)
            tally = tallies.setdefault(probe.name, Tally())
            tally.latencies.append(seconds)
            judge(probe, status, text, tally)


async def pathological_loop(client: httpx.AsyncClient, config: SoakConfig, until: float,
                            tally: Tally) -> None:
    probe = _sparql("pathological", PATHOLOGICAL, "application/sparql-results+json", False)
    while time.monotonic() + config.query_timeout < until:
        status, seconds, text = await send(client, probe)
        tally.statuses[status] += 1
        tally.latencies.append(seconds)
        if status != 503 or "QueryTimeoutError" not in text:
            tally.errors.append(f"pathological: not cut off: {status} {text}")
        await asyncio.sleep(max(0.0, config.pathological_every - seconds))


async def sample_rss(pid: int, until: float, samples: list[int]) -> None:
    while time.monotonic() < until:
        samples.append(rss_kb(pid))
        await asyncio.sleep(1.0)


async def drive(base: str, pid: int, config: SoakConfig
                ) -> tuple[dict[str, Tally], Tally, list[int]]:
    tallies: dict[str, Tally] = {}
    worst = Tally()
    samples: list[int] = []
    rng = random.Random(config.seed)  # noqa: S311 (a reproducible traffic mix, not a secret)
    limits = httpx.Limits(max_connections=config.clients + 2)
    timeout = httpx.Timeout(config.query_timeout * 3 + 30)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        until = time.monotonic() + config.seconds
        mix = probes()
        await asyncio.gather(
            *(client_loop(client, mix, until, random.Random(rng.random()), tallies)  # noqa: S311
              for _ in range(config.clients)),
            pathological_loop(client, config, until, worst),
            sample_rss(pid, until, samples),
        )
    return tallies, worst, samples


# --- the report ---------------------------------------------------------------------

def percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Memory:
    """Resident memory in kB: the server alone, and with its worker processes."""

    start: int
    end: int
    total_start: int
    total_end: int
    samples: list[int]


def summarise(config: SoakConfig, elapsed: float, tallies: dict[str, Tally], worst: Tally,
              memory: Memory) -> SoakReport:
    good_names = {p.name for p in probes() if p.good}
    good = [t for name, t in tallies.items() if name in good_names]
    bad = [t for name, t in tallies.items() if name not in good_names]
    light = [s for name, t in tallies.items() if name in LIGHT for s in t.latencies]
    errors = [e for t in (*tallies.values(), worst) for e in t.errors]
    by_kind = {name: {str(k): v for k, v in t.statuses.items()} for name, t in tallies.items()}
    by_kind["pathological"] = {str(k): v for k, v in worst.statuses.items()}
    samples = memory.samples
    return SoakReport(
        seconds=round(elapsed, 1),
        requests=sum(t.statuses.total() for t in (*tallies.values(), worst)),
        good_requests=sum(t.statuses.total() for t in good),
        good_errors=sum(len(t.errors) for t in good),
        bad_requests=sum(t.statuses.total() for t in bad),
        bad_errors=sum(len(t.errors) for t in bad),
        pathological_sent=worst.statuses.total(),
        pathological_cut_off=worst.statuses.total() - len(worst.errors),
        rss_start_mb=memory.start / 1024, rss_end_mb=memory.end / 1024,
        rss_max_mb=max([*samples, memory.start, memory.end]) / 1024,
        rss_total_start_mb=memory.total_start / 1024, rss_total_end_mb=memory.total_end / 1024,
        rss_series_mb=[round(kb / 1024, 1) for kb in samples[:: max(1, len(samples) // 10)]],
        light_p50_ms=percentile(light, 0.50) * 1000,
        light_p99_ms=percentile(light, 0.99) * 1000,
        light_max_ms=max(light, default=0.0) * 1000,
        light_p99_bound_ms=config.light_p99_bound * 1000,
        by_kind=by_kind,
        error_samples=errors[:10],
    )


def warm_up(base: str) -> None:
    """One of each request first, so lazy start-up work is not counted as load."""
    with httpx.Client(base_url=base, timeout=120) as client:
        for probe in probes():
            client.request(probe.method, probe.path, params=probe.params, content=probe.body,
                           headers=dict(probe.headers))


def soak(config: SoakConfig, progress: Callable[[str], None] = print) -> SoakReport:
    """Run the whole soak: build if needed, serve, warm up, load, measure, stop."""
    with tempfile.TemporaryDirectory(prefix="icskg-soak-") as work:
        out = config.out
        if out is None:
            from kg.build.pipeline import build

            out = Path(work) / "out"
            build(out, None, progress=lambda _: None)
        server = start_server(out, config.query_timeout, Path(work) / "serve.log")
        try:
            warm_up(server.base)
            pid = server.process.pid
            start = (rss_kb(pid), total_rss_kb(pid))
            progress(f"soak: {config.clients} clients for {config.seconds:g} s on {server.base} "
                     f"(pid {pid}, RSS {start[0] / 1024:.1f} MB)")
            began = time.monotonic()
            tallies, worst, samples = asyncio.run(drive(server.base, pid, config))
            elapsed = time.monotonic() - began
            end = (rss_kb(pid), total_rss_kb(pid))
        finally:
            server.stop()
    memory = Memory(start[0], end[0], start[1], end[1], samples)
    return summarise(config, elapsed, tallies, worst, memory)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.soak", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--query-timeout", type=float, default=2.0)
    parser.add_argument("--pathological-every", type=float, default=5.0, metavar="SECONDS")
    parser.add_argument("--light-p99-bound", type=float, default=1.0, metavar="SECONDS")
    parser.add_argument("--out", type=Path, help="build folder to serve (default: a fresh build)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    config = SoakConfig(args.seconds, args.clients, args.query_timeout, args.pathological_every,
                        args.light_p99_bound, args.out)
    report = soak(config, progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps(asdict(report), indent=2) if args.json else report.render())
    return 0 if report.ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
