"""ASGI middleware for every route: request size limits, HEAD, browser security headers.

Both are plain ASGI (no BaseHTTPMiddleware), so responses stream through
untouched apart from the added headers.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body, status_for
from kg.errors import PayloadTooLargeError

# Sent with every response: no MIME sniffing, no framing, no referrer leaks.
BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# For HTML that sets no policy of its own (FastAPI's /docs and /redoc, which load
# their scripts and an inline bootstrap from the jsDelivr CDN): allow just that.
FALLBACK_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """Adds :data:`BASE_HEADERS` to every response, and a CSP to HTML that lacks one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in BASE_HEADERS.items():
                    headers.setdefault(name, value)
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", FALLBACK_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD on every GET route: the route runs as GET and the body is dropped.

    FastAPI routes declare GET only, and health checks and link checkers send HEAD;
    the headers (Content-Length included) are the GET response's (RFC 9110, 9.3.2).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class RequestLimits:
    """Refuses a query string or body over ``max_bytes`` with 413 before any route runs.

    A declared Content-Length is checked up front; a chunked body is read here,
    counting, and replayed to the route only if it fits.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if len(query) > self.max_bytes:
            await self._refuse(scope, receive, send, "query string", len(query))
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            size = int(declared) if declared.isdigit() else 0
            if size > self.max_bytes:
                await self._refuse(scope, receive, send, "request body", size)
                return
            await self.app(scope, receive, send)
            return
        if Headers(scope=scope).get("transfer-encoding") is None:
            await self.app(scope, receive, send)
            return
        await self._buffered(scope, receive, send)

    async def _buffered(self, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client went away: let the app see the disconnect
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await self._refuse(scope, receive, send, "request body", size, at_least=True)
                return
            if not message.get("more_body", False):
                break
        replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks),
                                  "more_body": False}]

        async def receive_replayed() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, receive_replayed, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, what: str, size: int,
                      *, at_least: bool = False) -> None:
        more = "at least " if at_least else ""
        error = PayloadTooLargeError(
            f"the {what} is {more}{size} bytes; the limit is {self.max_bytes} bytes"
        )
        response = JSONResponse(error_body(error), status_code=status_for(error),
                                headers={"Connection": "close"})
        await response(scope, receive, send)
