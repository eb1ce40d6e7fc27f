"""``GET``/``POST /sparql``: the SPARQL 1.1 Protocol, translated to :mod:`kg.sparql`.

Browsers asking for HTML without a query get the query page instead.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from api.deps import get_service, get_settings
from api.errors import error_body, error_responses, status_for
from api.routes.pages import query_page
from kg.errors import MethodNotAllowedError
from kg.service import Service
from kg.settings import Settings
from kg.sparql.endpoint import HttpRequest
from kg.sparql.negotiation import wants_html
from kg.sparql.protocol import ALLOWED_METHODS, check_size

router = APIRouter(tags=["sparql"])

_ALLOW = ", ".join((*ALLOWED_METHODS, "OPTIONS"))
_DESCRIPTION = (
    "SPARQL 1.1 Protocol query operation: `query` by GET, by POST form "
    "(application/x-www-form-urlencoded) or by POST direct (application/sparql-query); "
    "`default-graph-uri` and `named-graph-uri` name the dataset. Results are negotiated "
    "with Accept (or `format=`). Without a query, GET returns the service description "
    "(or the query page, for browsers)."
)


_GRAPH_LIST = {"type": "array", "items": {"type": "string"}}
_QUERY_PARAMS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE). Without it, "
     "GET returns the service description.",
     "examples": {"count": {"value": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}}},
    {"name": "default-graph-uri", "in": "query", "required": False, "schema": _GRAPH_LIST,
     "style": "form", "explode": True, "description": "Named graphs merged as the default graph."},
    {"name": "named-graph-uri", "in": "query", "required": False, "schema": _GRAPH_LIST,
     "style": "form", "explode": True, "description": "Named graphs the query may name."},
    {"name": "format", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "Result format by name (json, xml, csv, tsv, turtle, ...), instead of "
     "Accept."},
]
_RESULTS = {"type": "object", "description": "SPARQL 1.1 Query Results JSON: head and results "
            "(SELECT) or boolean (ASK)."}
_TEXT = {"type": "string"}
_OK = {"200": {"description": "The result, in the negotiated format.", "content": {
    "application/sparql-results+json": {"schema": _RESULTS},
    "application/sparql-results+xml": {"schema": _TEXT},
    "text/csv": {"schema": _TEXT}, "text/tab-separated-values": {"schema": _TEXT},
    "text/turtle": {"schema": _TEXT}, "application/n-triples": {"schema": _TEXT},
    "application/rdf+xml": {"schema": _TEXT}, "application/ld+json": {"schema": {}},
    "text/html": {"schema": _TEXT},
}}}
_FORM = {"type": "object", "required": ["query"], "properties": {
    "query": {"type": "string"}, "default-graph-uri": _GRAPH_LIST, "named-graph-uri": _GRAPH_LIST,
}}
_POST_BODY = {"required": True, "content": {
    "application/sparql-query": {"schema": {"type": "string"}},
    "application/x-www-form-urlencoded": {"schema": _FORM},
}}


async def _body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length", "")
    if length.isdigit():
        check_size(int(length), limit, "request body")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        check_size(size, limit, "request body")
        chunks.append(chunk)
    return b"".join(chunks)


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", description=_DESCRIPTION,
            response_class=Response, responses=error_responses(400, 406),
            operation_id="sparqlQuery",
            openapi_extra={"parameters": _QUERY_PARAMS, "responses": _OK})
@router.post("/sparql", summary="SPARQL 1.1 query (POST)", description=_DESCRIPTION,
             response_class=Response, responses=error_responses(400, 406, 415),
             operation_id="sparqlQueryPost",
             openapi_extra={"parameters": _QUERY_PARAMS[1:], "requestBody": _POST_BODY,
                            "responses": _OK})
async def sparql(request: Request, service: Annotated[Service, Depends(get_service)],
                 settings: Annotated[Settings, Depends(get_settings)]) -> Response:
    url_query: bytes = request.scope.get("query_string", b"")
    accept = request.headers.get("accept")
    if request.method == "GET" and "query" not in request.query_params and wants_html(accept):
        return await query_page(request)
    body = await _body(request, settings.max_request_bytes) if request.method == "POST" else b""
    endpoint = await asyncio.to_thread(service.sparql)
    result = await endpoint.handle_async(HttpRequest(
        method=request.method,
        url_query=url_query,
        content_type=request.headers.get("content-type"),
        body=body,
        accept=accept,
        endpoint_url=str(request.url.replace(query="", fragment="")),
    ))
    # The service description (and every answer) points at the dataset's voID description.
    void = "/" + settings.linked_path_prefix.strip("/") + "/void"
    link = f'<{void.replace("//", "/")}>; rel="describedby"; type="text/turtle"'
    return Response(result.body, media_type=result.media_type,
                    headers={"Vary": "Accept", "Link": link})


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def wrong_method(request: Request) -> JSONResponse:
    error = MethodNotAllowedError(
        f"{request.method} is not a SPARQL query method: send the query with GET or POST"
    )
    return JSONResponse(error_body(error), status_code=status_for(error),
                        headers={"Allow": _ALLOW})
