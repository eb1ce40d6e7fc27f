"""Regression: codepoint escapes hid SERVICE from the token scanner, and the engine then
fetched the URL. Escapes are now processed first (SPARQL 1.1 §19.2), the decision is taken
on the parse tree, and the worker has no network: 400, and zero connections."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient


class Counter:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self) -> None:
        while not self.stop.is_set():
            try:
                self.sock.accept()[0].close()
                self.accepted += 1
            except OSError:
                continue


@pytest.fixture
def counter() -> Iterator[Counter]:
    c = Counter()
    yield c
    c.stop.set()
    c.thread.join(2)
    c.sock.close()


def escaped(url: str) -> str:
    return "".join(f"\\u{ord(ch):04X}" for ch in url)


@pytest.mark.parametrize("template", [
    "SELECT * {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE <{esc}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p ?o #\\u000A SERVICE <{url}> {{ }} }}",
    'SELECT * {{ ?s ?p "\\u0022 . SERVICE <{url}> {{ }} }} #"',
    "SELECT * {{ ?s ?p ?o . \\U00000053ERVICE <{url}> {{ }} }}",
    "SELECT * \\u0046ROM <{url}> {{ ?s ?p ?o }}",
    "\\u004cOAD <{url}>",
])
def test_escaped_attack_is_refused_without_connecting(client: TestClient, counter: Counter,
                                                      template: str) -> None:
    query = template.format(url=counter.url, esc=escaped(counter.url))
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400, response.text
    assert response.json()["message"].split()[0].rstrip(":") in ("SERVICE", "FROM", "LOAD")
    assert counter.accepted == 0
