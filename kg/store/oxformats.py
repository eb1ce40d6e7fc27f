"""How each :class:`ResultFormat` maps onto pyoxigraph's serialisers (one table for every store)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.store.base import ResultFormat

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
