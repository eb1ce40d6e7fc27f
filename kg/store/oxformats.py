"""How each :class:`ResultFormat` maps onto pyoxigraph's serialisers, and the one
:func:`serialise` every store and the query workers use (row cap enforced while writing)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TypeVar, cast

import pyoxigraph as ox

from kg.errors import ResultLimitError
from kg.store.base import RawResult, ResultFormat

T = TypeVar("T")

RESULTS: dict[ResultFormat, ox.QueryResultsFormat] = {
    ResultFormat.JSON: ox.QueryResultsFormat.JSON,
    ResultFormat.XML: ox.QueryResultsFormat.XML,
    ResultFormat.CSV: ox.QueryResultsFormat.CSV,
    ResultFormat.TSV: ox.QueryResultsFormat.TSV,
}
GRAPHS: dict[ResultFormat, ox.RdfFormat] = {
    ResultFormat.TURTLE: ox.RdfFormat.TURTLE,
    ResultFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    ResultFormat.RDFXML: ox.RdfFormat.RDF_XML,
    ResultFormat.JSONLD: ox.RdfFormat.JSON_LD,
}


def too_many(max_rows: int | None) -> ResultLimitError:
    return ResultLimitError(
        f"the query returns more than {max_rows} rows (or triples), the most this endpoint "
        "sends; narrow it or add LIMIT"
    )


def capped(items: Iterable[T], max_rows: int | None) -> Iterator[T]:
    """``items``, refused with :func:`too_many` at the first one past ``max_rows``."""
    for count, item in enumerate(items, 1):
        if max_rows is not None and count > max_rows:
            raise too_many(max_rows)
        yield item


class _CappedTsv:
    """A binary sink for TSV results that stops the writer once past the row cap."""

    def __init__(self, max_rows: int | None) -> None:
        self._max_lines = None if max_rows is None else max_rows + 1  # + the header line
        self._max_rows = max_rows
        self.lines = 0
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        # TSV escapes newlines inside terms, so lines are exactly rows + header.
        self.lines += data.count(b"\n")
        if self._max_lines is not None and self.lines > self._max_lines:
            raise too_many(self._max_rows)
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None


def serialise(result: object, fmt: ResultFormat | None, max_rows: int | None) -> RawResult:
    """Write a query result (or a list of triples) in ``fmt`` (or the default for its
    form), within ``max_rows``."""
    if isinstance(result, (ox.QueryTriples, list)):
        fmt = fmt if fmt in GRAPHS else ResultFormat.TURTLE
        triples = []
        for triple in result:
            triples.append(triple)
            if max_rows is not None and len(triples) > max_rows:
                raise too_many(max_rows)
        body = ox.serialize(triples, format=GRAPHS[fmt]) or b""
        return RawResult(body, fmt.media_type, "graph", len(triples))
    fmt = fmt if fmt in RESULTS else ResultFormat.JSON
    if isinstance(result, ox.QueryBoolean):
        return RawResult(result.serialize(format=RESULTS[fmt]) or b"", fmt.media_type, "ask")
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"unexpected query result {type(result).__name__}")
    # Counting rows in JSON or XML output would need parsing it; TSV has one row a
    # line, and pyoxigraph turns TSV into any other results format losslessly.
    sink = _CappedTsv(max_rows)
    # pyoxigraph only calls write() and flush() on its output.
    result.serialize(cast(IO[bytes], sink), format=ox.QueryResultsFormat.TSV)
    tsv = b"".join(sink.chunks)
    rows = max(sink.lines - 1, 0)
    if fmt is ResultFormat.TSV:
        return RawResult(tsv, fmt.media_type, "select", rows)
    solutions = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    body = solutions.serialize(format=RESULTS[fmt]) or b""
    return RawResult(body, fmt.media_type, "select", rows)
