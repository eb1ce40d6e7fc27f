"""The time limit and the row cap hold on the paths that run catalogue questions:
``/questions/{id}/answer`` and ``/ask``, over the embedded store and over a remote store (a
real Oxigraph server). Past a limit the answer is a JSON error naming it (503 for time, 413
for rows), never a traceback, a shortened answer or a silent refusal. ``/sparql`` has its own
tests (tests/sparql/test_limits.py).

The work is real. Each dataset is the session build plus one dated body with ``N`` period
starts and ``N`` period ends, so ``bodies-existing-as-of`` pairs every start with every end:

- ``slow``: every date is stated in a sourced passage graph; the question's join runs once per
  statement, about 2N^3 combinations (seconds, far past a 1 s limit) before its first row.
- ``wide``: one start is sourced, the other dates sit in a graph with no provenance, so the
  join runs once: N^2 rows, quickly, far more than the start-up reads return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings
from tests.stores.conftest import OxigraphServer, oxigraph_command

QUESTION = "bodies-existing-as-of"
SIZES = {"slow": 75, "wide": 100}  # N: period starts, and as many ends, of the probe body
TIME_LIMIT = 1.0  # the remote store is given whole seconds; 1 s is its shortest limit
MAX_ROWS = 100
STORE_ROWS = SIZES["wide"] ** 2  # the wide answer has at least N^2 rows, reaching it
ROOMY = {"max_result_rows": 10 * STORE_ROWS}  # the app's own cap out of the way

PREFIXES = """\
@prefix ics: <https://w3id.org/icskg/ontology#> .
@prefix icsd: <https://w3id.org/icskg/id/> .
@prefix icsg: <https://w3id.org/icskg/graph/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@dataclass(frozen=True)
class Route:
    """One way in to a catalogue question."""

    name: str
    url: str
    params: dict[str, str]


PATHS = [
    Route("catalogue", f"/questions/{QUESTION}/answer", {"asOf": "2020-01-01"}),
    Route("ask", "/ask", {"q": "Which bodies existed on 1 January 2020?"}),
]


@dataclass(frozen=True)
class Limit:
    """A limit set tight, the dataset that goes past it, and the error each store gives."""

    name: str
    data: str
    settings: dict[str, Any]
    status: int
    error: str
    says: dict[str, str]  # store -> what the message must say
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


LIMITS = [
    Limit("time", "slow", {"query_timeout": TIME_LIMIT}, 503, "QueryTimeoutError",
          {"embedded": f"ran longer than the {TIME_LIMIT:g} s limit",
           "remote": f"did not answer within {TIME_LIMIT:g} s"}),
    Limit("max_result_rows", "wide", {"max_result_rows": MAX_ROWS}, 413, "ResultLimitError",
          {"embedded": f"more than {MAX_ROWS} rows", "remote": f"more than {MAX_ROWS} rows"}),
    # A remote store's own silent cap: a result that reaches it may be cut short.
    Limit("store_max_rows", "wide", {"store_max_rows": STORE_ROWS, **ROOMY}, 413,
          "ResultLimitError",
          {"remote": f"row cap ({STORE_ROWS}, ICSKG_STORE_MAX_ROWS)"}),
]
CASES = [pytest.param(store, limit, id=f"{store}-{limit.name}", marks=limit.marks)
         for limit in LIMITS for store in ("embedded", "remote") if store in limit.says]


def _date(year: int) -> str:
    return f'"{year:04d}-01-01T00:00:00"^^xsd:dateTime'


def probe_trig(size: int, sourced: int, document: str) -> str:
    """TriG for the probe body: ``size`` starts (before 2020) and ends (after); the first
    ``sourced`` dates in a graph derived from ``document``, the rest in an unsourced one."""
    dates = ([f"ics:validFrom {_date(1001 + i)}" for i in range(size)]
             + [f"ics:validUntil {_date(3001 + i)}" for i in range(size)])
    body = "icsd:limits-probe"
    lines = [PREFIXES, f'icsg:limits-probe {{ {body} a ics:Body ; rdfs:label "Limits probe"@en ;',
             " ;\n".join(dates[:sourced]), ". }",
             f"icsg:limits-probe-sources {{ icsg:limits-probe prov:wasDerivedFrom <{document}> . }}"]
    if dates[sourced:]:
        lines += [f"icsg:limits-probe-unsourced {{ {body}", " ;\n".join(dates[sourced:]), ". }"]
    return "\n".join(lines) + "\n"


