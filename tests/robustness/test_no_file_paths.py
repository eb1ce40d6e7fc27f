"""No file path from a request ever reaches the filesystem.

A canary file holds a secret triple. Requests name it every way a path can be
smuggled in (URL path, traversal, query parameters, SPARQL FROM / SERVICE /
LOAD, dataset parameters, /ask and /questions). Python's audit hooks record
every file the server process opens or lists while those requests run: the
canary's folder must never appear, and no response may carry its secret.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

SECRET = "canary-secret-6d41a7"
WATCHED = {"open", "os.listdir", "os.scandir", "os.remove", "os.rename", "os.mkdir",
           "shutil.copyfile", "shutil.rmtree", "os.chmod", "os.truncate"}


class FileWatch:
    """Records the paths of file events while ``active``; audit hooks cannot be removed."""

    def __init__(self) -> None:
        self.active = False
        self.paths: list[str] = []

    def hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.active and event in WATCHED and args:
            self.paths.append(str(args[0]))


@pytest.fixture(scope="module")
def watch() -> FileWatch:
    watch = FileWatch()
    sys.addaudithook(watch.hook)
    return watch


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("canary")
    path = folder / "secret.nt"
    path.write_text(f'<urn:canary> <urn:says> "{SECRET}" .\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(built_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(build_dir=built_dir, query_timeout=5))) as c:
        c.get("/sparql", params={"query": "ASK {}"})  # start the workers before watching
        yield c


def attempts(canary: Path) -> list[tuple[str, str, dict[str, str], str | None]]:
    """(method, url, params, json question) naming the canary."""
    p = str(canary)
    iri = canary.as_uri()
    rel = "../" * 12 + p.lstrip("/")
    encoded = quote(rel, safe="")
    queries = [
        f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{iri}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}",
        f"LOAD <{iri}>",
        f"BASE <{iri}> SELECT * WHERE {{ ?s <says> ?o }}",
        f"DESCRIBE <{iri}>",
    ]
    out: list[tuple[str, str, dict[str, str], str | None]] = [
        ("GET", f"/assets/{encoded}", {}, None),
        ("GET", f"/assets/..%2F..%2F..%2F{quote(p.lstrip('/'), safe='')}", {}, None),
        ("GET", "/assets/" + quote(p, safe=""), {}, None),
        ("GET", f"/{encoded}", {}, None),
        ("GET", f"/questions/{encoded}", {}, None),
        ("GET", "/sparql", {"default-graph-uri": iri, "query": "SELECT * WHERE { ?s ?p ?o }"},
         None),
        ("GET", "/sparql", {"named-graph-uri": iri, "query": "SELECT * WHERE { ?s ?p ?o }"},
         None),
        ("GET", "/", {"file": p, "path": rel}, None),
        ("POST", "/ask", {}, f"what does {p} say?"),
        ("POST", "/ask", {}, iri),
    ]
    out += [("GET", "/sparql", {"query": q}, None) for q in queries]
    return out


def test_no_request_opens_a_file_it_names(client: TestClient, canary: Path,
                                           watch: FileWatch) -> None:
    responses = []
    watch.active = True
    try:
        for method, url, params, question in attempts(canary):
            if method == "GET":
                response = client.get(url, params=params)
            else:
                response = client.post(url, json={"question": question})
            responses.append((url, params, response.status_code, response.text))
    finally:
        watch.active = False
    touched = [p for p in watch.paths if str(canary.parent) in p]
    assert touched == []
    for url, params, status, text in responses:
        assert SECRET not in text, (url, params)
        assert status < 500, (url, params, status, text[:300])


def test_the_watch_sees_a_real_open(canary: Path, watch: FileWatch) -> None:
    watch.active = True
    try:
        assert SECRET in canary.read_text(encoding="utf-8")
    finally:
        watch.active = False
    assert str(canary) in watch.paths
