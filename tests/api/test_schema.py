"""The OpenAPI document is typed: result items, errors, /sparql's parameters, readable
operationIds; and the server does what it says (unknown fields 422, batches, limits)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

OPERATIONS = {
    ("get", "/health"): "getHealth",
    ("post", "/ask"): "ask",
    ("get", "/ask"): "askGet",
    ("post", "/ask/batch"): "askBatch",
    ("get", "/questions"): "listQuestions",
    ("get", "/questions/{question_id}"): "getQuestion",
    ("get", "/questions/{question_id}/answer"): "answerQuestion",
    ("get", "/search"): "search",
    ("get", "/tools"): "listTools",
    ("post", "/tools/{name}"): "callTool",
    ("get", "/sparql"): "sparqlQuery",
    ("post", "/sparql"): "sparqlQueryPost",
}


@pytest.fixture(scope="module")
def doc(api: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = api.get("/openapi.json").json()
    return body


def resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def test_operation_ids_are_readable(doc: dict[str, Any]) -> None:
    found = {(method, path): op["operationId"] for path, item in doc["paths"].items()
             for method, op in item.items()}
    for key, operation_id in OPERATIONS.items():
        assert found[key] == operation_id


def walk(doc: dict[str, Any], schema: Any, seen: set[str]) -> list[dict[str, Any]]:
    """Every object schema reachable from ``schema``."""
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return walk(doc, doc["components"]["schemas"][name], seen)
    found = [schema] if schema.get("type") == "object" or "properties" in schema else []
    for value in schema.values():
        if isinstance(value, dict):
            found += walk(doc, value, seen)
        elif isinstance(value, list):
            for item in value:
                found += walk(doc, item, seen)
    return found


@pytest.mark.parametrize("path", ["/ask", "/ask/batch", "/search"])
def test_answers_and_results_are_typed_objects(doc: dict[str, Any], path: str) -> None:
    operation = doc["paths"][path].get("post") or doc["paths"][path]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    objects = walk(doc, schema, set())
    assert objects
    for obj in objects:
        assert obj.get("additionalProperties") is not True, obj
        assert "properties" in obj or isinstance(obj.get("additionalProperties"), dict), obj
    answer = doc["components"]["schemas"]["Answer"]
    item = resolve(doc, answer["properties"]["results"]["items"])
    assert {"label", "iri", "value", "details", "graphs"} <= set(item["properties"])
    assert answer["properties"]["sources"]["description"]


@pytest.mark.parametrize(("method", "path", "statuses"), [
    ("post", "/ask", {"400", "413", "422", "503"}),
    ("get", "/questions/{question_id}", {"404", "413", "422", "503"}),
    ("get", "/questions/{question_id}/answer", {"400", "404", "413", "422", "503"}),
    ("post", "/tools/{name}", {"400", "404", "413", "422", "503"}),
    ("post", "/sparql", {"400", "406", "413", "415", "422", "503"}),
])
def test_every_error_status_has_its_body_schema(doc: dict[str, Any], method: str, path: str,
                                                statuses: set[str]) -> None:
    responses = doc["paths"][path][method]["responses"]
    assert statuses <= set(responses)
    for status in statuses:
        ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
        expected = "ValidationErrorBody" if status == "422" else "ErrorBody"
        assert ref.endswith("/" + expected)


def test_the_422_schema_matches_the_real_body(api: TestClient, doc: dict[str, Any]) -> None:
    body = api.post("/ask", json={"question": 3}).json()
    schema = doc["components"]["schemas"]["ValidationErrorBody"]
    assert set(body) == set(schema["properties"]) == set(schema["required"])
    assert body["detail"][0]["loc"] == ["body", "question"]


def test_sparql_declares_its_parameters_and_bodies(doc: dict[str, Any]) -> None:
    get = doc["paths"]["/sparql"]["get"]
    assert {p["name"] for p in get["parameters"]} == {"query", "default-graph-uri",
                                                      "named-graph-uri", "format"}
    post = doc["paths"]["/sparql"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/sparql-query",
                                                   "application/x-www-form-urlencoded"}
    assert "application/sparql-results+json" in get["responses"]["200"]["content"]


def test_question_ids_and_tool_names_are_enums(api: TestClient, doc: dict[str, Any]) -> None:
    ids = {q["id"] for q in api.get("/questions").json()}
    param = doc["paths"]["/questions/{question_id}"]["get"]["parameters"][0]
    assert set(param["schema"]["enum"]) == ids
    tool = doc["paths"]["/tools/{name}"]["post"]["parameters"][0]
    assert set(tool["schema"]["enum"]) == ids | {"ask", "search_facts", "describe", "sparql"}


@pytest.mark.parametrize(("method", "path", "kwargs", "field"), [
    ("post", "/ask", {"json": {"question": "Who chairs it?", "context_id": 1}}, "context_id"),
    ("post", "/ask", {"json": {"question": "Who?", "asof": "2020"}}, "asof"),
    ("get", "/ask", {"params": {"q": "Who?", "date": "2020"}}, "date"),
    ("get", "/search", {"params": {"q": "ICB", "limit": "3"}}, "limit"),
    ("post", "/ask/batch", {"json": {"questions": [{"question": "Who?"}], "x": 1}}, "x"),
    ("post", "/ask/batch", {"json": {"questions": [{"question": "Who?", "y": 2}]}}, "y"),
])
def test_unknown_fields_are_a_422_naming_them(api: TestClient, method: str, path: str,
                                              kwargs: dict[str, Any], field: str) -> None:
    response = api.request(method, path, **kwargs)
    assert response.status_code == 422
    body = response.json()
    assert field in body["message"] and "Extra inputs are not permitted" in body["message"]
    assert body["detail"][-1]["loc"][-1] == field


def test_context_is_a_declared_field(api: TestClient) -> None:
    response = api.post("/ask", json={"question": "Which bodies must have regard to ICP "
                                      "strategies?", "context": {"question": "Who chairs it?", "entities": []}})
    assert response.status_code == 200 and response.json()["answered"] is True


def test_a_batch_answers_each_question_on_its_own(api: TestClient) -> None:
    response = api.post("/ask/batch", json={"questions": [
        {"question": "Which bodies must have regard to ICP strategies?"},
        {"question": "  "},
        {"question": "How many integrated care systems were there?", "as_of": "2020-12-31"},
    ]})
    assert response.status_code == 200
    first, blank, count = response.json()["results"]
    assert first["status"] == 200 and first["answer"]["question_id"] == "who-must-have-regard-to"
    assert first["answer"]["sources"]
    assert blank == {"status": 400, "error": {"error": "BadRequestError",
                                              "message": "the question is empty"}}
    assert [r["details"]["n"] for r in count["answer"]["results"]] == ["18"]


@pytest.mark.parametrize(("questions", "status"), [(0, 422), (4, 413)])
def test_a_batch_outside_its_limits_is_refused(api: TestClient, questions: int,
                                               status: int) -> None:
    response = api.post("/ask/batch",
                        json={"questions": [{"question": "Who?"}] * questions})
    assert response.status_code == status
    if status == 413:
        assert response.json()["message"] == "a batch of 4 questions; the limit is 3"


def test_search_returns_cited_statements_and_passages(api: TestClient) -> None:
    body = api.get("/search", params={"q": "who must have regard to ICP strategies",
                                      "k": 2}).json()
    assert len(body["statements"]) == 2 and len(body["passages"]) == 2
    assert body["passages"][0]["graph"].endswith("d002-icp-strategy")
    for item in body["statements"]:
        assert item["locator"] and item["title"] and item["statement"]["score"] > 0
    assert api.get("/search", params={"q": "xyzzy"}).json()["statements"] == []
    assert api.get("/search", params={"q": "ICB", "k": 0}).status_code == 422
