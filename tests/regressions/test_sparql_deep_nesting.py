"""Regression: 20,000 nested braces (70 kB) crashed the worker ("stopped unexpectedly").
Nesting deeper than 400 is now refused with a 400 before any parser or engine sees it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("opener", "closer"), [("{", "}"), ("(", ")"), ("[", "]")])
def test_deep_nesting_is_a_400(client: TestClient, opener: str, closer: str) -> None:
    query = "SELECT * WHERE { FILTER(" + opener * 20_000 + closer * 20_000 + ") }"
    response = client.post("/sparql", content=query.encode(),
                           headers={"content-type": "application/sparql-query"})
    assert response.status_code == 400
    assert "more than 400 deep" in response.json()["message"]
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]


def test_nesting_within_the_limit_still_runs(client: TestClient) -> None:
    query = "ASK " + "{" * 300 + " ?s ?p ?o " + "}" * 300
    assert client.get("/sparql", params={"query": query}).json()["boolean"] is True
