"""How `icskg serve` runs uvicorn: a header-read timeout, a connection limit, quiet logs.

uvicorn starts no timer on a new connection, so a client that connects and
never sends a request (or trickles its headers) holds a socket forever, and
enough of them exhaust the file descriptors. Here a connection whose request
head is not complete within ``header_timeout`` seconds is closed, the number
of connections is bounded (uvicorn answers 503 beyond it), and repeated log
lines are rate-limited (:mod:`kg.lograte`), so an fd storm cannot flood the log.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol


class HeaderTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request head is late."""

    header_timeout = 10.0  # replaced by ICSKG_HEADER_TIMEOUT in protocol_class()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = self.loop.call_later(
            self.header_timeout, self._head_timed_out)

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not None and self._head_timer is not None:
            self._head_timer.cancel()  # a whole request head arrived
            self._head_timer = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None
        super().connection_lost(exc)

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()


def protocol_class(header_timeout: float) -> type[H11Protocol]:
    """The protocol for ``uvicorn.run(http=...)`` with this header timeout."""
    attrs: dict[str, Any] = {"header_timeout": header_timeout}
    return type("IcskgH11Protocol", (HeaderTimeoutH11,), attrs)
