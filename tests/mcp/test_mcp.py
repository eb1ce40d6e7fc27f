"""The MCP server driven by the SDK's own client, over stdio (`icskg mcp`) and streamable
HTTP (`/mcp` of `icskg serve`): every tool with real cited answers, the resources, and the
errors, whose messages are the HTTP API's own."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from mcp.client.session import ClientSession

from kg.soak import Server
from tests.mcp.conftest import MAX_ROWS, over_http, over_stdio

KIND = "https://w3id.org/icskg/id/kind/"
ICSD = "https://w3id.org/icskg/id/"
TOOLS = {"ask", "search_facts", "describe", "list_questions", "run_question", "sparql"}


def cited(answer: dict[str, Any]) -> None:
    assert answer["answered"] is True
    assert answer["sources"], "an answer without sources"
    for source in answer["sources"]:
        assert source["graph"].startswith("https://w3id.org/icskg/graph/")
        assert "#char=" in source["locator"] and source["title"]


def check_ask(out: dict[str, Any]) -> None:
    cited(out)
    assert out["question_id"] == "who-must-have-regard-to"
    assert {r["iri"] for r in out["results"]} == {KIND + "IntegratedCareBoard",
                                                  KIND + "LocalAuthority"}


def check_search(out: dict[str, Any]) -> None:
    assert len(out["statements"]) == 3 and len(out["passages"]) == 3
    best = out["statements"][0]
    assert best["graph"].endswith("d002-icb-board") and "#char=" in best["locator"]
    assert best["statement"]["score"] > 0 and "board seat" in best["statement"]["text"]
    assert [p["score"] for p in out["passages"]] == sorted(
        (p["score"] for p in out["passages"]), reverse=True)


def check_describe(out: dict[str, Any]) -> None:
    assert out["iri"] == ICSD + "nhs-england" and out["label"] == "NHS England"
    assert out["facts"] and out["sources"]
    graphs = {s["graph"] for s in out["sources"]}
    assert all(f["graph"] in graphs for f in out["facts"])
    assert all(ICSD + "nhs-england" in (f["statement"]["subject"], f["statement"]["object"])
               for f in out["facts"])


def check_list(out: dict[str, Any]) -> None:
    ids = [q["id"] for q in out["questions"]]
    assert len(ids) >= 40 and "ccgs-in-system" in ids


def check_run(out: dict[str, Any]) -> None:
    cited(out)
    assert out["question_id"] == "ccgs-in-system"
    assert len(out["results"]) == 9 and "9 CCGs" in out["answer"]


def check_sparql(out: dict[str, Any]) -> None:
    assert out["form"] == "select"
    rows = out["results"]["results"]["bindings"]
    assert rows == [{"n": {"type": "literal", "value": "5",
                           "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


CASES: list[tuple[str, dict[str, Any], Callable[[dict[str, Any]], None]]] = [
    ("ask", {"question": "Which bodies must have regard to ICP strategies?"}, check_ask),
    ("search_facts", {"query": "ICB board seats", "k": 3}, check_search),
    ("describe", {"entity": "NHS England"}, check_describe),
    ("list_questions", {}, check_list),
    ("run_question", {"id": "ccgs-in-system",
                      "params": {"system": "icsd:cheshire-and-merseyside-ics"}}, check_run),
    ("sparql", {"query": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { "
                "?d a <https://w3id.org/icskg/ontology#SourceDocument> }"}, check_sparql),
]

# (tool, arguments, the same request to the HTTP API: method, path, JSON body or params)
ERRORS: list[tuple[str, dict[str, Any], tuple[str, str, dict[str, Any]]]] = [
    ("describe", {"entity": "The Ministry of Silly Walks"},
     ("POST", "/tools/describe", {"entity": "The Ministry of Silly Walks"})),
    ("describe", {"entity": "icsd:no-such-body"},
     ("POST", "/tools/describe", {"entity": "icsd:no-such-body"})),
    ("sparql", {"query": "SELEC ?x WHERE { ?x ?y ?z }"},
     ("GET", "/sparql", {"query": "SELEC ?x WHERE { ?x ?y ?z }"})),
    ("sparql", {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"},
     ("GET", "/sparql", {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})),
    ("sparql", {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"},
     ("GET", "/sparql", {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})),
    ("ask", {"question": "   "}, ("POST", "/ask", {"question": "   "})),
    ("ask", {"question": "Who?", "as_of": "someday"},
     ("POST", "/ask", {"question": "Who?", "as_of": "someday"})),
    ("run_question", {"id": "no-such-question"},
     ("GET", "/questions/no-such-question/answer", {})),
]


def http_message(base: str, method: str, path: str, data: dict[str, Any]) -> tuple[int, str]:
    if method == "GET":
        response = httpx.get(base + path, params=data, timeout=30,
                             headers={"Accept": "application/sparql-results+json"})
    else:
        response = httpx.post(base + path, json=data, timeout=30)
    return response.status_code, response.json()["message"]


@asynccontextmanager
async def session_for(transport: str, built_dir: Path, live: Server
                      ) -> AsyncIterator[ClientSession]:
    opened = over_stdio(built_dir) if transport == "stdio" else over_http(live.base)
    async with opened as session:
        yield session


TRANSPORTS = ["stdio", "http"]


@pytest.mark.slow
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_every_tool_gives_a_cited_structured_result(transport: str, built_dir: Path,
                                                    live: Server) -> None:
    async def run() -> None:
        async with session_for(transport, built_dir, live) as session:
            listed = {t.name: t for t in (await session.list_tools()).tools}
            assert set(listed) == TOOLS
            for tool in listed.values():
                assert tool.input_schema["type"] == "object" and tool.description
                assert tool.output_schema is not None
            for name, arguments, check in CASES:
                result = await session.call_tool(name, arguments)
                assert not result.is_error, (name, result.content)
                out = result.structured_content
                assert out is not None and json.loads(result.content[0].text) == out
                check(out)

    anyio.run(run)


@pytest.mark.slow
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_errors_are_tool_errors_with_the_http_messages(transport: str, built_dir: Path,
                                                       live: Server) -> None:
    async def run() -> None:
        async with session_for(transport, built_dir, live) as session:
            for name, arguments, (method, path, data) in ERRORS:
                result = await session.call_tool(name, arguments)
                assert result.is_error, (name, arguments)
                status, message = http_message(live.base, method, path, data)
                assert 400 <= status < 500, (path, status)
                assert result.content[0].text == message

    anyio.run(run)


def test_the_over_limit_message_names_the_cap(live: Server) -> None:
    status, message = http_message(live.base, "GET", "/sparql",
                                   {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert status == 413 and f"more than {MAX_ROWS} rows" in message


@pytest.mark.slow
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_resources_are_the_ontology_the_catalogue_and_each_document(
        transport: str, built_dir: Path, live: Server) -> None:
    async def run() -> None:
        async with session_for(transport, built_dir, live) as session:
            resources = {str(r.uri): r for r in (await session.list_resources()).resources}
            documents = [u for u in resources if u.startswith("icskg://documents/")]
            assert len(documents) == 5
            ontology = (await session.read_resource("icskg://ontology")).contents[0]
            assert ontology.mime_type == "text/turtle"
            assert "owl:Ontology" in ontology.text  # type: ignore[union-attr]
            catalogue = json.loads((await session.read_resource("icskg://catalogue"))
                                   .contents[0].text)  # type: ignore[union-attr]
            assert "who-must-have-regard-to" in {q["id"] for q in catalogue}
            doc = json.loads((await session.read_resource(documents[0]))
                             .contents[0].text)  # type: ignore[union-attr]
            assert doc["iri"].endswith(documents[0].rsplit("/", 1)[1])
            assert doc["title"] and doc["passages"] > 0 and doc["file_name"].endswith(".txt")

    anyio.run(run)
