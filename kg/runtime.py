"""The running service, one way for every front end: HTTP, the CLI and MCP.

A :class:`Runtime` owns the live :class:`~kg.service.Service` (store, QA engine,
retrieval index, SPARQL workers), the :class:`~kg.service.ServiceHolder` that
swaps it on reload and the :class:`~kg.reload.Reloader`. ``close`` is the one
place that stops workers: the retired services' and the live one's.

The operations every front end offers (ask, run a catalogue question, search,
describe, SPARQL) are methods here, so HTTP and MCP give the same answers and
the same errors.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING

from kg.catalogue import Catalogue
from kg.describe import EntityDescription, describe_entity
from kg.errors import BadRequestError, StoreUnavailableError
from kg.qa import Answer, Context
from kg.reload import OpenService, Reloader, ReloadReport
from kg.search import SearchHit, Statement
from kg.service import Service, ServiceHolder
from kg.settings import Settings
from kg.sparql.endpoint import HttpRequest
from kg.store.base import RawResult

if TYPE_CHECKING:
    from kg.tools.schemas import ToolDefinition

SPARQL_JSON = "application/sparql-results+json"
# What a tool asks the endpoint for: JSON results for SELECT/ASK, Turtle for graphs.
TOOL_ACCEPT = f"{SPARQL_JSON}, text/turtle;q=0.9"


class Runtime:
    """The service behind one front end; ``start`` opens it, ``close`` stops everything."""

    def __init__(self, settings: Settings, *, open_service: OpenService = Service.open,
                 grace: float | None = None) -> None:
        self.settings = settings
        self._open = open_service
        self.reloader = Reloader(settings, open_service=open_service, grace=grace)
        self._holder: ServiceHolder | None = None
        self._lock = threading.Lock()
        self._tools: tuple[Service, tuple[ToolDefinition, ...]] | None = None

    @classmethod
    def open(cls, settings: Settings) -> Runtime:
        """A started runtime (blocking: opens the store and builds the engine and index)."""
        runtime = cls(settings)
        runtime.start()
        return runtime

    def start(self) -> None:
        with self._lock:
            if self._holder is None:
                self._holder = ServiceHolder(self._open(self.settings))
                self.reloader.attach(self._holder)

    @property
    def holder(self) -> ServiceHolder:
        holder = self._holder
        if holder is None:
            raise StoreUnavailableError("the service is not running (starting or stopped)")
        return holder

    @property
    def current(self) -> Service:
        """The live service; a request reads it once and keeps it to the end."""
        return self.holder.current

    def reload(self) -> ReloadReport:
        return self.reloader.reload()

    def reload_logged(self) -> None:
        self.reloader.reload_logged()

    def close(self) -> None:
        """Stop every worker: retired services first, then the live one."""
        self.reloader.close()
        with self._lock:
            holder, self._holder = self._holder, None
        if holder is not None:
            holder.current.close()

    def __enter__(self) -> Runtime:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    # --- the operations of every front end ---------------------------------

    def tools(self) -> tuple[ToolDefinition, ...]:
        """Every tool's definition, worked out once per loaded graph (entity enums need it)."""
        service = self.current
        with self._lock:
            cached = self._tools
        if cached is not None and cached[0] is service:
            return cached[1]
        from kg.tools.schemas import definitions

        found = definitions(service.store, service.answers().catalogue)
        with self._lock:
            self._tools = (service, found)
        return found

    def catalogue(self) -> Catalogue:
        return self.current.answers().catalogue

    def ask(self, question: str, as_of: str | None = None,
            context: Context | Mapping[str, object] | None = None) -> Answer:
        """A cited answer; ``context`` (a previous answer's) is what a follow-up refers to."""
        return self.current.answers().ask(question, as_of, as_context(context))

    def run_question(self, question_id: str, params: Mapping[str, str]) -> Answer:
        return self.current.answers().run(question_id, params)

    def search(self, query: str, k: int = 5) -> list[SearchHit]:
        return self.current.search().search(query, k)

    def search_statements(self, query: str, k: int = 5) -> list[tuple[Statement, SearchHit]]:
        return self.current.search().search_statements(query, k)

    def describe(self, entity: str) -> EntityDescription:
        service = self.current
        return describe_entity(service.store, entity, timeout=self.settings.query_timeout)

    def sparql(self, query: str, *, accept: str = TOOL_ACCEPT,
               endpoint_url: str = "http://127.0.0.1/sparql") -> RawResult:
        """Run ``query`` through the public endpoint: its safety checks, limits and workers."""
        endpoint = self.current.sparql()
        return endpoint.handle(HttpRequest(
            method="POST", url_query=b"", content_type="application/sparql-query",
            body=query.encode("utf-8"), accept=accept, endpoint_url=endpoint_url))


def as_context(context: Context | Mapping[str, object] | None) -> Context | None:
    """A previous answer's ``context`` as the QA engine takes it. MCP and batch callers send the
    JSON object back as they got it; anything else is a 400, not a traceback."""
    if context is None or isinstance(context, Context):
        return context
    question, entities = context.get("question"), context.get("entities", [])
    if not isinstance(question, str) or not isinstance(entities, list | tuple) or not all(
            isinstance(e, str) for e in entities):
        raise BadRequestError('context must be an object like {"question": "...", '
                              '"entities": ["IRI", ...]}, as a previous answer gave it')
    return Context(question, tuple(entities))
