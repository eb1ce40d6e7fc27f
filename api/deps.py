"""FastAPI dependencies: how a route reaches the live service and settings."""

from __future__ import annotations

from fastapi import Request

from kg.service import Service, ServiceHolder
from kg.settings import Settings


def get_holder(request: Request) -> ServiceHolder:
    holder: ServiceHolder = request.app.state.holder
    return holder


def get_service(request: Request) -> Service:
    return get_holder(request).current


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
