"""Fixtures for the linked-data tests: an in-process app over the session build, its store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

BASE = "https://w3id.org/icskg/"


@pytest.fixture(scope="session")
def client(built_dir: Path) -> Iterator[TestClient]:
    """The real app over the real build, in process."""
    with TestClient(create_app(Settings(build_dir=built_dir))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def dataset(built_dir: Path) -> ox.Store:
    """The built dataset loaded on its own, to check the server's answers against."""
    store = ox.Store()
    store.bulk_load(path=str(built_dir / "kg.trig"), format=ox.RdfFormat.TRIG)
    return store


def our_iris(store: ox.Store) -> set[str]:
    """Every IRI under the public base anywhere in the dataset (terms and graph names)."""
    found: set[str] = set()
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
                found.add(term.value)
    return found
