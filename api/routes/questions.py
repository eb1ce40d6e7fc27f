"""``GET /questions``: the competency-question catalogue, each question's SPARQL, and runs of it.

``GET /questions/{id}/answer?param=value`` runs a question with parameters:
an unknown id is 404, an unknown, missing or malformed parameter 400.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from api.deps import get_service
from api.models import AnswerModel, QuestionDetail, QuestionSummary
from kg.service import Service

router = APIRouter(tags=["questions"])

QuestionId = Annotated[str, Path(description="A catalogue question id.",
                                 examples=["who-must-have-regard-to"])]


@router.get("/questions", response_model=list[QuestionSummary],
            summary="List the catalogue of competency questions")
async def list_questions(service: Annotated[Service, Depends(get_service)]
                         ) -> list[QuestionSummary]:
    engine = await asyncio.to_thread(service.answers)
    return [QuestionSummary.of(q) for q in engine.catalogue.questions]


@router.get("/questions/{question_id}", response_model=QuestionDetail,
            summary="One catalogue question: metadata and SPARQL",
            responses={404: {"description": "No question with this id."}})
async def get_question(question_id: QuestionId,
                       service: Annotated[Service, Depends(get_service)]) -> QuestionDetail:
    engine = await asyncio.to_thread(service.answers)
    return QuestionDetail.of(engine.catalogue.get(question_id))


@router.get("/questions/{question_id}/answer", response_model=AnswerModel,
            summary="Run a catalogue question with parameters",
            description="Every query parameter is a parameter of the question, e.g. "
            "`/questions/body-must-have-regard-to/answer?body=ICB` or "
            "`?body=kind:LocalAuthority`. Entities are given as IRIs, prefixed names or "
            "exact labels; dates as ISO dates. Unknown or malformed parameters: 400.",
            responses={404: {"description": "No question with this id."},
                       400: {"description": "An unknown, missing or malformed parameter."}})
async def answer_question(question_id: QuestionId, request: Request,
                          service: Annotated[Service, Depends(get_service)]) -> AnswerModel:
    params = dict(request.query_params)

    def work() -> AnswerModel:
        return AnswerModel.of(service.answers().run(question_id, params))

    return await asyncio.to_thread(work)
