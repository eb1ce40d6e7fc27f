"""Hypothesis against /ask (hostile question strings) and /sparql (mutated catalogue queries).

Every answer must be a 2xx, or a 4xx whose JSON body says what was wrong;
never a 5xx, never a traceback. A /sparql query cut off at its time limit
(503 QueryTimeoutError, the endpoint's documented way of stopping a runaway
query) is the one 5xx tolerated, and the mutations are too small to cause one
on this graph: the test reports how many there were.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from kg.catalogue import load_catalogue
from kg.settings import Settings

MAX_CHARS = 1000
FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def client(built_dir: Path) -> Iterator[TestClient]:
    settings_ = Settings(build_dir=built_dir, query_timeout=5, max_question_chars=MAX_CHARS)
    with TestClient(create_app(settings_)) as c:
        c.get("/sparql", params={"query": "ASK {}"})  # start the workers once
        yield c


@pytest.fixture(scope="module")
def statuses() -> Counter[int]:
    return Counter()


def assert_answered_or_refused(response: httpx.Response, statuses: Counter[int]) -> None:
    statuses[response.status_code] += 1
    status = response.status_code
    assert status < 500 or (status == 503 and "QueryTimeoutError" in response.text), (
        status, response.text[:500])
    assert "Traceback" not in response.text
    if status >= 400:
        assert response.headers["content-type"].startswith("application/json"), response.text
        body = response.json()
        assert isinstance(body["error"], str) and isinstance(body["message"], str)
        assert body["message"]


# --- /ask -----------------------------------------------------------------------

SPARQLISH = ["SELECT * WHERE { ?s ?p ?o }", "} ; DROP ALL ; {", "INSERT DATA { <a> <b> <c> }",
             "' OR 1=1 --", "?x ics:bearer ?y .", "FILTER(?x = \"a\")", "SERVICE <http://127.0.0.1:1/>",
             "<https://w3id.org/icskg/id/nhs-england>", "kind:IntegratedCareBoard", "\\u0000",
             "<http://[x/>", "icsd:a%zz", "https://a.b/%"]
HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;b&gt;", "</textarea>",
        "<!--", "javascript:alert(1)", "<svg/onload=alert(1)>"]
WORDS = ["who", "must", "ICB", "have regard to", "NHS England", "what", "is", "an", "ICS", "?",
         "as of 2021", "how many", "integrated care", "partnership", "2022-07-01"]

questions = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Co"]), max_size=80),
    st.text(min_size=10_000, max_size=10_050),
    st.integers(MAX_CHARS - 2, MAX_CHARS + 2).map(lambda n: "a" * n),
    st.lists(st.sampled_from(SPARQLISH + HTML + WORDS), max_size=12).map(" ".join),
)
as_ofs = st.one_of(st.none(), st.text(max_size=30),
                   st.sampled_from(["2022-07-01", "2022", "2022-13", "-1", "9999-99-99",
                                    "2022-07-01T00:00:00Z", "\u0662\u0660\u0662\u0662"]))


@FUZZ
@given(question=questions, as_of=as_ofs)
def test_ask_post_survives_any_question(client: TestClient, statuses: Counter[int],
                                        question: str, as_of: str | None) -> None:
    body: dict[str, str] = {"question": question}
    if as_of is not None:
        body["as_of"] = as_of
    # ensure_ascii: lone surrogates travel as \\ud800 escapes, valid JSON that some parsers trip on
    response = client.post("/ask", content=json.dumps(body, ensure_ascii=True),
                           headers={"Content-Type": "application/json"})
    assert_answered_or_refused(response, statuses)
    if len(question) > MAX_CHARS:
        assert response.status_code == 413
    if response.status_code == 200:
        assert response.headers["content-type"].startswith("application/json")
        for snippet in HTML:
            # Echoing input is fine in JSON; it must never come back as a page.
            assert not (snippet in response.text and "text/html" in response.headers["content-type"])


@FUZZ
@given(question=questions)
def test_ask_get_survives_any_question(client: TestClient, statuses: Counter[int],
                                       question: str) -> None:
    # Percent-encoded by hand: lone surrogates go out as the (invalid) UTF-8 bytes they'd be.
    url = "/ask?q=" + quote(question.encode("utf-8", "surrogatepass"), safe="")
    assert_answered_or_refused(client.get(url), statuses)


@FUZZ
@given(raw=st.binary(max_size=300), content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", "", "a/b; c=d"]))
def test_ask_survives_any_body(client: TestClient, statuses: Counter[int], raw: bytes,
                               content_type: str) -> None:
    response = client.post("/ask", content=raw, headers={"Content-Type": content_type})
    assert_answered_or_refused(response, statuses)


# --- /sparql --------------------------------------------------------------------

TOKENS = ["{", "}", "(", ")", ".", ";", ",", "*", "?x", "$y", "<", ">", '"', "'", "#", "\\",
          "SELECT", "CONSTRUCT", "ASK", "DESCRIBE", "WHERE", "FILTER(", "OPTIONAL", "UNION",
          "GRAPH ?g", "MINUS", "BIND(", "VALUES", "LIMIT", "OFFSET -1", "ORDER BY", "GROUP BY",
          "COUNT(*)", "REGEX(?x, \"(a+)+$\")", "SERVICE <http://127.0.0.1:9/>", "LOAD <file:///etc/passwd>",
          "FROM <file:///etc/passwd>", "INSERT DATA", "\x00", "\u202e", "\U0001f600", "^^", "@en",
          "<<", ">>", "rdf:type", "a", "1e999999", "-0", "\"\"\"", "PREFIX : <urn:x>", "BASE <x>"]


def catalogue_queries() -> list[str]:
    return [q.sparql for q in load_catalogue().questions]


@st.composite
def mutated_query(draw: st.DrawFn) -> str:
    query = draw(st.sampled_from(catalogue_queries()))
    for _ in range(draw(st.integers(1, 4))):
        n = len(query)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 40)))
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate", "replace"]))
        if op == "delete":
            query = query[:i] + query[j:]
        elif op == "insert":
            query = query[:i] + " " + draw(st.sampled_from(TOKENS)) + " " + query[i:]
        elif op == "duplicate":
            query = query[:j] + query[i:j] + query[j:]
        elif op == "truncate":
            query = query[:i]
        else:
            query = query[:i] + draw(st.text(max_size=6)) + query[j:]
    return query


ACCEPTS = [None, "application/sparql-results+json", "text/csv", "text/turtle",
           "application/sparql-results+xml", "text/tab-separated-values", "application/ld+json",
           "image/png", "*/*;q=0", "text/html", "garbage/;;;q=x"]


@FUZZ
@given(query=mutated_query(), accept=st.sampled_from(ACCEPTS),
       how=st.sampled_from(["get", "form", "direct"]))
def test_sparql_survives_mutated_catalogue_queries(
        client: TestClient, statuses: Counter[int], query: str, accept: str | None,
        how: str) -> None:
    headers = {"Accept": accept} if accept else {}
    raw = query.encode("utf-8", "surrogatepass")  # lone surrogates become invalid UTF-8
    if how == "get":
        response = client.get("/sparql?query=" + quote(raw, safe=""), headers=headers)
    elif how == "form":
        response = client.post("/sparql", content="query=" + quote(raw, safe=""), headers={
            **headers, "Content-Type": "application/x-www-form-urlencoded"})
    else:
        response = client.post("/sparql", content=raw,
                               headers={**headers, "Content-Type": "application/sparql-query"})
    if accept == "text/html" and how == "get" and response.status_code == 200:
        return  # a browser's request without a query: the query page (tested elsewhere)
    assert_answered_or_refused(response, statuses)


# --- /questions/{id}/answer: parameters are free-form query strings, outside the schema ---

PARAMETER_VALUES = ["icsd:nhs-england", "kind:IntegratedCareBoard", "<http://[x/>", "icsd:a%zz",
                    "https://a.b/%", "ICB", "NHS England", "2022-07-01", "2022-02-30", "now",
                    "-1", "99999999999999999999", "1e9", "kind:", ":", "<>", "urn:x", "\x00",
                    "?x } ; DROP ALL", "\"", "true", "P1Y", "icsd:../../etc/passwd"]


@st.composite
def catalogue_call(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    question = draw(st.sampled_from(load_catalogue().questions))
    names = [p.name for p in question.parameters] + ["unknown", "format"]
    chosen = draw(st.lists(st.sampled_from(names), max_size=3, unique=True))
    values = st.one_of(st.sampled_from(PARAMETER_VALUES), st.text(max_size=40))
    return question.id, {name: draw(values) for name in chosen}


@FUZZ
@given(call=catalogue_call())
def test_catalogue_answers_survive_any_parameter(
        client: TestClient, statuses: Counter[int], call: tuple[str, dict[str, str]]) -> None:
    question_id, params = call
    query = "&".join(f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'), safe='')}"
                     for k, v in params.items())
    response = client.get(f"/questions/{question_id}/answer?{query}")
    assert_answered_or_refused(response, statuses)


def test_unmutated_catalogue_queries_all_answer(client: TestClient) -> None:
    """The mutations start from queries that work: each catalogue query answers 200 as is."""
    for query in catalogue_queries():
        response = client.get("/sparql", params={"query": query},
                              headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, (query, response.text[:300])


def test_report_fuzz_counts(statuses: Counter[int]) -> None:
    print(f"hypothesis: {sum(statuses.values())} requests; statuses {dict(sorted(statuses.items()))}")
