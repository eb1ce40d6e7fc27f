"""Failures of a remote store: down, back again, and answers cut short behind HTTP 200."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.errors import QueryTimeoutError, StoreUnavailableError
from kg.settings import Settings
from kg.store.base import QueryRequest, ResultFormat
from kg.store.protocol import Endpoint
from kg.store.remote import RemoteStore

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
# Oxigraph's own HTTP client refuses port 1 without connecting anywhere, and the
# server reports that failure mid-stream: HTTP 200, body cut, error text appended.
FAILING_SERVICE = "SELECT * WHERE { ?s ?p ?o { SERVICE <http://127.0.0.1:1/sparql> { ?s ?x ?y } } }"


def test_store_down_is_a_503_with_a_message_and_recovers_without_restart(
        start_oxigraph: Callable[..., Any], tmp_path: Path) -> None:
    server = start_oxigraph(tmp_path / "db")
    server.push(SAMPLE)
    settings = Settings(endpoint_url=server.query_url, store_password="s3cret-pw",
                        store_user="icskg")
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["triples"] == 55
        server.stop()
        down = client.get("/health")
        assert down.status_code == 503
        assert down.headers["retry-after"] == "5"
        assert down.json()["error"] == "StoreUnavailableError"
        assert down.json()["message"].startswith(
            f"cannot reach the remote store at {server.query_url}")
        assert "s3cret-pw" not in down.text
        server.start()
        back = client.get("/health")
        assert back.status_code == 200
        assert back.json() | {"version": "-"} == {
            "status": "ok", "store": "remote", "triples": 55, "version": "-"}


def test_service_starts_while_the_store_is_down(start_oxigraph: Callable[..., Any],
                                                tmp_path: Path,
                                                free_port: Callable[[], int]) -> None:
    port = free_port()
    settings = Settings(endpoint_url=f"http://127.0.0.1:{port}/query")
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 503
        server = start_oxigraph(tmp_path / "db")
        server.stop()
        server.port = port  # the store now comes up where the service was told to look
        server.start()
        assert client.get("/health").json()["triples"] == 0


def test_oxigraph_failing_mid_stream_is_detected(sample_server: Any) -> None:
    raw = httpx.post(sample_server.query_url, params={"union-default-graph": ""},
                     data={"query": FAILING_SERVICE},
                     headers={"Accept": "application/sparql-results+json"})
    assert raw.status_code == 200  # the store really does report the failure as a success
    with pytest.raises(json.JSONDecodeError):
        json.loads(raw.content)
    remote = sample_server.remote()
    with pytest.raises(StoreUnavailableError, match="incomplete or malformed answer"):
        remote.select(FAILING_SERVICE)
    for fmt in (ResultFormat.JSON, ResultFormat.CSV):
        with pytest.raises(StoreUnavailableError, match="incomplete or malformed answer"):
            remote.execute(QueryRequest(FAILING_SERVICE, fmt))


def test_oxigraph_cancelling_a_query_on_timeout_is_detected(
        start_oxigraph: Callable[..., Any], tmp_path: Path) -> None:
    server = start_oxigraph(tmp_path / "db", extra=("--timeout-s", "1"))
    data = tmp_path / "many.nt"
    data.write_text("".join(f'<urn:x:{i}> <urn:p> "{i}" .\n' for i in range(400)))
    server.push(data)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(StoreUnavailableError, match="incomplete or malformed answer"):
        server.remote(timeout=60).select(slow)


class _Peer(http.server.BaseHTTPRequestHandler):
    """A real HTTP peer answering every query 200 with the body the test chose."""

    body = b""
    media_type = ""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", self.media_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def peer() -> Iterator[Callable[[bytes, str], str]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Peer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def answer(body: bytes, media_type: str) -> str:
        _Peer.body, _Peer.media_type = body, media_type
        return f"http://127.0.0.1:{server.server_address[1]}/query"

    yield answer
    server.shutdown()
    server.server_close()
    thread.join()


COMPLETE_JSON = (b'{"head":{"vars":["s"]},"results":{"bindings":['
                 b'{"s":{"type":"uri","value":"urn:a"}},{"s":{"type":"uri","value":"urn:b"}}]}}')
CUT_SHORT = {
    "json": (COMPLETE_JSON[:-12], "application/sparql-results+json"),
    "json, error text appended": (COMPLETE_JSON[:70] + b"The SPARQL operation has been cancelled",
                                  "application/sparql-results+json"),
    "xml": (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            b'<head><variable name="s"/></head><results><result><binding name="s"><uri>urn:a',
            "application/sparql-results+xml"),
    "rdf/xml": (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                b'<rdf:Description rdf:about="urn:a"><rdf:value>1</rdf:value></rdf:Description>',
                "application/rdf+xml"),
    "n-triples": (b"<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> <urn:", "application/n-triples"),
    "turtle": (b"<urn:a> <urn:p> <urn:b> ;\n  <urn:q> ", "text/turtle"),
}


def test_a_complete_answer_from_the_peer_is_accepted(peer: Callable[[bytes, str], str]) -> None:
    store = RemoteStore(Endpoint(peer(COMPLETE_JSON, "application/sparql-results+json")))
    assert [row["s"].value for row in store.select("SELECT ?s WHERE { ?s ?p ?o }").rows] == [
        "urn:a", "urn:b"]


@pytest.mark.parametrize("case", list(CUT_SHORT))
def test_a_truncated_200_body_is_an_error(case: str, peer: Callable[[bytes, str], str]) -> None:
    body, media_type = CUT_SHORT[case]
    store = RemoteStore(Endpoint(peer(body, media_type)))
    graph = media_type in ("application/n-triples", "text/turtle", "application/rdf+xml")
    run = store.construct if graph else store.select
    with pytest.raises(StoreUnavailableError, match="incomplete or malformed answer"):
        run("CONSTRUCT WHERE { ?s ?p ?o }" if graph else "SELECT ?s WHERE { ?s ?p ?o }")
    with pytest.raises(StoreUnavailableError, match="incomplete or malformed answer"):
        store.execute(QueryRequest("SELECT ?s WHERE { ?s ?p ?o }"))


def test_a_truncated_answer_is_a_503_through_the_service(
        peer: Callable[[bytes, str], str]) -> None:
    url = peer(b'{"head":{},"boolean":tr', "application/sparql-results+json")
    with TestClient(create_app(Settings(endpoint_url=url))) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert "incomplete or malformed answer" in response.json()["message"]


def test_a_store_too_slow_to_answer_is_a_timeout(free_port: Callable[[], int]) -> None:
    with socket.socket() as listener:  # accepts the connection, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        with pytest.raises(QueryTimeoutError, match="did not answer within 1 s"):
            RemoteStore(Endpoint(url, timeout=1)).ask("ASK {}")
