"""Logs never include credentials: the admin token and the store password stay out of them."""

from __future__ import annotations

import base64
import logging
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings
from tests.robustness.conftest import Served, free_port

TOKEN = "log-token-8e21f3c0"
PASSWORD = "log-password-c94d17aa"


@pytest.mark.slow
def test_server_logs_hold_no_token_or_password(
        tmp_path: Path, built_dir: Path, start_server: Callable[..., Served]) -> None:
    server = start_server(["--out", str(built_dir)], tmp_path / "serve.log", {
        "ICSKG_ADMIN_TOKEN": TOKEN, "ICSKG_STORE_USER": "alice",
        "ICSKG_STORE_PASSWORD": PASSWORD})
    basic = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    with httpx.Client(base_url=server.base, timeout=60) as client:
        assert client.post("/admin/reload",
                           headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.post("/admin/reload",
                           headers={"Authorization": f"Bearer {TOKEN}-wrong"}).status_code == 401
        assert client.get("/sparql", params={"query": "SELEC"},
                          headers={"Authorization": f"Basic {basic}"}).status_code == 400
        assert client.get("/health").status_code == 200
        os.kill(server.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 60
        while "reloaded" not in server.output().split("401", 1)[-1]:
            assert time.monotonic() < deadline, server.output()
            time.sleep(0.2)
    server.stop()
    log = server.output()
    assert "POST /admin/reload" in log and "401" in log  # the log really was captured
    assert TOKEN not in log and PASSWORD not in log and basic not in log


def test_remote_store_errors_hold_no_password(caplog: pytest.LogCaptureFixture) -> None:
    """A remote store that refuses connections: messages name the URL, never the password."""
    url = f"http://alice:{PASSWORD}@127.0.0.1:{free_port()}/query"
    settings = Settings(endpoint_url=url, store_user="alice", store_password=PASSWORD,
                        admin_token=TOKEN, query_timeout=2)
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        replies = [client.get("/health"),
                   client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}),
                   client.post("/ask", json={"question": "Who chairs BOB ICS?"}),
                   client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})]
    assert replies[0].status_code == 503
    for reply in replies:
        assert PASSWORD not in reply.text and TOKEN not in reply.text
        assert reply.status_code < 500 or reply.status_code == 503, reply.text
    assert PASSWORD not in caplog.text and TOKEN not in caplog.text
