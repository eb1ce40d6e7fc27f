"""The domain facade the HTTP layer and the CLI share: a store plus what runs over it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import QueryTimeoutError, ResultLimitError, StoreUnavailableError
from kg.qa import QAEngine
from kg.settings import Settings
from kg.store.base import Store
from kg.store.factory import open_store
from kg.store.staleness import BuildWatch, Refresher

if TYPE_CHECKING:
    from kg.search import SearchIndex
    from kg.sparql.endpoint import SparqlEndpoint


@dataclass
class Service:
    """Everything needed to answer: settings, the open store and the QA engine over it."""

    settings: Settings
    store: Store
    _sparql: SparqlEndpoint | None = field(default=None, init=False, repr=False)
    _sparql_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    qa: QAEngine | None = None
    _qa_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    index: SearchIndex | None = None
    _index_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    watch: BuildWatch | None = None  # remote stores: notices a new push (kg.store.staleness)
    _refresher: Refresher | None = field(default=None, init=False, repr=False)

    @classmethod
    def open(cls, settings: Settings) -> Service:
        from kg.search import SearchIndex

        store = open_store(settings)
        watch = BuildWatch(store, settings.store_check_seconds) if settings.endpoint_url else None
        if watch is not None:
            watch.check()  # records the build id the engine below is built from
        try:
            qa: QAEngine | None = QAEngine.for_settings(store, settings)
            index: SearchIndex | None = SearchIndex.from_store(store)
        except (StoreUnavailableError, QueryTimeoutError, ResultLimitError):
            # A store that is down, or too slow or too big for the limits: the service still
            # starts (SPARQL, pages, /health), and the engine is built on first use, where the
            # same error is a 503 or 413 for that request instead of a failed start.
            qa = index = None
        service = cls(settings=settings, store=store, qa=qa, index=index, watch=watch)
        if watch is not None:
            service._refresher = Refresher(watch, service.stale)
        return service

    def stale(self) -> None:
        """A new push was seen: drop what was derived from the old graph (the QA engine's
        entity index and answer cache, the retrieval index); the next use rebuilds it."""
        refresh = getattr(self.store, "refresh", None)
        if refresh is not None:
            refresh()
        with self._qa_lock:
            self.qa = None
        with self._index_lock:
            self.index = None

    def answers(self) -> QAEngine:
        """The question-answering engine over this store (blocking when not built yet)."""
        with self._qa_lock:
            if self.qa is None:
                self.qa = QAEngine.for_settings(self.store, self.settings)
            return self.qa

    def search(self) -> SearchIndex:
        """The retrieval index over this store's passage graphs (blocking when not built yet)."""
        with self._index_lock:
            if self.index is None:
                from kg.search import SearchIndex

                self.index = SearchIndex.from_store(self.store)
            return self.index

    def sparql(self) -> SparqlEndpoint:
        """The public SPARQL endpoint, started on first use (it spawns worker processes)."""
        with self._sparql_lock:
            if self._sparql is None:
                # Imported here: only servers need it, and it brings in the worker pool.
                from kg.sparql.endpoint import SparqlEndpoint

                self._sparql = SparqlEndpoint.open(self.store, self.settings)
            return self._sparql

    def close(self) -> None:
        if self._refresher is not None:
            self._refresher.stop()
        with self._sparql_lock:
            if self._sparql is not None:
                self._sparql.close()
                self._sparql = None
        self.store.close()


class ServiceHolder:
    """Holds the live :class:`Service` and swaps it atomically on reload.

    Requests read ``current`` once and keep using that object, so a swap never
    leaves a request half on the old graph and half on the new one.
    """

    def __init__(self, service: Service) -> None:
        self._service = service
        self._lock = threading.Lock()

    @property
    def current(self) -> Service:
        return self._service

    def swap(self, service: Service) -> Service:
        with self._lock:
            old, self._service = self._service, service
        return old
