"""Regression: the fuzzed schema check found ``GET /void.json`` (and any linked-data JSON
twin) breaking its own OpenAPI document: every representation was declared a string, so a
client validating the reply rejected the parsed JSON object.

JSON twins are declared objects, JSON-LD objects or arrays; the other formats stay text.
"""

from __future__ import annotations

import jsonschema
import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("path", "media"), [
    ("/void.json", "application/json"),
    ("/void.jsonld", "application/ld+json"),
    ("/id/kind/IntegratedCareBoard.json", "application/json"),
])
def test_json_twin_matches_its_schema(client: TestClient, path: str, media: str) -> None:
    spec = client.get("/openapi.json").json()
    route = "/void{rest}" if path.startswith("/void") else "/id/{rest}"
    schema = spec["paths"][route]["get"]["responses"]["200"]["content"][media]["schema"]
    reply = client.get(path)
    assert reply.status_code == 200 and reply.headers["content-type"].startswith(media)
    jsonschema.validate(reply.json(), schema)


def test_turtle_stays_text(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/void{rest}"]["get"]["responses"]["200"]["content"]
    assert content["text/turtle"]["schema"] == {"type": "string"}
