"""``GET /health``: is the store reachable and how big is the graph."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

import kg
from api.deps import get_service
from kg.service import Service

router = APIRouter(tags=["service"])


class Health(BaseModel):
    status: str = Field(description="'ok' when the store answers.")
    store: str = Field(description="Which store serves the graph: 'embedded' or 'remote'.")
    triples: int = Field(description="Number of triples (quads) in the store.")
    version: str = Field(description="icskg version.")


@router.get("/health", response_model=Health, summary="Service health",
             operation_id="getHealth")
async def health(service: Annotated[Service, Depends(get_service)]) -> Health:
    await asyncio.to_thread(service.store.ping)
    count = await asyncio.to_thread(service.store.triple_count)
    return Health(status="ok", store=service.store.name, triples=count, version=kg.__version__)
