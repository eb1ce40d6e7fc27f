"""Pydantic models of the HTTP edge: requests (extra fields refused) and documented responses.

Answers are not re-declared here: their schema is generated from the
:class:`kg.qa.Answer` dataclass (see :mod:`kg.payload`), so a field added to
an answer appears in the schema and the payload without an edit here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from api.errors import ErrorBody
from kg.catalogue import CatalogueQuestion
from kg.qa import Answer, Context

EXAMPLE_QUESTION = "Which bodies must have regard to ICP strategies?"

# The as-of dates the schema promises: YYYY, YYYY-MM or a real YYYY-MM-DD (or now/today),
# blank meaning none. The server accepts a few more spellings (see queries/README.md).
_YEAR = r"[1-9][0-9]{3}"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = (r"((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)"
        r"|(0[13578]|1[02])-31)")
_LEAP = (r"([1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)-02-29")
AS_OF_PATTERN = (rf"^\s*({_YEAR}(-{_MONTH})?|{_YEAR}-{_DAY}|{_LEAP}|now|today)?\s*$")
# Some character that is not white space: a blank question is a 400.
QUESTION_PATTERN = r"\S"


class Strict(BaseModel):
    """A request body: a field the schema does not declare is a 422 naming it."""

    model_config = ConfigDict(extra="forbid")


class ContextModel(Strict):
    """What a follow-up may refer back to: the earlier question and its entities in focus."""

    question: str = Field(max_length=1000, description="The earlier question.")
    entities: list[str] = Field(default_factory=list, max_length=20,
                                description="IRIs of the entities it was about.")

    def to_context(self) -> Context:
        return Context(self.question, tuple(self.entities))


class AskRequest(Strict):
    """A question in plain English, optionally asked as of a date or as a follow-up."""

    question: str = Field(
        description="The question. Blank: 400. Longer than the configured limit "
        "(1,000 characters by default): 413.",
        examples=[EXAMPLE_QUESTION], json_schema_extra={"pattern": QUESTION_PATTERN})
    as_of: str | None = Field(
        None, description="Answer as of this date (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD, or "
        "'now'). Overrides any date in the question. Not a date: 400.",
        examples=["2022-07-01"], json_schema_extra={"pattern": AS_OF_PATTERN})
    context: ContextModel | None = Field(
        None, description="The `context` object of a previous answer, sent back unchanged: a "
        "follow-up question's \"it\", \"they\" or \"that\" refers to its entities.")

    model_config = {"json_schema_extra": {"examples": [
        {"question": EXAMPLE_QUESTION},
        {"question": "How many integrated care systems were there?", "as_of": "2020-12-31"},
    ]}}


class BatchQuestion(Strict):
    """One question of a batch: a blank, over-long or badly dated one gets its own error."""

    question: str = Field(description="The question.", examples=[EXAMPLE_QUESTION])
    as_of: str | None = Field(None, description="Answer as of this date (ISO 8601).")
    context: ContextModel | None = Field(
        None, description="The `context` object of a previous answer.")


class AskBatchRequest(Strict):
    """Several questions at once; each is answered (or fails) on its own."""

    questions: list[BatchQuestion] = Field(
        min_length=1, description="The questions; more than the configured limit (20 by "
        "default): 413.")


class BatchItem(BaseModel):
    """One question's outcome: an answer, or the error that question alone got."""

    status: int = Field(description="The HTTP status this question alone would have had.")
    answer: Answer | None = None
    error: ErrorBody | None = None


class BatchAnswers(BaseModel):
    """The outcomes in the order the questions were sent."""

    results: list[BatchItem]


class FunctionDefinition(BaseModel):
    """A function a model may call, as the OpenAI-compatible ``tools`` parameter takes it."""

    name: str
    description: str
    parameters: dict[str, JsonValue] = Field(description="JSON Schema of the arguments.")


class ToolDefinitionModel(BaseModel):
    """One entry of a ``tools`` list."""

    type: Literal["function"] = "function"
    function: FunctionDefinition


class ToolResult(BaseModel):
    """What a tool returned: give ``result`` (as JSON) back to the model as the tool's output."""

    name: str
    result: dict[str, JsonValue] = Field(
        description="An answer (ask and the catalogue tools), a fact search (search_facts), "
        "an entity's facts (describe) or a query result (sparql); each carries its sources.")


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


def _summary(q: CatalogueQuestion) -> dict[str, Any]:  # the constructor's keyword arguments
    return {
        "id": q.id, "title": q.title, "question": q.canonical,
        "alternatives": list(q.alternatives),
        "parameters": [ParameterInfo(name=p.name, type=p.type.value, default=p.default,
                                     description=p.description, classes=list(p.classes))
                       for p in q.parameters],
        "covers": list(q.covers),
    }
