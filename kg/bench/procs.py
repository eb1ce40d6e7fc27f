"""Child processes the benchmark starts: pinned to a core, always stopped by their pid.

Each child leads its own session, so stopping it by its pid (as a process
group id) also stops what it spawned, such as the /sparql worker pool.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def cores() -> tuple[int, ...]:
    return tuple(sorted(os.sched_getaffinity(0)))


def split_cores() -> tuple[frozenset[int], frozenset[int]]:
    """(server cores, load-generator cores): one core each on a 2-core machine."""
    available = cores()
    if len(available) < 2:
        return frozenset(available), frozenset(available)
    return frozenset(available[1:]), frozenset(available[:1])


def spawn(argv: Sequence[str], *, core_set: frozenset[int] | None = None,
          log: Path | None = None, capture: bool = False) -> subprocess.Popen[str]:
    """Start ``argv`` in a new session; pin it before it can start any thread."""
    handle = log.open("w") if log and not capture else None
    out = subprocess.PIPE if capture else (handle or subprocess.DEVNULL)
    try:
        proc = subprocess.Popen(list(argv), stdout=out,
                                stderr=subprocess.STDOUT if handle else None,
                                text=True, start_new_session=True)
    finally:
        if handle is not None:
            handle.close()  # the child holds its own copy
    if core_set:
        # Popen returns after exec, while the child is still single-threaded,
        # so every thread and process it makes later inherits this mask.
        os.sched_setaffinity(proc.pid, core_set)
    return proc


def stop(proc: subprocess.Popen[str], grace: float = 5.0) -> None:
    """Stop the child and its process group by the child's pid: TERM, then KILL."""
    if proc.poll() is None:
        _signal(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            _signal(proc.pid, signal.SIGKILL)
            proc.wait(grace)
    else:
        _signal(proc.pid, signal.SIGKILL)  # leftovers of its group, if any
    if proc.stdout is not None:
        proc.stdout.close()


def _signal(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return


@contextmanager
def running(proc: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    """Stop ``proc`` on exit, however the block ends (errors, KeyboardInterrupt)."""
    try:
        yield proc
    finally:
        stop(proc)
