"""``GET /tools`` and ``POST /tools/{name}``: function calling for language models.

``GET /tools`` is a ready ``tools`` list (OpenAI-compatible function
definitions with JSON Schema arguments); ``POST /tools/{name}`` takes a model's
tool call arguments as they come (a JSON object, or the JSON string a model
writes) and returns the tool's cited result.
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Response
from pydantic import JsonValue

from api.deps import get_runtime
from api.errors import error_responses
from api.models import FunctionDefinition, ToolDefinitionModel, ToolResult
from kg.errors import BadRequestError
from kg.payload import jsonable, to_json
from kg.runtime import Runtime
from kg.tools import call

router = APIRouter(tags=["tools"])


@router.get("/tools", response_model=list[ToolDefinitionModel], operation_id="listTools",
            summary="Tool definitions for function calling",
            description="Pass the list as the `tools` of a chat completion request. "
            "`ask`, `search_facts`, `describe` and `sparql`, then one tool per catalogue "
            "question (its id is the tool name), with enums where the values are known.")
async def list_tools(runtime: Annotated[Runtime, Depends(get_runtime)]
                     ) -> list[ToolDefinitionModel]:
    found = await asyncio.to_thread(runtime.tools)
    return [ToolDefinitionModel(function=FunctionDefinition(
        name=t.name, description=t.description,
        parameters={"examples": [jsonable(t.example)], **jsonable(t.parameters)}))  # type: ignore[dict-item]
        for t in found]


def _arguments(body: JsonValue) -> dict[str, object]:
    if isinstance(body, str):
        try:
            body = json.loads(body or "{}")
        except json.JSONDecodeError as exc:
            raise BadRequestError(f"the arguments are not JSON: {exc.msg} at "
                                  f"character {exc.pos}") from None
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise BadRequestError("the arguments must be a JSON object (or a string holding one)")
    return dict(body)


ToolName = Annotated[str, Path(description="A tool name from GET /tools.", examples=["ask"])]


@router.post("/tools/{name}", response_model=ToolResult, operation_id="callTool",
             summary="Run one tool", responses=error_responses(400, 404),
             description="The body is the tool call's `arguments`: a JSON object, or the "
             "JSON string a model produced. Errors are the same as the HTTP routes give.")
async def call_tool(name: ToolName, runtime: Annotated[Runtime, Depends(get_runtime)],
                    body: Annotated[JsonValue, Body()] = None) -> Response:
    arguments = _arguments(body)

    def work() -> bytes:
        return to_json({"name": name, "result": jsonable(call(runtime, name, arguments))})

    return Response(await asyncio.to_thread(work), media_type="application/json")
