"""The answer cache: bounded, least-recently-used, thread-safe, off at size 0, empty after reload."""

from __future__ import annotations

import threading

from kg.qa.cache import LruCache
from kg.qa.engine import QAEngine
from kg.service import Service


def test_lru_evicts_the_least_recently_used() -> None:
    cache: LruCache[str] = LruCache(2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # "a" is now the most recent
    cache.put("c", "C")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == ("A", None, "C")
    assert len(cache) == 2


def test_size_zero_keeps_nothing() -> None:
    cache: LruCache[str] = LruCache(0)
    cache.put("a", "A")
    assert cache.get("a") is None
    assert len(cache) == 0


def test_concurrent_use_stays_bounded_and_consistent() -> None:
    cache: LruCache[int] = LruCache(64)

    def hammer(offset: int) -> None:
        for i in range(2_000):
            key = (offset * 7 + i) % 200
            cache.put(key, key)
            value = cache.get(key)
            assert value is None or value == key

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) <= 64


def test_engine_caches_by_normalised_question_and_as_of(engine: QAEngine) -> None:
    question = "Which bodies must have regard to ICP strategies?"
    first = engine.ask(question)
    assert engine.cached(" Which  bodies must have regard to   ICP strategies? ") is first
    assert engine.ask(question) is first
    other_date = engine.ask(question, as_of="2018-01-01")
    assert other_date is not first
    assert {r.label for r in first.results} >= {"integrated care board", "local authority"}


def test_a_new_engine_starts_with_an_empty_cache(qa_service: Service) -> None:
    engine = qa_service.answers()
    engine.ask("Who chairs BOB ICS?")
    fresh = QAEngine.for_settings(qa_service.store, qa_service.settings)
    assert fresh.cached("Who chairs BOB ICS?") is None
