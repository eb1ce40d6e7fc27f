"""``create_app(settings)``: the only way to build the HTTP application.

The app opens a :class:`kg.runtime.Runtime` (the same one ``icskg ask`` and
``icskg mcp`` open) in its lifespan, serves MCP over streamable HTTP at
``/mcp`` from it, and closes it, workers and all, on shutdown.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import kg
from api import errors, mcp, openapi
from api.middleware import HeadAsGet, RequestLimits, SecurityHeaders
from api.routes import admin, ask, health, linked, pages, questions, search, sparql, tools
from kg.catalogue import load_catalogue
from kg.runtime import Runtime
from kg.settings import Settings
from kg.tools import BUILTIN

# One entry per router: other route modules are added to this list, nothing else.
ROUTERS = [
    health.router,
    ask.router,
    questions.router,
    search.router,
    tools.router,
    sparql.router,
    pages.router,
    admin.router,
]


def create_app(settings: Settings) -> FastAPI:
    """Build the app; its lifespan opens the runtime off the event loop."""
    runtime = Runtime(settings)
    mcp_server = mcp.build_server(runtime)
    mcp_http = mcp.http_endpoint(mcp_server, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(runtime.start)
        app.state.holder = runtime.holder
        try:
            async with mcp_http.running():
                yield
        finally:
            await asyncio.to_thread(runtime.close)

    app = FastAPI(
        title="icskg",
        version=kg.__version__,
        summary="Cited answers about NHS England's integrated care systems.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.runtime = runtime
    app.state.reloader = runtime.reloader
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["Mcp-Session-Id"],
    )
    app.add_middleware(RequestLimits, max_bytes=settings.max_request_bytes)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so every response has them
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router, responses=errors.COMMON_RESPONSES)
    app.router.routes.append(mcp_http.route)
    catalogue = load_catalogue()
    openapi.install(app, settings, lambda: catalogue.ids,
                    lambda: [*BUILTIN, *catalogue.ids])
    linked.install(app, settings)  # /id, /graph, /ontology, /void, /lookup
    return app
