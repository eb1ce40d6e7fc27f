"""Regression: a client that connected and never sent a request held its socket forever (no
header-read timeout), so half-open sockets could exhaust file descriptors, and the resulting
accept() errors wrote megabytes of identical log lines. Connections now get
ICSKG_HEADER_TIMEOUT seconds for their request head, and repeated log lines are rate-limited."""

from __future__ import annotations

import logging
import socket
import time
from pathlib import Path

import pytest

from kg.lograte import RateLimit
from kg.soak import start_server


def _closed_within(port: int, send: bytes, seconds: float) -> float:
    with socket.create_connection(("127.0.0.1", port), timeout=seconds + 5) as sock:
        if send:
            sock.sendall(send)
        start = time.monotonic()
        assert sock.recv(1024) == b""  # the server closed it, without an answer
        return time.monotonic() - start


def test_silent_and_trickling_clients_are_cut_off(built_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ICSKG_HEADER_TIMEOUT", "1")
    live = start_server(built_dir, 5.0, tmp_path / "serve.log")
    try:
        port = int(live.base.rsplit(":", 1)[1])
        assert _closed_within(port, b"", 1.0) < 4.0
        assert _closed_within(port, b"GET /health HTTP/1.1\r\nHost: x\r\n", 1.0) < 4.0
        # A complete request still gets its answer.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
    finally:
        live.stop()


def test_log_storm_is_rate_limited() -> None:
    limit = RateLimit(per_second=5)
    record = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1,
                               "Exception in callback %s", ("accept",), None)
    passed = sum(limit.filter(record) for _ in range(10_000))
    assert 5 <= passed <= 10  # at most two one-second windows in this loop
