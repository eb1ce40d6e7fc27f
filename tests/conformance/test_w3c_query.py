"""The W3C SPARQL query-evaluation suites through /sparql: every test pyoxigraph passes when
run directly must pass through the endpoint (dataset by the protocol, relative IRIs against
the files). Skips cleanly without ../shared/w3c-sparql-query."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

from .w3c import Case, cases, data_files, expected, run_direct, run_endpoint, same, suite_dir

ROOT = suite_dir()
CASES = cases(ROOT) if ROOT.is_dir() else []


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    if not CASES:
        pytest.skip(f"W3C query suites not found at {ROOT} (set ICSKG_W3C_QUERY_DIR)")
    settings = Settings(data_graphs=data_files(CASES), sparql_workers=1, sparql_light_workers=1,
                        max_result_rows=100_000, query_timeout=20)
    with TestClient(create_app(settings)) as c:
        yield c


def _passes_direct(case: Case) -> bool:
    try:
        return same(run_direct(case), expected(case))
    except (SyntaxError, OSError, ValueError):
        return False


def test_endpoint_passes_wherever_pyoxigraph_does(client: TestClient) -> None:
    def send(params: list[tuple[str, str]], accept: str) -> tuple[int, str, bytes]:
        r = client.post("/sparql", content=urlencode(params).encode(), headers={
            "accept": accept, "content-type": "application/x-www-form-urlencoded"})
        return r.status_code, r.headers.get("content-type", "").split(";")[0], r.content

    direct, through, lost = [], [], []
    for case in CASES:
        ok_direct = _passes_direct(case)
        answer = run_endpoint(case, send)
        ok_through = not isinstance(answer, str) and same(answer, expected(case))
        direct.append(ok_direct)
        through.append(ok_through)
        if ok_direct and not ok_through:
            lost.append(f"{case.name}: {answer if isinstance(answer, str) else 'wrong answer'}")
    summary = (f"{len(CASES)} tests: {sum(direct)} pass directly on pyoxigraph, "
               f"{sum(through)} through /sparql")
    print(summary)
    assert not lost, summary + "\n" + "\n".join(lost)
