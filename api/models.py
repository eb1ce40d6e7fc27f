"""Pydantic models of /ask and /questions: the HTTP edge of :mod:`kg.qa` and :mod:`kg.catalogue`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from kg.catalogue import CatalogueQuestion
from kg.qa import Answer, Context

EXAMPLE_QUESTION = "Which bodies must have regard to ICP strategies?"


class ContextModel(BaseModel):
    """What a follow-up may refer back to: the earlier question and its entities in focus."""

    question: str = Field(max_length=1000, description="The earlier question.")
    entities: list[str] = Field(default_factory=list, max_length=20,
                                description="IRIs of the entities it was about.")

    def to_context(self) -> Context:
        return Context(self.question, tuple(self.entities))

    @classmethod
    def of(cls, context: Context) -> ContextModel:
        # Built by the engine from a checked question: no need to validate it again.
        return cls.model_construct(question=context.question, entities=list(context.entities))


class AskRequest(BaseModel):
    """A question in plain English, optionally asked as of a date."""

    question: str = Field(
        description="The question. Blank: 400. Longer than the configured limit "
        "(1,000 characters by default): 413.",
        examples=[EXAMPLE_QUESTION])
    as_of: str | None = Field(
        None, description="Answer as of this date (ISO 8601, e.g. 2022-07-01; also YYYY or "
        "YYYY-MM). Overrides any date in the question.", examples=["2022-07-01"])

    context: ContextModel | None = Field(
        None, description="The `context` of the previous answer: a follow-up question's "
        "\"it\", \"they\" or \"that\" refers to its entities.")

    model_config = {"json_schema_extra": {"examples": [
        {"question": EXAMPLE_QUESTION},
        {"question": "How many integrated care systems were there?", "as_of": "2020-12-31"},
    ]}}


class ResultModel(BaseModel):
    """An entity (``iri`` and ``label``) or a literal (``value`` and ``label``), with details."""

    label: str
    iri: str | None = None
    value: str | None = None
    datatype: str | None = None
    details: dict[str, str] = Field(default_factory=dict,
                                    description="Other columns of the result's first row.")
    graphs: list[str] = Field(default_factory=list,
                              description="Named graphs (cited passages) stating it.")

    @model_serializer(mode="wrap")
    def _drop_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None}


class SourceModel(BaseModel):
    """A cited passage of a source document."""

    document: str = Field(description="IRI of the source document.")
    title: str | None
    publisher: str | None
    date: str | None
    locator: str | None = Field(description="File name and character span (RFC 5147 style).")
    graph: str = Field(description="The named graph holding the facts drawn from the passage.")


class SuggestionModel(BaseModel):
    """A catalogue question near an unanswered one."""

    id: str
    question: str
    title: str
    score: float


class ParameterModel(BaseModel):
    """A parameter as the question ran: value, label, and where it came from."""

    name: str
    value: str
    label: str
    origin: str = Field(description="'question', 'request' or 'default'.")
    text: str | None = Field(None, description="The words of the question it was read from.")
    alternatives: list[str] = Field(default_factory=list,
                                    description="Other entities those words could name.")


class AnswerModel(BaseModel):
    """The answer payload."""

    answered: bool
    answer: str = Field(description="One or two sentences stating the result.")
    question_id: str | None = Field(description="The catalogue question used, or null.")
    results: list[ResultModel]
    sparql: str | None = Field(description="The query that ran, its bound values written in.")
    sources: list[SourceModel]
    confidence: float = Field(ge=0, le=1)
    suggestions: list[SuggestionModel] = Field(
        description="When not answered: the nearest catalogue questions.")
    interpretation: str | None = Field(
        None, description="The catalogue question as it was understood, slots filled.")
    parameters: list[ParameterModel] = Field(default_factory=list)
    parts: list[AnswerModel] = Field(
        default_factory=list, description="A two-part question: the answer to each part.")
    context: ContextModel | None = Field(
        None, description="Send back as the request's `context` with a follow-up question.")

    @classmethod
    def of(cls, answer: Answer) -> AnswerModel:
        return cls(
            answered=answer.answered,
            answer=answer.answer,
            question_id=answer.question_id,
            results=[ResultModel(label=r.label, iri=r.iri, value=r.value, datatype=r.datatype,
                                 details=dict(r.details), graphs=list(r.graphs))
                     for r in answer.results],
            sparql=answer.sparql,
            sources=[SourceModel(document=s.document, title=s.title, publisher=s.publisher,
                                 date=s.date, locator=s.locator, graph=s.graph)
                     for s in answer.sources],
            confidence=answer.confidence,
            suggestions=[SuggestionModel(id=s.id, question=s.question, title=s.title,
                                         score=s.score) for s in answer.suggestions],
            interpretation=answer.interpretation,
            parameters=[ParameterModel(name=p.name, value=p.value, label=p.label,
                                       origin=p.origin, text=p.text,
                                       alternatives=list(p.alternatives))
                        for p in answer.parameters],
            parts=[AnswerModel.of(p) for p in answer.parts],
            context=ContextModel.of(answer.context) if answer.context else None,
        )


class ParameterInfo(BaseModel):
    """A catalogue parameter: name, type, default and class constraint."""

    name: str
    type: str = Field(description="entity, date, integer or string.")
    default: str | None
    description: str
    classes: list[str] = Field(default_factory=list,
                               description="For entities: the classes a value must belong to.")


class QuestionSummary(BaseModel):
    """A catalogue question as listed by GET /questions."""

    id: str
    title: str
    question: str = Field(description="The canonical phrasing; {name} marks a parameter.")
    alternatives: list[str]
    parameters: list[ParameterInfo]
    covers: list[int] = Field(description="Numbers of the foundation issue's questions covered.")

    @classmethod
    def of(cls, q: CatalogueQuestion) -> QuestionSummary:
        return cls(**_summary(q))


class QuestionDetail(QuestionSummary):
    """A catalogue question with its answer template and SPARQL."""

    answer_template: str
    sparql: str

    @classmethod
    def of(cls, q: CatalogueQuestion) -> QuestionDetail:
        return cls(**_summary(q), answer_template=q.answer, sparql=q.sparql)


def _summary(q: CatalogueQuestion) -> dict[str, Any]:
    return {
        "id": q.id, "title": q.title, "question": q.canonical,
        "alternatives": list(q.alternatives),
        "parameters": [ParameterInfo(name=p.name, type=p.type.value, default=p.default,
                                     description=p.description, classes=list(p.classes))
                       for p in q.parameters],
        "covers": list(q.covers),
    }
