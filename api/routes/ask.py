"""``POST /ask`` and ``GET /ask``: a plain-English question in, a cited answer out.

Errors: a blank question is 400, one over ``max_question_chars`` is 413, a
malformed ``as_of`` 400, a body that is not ``{"question": ...}`` 422.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from api.deps import get_service
from api.errors import error_responses
from api.models import EXAMPLE_QUESTION, AnswerModel, AskRequest
from kg.qa import Answer, Context
from kg.service import Service

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


def _json(answer: Answer) -> Response:
    # Serialised by pydantic-core in one step: FastAPI's own response_model path would
    # validate the model again and encode it through jsonable_encoder, several times the cost.
    return Response(AnswerModel.of(answer).model_dump_json(), media_type="application/json")


async def _ask(request: Request, question: str, as_of: str | None,
               context: Context | None = None) -> Response:
    service: Service = await get_service(request)
    engine = service.qa
    if engine is not None:
        # A cache hit is a dictionary look-up: no graph work, so no trip to a thread.
        hit = engine.cached(question, as_of, context)
        if hit is not None:
            return _json(hit)

    def work() -> Response:
        return _json(service.answers().ask(question, as_of, context))

    return await asyncio.to_thread(work)


@router.post("/ask", response_model=AnswerModel, summary="Ask a question",
             description=_DESCRIPTION, responses=error_responses(400))
async def ask_post(body: Annotated[AskRequest, Body()], request: Request) -> Response:
    context = body.context.to_context() if body.context is not None else None
    return await _ask(request, body.question, body.as_of, context)


@router.get("/ask", response_model=AnswerModel, summary="Ask a question (GET)",
            description=_DESCRIPTION, responses=error_responses(400))
async def ask_get(
    request: Request,
    q: Annotated[str, Query(description="The question.", examples=[EXAMPLE_QUESTION])] = "",
    as_of: Annotated[str | None, Query(description="Answer as of this date (ISO 8601).",
                                       examples=["2022-07-01"])] = None,
) -> Response:
    return await _ask(request, q, as_of)
