"""A small HTTP/1.1 keep-alive load generator, run as its own process on its own core.

``python -m kg.bench.loadgen --port P --mix FILE --concurrency C --duration D``
opens C connections to 127.0.0.1:P (loopback only, by construction), and each
sends the mix's requests in turn, one at a time, for D seconds after a
warm-up. It prints one JSON object: completed requests, errors, requests per
second and latency percentiles. It is an asyncio ``Protocol`` with a minimal
response parser (Content-Length and chunked bodies), which keeps the client
cheap enough that one core can drive a Python server on the other.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class Tally:
    measuring: bool = False
    ok: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)


def encode(request: dict[str, object], port: int) -> bytes:
    body = str(request.get("body") or "").encode()
    headers = {"Host": f"{HOST}:{port}", "Connection": "keep-alive",
               **request.get("headers", {})}  # type: ignore[dict-item]
    if body:
        headers["Content-Length"] = str(len(body))
    head = f"{request['method']} {request['path']} HTTP/1.1\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    return head.encode() + body


class Client(asyncio.Protocol):
    """One keep-alive connection sending requests back to back."""

    def __init__(self, requests: list[bytes], offset: int, tally: Tally,
                 closed: asyncio.Future[None]) -> None:
        self.requests, self.next, self.tally, self.closed = requests, offset, tally, closed
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.sent = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.send()

    def send(self) -> None:
        assert self.transport is not None
        request = self.requests[self.next % len(self.requests)]
        self.next += 1
        self.sent = time.perf_counter()
        self.transport.write(request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            parsed = parse_response(self.buffer)
            if parsed is None:
                return
            status, used = parsed
            del self.buffer[:used]
            self.record(status)
            if self.transport is None or self.transport.is_closing():
                return
            self.send()

    def record(self, status: int) -> None:
        if not self.tally.measuring:
            return
        self.tally.statuses[status] = self.tally.statuses.get(status, 0) + 1
        if 200 <= status < 300:
            self.tally.ok += 1
            self.tally.latencies.append((time.perf_counter() - self.sent) * 1000)
        else:
            self.tally.errors += 1

    def connection_lost(self, exc: Exception | None) -> None:
        del exc  # a lost connection is simply reopened by its loop
        if not self.closed.done():
            self.closed.set_result(None)


def parse_response(buffer: bytearray) -> tuple[int, int] | None:
    """(status, bytes used) once a whole response is buffered, else None."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = bytes(buffer[:end]).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:])}
    start = end + 4
    if "content-length" in fields:
        total = start + int(fields["content-length"])
        return (status, total) if len(buffer) >= total else None
    if fields.get("transfer-encoding", "").lower() == "chunked":
        return _chunked(buffer, start, status)
    return status, start


def _chunked(buffer: bytearray, pos: int, status: int) -> tuple[int, int] | None:
    while True:
        line_end = buffer.find(b"\r\n", pos)
        if line_end < 0:
            return None
        size = int(bytes(buffer[pos:line_end]).split(b";")[0], 16)
        pos = line_end + 2 + size + 2
        if len(buffer) < pos:
            return None
        if size == 0:
            return status, pos


def _same(client: Client) -> Client:
    return client


async def _connection(port: int, requests: list[bytes], offset: int, tally: Tally,
                      stop_at: float) -> None:
    loop = asyncio.get_running_loop()
    while time.perf_counter() < stop_at:
        closed: asyncio.Future[None] = loop.create_future()
        client = Client(requests, offset, tally, closed)
        try:
            transport, _ = await loop.create_connection(partial(_same, client), HOST, port)
        except OSError:
            tally.errors += tally.measuring
            await asyncio.sleep(0.05)
            continue
        try:
            await asyncio.wait_for(asyncio.shield(closed), max(0.0, stop_at - time.perf_counter()))
        except TimeoutError:
            transport.close()
            return


async def run(port: int, requests: list[bytes], concurrency: int, warmup: float,
              duration: float) -> dict[str, object]:
    tally = Tally()
    stop_at = time.perf_counter() + warmup + duration
    tasks = [asyncio.create_task(_connection(port, requests, i, tally, stop_at))
             for i in range(concurrency)]
    await asyncio.sleep(warmup)
    tally.measuring, started, cpu = True, time.perf_counter(), time.process_time()
    await asyncio.sleep(duration)
    tally.measuring, elapsed = False, time.perf_counter() - started
    cpu = time.process_time() - cpu
    await asyncio.gather(*tasks, return_exceptions=True)
    lat = sorted(tally.latencies) or [0.0]
    return {"requests": tally.ok, "errors": tally.errors, "seconds": elapsed,
            "rps": tally.ok / elapsed, "median_ms": statistics.median(lat),
            "p95_ms": lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))],
            "client_cpu": cpu / elapsed,
            "statuses": {str(k): v for k, v in sorted(tally.statuses.items())}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m kg.bench.loadgen")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--mix", type=Path, required=True, help="JSON list of requests")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--warmup", type=float, default=1.0)
    p.add_argument("--duration", type=float, default=5.0)
    args = p.parse_args(argv)
    mix = json.loads(args.mix.read_text(encoding="utf-8"))
    requests = [encode(r, args.port) for r in mix]
    result = asyncio.run(run(args.port, requests, args.concurrency, args.warmup, args.duration))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
