"""SERVICE, LOAD and FROM never make the server connect anywhere: counted on a local listener."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest

from .conftest import GRAPH_A, LiveServer


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = int(self.sock.getsockname()[1])
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def test_listener_sees_what_an_unguarded_engine_does(listener: Listener) -> None:
    # The control: pyoxigraph on its own does fetch SERVICE targets.
    query = f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(OSError, match=r"\w"):  # the wording varies with timing
        list(ox.Store().query(query))  # type: ignore[arg-type]
    # The accept may run only once pyoxigraph hands the GIL back: wait for it, boundedly.
    deadline = time.monotonic() + 5
    while listener.accepted == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.accepted == 1


def attacks(url: str) -> list[tuple[str, str]]:
    return [
        (f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
        (f"select * {{ service silent <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
        (f"SELECT * {{ ?s ?p ?o OPTIONAL {{ SERVICE<{url}>{{ ?s ?q ?r }} }} }}", "SERVICE"),
        (f"PREFIX r: <{url}#>\nSELECT * {{ SERVICE r:x {{ ?s ?p ?o }} }}", "SERVICE"),
        (f"SELECT * {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}", "SERVICE"),
        (f"LOAD <{url}>", "LOAD"),
        (f"LOAD SILENT <{url}> INTO GRAPH <{GRAPH_A}>", "LOAD"),
        (f"SELECT * FROM <{url}> {{ ?s ?p ?o }}", "FROM"),
        (f"SELECT * FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}", "FROM NAMED"),
        (f"BASE <{url.rsplit('/', 1)[0]}/>\n"
         "SELECT * FROM <sparql> { ?s ?p ?o }", "FROM"),
        (f"CONSTRUCT {{ ?s ?p ?o }} FROM <{GRAPH_A}> FROM <{url}> WHERE {{ ?s ?p ?o }}", "FROM"),
    ]


def test_refused_with_message_and_no_connection(server: LiveServer, listener: Listener) -> None:
    for query, keyword in attacks(listener.url):
        for response in (
            httpx.get(server.sparql, params={"query": query}, timeout=30),
            httpx.post(server.sparql, content=query.encode(),
                       headers={"content-type": "application/sparql-query"}, timeout=30),
        ):
            assert response.status_code == 400, (query, response.text)
            assert response.json()["message"].startswith(keyword), response.text
    # A query naming the dataset's own graph is fine.
    ok = httpx.get(server.sparql, params={"query": f"ASK FROM <{GRAPH_A}> {{ ?s ?p ?o }}"})
    assert ok.json()["boolean"] is True
    assert listener.accepted == 0


def test_update_via_form_and_direct_is_refused(server: LiveServer, listener: Listener) -> None:
    for response in (
        httpx.post(server.sparql, data={"update": f"LOAD <{listener.url}>"}),
        httpx.post(server.sparql, content=f"LOAD <{listener.url}>".encode(),
                   headers={"content-type": "application/sparql-update"}),
        httpx.post(server.sparql, data={"query": "INSERT DATA { <a:s> <a:p> <a:o> }"}),
    ):
        assert response.status_code == 400
        assert "read-only" in response.json()["message"]
    assert listener.accepted == 0
