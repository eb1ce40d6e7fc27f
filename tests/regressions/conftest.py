"""An in-process app over the session build, shared by the regression tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def client(built_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(build_dir=built_dir, query_timeout=5))) as c:
        yield c


@pytest.fixture(scope="module")
def numbered_store() -> EmbeddedStore:
    """An embedded store of 400 numbered triples in one graph: small, but a cross product of
    it is 160,000 rows, enough to pass a tight time or row limit."""
    oxs = ox.Store()
    graph = ox.NamedNode("urn:g")
    oxs.extend(ox.Quad(ox.NamedNode(f"urn:n{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), graph)
               for i in range(400))
    return EmbeddedStore(oxs)