def _a_source_document(built: Path) -> str:
    store = ox.Store()
    store.bulk_load(path=str(built), format=ox.RdfFormat.TRIG)
    rows = store.query("SELECT ?d { GRAPH ?g { ?d a <https://w3id.org/icskg/ontology#"
                       "SourceDocument> } } ORDER BY ?d LIMIT 1")
    assert isinstance(rows, ox.QuerySolutions)
    found = next(iter(rows))["d"]
    assert isinstance(found, ox.NamedNode)
    return found.value


@pytest.fixture(scope="module")
def datasets(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A build folder (kg.trig) for each dataset."""
    built = built_dir / "kg.trig"
    document = _a_source_document(built)
    folders: dict[str, Path] = {}
    for name, size in SIZES.items():
        folder = tmp_path_factory.mktemp(f"limits-{name}")
        sourced = 2 * size if name == "slow" else 1
        (folder / "kg.trig").write_text(
            built.read_text(encoding="utf-8") + probe_trig(size, sourced, document),
            encoding="utf-8")
        folders[name] = folder
    return folders


@pytest.fixture(scope="module")
def stack() -> Iterator[ExitStack]:
    with ExitStack() as opened:
        yield opened


@pytest.fixture(scope="module")
def oxigraph(datasets: dict[str, Path], stack: ExitStack,
           tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], OxigraphServer]:
    """An Oxigraph server per dataset, started on first use and stopped (by pid) at the end,
    which also ends any query still running there past a client's time limit."""
    oxigraph_command()
    started: dict[str, OxigraphServer] = {}

    def get(data: str) -> OxigraphServer:
        if data not in started:
            one = OxigraphServer(tmp_path_factory.mktemp(f"oxigraph-{data}")).start()
            stack.callback(one.stop)
            one.push(datasets[data] / "kg.trig")
            started[data] = one
        return started[data]

    return get


Clients = Callable[[str, str, dict[str, Any]], TestClient]


@pytest.fixture(scope="module")
def clients(datasets: dict[str, Path], oxigraph: Callable[[str], OxigraphServer],
            stack: ExitStack) -> Clients:
    """The app over (store, dataset, limits), opened once each."""
    opened: dict[tuple[str, str, str], TestClient] = {}

    def get(store: str, data: str, limits: dict[str, Any]) -> TestClient:
        key = (store, data, repr(sorted(limits.items())))
        if key not in opened:
            where: dict[str, Any] = (
                {"endpoint_url": oxigraph(data).query_url} if store == "remote"
                else {"endpoint_url": None, "data_files": [], "build_dir": datasets[data]})
            app = create_app(Settings(**where, **limits))
            opened[key] = stack.enter_context(TestClient(app, raise_server_exceptions=False))
        return opened[key]

    return get


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
@pytest.mark.parametrize("store", ["embedded", "remote"])
def test_within_the_limits_the_question_is_answered(clients: Clients, store: str,
                                                    path: Route) -> None:
    response = clients(store, "wide", ROOMY).get(path.url, params=path.params)
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert (body["question_id"], body["answered"]) == (QUESTION, True)
    assert any(r["iri"].endswith("/limits-probe") for r in body["results"])


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
@pytest.mark.parametrize(("store", "limit"), CASES)
def test_past_a_limit_the_answer_is_an_error_naming_it(clients: Clients, store: str,
                                                      limit: Limit, path: Route) -> None:
    client = clients(store, limit.data, limit.settings)
    response = client.get(path.url, params=path.params)
    assert response.status_code == limit.status, response.text[:500]
    body = response.json()
    assert set(body) == {"error", "message"}
    assert body["error"] == limit.error
    assert limit.says[store] in body["message"]
    if limit.status == 503:
        assert response.headers["retry-after"] == "5"
