"""Run a tool by name with a model's arguments: validated, then the runtime's own operation."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from kg.describe import EntityDescription
from kg.errors import BadRequestError, NotFoundError
from kg.qa import Answer
from kg.tools.args import AskArgs, DescribeArgs, SearchArgs, SparqlArgs
from kg.tools.results import FactSearch, SparqlOutput, search_facts, sparql_output

if TYPE_CHECKING:
    from kg.runtime import Runtime

M = TypeVar("M", bound=BaseModel)
ToolOutput = Answer | FactSearch | EntityDescription | SparqlOutput


def validated(model: type[M], arguments: Mapping[str, object]) -> M:
    """The arguments as ``model``, or a BadRequestError naming each wrong field."""
    try:
        return model.model_validate(dict(arguments))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}"
                             for e in exc.errors())
        raise BadRequestError(f"invalid arguments: {problems}") from None


def _scalar(name: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadRequestError(f"parameter {name!r}: expected a string or a number")
    return str(value)


def call(runtime: Runtime, name: str, arguments: Mapping[str, object]) -> ToolOutput:
    """Run tool ``name`` (blocking); errors are the HTTP API's typed errors."""
    if name == "ask":
        ask = validated(AskArgs, arguments)
        return runtime.ask(ask.question, ask.as_of, ask.context)
    if name == "search_facts":
        search = validated(SearchArgs, arguments)
        return search_facts(runtime.current.search(), search.query, search.k)
    if name == "describe":
        return runtime.describe(validated(DescribeArgs, arguments).entity)
    if name == "sparql":
        query = validated(SparqlArgs, arguments).query
        if not query.strip():
            raise BadRequestError("the query is empty")
        return sparql_output(runtime.sparql(query))
    if name not in runtime.catalogue().ids:
        raise NotFoundError(f"no tool named {name!r}; GET /tools lists them")
    params = {key: _scalar(key, value) for key, value in arguments.items()}
    return runtime.run_question(name, params)


async def call_async(runtime: Runtime, name: str, arguments: Mapping[str, object]
                     ) -> ToolOutput:
    return await asyncio.to_thread(call, runtime, name, arguments)
