"""Regression: tied ORDER BY keys let stores list a catalogue answer in different orders.

`benefits` sorted by ?position alone. Several graphs number their benefits from 1, so the
rows tied, each store returned them in its own order, and the answer text, cut at 600
characters, named different benefits on the embedded store and on Oxigraph. Every ordered
catalogue query now ends its ORDER BY with the rendered label and the citing graph.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Variable

from kg.catalogue import CatalogueQuestion, load_catalogue

ORDERED = [q for q in load_catalogue().questions if "ORDER BY" in q.sparql.upper()]


def _order_keys(node: Any) -> list[str] | None:
    """The variables of the outermost ORDER BY in the algebra, in order."""
    if getattr(node, "name", None) == "OrderBy":
        return [str(c.expr) for c in node["expr"] if isinstance(c.expr, Variable)]
    for child in (node.values() if hasattr(node, "values") else ()):
        found = _order_keys(child)
        if found is not None:
            return found
    return None


def test_some_queries_are_ordered() -> None:
    assert len(ORDERED) >= 40


@pytest.mark.parametrize("question", ORDERED, ids=lambda q: q.id)
def test_order_breaks_ties_by_what_is_shown(question: CatalogueQuestion) -> None:
    keys = _order_keys(prepareQuery(question.sparql).algebra)
    assert keys, question.id
    # A label (what the answer text shows) or the citing graph must settle ties.
    assert any(k.endswith("Label") or k in ("g", "statement") for k in keys), (question.id, keys)
