"""What the public endpoint refuses, decided on the parsed query (:mod:`kg.sparql.algebra`).

SERVICE (federated query) makes an engine fetch URLs; FROM and FROM NAMED
may too, in engines that dereference graph IRIs; SPARQL Update (LOAD among
it) is refused while parsing. This is the first layer: it gives a precise
message. The second layer does not depend on it: the processes that run
queries have no network at all (:mod:`kg.sparql.isolation`). See
https://www.w3.org/TR/sparql11-federated-query/ and
https://www.w3.org/TR/sparql11-protocol/#query-operation.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.errors import ForbiddenOperationError
from kg.sparql.algebra import ParsedQuery


def check(query: ParsedQuery, has_graph: Callable[[str], bool]) -> None:
    """Raise :class:`ForbiddenOperationError` if ``query`` could reach outside the dataset.

    ``has_graph`` tells whether an IRI names a graph of the served dataset.
    """
    if query.has_service:
        raise ForbiddenOperationError(
            "SERVICE: federated queries are disabled on this endpoint; it never contacts "
            "other servers"
        )
    for keyword, iris in (("FROM", query.from_graphs), ("FROM NAMED", query.from_named_graphs)):
        for iri in iris:
            if not has_graph(iri):
                raise ForbiddenOperationError(
                    f"{keyword} <{iri}>: no graph of that name in this dataset; the endpoint "
                    "never fetches remote data (GET /sparql lists the named graphs)"
                )
