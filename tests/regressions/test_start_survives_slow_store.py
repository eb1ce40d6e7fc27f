"""Regression: the server failed to start when the QA engine's start-up queries hit a limit.

`Service.open` builds the QA engine and the search index at start, and caught only a store
that is down. A store too slow for `ICSKG_QUERY_TIMEOUT` (or too big for the row cap) raised
out of start-up instead. It now starts; the engine is built on first use, where the same
error is that request's 503.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings


def test_starts_and_answers_the_limit(built_dir: Path) -> None:
    with TestClient(create_app(Settings(build_dir=built_dir, query_timeout=1e-7))) as client:
        assert client.get("/health").status_code == 200
        response = client.post("/ask", json={"question": "What is an ICB?"})
        assert response.status_code == 503
        assert response.json()["error"] == "QueryTimeoutError"
