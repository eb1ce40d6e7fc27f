"""``POST /admin/reload``: swap in the current build without a restart (off by default).

The route exists only when ``ICSKG_ADMIN_TOKEN`` is set, and answers only a
request carrying ``Authorization: Bearer <token>``. The work is
:class:`kg.reload.Reloader`'s; this module only translates HTTP.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, Field

from api.deps import get_settings
from kg.reload import Reloader, check_admin_token
from kg.settings import Settings

router = APIRouter(tags=["admin"])


class Reloaded(BaseModel):
    status: str = Field(description="'reloaded'.")
    source: str = Field(description="Where the new graph was read from (the build folder).")
    triples_before: int = Field(description="Triples served before the reload (-1: unknown).")
    triples_after: int = Field(description="Triples served now.")
    seconds: float = Field(description="How long opening the new graph took.")


def _bearer(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


# Not in the public OpenAPI document: it is an operator's switch, off unless configured.
@router.post("/admin/reload", response_model=Reloaded, include_in_schema=False)
async def reload(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                 authorization: Annotated[str | None, Header()] = None) -> Reloaded:
    check_admin_token(settings.admin_token, _bearer(authorization))
    reloader: Reloader = request.app.state.reloader
    report = await asyncio.to_thread(reloader.reload)
    return Reloaded(status="reloaded", source=report.source,
                    triples_before=report.triples_before,
                    triples_after=report.triples_after, seconds=report.seconds)
