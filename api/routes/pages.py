"""``GET /``: the query page (YASGUI, installed from npm into api/web), and its assets."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from kg.errors import NotFoundError
from kg.settings import Settings
from kg.sparql.page import page_config

router = APIRouter(tags=["pages"])

WEB = Path(__file__).resolve().parent.parent / "web"
_YASGUI = WEB / "node_modules" / "@zazuko" / "yasgui" / "build"
ASSETS: dict[str, tuple[Path, str]] = {
    "yasgui.min.js": (_YASGUI / "yasgui.min.js", "text/javascript"),
    "yasgui.min.css": (_YASGUI / "yasgui.min.css", "text/css"),
    "query-page.js": (WEB / "query-page.js", "text/javascript"),
    "query-page.css": (WEB / "query-page.css", "text/css"),
}

# Only our own origin, no inline script, and never inside someone else's frame.
# YASGUI sets inline styles as it lays out (blocked otherwise, tested in Chromium),
# so styles alone may be inline; styles cannot run code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def _render(endpoint: str, settings: Settings) -> str:
    template = (WEB / "index.html").read_text(encoding="utf-8")
    config = page_config(endpoint, linked_base=settings.linked_base,
                         linked_path="/" + settings.linked_path_prefix.strip("/"))
    return template.replace("{{CONFIG}}", config.to_json())


async def query_page(request: Request) -> HTMLResponse:
    """The YASGUI page, preloaded with the endpoint, our prefixes and the catalogue."""
    settings: Settings = request.app.state.settings
    html = await asyncio.to_thread(_render, "/sparql", settings)
    return HTMLResponse(html, headers=SECURITY_HEADERS)


@router.get("/", response_class=HTMLResponse, summary="SPARQL query page",
            operation_id="queryPage")
async def index(request: Request) -> HTMLResponse:
    return await query_page(request)


@router.get("/assets/{name}", include_in_schema=False)
async def asset(name: str) -> Response:
    entry = ASSETS.get(name)
    if entry is None or not entry[0].is_file():
        raise NotFoundError(
            f"no asset {name!r}" if entry is None
            else f"{name} is not installed: run `npm ci` in api/web"
        )
    path, media_type = entry
    return FileResponse(path, media_type=media_type,
                        headers={"X-Content-Type-Options": "nosniff",
                                 "Cache-Control": "public, max-age=3600"})
