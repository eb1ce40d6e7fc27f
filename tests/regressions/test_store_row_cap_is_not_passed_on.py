"""Regression: a 24,518-row result from Virtuoso came back as 200 with 10,000 rows (its
ResultSetMaxRows), passed on as if whole. A result the store says it cut is now a 413."""

from __future__ import annotations

import pytest

from kg.errors import ResultLimitError
from kg.store.remote_requests import check_not_cut_short, row_cap_of
from tests.stores.virtuoso import STORE_ROW_CAP, VirtuosoServer


def test_the_header_virtuoso_sends_is_read() -> None:
    assert row_cap_of({"x-sparql-maxrows": "10000"}.get) == 10_000
    assert row_cap_of({}.get) is None
    with pytest.raises(ResultLimitError, match="ICSKG_STORE_MAX_ROWS"):
        check_not_cut_short(500, store_max_rows=500)
    check_not_cut_short(499, store_max_rows=500)


def test_a_cut_result_from_virtuoso_is_refused(virtuoso_server: VirtuosoServer) -> None:
    query = ("SELECT ?a ?b WHERE { GRAPH ?g { ?a ?p ?x } GRAPH ?h { ?b ?q ?y } } "
             f"LIMIT {STORE_ROW_CAP + 1}")
    with pytest.raises(ResultLimitError, match=f"its own cap of {STORE_ROW_CAP} rows"):
        virtuoso_server.remote().select(query)
