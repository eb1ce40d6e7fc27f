"""The fixed request mixes: catalogue queries for the SPARQL servers, questions for /ask.

The SPARQL mix is catalogue queries with their parameters bound the way a
remote store receives them (a ``VALUES`` block, :attr:`QuestionRun.sparql`),
so all three SPARQL servers get the very same text. It leaves out the few
questions whose ``FILTER EXISTS`` property paths take rdflib's engine
seconds even on 10k triples: with them rdflib-endpoint would finish no
request in a burst and the ratio would mean nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kg.bench.generator import Generated
from kg.catalogue import bind_parameters, load_catalogue
from kg.store.base import Store
from kg.store.values import bind_values

SPARQL_JSON = "application/sparql-results+json"

# (question id, parameters): "{ics}" and "{icb}" stand for a synthetic system and its board.
SPARQL_QUESTIONS: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("who-must-have-regard-to", {}),
    ("who-is-accountable-for", {}),
    ("who-agrees", {}),
    ("who-holds-to-account", {}),
    ("functions-taken-on", {}),
    ("body-accountable-for", {"body": "{icb}"}),
    ("count-in-system", {"system": "{ics}"}),
    ("system-composition", {"system": "{ics}"}),
    ("ccgs-in-system", {"system": "{ics}"}),
    ("count-as-of", {}),
    ("timeline", {}),
    ("who-bears-duty", {}),
)

ASK_QUESTIONS: tuple[str, ...] = (
    "What must integrated care boards have regard to?",
    "Who holds ICBs to account?",
    "What is NHS North Mercia Integrated Care Board accountable for?",
    "Who must have regard to the integrated care strategy?",
    "Whose functions does the ICB take on?",
    "How many primary care networks are there in North Mercia ICS?",
    "Who agrees ICB constitutions?",
    "Which CCGs did North Mercia ICS bring together?",
)


_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def light_queries(data: Generated) -> tuple[tuple[str, str], ...]:
    """The light side-by-side mix: a label lookup, a type histogram, a provenance join."""
    board = data.sample_board
    return (
        ("label-lookup", f"SELECT ?label WHERE {{ <{board}> <{_RDFS}label> ?label }}"),
        ("type-histogram", "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } "
                           "GROUP BY ?type ORDER BY DESC(?n) LIMIT 10"),
        ("provenance-join", f"SELECT ?g ?p WHERE {{ GRAPH ?g {{ <{board}> ?p ?o }} }} LIMIT 20"),
    )


@dataclass(frozen=True)
class Mixes:
    """The query texts and questions, and their request files per server dialect."""

    queries: tuple[tuple[str, str], ...]  # (question id, SPARQL text)
    questions: tuple[str, ...]
    light: tuple[tuple[str, str], ...] = ()  # the light-query mix


def build_mixes(store: Store, data: Generated) -> Mixes:
    catalogue = load_catalogue()
    ics = data.sample_board.replace("-icb", "-ics")
    queries = []
    for qid, params in SPARQL_QUESTIONS:
        question = catalogue.get(qid)
        values = {k: v.format(ics=ics, icb=data.sample_board) for k, v in params.items()}
        bound = bind_parameters(store, question, values)
        queries.append((qid, bind_values(question.sparql, {b.name: b.term for b in bound})))
    return Mixes(tuple(queries), ASK_QUESTIONS, light_queries(data))


def sparql_requests(mixes: Mixes, path: str, extra: str = "",
                    light: bool = False) -> list[dict[str, object]]:
    texts = mixes.light if light else mixes.queries
    return [{"method": "GET", "path": f"{path}?query={quote(text, safe='')}{extra}",
             "headers": {"Accept": SPARQL_JSON}} for _, text in texts]


def ask_requests(mixes: Mixes) -> list[dict[str, object]]:
    return [{"method": "POST", "path": "/ask",
             "headers": {"Content-Type": "application/json", "Accept": "application/json"},
             "body": json.dumps({"question": q})} for q in mixes.questions]


def hello_requests() -> list[dict[str, object]]:
    return [{"method": "GET", "path": "/hello", "headers": {"Accept": "application/json"}}]


def write(requests: list[dict[str, object]], path: Path) -> Path:
    path.write_text(json.dumps(requests), encoding="utf-8")
    return path
