"""HTTP authentication for the Graph Store Protocol: answer whichever challenge the store sends.

Stores differ: Oxigraph and Fuseki take Basic, Virtuoso's ``/sparql-graph-crud-auth``
takes only Digest (it answers Basic with a bare 401). Rather than a setting that a
user must get right, the first request goes out without credentials and the
store's ``WWW-Authenticate`` challenge decides: Digest is answered by httpx's
own :class:`httpx.DigestAuth`, Basic with a Basic header. A store that never
challenges (an open store) never sees the password.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx


class ChallengeAuth(httpx.Auth):
    """Basic or Digest, whichever the store's 401 challenge asks for."""

    requires_request_body = True  # a PUT is sent again after the challenge

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._scheme: str | None = None  # remembered after the first challenge

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("WWW-Authenticate", "").strip().lower()
        if challenge.startswith("digest"):
            self._scheme = "digest"
            # DigestAuth reads the challenge from this response; replay its flow from there.
            flow = self._digest.auth_flow(request)
            next(flow)
            try:
                answered = flow.send(response)
                while True:
                    reply = yield answered
                    answered = flow.send(reply)
            except StopIteration:
                return
        self._scheme = "basic"
        yield from self._basic.auth_flow(request)


def auth_for(user: str | None, password: str | None) -> httpx.Auth | None:
    """The authentication for these credentials, or None for an open store."""
    if user is None:
        return None
    return ChallengeAuth(user, password or "")
