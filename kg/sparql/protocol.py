"""The query operation of the SPARQL 1.1 Protocol, independent of any web framework.

https://www.w3.org/TR/sparql11-protocol/#query-operation: a query arrives by
GET (``?query=``), by POST with a URL-encoded form, or by POST directly with
``application/sparql-query``; ``default-graph-uri`` and ``named-graph-uri``
name the dataset. Every malformed request gets a precise, typed error.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from kg.errors import (
    BadRequestError,
    ForbiddenOperationError,
    MethodNotAllowedError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
)

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
ALLOWED_METHODS = ("GET", "POST")


@dataclass(frozen=True, slots=True)
class Operation:
    """One protocol query request, decoded and validated."""

    query: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    format_name: str | None = None


def check_size(size: int, limit: int, what: str = "request") -> None:
    """Refuse a request (or query string) over the configured size."""
    if size > limit:
        raise PayloadTooLargeError(f"the {what} is {size} bytes; the limit is {limit} bytes")


def parse(method: str, url_query: bytes, content_type: str | None,
          body: bytes) -> Operation | None:
    """Decode one request; ``None`` means a GET with no query (the service description)."""
    if method not in ALLOWED_METHODS:
        raise MethodNotAllowedError(
            f"{method} is not a SPARQL query method: send the query with GET or POST"
        )
    params = _decode_pairs(url_query, "URL query string")
    queries = params.get("query", [])
    if method == "POST":
        media, charset = _media_type(content_type)
        if media == FORM:
            body_params = _decode_pairs(body, "form body")
            for name, values in body_params.items():
                params.setdefault(name, []).extend(values)
            queries = params.get("query", [])
        elif media == QUERY:
            _refuse_charset(charset)
            queries = [*queries, _utf8(body, "request body")]
        elif media == UPDATE:
            _refuse_update()
        else:
            raise UnsupportedMediaTypeError(
                f"Content-Type {media!r} is not accepted: POST a query as {QUERY} "
                f"(the query as the body) or as {FORM} (query=...)"
            )
    if "update" in params:
        _refuse_update()
    if not queries:
        if method == "GET":
            return None
        raise BadRequestError("no query given: send query=... or a body of type " + QUERY)
    if len(queries) > 1:
        raise BadRequestError(
            f"{len(queries)} queries given; send exactly one query per request"
        )
    if not queries[0].strip():
        raise BadRequestError("the query is empty")
    formats = params.get("format", []) + params.get("output", [])
    return Operation(
        query=queries[0],
        default_graph_uris=tuple(params.get("default-graph-uri", [])),
        named_graph_uris=tuple(params.get("named-graph-uri", [])),
        format_name=formats[0] if formats else None,
    )


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type or not content_type.strip():
        raise UnsupportedMediaTypeError(
            f"a POST needs a Content-Type: {QUERY} (the query as the body) or {FORM} (query=...)"
        )
    media, *params = (p.strip() for p in content_type.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _refuse_charset(charset: str | None) -> None:
    if charset not in (None, "utf-8", "utf8"):
        raise UnsupportedMediaTypeError(
            f"charset={charset} is not accepted: SPARQL queries must be sent as UTF-8"
        )


def _refuse_update() -> None:
    raise ForbiddenOperationError(
        "this endpoint is read-only: SPARQL Update requests are refused; send a query "
        "(SELECT, ASK, CONSTRUCT or DESCRIBE)"
    )


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequestError(
            f"the {what} is not valid UTF-8 (byte {exc.start}); SPARQL queries must be UTF-8"
        ) from exc


def _decode_pairs(data: bytes, what: str) -> dict[str, list[str]]:
    text = _utf8(data, what)
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequestError(
            f"the {what} has percent-escapes that are not valid UTF-8; SPARQL queries must be UTF-8"
        ) from exc
    params: dict[str, list[str]] = {}
    for name, value in pairs:
        params.setdefault(name, []).append(value)
    return params
