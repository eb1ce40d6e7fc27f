"""Linked data: ``/id/…``, ``/graph/…``, ``/ontology``, ``/imports/…``, ``/void``, ``/lookup``.

A GET negotiates HTML, Turtle, JSON-LD, N-Triples, RDF/XML or the page's plain JSON twin
(Accept, or a ``.ttl``/``.jsonld``/``.json``/``.nt``/``.rdf`` suffix); all the work is in
:mod:`kg.linked`. The paths sit under ``linked_path_prefix``, where ``linked_base`` maps.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import Response

from api.deps import get_service
from api.errors import COMMON_RESPONSES, ErrorBody, error_responses
from kg.linked.negotiate import Representation, choose
from kg.linked.site import LinkedSite, Reply
from kg.service import Service
from kg.settings import Settings

# Pages run no script and load nothing from elsewhere; styles are inline.
PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_DESCRIPTION = ("Dereference an IRI under the public base. Accept (or a suffix .ttl, .jsonld, "
                ".json, .nt, .rdf) picks HTML, Turtle, JSON-LD, the plain JSON twin of the "
                "page, N-Triples or RDF/XML. Unknown IRIs: 404 with suggestions.")


_ANY: dict[str, Any] = {"schema": {"type": "string"}}
# The JSON twin is an object; JSON-LD an object or an array of node objects: parsed JSON,
# not a string, so a client validating the reply reads them as such.
_JSON_BODY: dict[str, dict[str, Any]] = {
    Representation.JSON.media_type: {"schema": {"type": "object"}},
    Representation.JSONLD.media_type: {"schema": {"type": ["object", "array"]}}}
_PAGE: dict[str, Any] = {
    "description": "The page or RDF document the Accept header (or suffix) asks for.",
    "content": {fmt.media_type: _JSON_BODY.get(fmt.media_type, _ANY) for fmt in Representation}}
_NOT_FOUND: dict[str, Any] = {
    "description": "Nothing is known about this IRI; the body suggests entities with a similar "
                   "name (a page for browsers, JSON otherwise).",
    "content": {"application/json": {"schema": ErrorBody.model_json_schema()},
                "text/html": _ANY}}
_BAD_PATH: dict[str, Any] = {
    "description": "The path does not name an IRI (a space, control character or one of "
                   "<>\"{}|^`\\).", "model": ErrorBody}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: _PAGE, 400: _BAD_PATH, 404: _NOT_FOUND, **error_responses(406)}


def _site(request: Request) -> LinkedSite:
    site: LinkedSite = request.app.state.linked
    return site


def _response(reply: Reply) -> Response:
    headers = {"Vary": "Accept", "Cache-Control": "public, max-age=300"}
    if reply.media_type.startswith("text/html"):
        headers["Content-Security-Policy"] = PAGE_CSP
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type,
                    headers=headers)


async def dereference(request: Request,
                      service: Annotated[Service, Depends(get_service)]) -> Response:
    site = _site(request)
    sparql = str(request.base_url).rstrip("/") + "/sparql"
    reply = await asyncio.to_thread(site.dereference, service.store, request.url.path,
                                    request.headers.get("accept"), sparql)
    return _response(reply)


async def lookup(request: Request, service: Annotated[Service, Depends(get_service)],
                 q: Annotated[str, Query(min_length=1, max_length=200,
                                         description="Words of an entity's name.")],
                 limit: Annotated[int, Query(ge=1, le=50)] = 10) -> Response:
    """Entities whose label or alternative label matches ``q`` (HTML or JSON)."""
    fmt = choose(request.headers.get("accept"), (Representation.HTML, Representation.JSON))
    reply = await asyncio.to_thread(_site(request).lookup_reply, service.store, q, fmt, limit)
    return _response(reply)


def router_for(settings: Settings) -> APIRouter:
    router = APIRouter(tags=["linked data"])
    root = "/" + settings.linked_path_prefix.strip("/")
    root = root.rstrip("/")
    for path in ("/id/{rest:path}", "/graph/{rest:path}", "/imports/{rest:path}",
                 "/ontology{rest:path}", "/void{rest:path}"):
        router.add_api_route(root + path, dereference, methods=["GET"],
                             summary=f"Linked data: {path.split('{')[0]}…",
                             description=_DESCRIPTION, response_class=Response,
                             responses=RESPONSES)
    router.add_api_route(root + "/lookup", lookup, methods=["GET"], response_class=Response,
                         summary="Find an entity by name", responses={
                             200: {"description": "Matching entities, best first.",
                                   "content": {"text/html": _ANY, "application/json": _ANY}},
                             **error_responses(406)})
    return router


def install(app: FastAPI, settings: Settings) -> None:
    """Give ``app`` the linked-data site and its routes (one call from ``create_app``)."""
    app.state.linked = LinkedSite(settings)
    app.include_router(router_for(settings), responses=COMMON_RESPONSES)
