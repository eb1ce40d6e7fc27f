"""The domain facade the HTTP layer and the CLI share: a store plus what runs over it."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from kg.settings import Settings
from kg.store.base import Store
from kg.store.factory import open_store


@dataclass
class Service:
    """Everything needed to answer: settings and the open store (plus the QA engine, later)."""

    settings: Settings
    store: Store

    @classmethod
    def open(cls, settings: Settings) -> Service:
        return cls(settings=settings, store=open_store(settings))

    def close(self) -> None:
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
