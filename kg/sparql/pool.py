"""Query worker processes in two lanes, killed when a query runs too long.

Workers are started with ``spawn`` (never ``fork``: the server is threaded,
and forking a threaded process copies locks mid-use). Each has no network and
a memory limit (:mod:`kg.sparql.boot`) and loads the same N-Quads dump.

Fairness: the *light* lane is reserved for queries the parser judged cheap
(:attr:`kg.sparql.algebra.ParsedQuery.light`); light queries may also use an
idle general worker, heavy ones only general workers. A light query that
still runs past ``light_budget`` seconds was misjudged: its worker is killed
and the query finishes in the general lane with the rest of its time, so a
crafted "light" query cannot hold the light lane either. A killed or retired
worker is replaced in the background while the others keep answering.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.errors import IcskgError, QueryTimeoutError, StoreUnavailableError
from kg.sparql import boot, worker
from kg.store.base import RawResult

_STARTUP_SECONDS = 300.0
log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    light: bool

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class _Misjudged(Exception):
    """A light-lane query outran the light budget."""


class WorkerPool:
    """``general`` + ``light`` spawned workers over ``config``'s dataset."""

    def __init__(self, config: boot.WorkerConfig, general: int, light: int = 0,
                 light_budget: float = 1.0) -> None:
        self._config = config
        self._light_budget = light_budget
        self._context = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._idle: dict[bool, list[_Worker]] = {False: [], True: []}
        self._workers: dict[int, _Worker] = {}
        self._closed = False
        self.isolation = "none"
        try:
            started = [self._start(False) for _ in range(general)]
            started += [self._start(True) for _ in range(light)]
            for w in started:
                self.isolation = self._await_ready(w)
                self._release(w)
        except BaseException:
            self.close()  # a worker that failed to start stops the ones already running
            raise

    @property
    def size(self) -> int:
        with self._cond:
            return len(self._workers)

    def run(self, job: worker.Job, light: bool = False) -> RawResult:
        """Run ``job``; kill its worker if it runs past ``job.timeout`` seconds."""
        deadline = time.monotonic() + job.timeout
        w = self._acquire(light, deadline, job.timeout)
        try:
            reply = self._ask(w, job, deadline)
        except _Misjudged:
            w = self._acquire(False, deadline, job.timeout)
            reply = self._ask(w, job, deadline)
        if isinstance(reply, IcskgError):
            raise reply
        return reply

    def _ask(self, w: _Worker, job: worker.Job, deadline: float) -> RawResult | IcskgError:
        remaining = max(0.0, deadline - time.monotonic())
        wait = min(remaining, self._light_budget) if w.light else remaining
        try:
            w.conn.send(job)
            if not w.conn.poll(wait):
                self._replace(w)
                if w.light and wait < remaining:
                    raise _Misjudged
                raise QueryTimeoutError(
                    f"the query ran longer than the {job.timeout:g} s limit and was cancelled; "
                    "narrow it (fewer unbound patterns, a LIMIT) and try again"
                )
            outcome = w.conn.recv()
        except (EOFError, OSError):
            raise self._died(w) from None
        if not isinstance(outcome, worker.Outcome):
            self._replace(w)
            raise StoreUnavailableError("the query worker sent an unexpected reply")
        if outcome.retire:
            self._replace(w)
        else:
            self._release(w)
        return outcome.value

    def _died(self, w: _Worker) -> StoreUnavailableError:
        w.process.join(1)
        code = w.process.exitcode
        self._replace(w)
        # The allocator aborts (SIGABRT) or the kernel kills (SIGKILL) at the memory limit.
        if self._config.memory_bytes is not None and code in (-signal.SIGABRT, -signal.SIGKILL,
                                                                -signal.SIGSEGV):
            mb = self._config.memory_bytes // 2**20
            return StoreUnavailableError(worker.MEMORY_MESSAGE.format(mb=mb))
        return StoreUnavailableError(
            "the query worker stopped unexpectedly while running this query; a new one is "
            "starting"
        )

    def _acquire(self, light: bool, deadline: float, timeout: float) -> _Worker:
        # Waiting for a free worker is bounded too, so overload shows as an error.
        lanes = (True, False) if light else (False,)
        with self._cond:
            while True:
                for lane in lanes:
                    if self._idle[lane]:
                        return self._idle[lane].pop()
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    raise QueryTimeoutError(
                        f"all query workers stayed busy for {timeout:g} s; try again shortly")
                self._cond.wait(remaining)

    def _release(self, w: _Worker) -> None:
        with self._cond:
            if self._closed:
                w.stop()
                return
            self._idle[w.light].append(w)
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._workers.values())
            self._workers.clear()
            self._idle = {False: [], True: []}
            self._cond.notify_all()
        for w in workers:
            w.stop()

    def _start(self, light: bool) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=boot.boot, args=(child, self._config), daemon=True,
            name="icskg-sparql-worker",
        )
        process.start()
        child.close()
        w = _Worker(process, parent, light)
        with self._cond:
            self._workers[id(w)] = w
        return w

    def _await_ready(self, w: _Worker) -> str:
        """Wait for ``w`` to load; return its isolation method, or raise (and stop it)."""
        try:
            ready = w.conn.poll(_STARTUP_SECONDS) and w.conn.recv()
        except (EOFError, OSError):
            ready = None
        if isinstance(ready, tuple) and ready[0] == worker.READY:
            return str(ready[1])
        self._forget(w)
        if isinstance(ready, tuple) and ready[0] == boot.ISOLATION_FAILED:
            log.error("query workers refused to start: no network isolation (%s); set "
                      "ICSKG_SPARQL_ISOLATION=none to run them unisolated", ready[1])
            raise StoreUnavailableError(
                "the SPARQL endpoint is unavailable: its query workers could not be cut off "
                "from the network on this host, and unisolated workers are not allowed")
        raise StoreUnavailableError("a query worker failed to start")

    def _forget(self, w: _Worker) -> None:
        with self._cond:
            self._workers.pop(id(w), None)
        w.stop()

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` and start its successor off the caller's thread."""
        self._forget(w)
        threading.Thread(target=self._respawn, args=(w.light,), name="icskg-sparql-respawn",
                         daemon=True).start()

    def _respawn(self, light: bool) -> None:
        with self._cond:
            if self._closed:
                return
        try:
            w = self._start(light)
            self._await_ready(w)
        except (IcskgError, OSError):
            log.warning("a replacement query worker failed to start")
            return
        self._release(w)
