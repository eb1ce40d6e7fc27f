"""A logging filter that lets each kind of message through at most a few times a second.

A storm (accept() failing on every loop turn when file descriptors run out)
logs the same line thousands of times a second. The filter keeps up to
``per_second`` records per (logger, message template) in each second, drops
the rest, and says how many it dropped when that kind of record next passes.
"""

from __future__ import annotations

import logging
import threading
import time


class RateLimit(logging.Filter):
    """Pass at most ``per_second`` records per logger and message template each second."""

    def __init__(self, per_second: int = 10) -> None:
        super().__init__()
        self.per_second = per_second
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], tuple[int, int, int]] = {}  # second, passed, dropped

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg))
        now = int(time.monotonic())
        with self._lock:
            second, passed, dropped = self._windows.get(key, (now, 0, 0))
            if second != now:
                if dropped:
                    record.msg = f"{record.msg} ({dropped} similar messages dropped)"
                second, passed, dropped = now, 0, 0
            if passed >= self.per_second:
                self._windows[key] = (second, passed, dropped + 1)
                return False
            self._windows[key] = (second, passed + 1, dropped)
            if len(self._windows) > 4096:  # many distinct messages: forget old windows
                self._windows = {k: v for k, v in self._windows.items() if v[0] == now}
        return True


def install(per_second: int) -> RateLimit:
    """Rate-limit every handler of the root logger and of uvicorn's loggers."""
    limit = RateLimit(per_second)
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(limit)
    return limit
