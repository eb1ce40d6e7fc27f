"""``POST /ask``, ``GET /ask`` and ``POST /ask/batch``: questions in, cited answers out.

Errors: a blank question is 400, one over ``max_question_chars`` is 413, a
malformed ``as_of`` 400, a body that does not fit the schema (or has a field it
does not declare) 422, a batch over ``max_batch_questions`` 413.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import get_runtime
from api.errors import error_body, error_responses, status_for
from api.models import (
    AS_OF_PATTERN,
    EXAMPLE_QUESTION,
    AskBatchRequest,
    AskRequest,
    BatchAnswers,
    BatchQuestion,
)
from kg.errors import IcskgError, PayloadTooLargeError
from kg.payload import jsonable, to_json
from kg.qa import Answer, Context
from kg.runtime import Runtime

router = APIRouter(tags=["questions"])

_DESCRIPTION = (
    "Maps the question to a catalogue question (see `GET /questions`), fills its parameters "
    "from the entities and dates it names, runs it and returns the answer with the SPARQL "
    "that ran and the cited sources. A question outside the graph's scope is not forced "
    "onto the catalogue: `answered` is false and `suggestions` lists the nearest questions. "
    "A two-part question is answered part by part (`parts`). Every answer carries a "
    "`context`; send it back with a follow-up so that \"it\" or \"they\" resolve. "
    "Errors: blank question 400, question over the length limit 413, bad `as_of` 400."
)


class AskQuery(BaseModel):
    """``GET /ask``'s query parameters; any other is a 422 naming it."""

    model_config = ConfigDict(extra="forbid")

    q: str = Field("", description="The question.", examples=[EXAMPLE_QUESTION],
                   json_schema_extra={"pattern": r"\S"})
    as_of: str | None = Field(None, description="Answer as of this date (ISO 8601).",
                              examples=["2022-07-01"],
                              json_schema_extra={"pattern": AS_OF_PATTERN})


def _json(answer: Answer) -> Response:
    return Response(to_json(answer), media_type="application/json")


async def _ask(runtime: Runtime, question: str, as_of: str | None,
               context: Context | None = None) -> Response:
    engine = runtime.current.qa
    if engine is not None:
        # A cache hit is a dictionary look-up: no graph work, so no trip to a thread.
        hit = engine.cached(question, as_of, context)
        if hit is not None:
            return _json(hit)
    answer = await asyncio.to_thread(runtime.ask, question, as_of, context)
    return _json(answer)


@router.post("/ask", response_model=Answer, summary="Ask a question", operation_id="ask",
             description=_DESCRIPTION, responses=error_responses(400))
async def ask_post(body: Annotated[AskRequest, Body()],
                   runtime: Annotated[Runtime, Depends(get_runtime)]) -> Response:
    context = body.context.to_context() if body.context is not None else None
    return await _ask(runtime, body.question, body.as_of, context)


@router.get("/ask", response_model=Answer, summary="Ask a question (GET)",
            operation_id="askGet", description=_DESCRIPTION, responses=error_responses(400))
async def ask_get(params: Annotated[AskQuery, Query()],
                  runtime: Annotated[Runtime, Depends(get_runtime)]) -> Response:
    return await _ask(runtime, params.q, params.as_of)


def _outcome(runtime: Runtime, item: BatchQuestion) -> dict[str, object]:
    try:
        context = item.context.to_context() if item.context is not None else None
        answer = runtime.ask(item.question, item.as_of, context)
    except IcskgError as exc:
        return {"status": status_for(exc), "error": error_body(exc)}
    return {"status": 200, "answer": jsonable(answer)}


@router.post("/ask/batch", response_model=BatchAnswers, summary="Ask several questions",
             operation_id="askBatch", responses=error_responses(400),
             description="Answers each question as `POST /ask` would, in order. A question "
             "that fails gets its own `status` and `error`; the others are still answered. "
             "More questions than the configured limit: 413.")
async def ask_batch(body: AskBatchRequest, request: Request,
                    runtime: Annotated[Runtime, Depends(get_runtime)]) -> Response:
    limit = request.app.state.settings.max_batch_questions
    if len(body.questions) > limit:
        raise PayloadTooLargeError(f"a batch of {len(body.questions)} questions; the limit "
                                   f"is {limit}")

    def work() -> bytes:
        return to_json({"results": [_outcome(runtime, q) for q in body.questions]})

    return Response(await asyncio.to_thread(work), media_type="application/json")
