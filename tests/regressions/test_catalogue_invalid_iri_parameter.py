"""Regression: a catalogue parameter written as an IRI the store rejects (``<http://[x/>``,
``https://a.b/%``, ``icsd:a%zz``) passed the prefix checks, and pyoxigraph's ValueError on
binding it became a 500. Found by the edge-case sweep; now a 400 ParameterError."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kg.catalogue.prefixes import as_iri

BAD = ["<http://[x/>", "https://a.b/%", "https://a.b/%zz", "icsd:a%zz", "http://[::1"]


@pytest.mark.parametrize("value", BAD)
def test_as_iri_refuses_what_the_store_would_refuse(value: str) -> None:
    assert as_iri(value) is None


def test_good_iris_still_pass() -> None:
    assert as_iri("icsd:nhs-england") == "https://w3id.org/icskg/id/nhs-england"
    assert as_iri("<https://w3id.org/icskg/id/a%20b>") == "https://w3id.org/icskg/id/a%20b"


@pytest.mark.parametrize("value", BAD)
def test_answer_route_says_400(client: TestClient, value: str) -> None:
    response = client.get("/questions/who-agrees/answer", params={"document": value})
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "ParameterError"
