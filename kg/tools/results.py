"""What the tools return, beyond answers: fact searches, SPARQL results, the catalogue."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import JsonValue

from kg.catalogue import Catalogue
from kg.search import SearchHit, SearchIndex, Statement
from kg.store.base import RawResult


@dataclass(frozen=True, slots=True)
class CitedStatement:
    """A statement with the passage that states it: cite ``title`` and ``locator``."""

    statement: Statement
    graph: str
    document: str
    title: str | None
    locator: str | None
    summary: str | None


@dataclass(frozen=True, slots=True)
class FactSearch:
    """The best statements and the best passages for a query, each scored and cited."""

    query: str
    statements: tuple[CitedStatement, ...]
    passages: tuple[SearchHit, ...]


def search_facts(index: SearchIndex, query: str, k: int) -> FactSearch:
    found = index.search_statements(query, k)
    return FactSearch(
        query=query,
        statements=tuple(CitedStatement(st, hit.graph, hit.document, hit.title, hit.locator,
                                        hit.summary) for st, hit in found),
        passages=tuple(index.search(query, k)))


@dataclass(frozen=True, slots=True)
class SparqlOutput:
    """A query's result: SPARQL JSON results for SELECT and ASK, Turtle for graphs."""

    form: str  # "select", "ask" or "graph"
    media_type: str
    results: JsonValue = None
    turtle: str | None = None
    rows: int = 0


def sparql_output(raw: RawResult) -> SparqlOutput:
    text = raw.body.decode("utf-8")
    if raw.form == "graph":
        return SparqlOutput(raw.form, raw.media_type, turtle=text, rows=raw.row_count)
    parsed: JsonValue = json.loads(text)
    return SparqlOutput(raw.form, raw.media_type, results=parsed, rows=raw.row_count)


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """A catalogue question as a tool lists it."""

    id: str
    title: str
    question: str
    parameters: tuple[str, ...]


def list_questions(catalogue: Catalogue) -> tuple[QuestionInfo, ...]:
    return tuple(QuestionInfo(q.id, q.title, q.canonical, tuple(p.name for p in q.parameters))
                 for q in catalogue.questions)
