"""Regression: errors raised by FastAPI itself (a body that is not JSON, an unknown route, a
wrong method) came back as ``{"detail": ...}``, not the documented ``{"error", "message"}``
body (schemathesis: "Response violates schema" on POST /ask with a malformed body)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_body_that_is_not_json_is_a_400_with_the_error_body(client: TestClient) -> None:
    response = client.post("/ask", content=b"\xff{", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"error": "BadRequestError",
                               "message": "There was an error parsing the body"}


def test_an_unknown_route_is_a_404_with_the_error_body(client: TestClient) -> None:
    response = client.get("/no/such/route")
    assert response.status_code == 404
    assert response.json() == {"error": "NotFoundError", "message": "Not Found"}


def test_a_wrong_method_keeps_its_allow_header(client: TestClient) -> None:
    response = client.delete("/health")
    assert response.status_code == 405
    assert response.json()["error"] == "MethodNotAllowedError"
    assert response.headers["allow"] == "GET"
