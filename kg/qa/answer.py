"""The answer payload and how it is built from a catalogue run.

The payload is what a chatbot shows: a sentence, the results (an entity as
IRI and label, a literal as value and label, each with the other columns of
its row), the query that ran with its bound values, the cited sources, the
confidence, and when the question could not be answered the nearest
catalogue questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kg.catalogue import QuestionRun, SourceRecord
from kg.catalogue.answer import show_term
from kg.store.terms import Term

CITATION_COLUMNS = frozenset({"g", "doc"})


@dataclass(frozen=True, slots=True)
class ResultItem:
    """One distinct result: an entity (``iri``) or a literal (``value``), with its label."""

    label: str
    iri: str | None = None
    value: str | None = None
    datatype: str | None = None
    details: Mapping[str, str] = field(default_factory=dict)
    graphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """A cited passage: its document and where in it the fact is stated."""

    document: str
    title: str | None
    publisher: str | None
    date: str | None
    locator: str | None
    graph: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A catalogue question close to an unanswered one."""

    id: str
    question: str
    title: str
    score: float


@dataclass(frozen=True, slots=True)
class BoundValue:
    """A parameter as the question was run: its value, label and where it came from."""

    name: str
    value: str
    label: str
    origin: str  # "question", "request" or "default"
    text: str | None = None  # the words of the question it was read from
    alternatives: tuple[str, ...] = ()  # other entities those words could name


@dataclass(frozen=True, slots=True)
class Context:
    """What a follow-up question may refer back to: the question and its entities in focus."""

    question: str
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to one question, as the API and the CLI return it."""

    answered: bool
    answer: str
    question_id: str | None
    results: tuple[ResultItem, ...]
    sparql: str | None
    sources: tuple[Source, ...]
    confidence: float
    suggestions: tuple[Suggestion, ...]
    interpretation: str | None = None
    parameters: tuple[BoundValue, ...] = ()
    parts: tuple[Answer, ...] = ()  # a two-part question: the answer to each part
    context: Context | None = None  # send back with a follow-up question


def main_column(run: QuestionRun) -> str | None:
    """The column that holds the answer: ``?x`` by convention, else the first other one."""
    variables = run.result.variables
    if "x" in variables:
        return "x"
    params = {p.name for p in run.parameters}
    labels = {v for v in variables if v.endswith("Label") and v[: -len("Label")] in variables}
    rest = [v for v in variables if v not in params | CITATION_COLUMNS | labels]
    return rest[0] if rest else None


def _item(term: Term, label: Term | None, details: dict[str, str]) -> ResultItem:
    shown = label.value if label is not None else show_term(term)
    if term.is_iri:
        return ResultItem(shown, iri=term.value, details=details)
    return ResultItem(shown, value=term.value, datatype=term.datatype, details=details)


def _details(row: Mapping[str, Term], skip: set[str]) -> dict[str, str]:
    details: dict[str, str] = {}
    for name, term in row.items():
        if name in skip or name.endswith("Label"):
            continue
        label = row.get(f"{name}Label")
        details[name] = label.value if label is not None else show_term(term)
    return details


def build_results(run: QuestionRun) -> tuple[ResultItem, ...]:
    """Distinct values of the main column in row order, each with its first row's details."""
    column = main_column(run)
    if column is None:
        return ()
    skip = {column, *CITATION_COLUMNS, *(p.name for p in run.parameters)}
    items: dict[Term, ResultItem] = {}
    graphs: dict[Term, dict[str, None]] = {}
    for row in run.result.rows:
        term = row.get(column)
        if term is None:
            continue
        if term not in items:
            items[term] = _item(term, row.get(f"{column}Label"), _details(row, skip))
            graphs[term] = {}
        if "g" in row:
            graphs[term].setdefault(row["g"].value, None)
    return tuple(
        ResultItem(i.label, i.iri, i.value, i.datatype, i.details, tuple(graphs[t]))
        for t, i in items.items()
    )


def build_sources(records: Sequence[SourceRecord]) -> tuple[Source, ...]:
    return tuple(Source(r.document, r.title, r.publisher, r.date, r.locator, r.graph)
                 for r in records)
