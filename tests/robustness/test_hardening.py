"""Hardening: size limits, security headers, no write route without a token, the admin route."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

TOKEN = "hardening-token-51c0"
LIMIT = 2000
JSON = "application/json"
# The routes that accept POST but only read: the SPARQL protocol's query-by-POST and /ask.
READ_ONLY_POSTS = {"/sparql", "/ask"}
TOKEN_PROTECTED = {"/admin/reload"}


@pytest.fixture(scope="module")
def client(built_dir: Path) -> Iterator[TestClient]:
    settings = Settings(build_dir=built_dir, max_request_bytes=LIMIT, admin_token=TOKEN,
                        query_timeout=5)
    with TestClient(create_app(settings)) as c:
        yield c


def assert_json_error(response: object, status: int, error: str) -> None:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith(JSON)  # type: ignore[attr-defined]
    assert response.json()["error"] == error  # type: ignore[attr-defined]


def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    body = "SELECT * WHERE { ?s ?p ?o } #" + "x" * LIMIT
    response = client.post("/sparql", content=body,
                           headers={"Content-Type": "application/sparql-query"})
    assert_json_error(response, 413, "PayloadTooLargeError")
    assert f"the limit is {LIMIT} bytes" in response.json()["message"]


def test_a_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"SELECT * WHERE { ?s ?p ?o } #"
        for _ in range(10):
            yield b"x" * 500

    response = client.post("/sparql", content=chunks(),
                           headers={"Content-Type": "application/sparql-query"})
    assert_json_error(response, 413, "PayloadTooLargeError")


def test_a_chunked_body_under_the_limit_reaches_the_route_whole(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"ASK WHERE { ?s ?p "
        yield b"?o }"

    response = client.post("/sparql", content=chunks(), headers={
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/sparql", "/health", "/", "/no-such-route"])
def test_a_query_string_over_the_limit_is_refused_on_every_route(
        client: TestClient, path: str) -> None:
    response = client.get(path, params={"query": "x" * LIMIT})
    assert_json_error(response, 413, "PayloadTooLargeError")
    assert "query string" in response.json()["message"]


def test_html_pages_carry_security_headers(client: TestClient) -> None:
    for path, accept in (("/", "text/html"), ("/sparql", "text/html"), ("/docs", "text/html"),
                         ("/redoc", "text/html")):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html"), path
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, path
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    # The query page keeps its own, stricter policy: no inline script at all.
    page = client.get("/", headers={"Accept": "text/html"}).headers["content-security-policy"]
    assert "script-src 'self';" in page


def test_every_response_says_nosniff(client: TestClient) -> None:
    for response in (client.get("/health"), client.get("/nope"),
                     client.get("/sparql", params={"query": "SELEC"})):
        assert response.headers["x-content-type-options"] == "nosniff"


def test_no_route_writes_without_a_token(client: TestClient) -> None:
    """Every route that takes a mutating method is known to be read-only or token-protected."""
    app = client.app
    mutating = {
        (route.path, method)
        for route in app.routes  # type: ignore[attr-defined]
        if isinstance(route, APIRoute)
        for method in route.methods & {"POST", "PUT", "PATCH", "DELETE"}
    }
    unknown = {(p, m) for p, m in mutating
               if not (m == "POST" and p in READ_ONLY_POSTS | TOKEN_PROTECTED)
               and not (p == "/sparql" and m in {"PUT", "PATCH", "DELETE"})}
    assert unknown == set(), "a new write route: protect it with the admin token, or list it"
    for method in ("PUT", "PATCH", "DELETE"):
        assert client.request(method, "/sparql").status_code == 405
    for path in TOKEN_PROTECTED:
        assert client.post(path).status_code == 401


def test_sparql_update_is_refused(client: TestClient) -> None:
    for data, content_type in (
            ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
            ("update=INSERT+DATA+%7B%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E+%7D",
             "application/x-www-form-urlencoded"),
            ("DROP ALL", "application/sparql-query")):
        response = client.post("/sparql", content=data, headers={"Content-Type": content_type})
        assert 400 <= response.status_code < 500, (data, response.text)
    count = client.get("/sparql", headers={"Accept": "text/csv"},
                       params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert count.text.strip().splitlines()[-1] == "false"


@pytest.mark.parametrize("header", [
    None, "Bearer", "Bearer ", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
    f"Bearer {TOKEN[:-1]}", "Bearer \u00e9\u00e8", f"bearer  {TOKEN}-"])
def test_admin_reload_refuses_anything_but_the_token(
        client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header.encode()} if header else {}
    response = client.post("/admin/reload", headers=headers)
    assert_json_error(response, 401, "AuthenticationError")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_admin_reload_with_the_token_swaps_in_a_fresh_service(client: TestClient) -> None:
    before = client.app.state.holder.current  # type: ignore[attr-defined]
    response = client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "reloaded"
    assert body["triples_before"] == body["triples_after"] == client.get("/health").json()["triples"]
    assert client.app.state.holder.current is not before  # type: ignore[attr-defined]


def test_admin_routes_are_off_without_a_token(built_dir: Path) -> None:
    with TestClient(create_app(Settings(build_dir=built_dir))) as plain:
        for header in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer x"}):
            assert_json_error(plain.post("/admin/reload", headers=header), 404, "NotFoundError")
        assert "/admin/reload" not in plain.get("/openapi.json").json()["paths"]
