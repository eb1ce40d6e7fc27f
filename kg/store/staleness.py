"""Noticing a new push: the build id in the store, checked at most every few seconds.

``icskg push`` writes one triple into the provenance graph, last, after every
other graph is in place::

    icsg:provenance  <https://w3id.org/icskg/push#buildId>  "sha256 of kg.trig"

A process over a remote store keeps things derived from the graph (the entity
index of ``/ask``, its answer cache, the list of icskg's graphs). A
:class:`BuildWatch` reads the build id at most once every ``interval`` seconds
and reports when it changed, so the owner can refresh what it derived. The
staleness window is therefore ``interval`` plus the time one refresh takes.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import IcskgError
from kg.namespaces import PROVENANCE_GRAPH
from kg.store.base import Store

BUILD_ID = "https://w3id.org/icskg/push#buildId"
BUILD_ID_QUERY = (f"SELECT ?id WHERE {{ GRAPH <{PROVENANCE_GRAPH}> "
                  f"{{ <{PROVENANCE_GRAPH}> <{BUILD_ID}> ?id }} }}")


def build_id_of(dataset: Path) -> str:
    """The id of a build: the SHA-256 of its ``kg.trig``, so equal builds share it."""
    digest = hashlib.sha256()
    with dataset.open("rb") as handle:
        for chunk in iter(lambda: handle.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_build_id(store: Store, timeout: float | None = None) -> str | None:
    """The build id the store holds, or None (never pushed by icskg, or the embedded store)."""
    rows = store.select(BUILD_ID_QUERY, timeout=timeout).rows
    ids = sorted(row["id"].value for row in rows if "id" in row)
    return ids[-1] if ids else None


@dataclass
class BuildWatch:
    """Reads the store's build id at most once per ``interval`` seconds; thread-safe.

    :meth:`check` returns True exactly once per change seen (the first read only
    records the id). A store that cannot answer counts as "no change": the
    request that called will meet the failure itself and report it.
    """

    store: Store
    interval: float = 5.0
    clock: Callable[[], float] = time.monotonic
    _seen: str | None = field(default=None, init=False)
    _read_once: bool = field(default=False, init=False)
    _next: float = field(default=0.0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def check(self) -> bool:
        now = self.clock()
        with self._lock:
            if now < self._next - 0.01 * self.interval:  # a timer's wake-up may be early
                return False
            self._next = now + self.interval
        try:
            current = read_build_id(self.store, timeout=min(self.interval, 5.0) or None)
        except IcskgError:
            return False
        with self._lock:
            changed = self._read_once and current != self._seen
            self._seen, self._read_once = current, True
        return changed

    @property
    def build_id(self) -> str | None:
        return self._seen


class Refresher:
    """Runs ``watch.check()`` every ``watch.interval`` seconds on a daemon thread and calls
    ``on_change`` when the build id changed. A thread, not a check on the request path: a
    cached answer is served without touching the store, so only a thread sees a push then.
    """

    def __init__(self, watch: BuildWatch, on_change: Callable[[], None]) -> None:
        self._watch = watch
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="icskg-staleness", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._watch.interval):
            if self._watch.check():
                self._on_change()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._watch.interval + 10)
