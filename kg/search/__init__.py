"""Retrieval of cited facts: BM25 over the passage graphs and their statements.

``SearchIndex.from_store(store)`` reads every passage graph once (its summary,
the labels of what it mentions and its statements, each verbalised as one
line) and indexes them; ``search`` ranks passages, ``search_statements``
single statements, each with the passage that cites it.
"""

from kg.search.index import SearchIndex
from kg.search.model import SearchHit, Statement

__all__ = ["SearchHit", "SearchIndex", "Statement"]
