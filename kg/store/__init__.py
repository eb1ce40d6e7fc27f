"""Triple stores behind one small interface: embedded (pyoxigraph) or remote (SPARQL 1.1)."""

from kg.store.base import QueryRequest, RawResult, ResultFormat, SelectResult, Store
from kg.store.terms import Term

__all__ = ["QueryRequest", "RawResult", "ResultFormat", "SelectResult", "Store", "Term"]
