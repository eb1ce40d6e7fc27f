"""``GET /questions``: the competency-question catalogue, each question's SPARQL, and runs of it.

``GET /questions/{id}/answer?param=value`` runs a question with parameters:
an unknown id is 404, an unknown, missing or malformed parameter 400.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from api.deps import get_runtime, get_service
from api.errors import error_responses
from api.models import QuestionDetail, QuestionSummary
from kg.payload import to_json
from kg.qa import Answer
from kg.runtime import Runtime
from kg.service import Service

router = APIRouter(tags=["questions"])

QuestionId = Annotated[str, Path(description="A catalogue question id.",
                                 examples=["who-must-have-regard-to"])]


@router.get("/questions", response_model=list[QuestionSummary],
            summary="List the catalogue of competency questions", operation_id="listQuestions")
async def list_questions(service: Annotated[Service, Depends(get_service)]
                         ) -> list[QuestionSummary]:
    engine = await asyncio.to_thread(service.answers)
    return [QuestionSummary.of(q) for q in engine.catalogue.questions]


@router.get("/questions/{question_id}", response_model=QuestionDetail,
            summary="One catalogue question: metadata and SPARQL", operation_id="getQuestion",
            responses=error_responses(404))
async def get_question(question_id: QuestionId,
                       service: Annotated[Service, Depends(get_service)]) -> QuestionDetail:
    engine = await asyncio.to_thread(service.answers)
    return QuestionDetail.of(engine.catalogue.get(question_id))


@router.get("/questions/{question_id}/answer", response_model=Answer,
            summary="Run a catalogue question with parameters", operation_id="answerQuestion",
            description="Every query parameter is a parameter of the question, e.g. "
            "`/questions/body-must-have-regard-to/answer?body=ICB` or "
            "`?body=kind:LocalAuthority`. Entities are given as IRIs, prefixed names or "
            "exact labels; dates as ISO dates. Unknown or malformed parameters: 400.",
            responses=error_responses(400, 404),
            # The parameters depend on the question: declared as one free-form object.
            openapi_extra={"parameters": [{
                "name": "arguments", "in": "query", "required": False, "style": "form",
                "explode": True, "description": "The question's parameters by name, "
                "e.g. body=ICB (see GET /questions/{question_id}).",
                "schema": {"type": "object", "additionalProperties": {"type": "string"}},
            }]})
async def answer_question(question_id: QuestionId, request: Request,
                          runtime: Annotated[Runtime, Depends(get_runtime)]) -> Response:
    params = dict(request.query_params)

    def work() -> bytes:
        return to_json(runtime.run_question(question_id, params))

    return Response(await asyncio.to_thread(work), media_type="application/json")
