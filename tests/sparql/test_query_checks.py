"""The request-side checks alone: parsed-query safety, negotiation and protocol parsing."""

from __future__ import annotations

import pytest

from kg.errors import (
    BadRequestError,
    ForbiddenOperationError,
    NotAcceptableError,
    QuerySyntaxError,
    UnsupportedMediaTypeError,
)
from kg.sparql import algebra, negotiation, protocol, safety
from kg.store.base import ResultFormat

GRAPHS = {"http://example.org/g1", "http://example.org/g2"}


def refuse(query: str) -> str:
    with pytest.raises(ForbiddenOperationError) as info:
        safety.check(algebra.parse(query, "http://host/sparql"), GRAPHS.__contains__)
    message: str = info.value.message
    return message


def allow(query: str) -> None:
    safety.check(algebra.parse(query, "http://host/sparql"), GRAPHS.__contains__)


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service ?load ?drop }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s ?p '''LOAD <http://x/>\nINSERT''' }",
    "# SERVICE <http://x/> in a comment\nASK {}",
    "PREFIX service: <http://example.org/>\nSELECT * { ?s service:load ?o }",
    "SELECT * { ?s <http://example.org/SERVICE> ?o }",
    "SELECT * FROM <http://example.org/g1> FROM NAMED <http://example.org/g2> { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/>\nSELECT * FROM ex:g1 { ?s ?p ?o }",
    "BASE <http://example.org/>\nSELECT * FROM <g2> { ?s ?p ?o }",
    'SELECT * { ?s ?p ?o FILTER(?o < 3 && LANG(?o) = "insert") }',
])
def test_allowed(query: str) -> None:
    allow(query)


@pytest.mark.parametrize(("query", "start"), [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * {\n  service silent ?x { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * { ?s ?p ?o . SERVICE<http://x/>{} }", "SERVICE"),
    ("SELECT * { { SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://x/> {} } } } }",
     "SERVICE"),
    (r"SELECT * { \u0053ERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    (r"SELECT * { ?s ?p ?o #\u000A SERVICE <http://x/> { } }", "SERVICE"),
    (r'SELECT * { ?s ?p "\u0022 . SERVICE <http://x/> { } } #"', "SERVICE"),
    ("LOAD <http://x/>", "LOAD"),
    ("PREFIX a: <http://a/>\ninsert data { a:s a:p a:o }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("CLEAR ALL", "CLEAR"),
    ("SELECT * FROM <http://elsewhere.example/data.ttl> { ?s ?p ?o }", "FROM <http://elsewhere"),
    ("SELECT * FROM NAMED <http://example.org/g3> { ?s ?p ?o }", "FROM NAMED <http://exam"),
    ("SELECT * FROM <g1> { ?s ?p ?o }", "FROM <http://host/g1>"),
])
def test_refused(query: str, start: str) -> None:
    assert refuse(query).startswith(start)


@pytest.mark.parametrize(("query", "fragment"), [
    ("SELECT * FROM undeclared:g { ?s ?p ?o }", "prefix 'undeclared:' is not declared"),
    ("SELECT * { ?s rdfs:label ?o }", "prefix 'rdfs:' is not declared"),
    ("SELECT * " + "{" * 401 + "}" * 401, "more than 400 deep"),
    (r'ASK { FILTER("\u005Cu0041") }', "produces another escape"),
    (r"ASK { FILTER(<http://x/\uD800>) }", "does not name a character"),
])
def test_refused_as_syntax(query: str, fragment: str) -> None:
    with pytest.raises(QuerySyntaxError, match=fragment):
        algebra.parse(query, "http://host/sparql")


@pytest.mark.parametrize(("query", "form"), [
    ("PREFIX ex: <http://e/>\nBASE <http://b/>\nselect * {}", "SELECT"),
    ("ASK {}", "ASK"),
    ("# CONSTRUCT\nDESCRIBE <http://x/>", "DESCRIBE"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
])
def test_query_form(query: str, form: str) -> None:
    assert algebra.parse(query, None).form == form


@pytest.mark.parametrize(("form", "accept", "expected"), [
    ("SELECT", None, ResultFormat.JSON),
    ("SELECT", "*/*", ResultFormat.JSON),
    ("SELECT", "text/csv", ResultFormat.CSV),
    ("SELECT", "application/json", ResultFormat.JSON),
    ("SELECT", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     ResultFormat.XML),
    ("SELECT", "application/sparql-results+json;q=0.2, text/tab-separated-values",
     ResultFormat.TSV),
    ("ASK", "application/sparql-results+xml", ResultFormat.XML),
    ("CONSTRUCT", None, ResultFormat.TURTLE),
    ("DESCRIBE", "application/rdf+xml, text/turtle;q=0.5", ResultFormat.RDFXML),
    ("CONSTRUCT", "application/json", ResultFormat.JSONLD),
    ("CONSTRUCT", "text/*", ResultFormat.TURTLE),
])
def test_negotiation(form: str, accept: str | None, expected: ResultFormat) -> None:
    assert negotiation.choose(form, accept) is expected


def test_negotiation_refusals() -> None:
    with pytest.raises(NotAcceptableError):
        negotiation.choose("SELECT", "text/turtle")
    with pytest.raises(NotAcceptableError):
        negotiation.choose("SELECT", "application/sparql-results+json;q=0")
    assert negotiation.choose("SELECT", "text/turtle", "csv") is ResultFormat.CSV


def test_wants_html() -> None:
    assert negotiation.wants_html("text/html,application/xhtml+xml,*/*;q=0.8")
    assert not negotiation.wants_html("*/*")
    assert not negotiation.wants_html(None)
    assert not negotiation.wants_html("text/turtle, text/html;q=0.5")


def test_protocol_parse() -> None:
    op = protocol.parse("GET", b"query=ASK%20%7B%7D&default-graph-uri=a&default-graph-uri=b"
                        b"&named-graph-uri=c&format=xml", None, b"")
    assert op == protocol.Operation("ASK {}", ("a", "b"), ("c",), "xml")
    assert protocol.parse("GET", b"", None, b"") is None
    form = protocol.parse("POST", b"default-graph-uri=a", "application/x-www-form-urlencoded",
                          b"query=SELECT+*+%7B%7D")
    assert form == protocol.Operation("SELECT * {}", ("a",), ())
    direct = protocol.parse("POST", b"", "Application/SPARQL-Query; charset=UTF-8",
                            "ASK { ?s ?p \"café\" }".encode())
    assert direct is not None
    assert direct.query == 'ASK { ?s ?p "café" }'
    with pytest.raises(UnsupportedMediaTypeError):
        protocol.parse("POST", b"", "application/sparql-query; charset=latin-1", b"ASK {}")
    with pytest.raises(BadRequestError, match="2 queries"):
        protocol.parse("POST", b"query=ASK+%7B%7D", "application/sparql-query", b"ASK {}")
