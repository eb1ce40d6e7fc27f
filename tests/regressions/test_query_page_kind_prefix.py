"""Regression (issue 14): the query page lacked `kind:`, so results showed `icsd:kind/…`,
which is no valid prefixed name and gave a 400 when pasted back into the editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings
from kg.sparql.page import page_config, prologue


@pytest.fixture(scope="module")
def client(built_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(build_dir=built_dir))) as test_client:
        yield test_client


def test_kind_is_declared_before_icsd() -> None:
    names = list(page_config("/sparql").prefixes)
    # YASR shortens an IRI with the first prefix that matches: `kind:` must come first.
    assert names.index("kind") < names.index("icsd")


def test_a_kind_as_yasr_shows_it_runs(client: TestClient) -> None:
    config = page_config("/sparql")
    query = prologue(config.prefixes) + "ASK { kind:IntegratedCareSystem ?p ?o }"
    r = client.get("/sparql", params={"query": query},
                   headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.json()["boolean"] is True
