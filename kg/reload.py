"""Reloading the served graph without a restart: open the new one, swap, retire the old.

A rebuild (``icskg build --out DIR``) publishes by swapping one symbolic link
(:mod:`kg.build.release`), so opening ``DIR/kg.trig`` always reads a complete
build. A reload opens a whole new :class:`~kg.service.Service` from it (its
SPARQL workers started and the store answering) before anything changes;
only then does :meth:`ServiceHolder.swap` put it in place. If opening fails
the old service was never touched and keeps serving.

Requests that picked up the old service before the swap keep using it, so it
is closed only after a grace period longer than any request may take.
"""

from __future__ import annotations

import hmac
import json
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from kg.errors import AuthenticationError, IcskgError, NotFoundError, ReloadError
from kg.service import Service, ServiceHolder
from kg.settings import Settings

log = logging.getLogger("icskg.reload")

OpenService = Callable[[Settings], Service]


@dataclass(frozen=True, slots=True)
class ReloadReport:
    """What a successful reload swapped in."""

    source: str  # the build folder (or data) the new service was opened from
    triples_before: int
    triples_after: int
    seconds: float


def check_admin_token(expected: str | None, presented: str | None) -> None:
    """Let an admin request through only with the configured token.

    No token configured means the admin routes do not exist (NotFoundError), so
    they are off by default. The comparison takes the same time wherever the
    tokens differ, so response times do not leak the token.
    """
    if not expected:
        raise NotFoundError("no such route")
    given = (presented or "").encode("utf-8", "surrogateescape")
    if not hmac.compare_digest(given, expected.encode("utf-8", "surrogateescape")):
        raise AuthenticationError("a valid admin bearer token is required")


def grace_seconds(settings: Settings) -> float:
    """How long a retired service stays open: a query may wait for a worker for up
    to the time limit and then run for up to the time limit again."""
    return 2 * settings.query_timeout + 1.0


def describe_source(settings: Settings) -> str:
    if settings.endpoint_url:
        return "remote store"
    if settings.data_files or settings.data_graphs:
        return "data files"
    return str(settings.build_dir.resolve())


class Reloader:
    """Reloads the service behind one :class:`ServiceHolder`, one reload at a time."""

    def __init__(self, settings: Settings, *, open_service: OpenService = Service.open,
                 grace: float | None = None) -> None:
        self._settings = settings
        self._open = open_service
        self._grace = grace_seconds(settings) if grace is None else grace
        self._holder: ServiceHolder | None = None
        self._reload_lock = threading.Lock()
        self._retired_lock = threading.Lock()
        self._retired: dict[int, tuple[Service, threading.Timer]] = {}
        self._closed = False
        self.last_failure: str | None = None  # why the last reload failed; None once one works

    def attach(self, holder: ServiceHolder) -> None:
        """Start reloading ``holder`` (set once the app's lifespan has opened it)."""
        self._holder = holder

    def reload(self) -> ReloadReport:
        """Open the current build and swap it in (blocking); raise ReloadError on failure."""
        holder = self._holder
        if holder is None or self._closed:
            raise ReloadError("the service is not running yet (or is stopping); try again")
        with self._reload_lock:
            started = time.perf_counter()
            source = describe_source(self._settings)
            try:
                fresh, after = self._open_ready(source)
            except ReloadError as exc:
                self.last_failure = exc.message
                raise
            self.last_failure = None
            old = holder.swap(fresh)
            before = _count(old)
            self._retire(old)
        report = ReloadReport(source, before, after, round(time.perf_counter() - started, 3))
        log.info("reloaded %s: %d -> %d triples in %.2f s", report.source,
                 report.triples_before, report.triples_after, report.seconds)
        return report

    def reload_logged(self) -> None:
        """Reload and log the outcome instead of raising: for a signal, which has no caller."""
        try:
            self.reload()
        except IcskgError as exc:
            log.error("reload failed: %s", exc.message)

    def close(self) -> None:
        """Close every retired service now (the server is stopping)."""
        with self._retired_lock:
            self._closed = True
            retired = list(self._retired.values())
            self._retired.clear()
        for service, timer in retired:
            timer.cancel()
            service.close()

    def _open_ready(self, source: str) -> tuple[Service, int]:
        try:
            fresh = self._open(self._settings)
        except Exception as exc:
            raise ReloadError(f"could not open the new graph from {source}: {_reason(exc)}; "
                              "still serving the previous graph") from exc
        try:
            # Ready means answering: workers started and the store readable, so the
            # first request after the swap does not pay for the start-up.
            fresh.store.ping()
            triples = fresh.store.triple_count()
            self._check_complete(triples)
            fresh.sparql()
        except ReloadError:
            fresh.close()
            raise
        except Exception as exc:
            fresh.close()
            raise ReloadError(f"the new graph from {source} did not start: {_reason(exc)}; "
                              "still serving the previous graph") from exc
        return fresh, triples

    def _check_complete(self, triples: int) -> None:
        """Refuse an empty graph, or a build whose triple count is not the one it recorded."""
        if triples == 0:
            raise ReloadError("the new graph is empty; still serving the previous graph")
        if describe_source(self._settings) in ("remote store", "data files"):
            return
        recorded = _recorded_triples(self._settings.build_dir / "build.json")
        if recorded is not None and recorded != triples:
            raise ReloadError(
                f"the new build holds {triples} triples but its build.json records {recorded}"
                " (an incomplete or mixed build?); still serving the previous graph")

    def _retire(self, service: Service) -> None:
        with self._retired_lock:
            stopping = self._closed
            if not stopping:
                timer = threading.Timer(self._grace, self._close_retired, args=(id(service),))
                timer.daemon = True
                timer.name = "icskg-retire"
                self._retired[id(service)] = (service, timer)
                timer.start()
        if stopping:
            service.close()

    def _close_retired(self, key: int) -> None:
        with self._retired_lock:
            entry = self._retired.pop(key, None)
        if entry is not None:
            entry[0].close()


def _recorded_triples(path: Path) -> int | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("triples")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def _count(service: Service) -> int:
    try:
        return service.store.triple_count()
    except IcskgError:
        return -1  # the old store is unreachable: the report says so rather than failing


def _reason(exc: Exception) -> str:
    if isinstance(exc, IcskgError):
        return exc.message
    # Not one of ours (a parser or OS error): name it, keep the details in the log.
    log.warning("reload failed", exc_info=exc)
    return type(exc).__name__


def on_sighup(action: Callable[[], None]) -> None:
    """Run ``action`` on a fresh thread whenever the process gets SIGHUP.

    The handler only starts a thread: a signal handler runs between bytecodes
    of the main thread (the event loop), which must not block on a reload.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        threading.Thread(target=action, name="icskg-reload", daemon=True).start()

    signal.signal(signal.SIGHUP, handler)
