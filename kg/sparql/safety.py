"""What the public endpoint refuses before a query ever reaches a store.

SERVICE (federated query) and LOAD make a SPARQL engine fetch URLs; FROM and
FROM NAMED may too, in engines that dereference graph IRIs. A public endpoint
must never be a way into the network, so these are refused with a message,
as are all SPARQL Updates: this endpoint is read-only. See
https://www.w3.org/TR/sparql11-federated-query/ and
https://www.w3.org/TR/sparql11-protocol/#query-operation.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.errors import ForbiddenOperationError
from kg.sparql.lexer import QueryShape, line_column


def check(query: str, shape: QueryShape, has_graph: Callable[[str], bool]) -> None:
    """Raise :class:`ForbiddenOperationError` if ``query`` could reach outside the dataset.

    ``has_graph`` tells whether an IRI names a graph of the served dataset.
    """
    if shape.update is not None:
        word = shape.update.text.upper()
        line, col = line_column(query, shape.update.offset)
        raise ForbiddenOperationError(
            f"{word} at line {line}, column {col}: this endpoint is read-only and accepts "
            "SPARQL queries (SELECT, ASK, CONSTRUCT, DESCRIBE) only; updates and LOAD "
            "are refused"
        )
    if shape.service is not None:
        line, col = line_column(query, shape.service.offset)
        raise ForbiddenOperationError(
            f"SERVICE at line {line}, column {col}: federated queries are disabled on this "
            "endpoint; it never contacts other servers"
        )
    if shape.unresolved:
        raise ForbiddenOperationError(
            f"FROM {shape.unresolved[0]}: the prefix is not declared, so the graph is unknown"
        )
    for keyword, iris in (("FROM", shape.from_graphs), ("FROM NAMED", shape.from_named_graphs)):
        for iri in iris:
            if not has_graph(iri):
                raise ForbiddenOperationError(
                    f"{keyword} <{iri}>: no graph of that name in this dataset; the endpoint "
                    "never fetches remote data (GET /sparql lists the named graphs)"
                )
