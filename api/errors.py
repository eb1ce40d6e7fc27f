"""The one place where domain errors become HTTP statuses."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from kg import errors as e

STATUS: list[tuple[type[e.IcskgError], int]] = [
    (e.AuthenticationError, 401),
    (e.ReloadError, 409),
    (e.UnknownQuestionError, 404),
    (e.NotFoundError, 404),
    (e.MethodNotAllowedError, 405),
    (e.NotAcceptableError, 406),
    (e.PayloadTooLargeError, 413),
    (e.ResultLimitError, 413),
    (e.UnsupportedMediaTypeError, 415),
    (e.BadRequestError, 400),
    (e.QueryTimeoutError, 503),
    (e.StoreQueryError, 502),
    (e.StoreUnavailableError, 503),
    (e.BuildError, 500),
    (e.IcskgError, 500),
]


class ErrorBody(BaseModel):
    """The JSON body of every error response."""

    error: str = Field(description="The kind of error, e.g. BadRequestError.")
    message: str = Field(description="What was wrong with the request, and how to fix it.")


class ValidationProblem(BaseModel):
    """One part of the request that does not fit the schema."""

    loc: list[str | int] = Field(description="Where, e.g. ['body', 'context'].")
    msg: str = Field(description="What is wrong there.")
    type: str = Field(description="pydantic's error type, e.g. extra_forbidden.")


class ValidationErrorBody(ErrorBody):
    """A 422: the request does not fit the schema; ``message`` names every field at fault."""

    detail: list[ValidationProblem]


_MEANINGS = {
    400: "The request is malformed: the message says what and where.",
    404: "No such resource (question id, tool, entity): the message says which.",
    409: "The request conflicts with the service's state (a reload under way).",
    406: "No representation matches the Accept header.",
    413: "The request body, query string or result is over the configured limit.",
    415: "The request body's media type is not accepted.",
    422: "The request does not fit the schema (a missing, mistyped or unknown field).",
    502: "The store failed on a valid query (a store bug); the message names the store.",
    503: "The store is unavailable or the query ran past its time limit; retry later.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` documenting these error statuses with :class:`ErrorBody`."""
    return {status: {"model": ValidationErrorBody if status == 422 else ErrorBody,
                     "description": _MEANINGS[status]}
            for status in statuses}


# Any route can answer these: the size limits apply to every request (api/middleware.py),
# a request that does not fit its schema is a 422 (with the body in the schema, not FastAPI's),
# and any route that reads the graph can find the store unavailable.
COMMON_RESPONSES = error_responses(413, 422, 503)


def status_for(error: e.IcskgError) -> int:
    """The HTTP status of a domain error: the first class in STATUS it is an instance of."""
    for cls, status in STATUS:
        if isinstance(error, cls):
            return status
    return 500


def error_body(error: e.IcskgError) -> dict[str, str]:
    return {"error": type(error).__name__, "message": error.message}


async def _handle(request: Request, exc: Exception) -> JSONResponse:
    del request
    assert isinstance(exc, e.IcskgError)
    transient = isinstance(exc, e.StoreUnavailableError | e.QueryTimeoutError) and not isinstance(
        exc, e.StoreQueryError)
    headers = {"Retry-After": "5"} if transient else None
    if isinstance(exc, e.AuthenticationError):
        headers = {"WWW-Authenticate": 'Bearer realm="icskg-admin"'}
    return JSONResponse(error_body(exc), status_code=status_for(exc), headers=headers)


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    """A request that does not fit its schema (a missing field, a wrong type): 422, one message."""
    del request
    assert isinstance(exc, RequestValidationError)
    problems = [f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg', 'invalid')}"
                for err in exc.errors()]
    body = {"error": "RequestValidationError", "message": "; ".join(problems) or "invalid request",
            "detail": [{k: v for k, v in err.items() if k in ("loc", "msg", "type")}
                       for err in exc.errors()]}
    return JSONResponse(body, status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    """Errors raised by the framework itself (unknown route, wrong method, a body that is
    not JSON): the same ``{"error", "message"}`` body as ours, not ``{"detail"}``."""
    del request
    assert isinstance(exc, HTTPException)
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "Http"
    body = {"error": phrase.replace(" ", "").replace("-", "") + "Error",
            "message": str(exc.detail)}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug: the client gets a JSON 500 without details; the server log keeps the traceback."""
    del request, exc
    return JSONResponse({"error": "InternalError",
                         "message": "an unexpected error occurred; it has been logged"},
                        status_code=500)


def install(app: FastAPI) -> None:
    """Register the handler that maps every :class:`IcskgError` to JSON and a status."""
    app.add_exception_handler(e.IcskgError, _handle)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
