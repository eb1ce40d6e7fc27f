"""The OpenAPI document, typed where FastAPI alone leaves it loose.

FastAPI derives almost everything from the routes and models. What it cannot
know is added here, once per app: limits from the settings (question length,
batch size), the catalogue's question ids and the tool names as enums, and
descriptions for the answer fields (whose schema comes from the kg dataclass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from kg.settings import Settings

ANSWER_FIELDS = {
    "answered": "False when the question could not be answered from the graph.",
    "answer": "One or two sentences stating the result: show this to the user.",
    "question_id": "The catalogue question used, or null.",
    "results": "The results: an entity (iri, label) or a literal (value, label) each.",
    "sparql": "The query that ran, its bound values written in.",
    "sources": "The cited passages: show title, publisher, date and locator.",
    "confidence": "How sure the mapping to the catalogue question is, 0 to 1.",
    "suggestions": "When not answered: the nearest catalogue questions.",
    "interpretation": "The catalogue question as it was understood, slots filled.",
    "parameters": "The parameters as the question ran, and where each came from.",
}


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = doc.get("components", {}).get("schemas", {})
    return found


def _describe_answer(doc: dict[str, Any]) -> None:
    answer = _schemas(doc).get("Answer", {})
    for name, text in ANSWER_FIELDS.items():
        prop = answer.get("properties", {}).get(name)
        if prop is not None:
            prop.setdefault("description", text)


def _limit_questions(doc: dict[str, Any], settings: Settings) -> None:
    schemas = _schemas(doc)
    for model in ("AskRequest",):
        prop = schemas.get(model, {}).get("properties", {}).get("question")
        if prop is not None:
            prop["maxLength"] = settings.max_question_chars
    batch = schemas.get("AskBatchRequest", {}).get("properties", {}).get("questions")
    if batch is not None:
        batch["maxItems"] = settings.max_batch_questions
    for param in doc["paths"].get("/ask", {}).get("get", {}).get("parameters", []):
        if param["name"] == "q":
            # Absent means blank, a 400: the schema asks for it so valid requests are answered.
            param["required"] = True
            param["schema"]["maxLength"] = settings.max_question_chars


def _enum_path(doc: dict[str, Any], paths: Sequence[str], name: str,
               values: Sequence[str]) -> None:
    for path in paths:
        for operation in doc["paths"].get(path, {}).values():
            for param in operation.get("parameters", []):
                if param["name"] == name and param["in"] == "path":
                    param["schema"]["enum"] = list(values)


def install(app: FastAPI, settings: Settings, question_ids: Callable[[], Sequence[str]],
            tool_names: Callable[[], Sequence[str]]) -> None:
    """Replace ``app.openapi`` with one that adds what FastAPI cannot know (built once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                              description=app.description, routes=app.routes)
            _describe_answer(doc)
            _limit_questions(doc, settings)
            ids = question_ids()
            _enum_path(doc, ["/questions/{question_id}", "/questions/{question_id}/answer"],
                       "question_id", ids)
            _enum_path(doc, ["/tools/{name}"], "name", tool_names())
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
