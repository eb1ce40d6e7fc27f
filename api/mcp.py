"""The MCP server (official ``mcp`` SDK, low-level server) over a :class:`kg.runtime.Runtime`.

Tools: ``ask``, ``search_facts``, ``describe``, ``list_questions``,
``run_question`` and ``sparql``, each with the JSON Schema input the HTTP
``/tools`` list gives and a structured, cited output (the :mod:`kg.payload`
shape). A failure is a tool error carrying the HTTP API's message.
Resources: the ontology (Turtle), the catalogue, and each source document.

Served over stdio by ``icskg mcp`` and over streamable HTTP at ``/mcp`` by
``icskg serve``; both run the same :func:`build_server`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.server.lowlevel import Server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import BaseModel, TypeAdapter
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

import kg
from kg.describe import EntityDescription
from kg.documents import SourceDocument, source_documents
from kg.errors import IcskgError, NotFoundError
from kg.paths import ontology_dir
from kg.payload import jsonable
from kg.qa import Answer
from kg.runtime import Runtime
from kg.settings import Settings
from kg.tools import BUILTIN, FactSearch, QuestionInfo, SparqlOutput, list_questions
from kg.tools.args import NoArgs, RunQuestionArgs
from kg.tools.dispatch import call, validated

ServerType = Server[Any]

ONTOLOGY_URI = "icskg://ontology"
CATALOGUE_URI = "icskg://catalogue"
DOCUMENT_URI = "icskg://documents/"

_OUTPUTS: dict[str, Any] = {
    "ask": Answer, "search_facts": FactSearch, "describe": EntityDescription,
    "sparql": SparqlOutput, "run_question": Answer,
}
_ARGS: dict[str, type[BaseModel]] = {**BUILTIN, "list_questions": NoArgs,
                                     "run_question": RunQuestionArgs}


@dataclass(frozen=True, slots=True)
class QuestionList:
    """The catalogue questions ``run_question`` runs."""

    questions: tuple[QuestionInfo, ...] = field(default_factory=tuple)


def _schema(model: Any) -> dict[str, Any]:
    schema: dict[str, Any] = TypeAdapter(model).json_schema(mode="serialization")
    if "$ref" in schema and "type" not in schema:
        # A recursive model (an answer's parts are answers) comes back as a bare $ref; MCP
        # wants an object schema at the top, so the referenced definition is put there.
        name = schema.pop("$ref").rsplit("/", 1)[-1]
        schema = {**schema["$defs"][name], "$defs": schema["$defs"]}
    return schema


def _tools() -> list[types.Tool]:
    tools = []
    for name, args in _ARGS.items():
        schema = args.model_json_schema()
        description = schema.pop("description", "")
        schema.pop("title", None)
        output = _schema(_OUTPUTS.get(name, QuestionList))
        tools.append(types.Tool(name=name, description=description, input_schema=schema,
                                output_schema=output,
                                annotations=types.ToolAnnotations(read_only_hint=True)))
    return tools


def _run(runtime: Runtime, name: str, arguments: Mapping[str, object]) -> object:
    if name == "list_questions":
        validated(NoArgs, arguments)
        return QuestionList(list_questions(runtime.catalogue()))
    if name == "run_question":
        run = validated(RunQuestionArgs, arguments)
        return runtime.run_question(run.id, {k: str(v) for k, v in run.params.items()})
    if name not in BUILTIN:
        raise NotFoundError(f"no tool named {name!r}; list_tools gives them")
    return call(runtime, name, arguments)


def _result(data: Any) -> types.CallToolResult:
    text = json.dumps(data, ensure_ascii=False)
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)],
                                structured_content=data)


def _error(exc: IcskgError) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=exc.message)],
                                is_error=True)


def _documents(runtime: Runtime) -> tuple[SourceDocument, ...]:
    return source_documents(runtime.current.store, timeout=runtime.settings.query_timeout)


def _resources(runtime: Runtime) -> list[types.Resource]:
    found = [
        types.Resource(uri=ONTOLOGY_URI, name="ontology", mime_type="text/turtle",
                       description="The icskg OWL 2 ontology (TBox), as Turtle."),
        types.Resource(uri=CATALOGUE_URI, name="catalogue", mime_type="application/json",
                       description="The competency questions run_question runs."),
    ]
    for doc in _documents(runtime):
        local = doc.iri.rsplit("/", 1)[-1]
        found.append(types.Resource(uri=DOCUMENT_URI + local, name=local,
                                    title=doc.title, mime_type="application/json",
                                    description=f"Metadata of the source document {doc.iri}."))
    return found


def _read(runtime: Runtime, uri: str) -> tuple[str, str]:
    if uri == ONTOLOGY_URI:
        return "text/turtle", (ontology_dir() / "icskg.ttl").read_text(encoding="utf-8")
    if uri == CATALOGUE_URI:
        return "application/json", json.dumps(jsonable(list_questions(runtime.catalogue())))
    if uri.startswith(DOCUMENT_URI):
        local = uri[len(DOCUMENT_URI):]
        for doc in _documents(runtime):
            if doc.iri.rsplit("/", 1)[-1] == local:
                return "application/json", json.dumps(jsonable(doc), ensure_ascii=False)
    raise NotFoundError(f"no resource {uri!r}; list_resources gives them")


def build_server(runtime: Runtime) -> ServerType:
    """The MCP server over ``runtime`` (which the caller starts and closes)."""

    async def list_tools(ctx: Any, params: types.PaginatedRequestParams | None
                         ) -> types.ListToolsResult:
        del ctx, params
        return types.ListToolsResult(tools=_tools())

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        del ctx
        try:
            output = await asyncio.to_thread(_run, runtime, params.name, params.arguments or {})
        except IcskgError as exc:
            return _error(exc)
        return _result(jsonable(output))

    async def list_resources(ctx: Any, params: types.PaginatedRequestParams | None
                             ) -> types.ListResourcesResult:
        del ctx, params
        return types.ListResourcesResult(resources=await asyncio.to_thread(_resources, runtime))

    async def read_resource(ctx: Any, params: types.ReadResourceRequestParams
                            ) -> types.ReadResourceResult:
        del ctx
        uri = str(params.uri)
        mime, text = await asyncio.to_thread(_read, runtime, uri)
        return types.ReadResourceResult(contents=[
            types.TextResourceContents(uri=uri, mime_type=mime, text=text)])

    return Server(
        "icskg", version=kg.__version__, title="icskg",
        instructions="Cited facts about NHS England's integrated care systems. Prefer ask; "
        "use search_facts to ground an answer in statements; cite each source's title and "
        "locator.",
        on_list_tools=list_tools, on_call_tool=call_tool,
        on_list_resources=list_resources, on_read_resource=read_resource)


class HttpEndpoint:
    """Streamable HTTP at ``/mcp`` (stateless, JSON responses), run inside the app's lifespan."""

    def __init__(self, server: ServerType, settings: Settings) -> None:
        self._server = server
        self._settings = settings
        self._manager: StreamableHTTPSessionManager | None = None
        # An object, not a function: Starlette then calls it as a plain ASGI app.
        self.route = Route("/mcp", endpoint=_Asgi(self), methods=["GET", "POST", "DELETE"],
                           include_in_schema=False)

    def _security(self) -> TransportSecuritySettings:
        # On loopback, refuse other Host/Origin headers (DNS rebinding); elsewhere the
        # operator's proxy decides who may connect.
        loopback = self._settings.host in ("127.0.0.1", "localhost", "::1")
        return TransportSecuritySettings(
            enable_dns_rebinding_protection=loopback,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"])

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        # A session manager runs once: a new one for each start of the app.
        self._manager = StreamableHTTPSessionManager(
            app=self._server, stateless=True, json_response=True,
            security_settings=self._security(),
            max_request_body_size=self._settings.max_request_bytes)
        async with self._manager.run():
            yield
        self._manager = None

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        manager = self._manager
        if manager is None:
            raise NotFoundError("the MCP endpoint is not running")
        await manager.handle_request(scope, receive, send)


class _Asgi:
    def __init__(self, endpoint: HttpEndpoint) -> None:
        self._endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._endpoint.handle(scope, receive, send)


def http_endpoint(server: ServerType, settings: Settings) -> HttpEndpoint:
    return HttpEndpoint(server, settings)
