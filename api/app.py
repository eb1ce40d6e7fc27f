"""``create_app(settings)``: the only way to build the HTTP application."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import kg
from api import errors
from api.middleware import HeadAsGet, RequestLimits, SecurityHeaders
from api.routes import admin, ask, health, pages, questions, sparql
from kg.reload import Reloader
from kg.service import Service, ServiceHolder
from kg.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    """Build the app; its lifespan opens the store off the event loop."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = await asyncio.to_thread(Service.open, settings)
        app.state.holder = ServiceHolder(service)
        app.state.reloader.attach(app.state.holder)
        try:
            yield
        finally:
            await asyncio.to_thread(app.state.reloader.close)
            await asyncio.to_thread(app.state.holder.current.close)

    app = FastAPI(
        title="icskg",
        version=kg.__version__,
        summary="Cited answers about NHS England's integrated care systems.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.reloader = Reloader(settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
    )
    app.add_middleware(RequestLimits, max_bytes=settings.max_request_bytes)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so every response has them
    errors.install(app)
    for module in (health, ask, questions, sparql, pages, admin):
        app.include_router(module.router, responses=errors.COMMON_RESPONSES)
    return app
