"""``GET /tools`` is valid JSON Schema in OpenAI's tool format, and every tool runs through
``POST /tools/{name}`` with its example arguments, giving a cited result."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

# The shape of one entry of an OpenAI-compatible `tools` list.
TOOL_ENTRY = {
    "type": "object", "required": ["type", "function"], "additionalProperties": False,
    "properties": {
        "type": {"const": "function"},
        "function": {
            "type": "object", "required": ["name", "description", "parameters"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "pattern": "^[a-zA-Z0-9_-]{1,64}$"},
                "description": {"type": "string", "minLength": 10},
                "parameters": {"type": "object", "required": ["type", "properties"],
                               "properties": {"type": {"const": "object"}}},
            },
        },
    },
}


@pytest.fixture(scope="module")
def tools(api: TestClient) -> list[dict[str, Any]]:
    response = api.get("/tools")
    assert response.status_code == 200
    body: list[dict[str, Any]] = response.json()
    return body


def test_the_list_is_the_builtin_tools_then_the_catalogue(api: TestClient,
                                                          tools: list[dict[str, Any]]) -> None:
    names = [t["function"]["name"] for t in tools]
    ids = [q["id"] for q in api.get("/questions").json()]
    assert names == ["ask", "search_facts", "describe", "sparql", *ids]


def test_every_definition_is_valid_json_schema(tools: list[dict[str, Any]]) -> None:
    Draft202012Validator(TOOL_ENTRY).validate(tools[0])
    for tool in tools:
        Draft202012Validator(TOOL_ENTRY).validate(tool)
        parameters = tool["function"]["parameters"]
        Draft202012Validator.check_schema(parameters)
        for example in parameters["examples"]:
            Draft202012Validator(parameters).validate(example)


def test_known_values_are_enums(tools: list[dict[str, Any]]) -> None:
    by_name = {t["function"]["name"]: t["function"]["parameters"] for t in tools}
    system = by_name["ccgs-in-system"]["properties"]["system"]
    assert "icsd:cheshire-and-merseyside-ics" in system["enum"]
    assert system["default"] in system["enum"]
    assert "icsd:cheshire-and-merseyside-ics = Cheshire and Merseyside" in system["description"]
    year = by_name["deadlines-in-year"]["properties"]["year"]
    assert year["type"] == "integer" and "enum" not in year
    assert by_name["search_facts"]["properties"]["k"]["maximum"] == 100


def sources_of(result: dict[str, Any]) -> list[dict[str, Any]]:
    if "sources" in result:
        sources: list[dict[str, Any]] = result["sources"]
        return sources
    if "statements" in result:
        return result["statements"]
    return []


def test_every_tool_runs_with_its_example_arguments(api: TestClient,
                                                    tools: list[dict[str, Any]]) -> None:
    failures = []
    for tool in tools:
        name = tool["function"]["name"]
        example = tool["function"]["parameters"]["examples"][0]
        response = api.post(f"/tools/{name}", json=example)
        if response.status_code != 200:
            failures.append(f"{name}: {response.status_code} {response.text[:200]}")
            continue
        body = response.json()
        assert body["name"] == name
        result = body["result"]
        if name == "sparql":
            assert result["form"] == "select" and result["results"]["results"]["bindings"]
        elif name != "describe":
            assert "answer" in result or "statements" in result, name
        if result.get("answered") or name in ("search_facts", "describe"):
            assert sources_of(result), f"{name} gave no sources"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("body", [
    {"question": "Which bodies must have regard to ICP strategies?"},
    json.dumps({"question": "Which bodies must have regard to ICP strategies?"}),
])
def test_arguments_as_an_object_or_as_the_models_json_string(api: TestClient,
                                                             body: object) -> None:
    response = api.post("/tools/ask", json=body)
    assert response.status_code == 200
    assert response.json()["result"]["question_id"] == "who-must-have-regard-to"


@pytest.mark.parametrize(("name", "body", "status", "message"), [
    ("nope", {}, 404, "no tool named 'nope'"),
    ("ask", {"question": "Who?", "tone": "warm"}, 400, "tone: Extra inputs are not permitted"),
    ("ask", "{not json", 400, "the arguments are not JSON"),
    ("ask", [1, 2], 400, "must be a JSON object"),
    ("search_facts", {"query": "ICB", "k": 500}, 400, "k: Input should be less than or equal"),
    ("describe", {"entity": "Nobody in particular"}, 400, "no entity is labelled"),
    ("sparql", {"query": "DROP ALL"}, 400, "read-only"),
    ("sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"}, 413, "more than 50 rows"),
    ("ccgs-in-system", {"system": "icsd:nhs-long-term-plan"}, 400, "is not a"),
    ("ccgs-in-system", {"colour": "red"}, 400, "colour"),
])
def test_tool_errors_are_the_api_errors(api: TestClient, name: str, body: object, status: int,
                                        message: str) -> None:
    response = api.post(f"/tools/{name}", json=body)
    assert response.status_code == status, response.text
    assert message in response.json()["message"]
