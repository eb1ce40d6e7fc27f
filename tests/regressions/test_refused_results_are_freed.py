"""Regression: a query refused at a limit leaked its pyoxigraph result. The error's traceback
held the frames that were reading it; the app drops errors on the event loop's thread, and
pyoxigraph results freed on another thread than their own are leaked (PyO3 printed "is
unsendable, but is being dropped on another thread"), about 4 MB for each refused sorted
query: a memory leak anyone could drive with over-limit requests. Stores now clear those frames
before the error leaves them (kg/store/release.py)."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from kg.errors import IcskgError, QueryTimeoutError, ResultLimitError
from kg.store.base import QueryRequest, Store
from kg.store.embedded import EmbeddedStore
from tests.stores.conftest import SAMPLE, OxigraphServer, oxigraph_command

ALL = "SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o"
CROSS = "SELECT * { ?s ?p ?o . ?a ?b ?c } ORDER BY ?s ?a"
Call = Callable[[Store], object]
CALLS: list[tuple[str, Call, type[IcskgError]]] = [
    ("select over the cap", lambda s: s.select(ALL, max_rows=1), ResultLimitError),
    ("execute over the cap", lambda s: s.execute(QueryRequest(ALL, max_rows=1)),
     ResultLimitError),
    ("construct over the cap",
     lambda s: s.execute(QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=1)),
     ResultLimitError),
]


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    oxigraph_command()
    server = OxigraphServer(tmp_path_factory.mktemp("freed")).start()
    try:
        server.push(SAMPLE)
        yield server.remote()
    finally:
        server.stop()


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest) -> Store:
    if request.param == "embedded":
        return EmbeddedStore.from_files([SAMPLE])
    found: Store = request.getfixturevalue("remote")
    return found


def _refused_on_a_thread(store: Store, call: Call) -> BaseException:
    """Run ``call`` on a worker thread, as the app does, and hand its error back."""
    box: list[BaseException] = []

    def work() -> None:
        try:
            call(store)
        except IcskgError as exc:
            box.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert box, "the call was not refused"
    return box.pop()


def _unraisable_while(drop: Callable[[], None]) -> list[str]:
    seen: list[str] = []
    previous = sys.unraisablehook

    def hook(info: sys.UnraisableHookArgs) -> None:
        seen.append(repr(info.exc_value))

    sys.unraisablehook = hook
    try:
        drop()
        gc.collect()
    finally:
        sys.unraisablehook = previous
    return seen


@pytest.mark.parametrize(("call", "error"), [(c, e) for _, c, e in CALLS],
                         ids=[name for name, _, _ in CALLS])
def test_an_error_dropped_on_another_thread_frees_nothing_there(
        store: Store, call: Call, error: type[IcskgError]) -> None:
    box = [_refused_on_a_thread(store, call)]
    assert isinstance(box[0], error)
    assert _unraisable_while(box.clear) == []


def test_a_timeout_on_the_embedded_store_frees_its_result_on_its_thread() -> None:
    store = EmbeddedStore.from_files([SAMPLE])
    box = [_refused_on_a_thread(store, lambda s: s.select(CROSS, timeout=0.000_001))]
    assert isinstance(box[0], QueryTimeoutError)
    assert _unraisable_while(box.clear) == []
