"""Errors leave a store without the query results they were raised over.

pyoxigraph's results are bound to the thread that made them (PyO3 "unsendable"): freed
on any other thread they are leaked, with only a message on stderr. An error raised while a
result is read (a time limit, a row cap, an answer cut short) keeps the result alive through
its traceback's frames, and the app drops errors on the event loop's thread, not on the worker
thread that ran the query, so every refused query leaked its result (megabytes for a sorted
one). :func:`releasing` clears those frames while still on the query's thread.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def _clear(error: BaseException) -> None:
    """Clear the finished frames of ``error``'s traceback and of the errors it chains to."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)  # skips frames still running
        current = current.__cause__ or current.__context__


def releasing(method: Callable[P, R]) -> Callable[P, R]:
    """``method``, its errors raised with the frames below it cleared."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            _clear(exc)
            raise

    return call
