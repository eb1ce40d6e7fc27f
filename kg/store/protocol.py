"""One SPARQL 1.1 Protocol query to a remote store, through SPARQLWrapper.

Every call builds a fresh request (SPARQLWrapper objects are mutable and not
thread-safe, and a fresh connection means a store that comes back is used at
once, with no broken state cached). Transport failures become the typed errors
of :mod:`kg.errors`; the body is read whole, with a size cap, and left to the
caller to parse. See https://www.w3.org/TR/sparql11-protocol/#query-operation.
"""

from __future__ import annotations

import ast
import http.client
import math
import time
import urllib.error
import urllib.parse
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field

from SPARQLWrapper import BASIC, DIGEST, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from kg.errors import QueryTimeoutError, ResultLimitError, StoreUnavailableError
from kg.settings import Settings
from kg.store import remote_requests

# Result sets as JSON, graphs as N-Triples: every store speaks them, and both
# parse strictly, so a body cut short is caught.
ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
)
DEFAULT_MAX_BODY_BYTES = 256 * 2**20
# The one default time limit lives in the settings; read it from there.
DEFAULT_TIMEOUT: float = Settings.model_fields["query_timeout"].default
_CHUNK = 2**16


def redact(url: str) -> str:
    """The URL without any user:password part, for messages and logs."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where and how to query a remote store. The password never appears in a repr."""

    query_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    union_param: str | None = "union-default-graph"
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    auth: str = "basic"  # or "digest" (SPARQLWrapper's names, lower-cased)

    @property
    def shown(self) -> str:
        return redact(self.query_url)


@dataclass(frozen=True, slots=True)
class Reply:
    """A complete response body and its media type (parameters stripped)."""

    body: bytes
    media_type: str


def _wrapper(endpoint: Endpoint, query: str, default_graphs: Sequence[str],
             named_graphs: Sequence[str], timeout: float, *, union: bool,
             accept: str = ACCEPT) -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint.query_url)
    sw.setQuery(query)
    sw.setMethod(POST)
    sw.setRequestMethod(URLENCODED)
    sw.setOnlyConneg(True)
    sw.addCustomHttpHeader("Accept", accept)
    sw.setTimeout(max(1, math.ceil(timeout)))  # SPARQLWrapper takes whole seconds
    for uri in default_graphs:
        sw.addDefaultGraph(uri)
    for uri in named_graphs:
        sw.addNamedGraph(uri)
    # A named dataset (in the request or the query's FROM) replaces the union default
    # graph (Oxigraph refuses both).
    if endpoint.union_param and union and not default_graphs and not named_graphs:
        sw.addParameter(endpoint.union_param, "true")
    if endpoint.user is not None and endpoint.password is not None:
        sw.setHTTPAuth(DIGEST if endpoint.auth == "digest" else BASIC)
        sw.setCredentials(endpoint.user, endpoint.password)
    return sw


def _store_said(exc: SPARQLWrapperException) -> str:
    """The store's own error text, which SPARQLWrapper keeps only inside its message."""
    _, _, raw = str(exc).partition("Response:\n")
    try:
        said = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return ""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    return " ".join(text.split())[:500]


def _late(seconds: float) -> QueryTimeoutError:
    return QueryTimeoutError(f"the remote store did not answer within {seconds:g} s")


def _read(response: http.client.HTTPResponse, limit: int, deadline: float,
          seconds: float) -> bytes:
    """The whole body, within ``limit`` bytes and by ``deadline`` (``time.monotonic``).

    The socket timeout bounds one read only, and a store that streams rows as it finds them
    keeps every read short, so the time limit is checked between reads too. ``read1`` returns
    what has arrived: ``read(n)`` on a chunked body waits for all ``n`` bytes.
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ResultLimitError(f"the remote store's answer is over {limit} bytes")
        if time.monotonic() > deadline:
            raise _late(seconds)
        chunks.append(chunk)
    return b"".join(chunks)


def send(endpoint: Endpoint, query: str, *, default_graphs: Sequence[str] = (),
         named_graphs: Sequence[str] = (), timeout: float | None = None,
         prologue: str = "", union: bool = True) -> Reply:
    """POST one query (after ``prologue``, store-specific text); return the whole body."""
    seconds = timeout if timeout is not None else endpoint.timeout
    deadline = time.monotonic() + seconds
    where = endpoint.shown
    sw = _wrapper(endpoint, prologue + query, default_graphs, named_graphs, seconds,
                  union=union, accept=remote_requests.accept_for(query))
    try:
        with closing(sw.query().response) as response:
            media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            remote_requests.check_complete(response.headers.get, where)
            remote_requests.check_said_cap(remote_requests.row_cap_of(response.headers.get),
                                           where)
            raw = _read(response, endpoint.max_body_bytes, deadline, seconds)
            body = remote_requests.store_body(raw, media_type)
            return Reply(body, media_type)
    except QueryBadFormed as exc:
        raise remote_requests.rejected(query, _store_said(exc), where, 400) from exc
    except Unauthorized as exc:
        raise StoreUnavailableError(
            f"the remote store at {where} refused the credentials (HTTP 401)") from exc
    except EndPointNotFound as exc:
        raise StoreUnavailableError(f"no SPARQL endpoint at {where} (HTTP 404)") from exc
    except EndPointInternalError as exc:
        raise remote_requests.rejected(query, _store_said(exc), where, 500) from exc
    except SPARQLWrapperException as exc:
        raise StoreUnavailableError(f"the remote store at {where} failed: {exc}") from exc
    except urllib.error.HTTPError as exc:
        raise StoreUnavailableError(
            f"the remote store at {where} answered HTTP {exc.code} {exc.reason}") from exc
    except TimeoutError as exc:
        raise _late(seconds) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _late(seconds) from exc
        raise StoreUnavailableError(
            f"cannot reach the remote store at {where}: {exc.reason}") from exc
    except (http.client.HTTPException, OSError) as exc:
        raise StoreUnavailableError(
            f"the remote store at {where} broke off its answer: {exc!r}") from exc
