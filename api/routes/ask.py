"""``POST /ask`` and ``GET /ask``: a plain-English question in, a cited answer out.

Errors: a blank question is 400, one over ``max_question_chars`` is 413, a
malformed ``as_of`` 400, a body that is not ``{"question": ...}`` 422.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query

from api.deps import get_service
from api.errors import error_responses
from api.models import EXAMPLE_QUESTION, AnswerModel, AskRequest
from kg.service import Service

router = APIRouter(tags=["questions"])

_DESCRIPTION = (
    "Maps the question to a catalogue question (see `GET /questions`), fills its parameters "
    "from the entities and dates it names, runs it and returns the answer with the SPARQL "
    "that ran and the cited sources. A question outside the graph's scope is not forced "
    "onto the catalogue: `answered` is false and `suggestions` lists the nearest questions. "
    "Errors: blank question 400, question over the length limit 413, bad `as_of` 400."
)


async def _ask(service: Service, question: str, as_of: str | None) -> AnswerModel:
    def work() -> AnswerModel:
        return AnswerModel.of(service.answers().ask(question, as_of))

    return await asyncio.to_thread(work)


@router.post("/ask", response_model=AnswerModel, summary="Ask a question",
             description=_DESCRIPTION, responses=error_responses(400))
async def ask_post(request: Annotated[AskRequest, Body()],
                   service: Annotated[Service, Depends(get_service)]) -> AnswerModel:
    return await _ask(service, request.question, request.as_of)


@router.get("/ask", response_model=AnswerModel, summary="Ask a question (GET)",
            description=_DESCRIPTION, responses=error_responses(400))
async def ask_get(
    service: Annotated[Service, Depends(get_service)],
    q: Annotated[str, Query(description="The question.", examples=[EXAMPLE_QUESTION])] = "",
    as_of: Annotated[str | None, Query(description="Answer as of this date (ISO 8601).",
                                       examples=["2022-07-01"])] = None,
) -> AnswerModel:
    return await _ask(service, q, as_of)
