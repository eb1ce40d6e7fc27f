"""The typed error hierarchy of icskg.

Every error the domain raises on purpose derives from :class:`IcskgError`.
The HTTP layer maps each class to one status code in ``api/errors.py``; the
CLI prints the message and exits non-zero. Nothing else should leak a
traceback to a user.
"""

from __future__ import annotations


class IcskgError(Exception):
    """Base class: a failure with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequestError(IcskgError):
    """The caller sent something invalid (maps to 400)."""


class QuerySyntaxError(BadRequestError):
    """A SPARQL query does not parse; the message says where."""


class ForbiddenOperationError(BadRequestError):
    """A query asks for something the public endpoint never does (SERVICE, LOAD, updates...)."""


class UnknownQuestionError(IcskgError):
    """A catalogue question id does not exist (maps to 404)."""


class NotFoundError(IcskgError):
    """A requested resource does not exist (maps to 404)."""


class ParameterError(BadRequestError):
    """A catalogue parameter is missing, unknown or of the wrong type."""


class CatalogueError(IcskgError):
    """A catalogue query file is malformed; the message names the file (maps to 500)."""


class PayloadTooLargeError(IcskgError):
    """A request body or query is over the configured size (maps to 413)."""


class NotAcceptableError(IcskgError):
    """No representation matches the Accept header (maps to 406)."""


class MethodNotAllowedError(IcskgError):
    """An HTTP method the route does not support, e.g. PUT on /sparql (maps to 405)."""


class UnsupportedMediaTypeError(IcskgError):
    """The request body's media type is not one we accept (maps to 415)."""


class QueryTimeoutError(IcskgError):
    """A query ran past the configured time limit and was cancelled (maps to 503)."""


class ResultLimitError(IcskgError):
    """A query produced more rows than the configured cap (maps to 413)."""


class StoreUnavailableError(IcskgError):
    """The triple store cannot be reached or answered wrongly (maps to 503)."""


class StoreQueryError(StoreUnavailableError):
    """The store failed on a query that is valid SPARQL 1.1 (a store bug; maps to 502)."""


class AuthenticationError(IcskgError):
    """A protected route was called without a valid token (maps to 401)."""


class ReloadError(IcskgError):
    """A reload could not open the new graph; the previous one keeps serving (maps to 409)."""


class BuildError(IcskgError):
    """A build failed; the previous build is left in place."""


class FactError(BuildError):
    """A curated fact is invalid; the message names the file and the fact."""


class ReasonerError(BuildError):
    """HermiT found the ontology plus data inconsistent, or could not run."""


class LocatorError(BuildError):
    """A provenance locator does not point at a passage stating the fact."""
