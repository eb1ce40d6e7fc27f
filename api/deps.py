"""FastAPI dependencies: how a route reaches the live service and settings.

They are ``async`` although they do not await: FastAPI runs plain functions in its
thread pool, and a thread hop per request for an attribute read is pure overhead.
"""

from __future__ import annotations

from fastapi import Request

from kg.service import Service, ServiceHolder
from kg.settings import Settings


async def get_holder(request: Request) -> ServiceHolder:
    holder: ServiceHolder = request.app.state.holder
    return holder


async def get_service(request: Request) -> Service:
    holder: ServiceHolder = request.app.state.holder
    return holder.current


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
