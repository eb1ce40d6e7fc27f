"""Answers to repeated queries, kept while the served dataset is the same.

A served dataset never changes (a reload builds a new endpoint, and with it
an empty cache), so a successful answer to the same request, byte for byte,
is the same answer. The cache is bounded by total body size; the least
recently used answers go first. Errors are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from kg.store.base import QueryRequest, RawResult

Key = tuple[object, ...]


def key_of(request: QueryRequest) -> Key:
    return (request.query, request.result_format, tuple(request.default_graph_uris),
            tuple(request.named_graph_uris), request.base_iri, request.max_rows)


class ResultCache:
    """An LRU of :class:`RawResult` bodies holding at most ``max_bytes`` (0: off)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Key, RawResult] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Key) -> RawResult | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: Key, result: RawResult) -> None:
        size = len(result.body)
        if size > self.max_bytes // 8:  # one answer never takes over the cache
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old.body) if old else 0
            self._items[key] = result
            self._size += size
            while self._size > self.max_bytes and self._items:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped.body)
