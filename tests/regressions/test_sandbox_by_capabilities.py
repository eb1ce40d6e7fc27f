"""Regression: the sandbox picked the pass-through path with ``isinstance``, so any new store
would have run /sparql queries silently unlimited. Stores now declare what they enforce; one
that enforces neither limit and cannot be sandboxed is refused, and a pool that fails to start
stops the workers it had already started."""

from __future__ import annotations

import multiprocessing

import pytest

from kg.errors import StoreUnavailableError
from kg.settings import Settings
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool
from kg.sparql.sandbox import PassThroughSandbox, open_sandbox
from kg.store.base import Capabilities
from kg.store.protocol import Endpoint
from kg.store.remote import RemoteStore


class NewStore:
    name = "new"
    capabilities = Capabilities(enforces_timeout=False, enforces_row_cap=False)


def test_store_without_limits_is_refused() -> None:
    with pytest.raises(StoreUnavailableError, match="enforces no time limit"):
        open_sandbox(NewStore(), Settings())  # type: ignore[arg-type]


def test_remote_store_declares_its_limits() -> None:
    sandbox = open_sandbox(RemoteStore(Endpoint("http://127.0.0.1:9/q")), Settings())
    assert isinstance(sandbox, PassThroughSandbox)


def test_failed_start_leaves_no_worker_running() -> None:
    before = {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(StoreUnavailableError):
        WorkerPool(WorkerConfig(None, isolation="unavailable"), general=3)
    left = [p for p in multiprocessing.active_children()
            if p.pid not in before and p.name == "icskg-sparql-worker"]
    assert left == []
