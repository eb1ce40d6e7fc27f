"""``GET /health``: is the store reachable and how big is the graph."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

import kg
from api.deps import get_service
from kg.service import Service

router = APIRouter(tags=["service"])


class Health(BaseModel):
    status: str = Field(description="'ok' when the store answers; 'degraded' when the last "
                        "reload was refused and the previous graph is still served.")
    store: str = Field(description="Which store serves the graph: 'embedded' or 'remote'.")
    triples: int = Field(description="Number of triples (quads) in the store.")
    version: str = Field(description="icskg version.")
    detail: str | None = Field(None, description="Why the service is degraded, if it is.")


@router.get("/health", response_model=Health, response_model_exclude_none=True,
            summary="Service health", operation_id="getHealth")
async def health(request: Request, service: Annotated[Service, Depends(get_service)]) -> Health:
    await asyncio.to_thread(service.store.ping)
    count = await asyncio.to_thread(service.store.triple_count)
    failure = request.app.state.reloader.last_failure
    return Health(status="degraded" if failure else "ok", store=service.store.name,
                  triples=count, version=kg.__version__, detail=failure)
