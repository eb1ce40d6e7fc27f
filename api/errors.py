"""The one place where domain errors become HTTP statuses."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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
    (e.StoreUnavailableError, 503),
    (e.BuildError, 500),
    (e.IcskgError, 500),
]


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
    headers = {"Retry-After": "5"} if isinstance(exc, e.StoreUnavailableError) else None
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


def install(app: FastAPI) -> None:
    """Register the handler that maps every :class:`IcskgError` to JSON and a status."""
    app.add_exception_handler(e.IcskgError, _handle)
    app.add_exception_handler(RequestValidationError, _invalid)
