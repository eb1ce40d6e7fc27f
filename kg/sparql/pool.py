"""A small pool of query worker processes that can be killed when a query runs too long.

Workers are started with ``spawn`` (never ``fork``: the server is threaded,
and forking a threaded process copies locks mid-use). Each loads the same
N-Quads dump. A job that passes its time limit gets its worker killed; a
fresh one is started in the background, so the pool heals itself while the
other workers keep answering.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import IcskgError, QueryTimeoutError, StoreUnavailableError
from kg.sparql import worker
from kg.store.base import RawResult

_STARTUP_SECONDS = 300.0
_DEFAULT_TIMEOUT = 10.0


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class WorkerPool:
    """``size`` spawned processes, each holding the dataset in ``dataset`` (an N-Quads file)."""

    def __init__(self, dataset: Path | None, size: int) -> None:
        self._dataset = str(dataset) if dataset else None
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: dict[int, _Worker] = {}
        self._closed = False
        started = [self._start() for _ in range(size)]
        for w in started:
            self._await_ready(w)
            self._idle.put(w)

    @property
    def size(self) -> int:
        with self._lock:
            return len(self._workers)

    def run(self, job: worker.Job) -> RawResult:
        """Run ``job`` on an idle worker; kill it if it runs past ``job.timeout`` seconds."""
        timeout = job.timeout if job.timeout is not None else _DEFAULT_TIMEOUT
        try:
            # Waiting for a free worker is bounded too, so overload shows as an error.
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeoutError(
                f"all query workers stayed busy for {timeout:g} s; try again shortly"
            ) from None
        try:
            w.conn.send(job)
            if not w.conn.poll(timeout):
                self._replace(w)
                raise QueryTimeoutError(
                    f"the query ran longer than the {timeout:g} s limit and was cancelled; "
                    "narrow it (fewer unbound patterns, a LIMIT) and try again"
                )
            reply = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(w)
            raise StoreUnavailableError(
                "the query worker stopped unexpectedly (out of memory?); a new one is starting"
            ) from None
        self._idle.put(w)
        if isinstance(reply, IcskgError):
            raise reply
        if not isinstance(reply, RawResult):
            raise StoreUnavailableError("the query worker sent an unexpected reply")
        return reply

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers.values())
            self._workers.clear()
        for w in workers:
            w.stop()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker.main, args=(child, self._dataset), daemon=True,
            name="icskg-sparql-worker",
        )
        process.start()
        child.close()
        w = _Worker(process, parent)
        with self._lock:
            self._workers[id(w)] = w
        return w

    def _await_ready(self, w: _Worker) -> None:
        deadline = time.monotonic() + _STARTUP_SECONDS
        try:
            ready = w.conn.poll(max(0.0, deadline - time.monotonic())) and w.conn.recv()
        except (EOFError, OSError):
            ready = False
        if ready != worker.READY:
            self._forget(w)
            raise StoreUnavailableError("a query worker failed to start")

    def _forget(self, w: _Worker) -> None:
        with self._lock:
            self._workers.pop(id(w), None)
        w.stop()

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` and start its successor off the caller's thread."""
        self._forget(w)
        threading.Thread(target=self._respawn, name="icskg-sparql-respawn", daemon=True).start()

    def _respawn(self) -> None:
        with self._lock:
            if self._closed:
                return
        try:
            w = self._start()
            self._await_ready(w)
        except (IcskgError, OSError):
            return
        with self._lock:
            closed = self._closed
        if closed:
            w.stop()
        else:
            self._idle.put(w)
