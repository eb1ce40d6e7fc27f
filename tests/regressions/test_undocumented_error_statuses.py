"""Regression: /ask answered 400 and 413, /sparql 400, 406, 413 and 415, none of them in the
OpenAPI document (schemathesis: "Undocumented status code"). Now each is documented with the
``{"error", "message"}`` body every error has."""

from __future__ import annotations

from fastapi.testclient import TestClient

ERROR_BODY = "#/components/schemas/ErrorBody"


def documented(client: TestClient, path: str, method: str) -> dict[str, str | None]:
    responses = client.get("/openapi.json").json()["paths"][path][method]["responses"]
    return {status: (r.get("content", {}).get("application/json", {}).get("schema", {})
                     .get("$ref")) for status, r in responses.items()}


def test_ask_documents_its_errors(client: TestClient) -> None:
    for method in ("get", "post"):
        statuses = documented(client, "/ask", method)
        for status in ("400", "413", "503"):
            assert statuses[status] == ERROR_BODY, (method, status)
    blank = client.post("/ask", json={"question": "  "})
    assert blank.status_code == 400 and set(blank.json()) == {"error", "message"}


def test_sparql_documents_its_errors(client: TestClient) -> None:
    assert {"400", "406", "413", "503"} <= set(documented(client, "/sparql", "get"))
    assert {"400", "406", "413", "415", "503"} <= set(documented(client, "/sparql", "post"))
    refused = client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert refused.status_code == 415 and set(refused.json()) == {"error", "message"}


def test_every_operation_documents_the_size_limit(client: TestClient) -> None:
    for path, item in client.get("/openapi.json").json()["paths"].items():
        for method, operation in item.items():
            assert "413" in operation["responses"], (method, path)
