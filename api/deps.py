"""FastAPI dependencies: how a route reaches the runtime, the live service and settings.

They are ``async`` although they do not await: FastAPI runs plain functions in its
thread pool, and a thread hop per request for an attribute read is pure overhead.
"""

from __future__ import annotations

from fastapi import Request

from kg.runtime import Runtime
from kg.service import Service, ServiceHolder
from kg.settings import Settings


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_holder(request: Request) -> ServiceHolder:
    runtime: Runtime = request.app.state.runtime
    return runtime.holder


async def get_service(request: Request) -> Service:
    runtime: Runtime = request.app.state.runtime
    return runtime.current


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
