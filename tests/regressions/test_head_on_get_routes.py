"""Regression: HEAD answered 405 on the GET routes, so health checks using HEAD failed.
Every GET route now answers HEAD with the GET response's status and headers, no body."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/health", "/sparql?query=ASK%20%7B%7D",
                                  "/questions"])
def test_head_matches_get(client: TestClient, path: str) -> None:
    head = client.head(path, headers={"accept": "application/json"})
    get = client.get(path, headers={"accept": "application/json"})
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))


def test_every_get_route_accepts_head(client: TestClient) -> None:
    paths = [p for p, ops in client.get("/openapi.json").json()["paths"].items()
             if "get" in ops and "{" not in p]
    assert paths
    for path in paths:
        assert client.head(path).status_code != 405, path
