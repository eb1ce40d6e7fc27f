"""The long tail: when no structured reading fits, the passage whose facts match best.

Passages are ranked by BM25 over their own-words summaries and verbalised
statements (:mod:`kg.search`). The answer is the best passage's summary and
its best-matching statements, cited by its graph. How sure it is depends on
how much of the question those explain and whether they hold every entity the
question names; the engine's threshold then decides (see
:func:`kg.qa.confidence.retrieval_confidence`).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.qa.analysis import Analysis
from kg.qa.answer import ResultItem
from kg.qa.reader import Focus, Reading, coverage, question_words
from kg.search import SearchHit, SearchIndex

STATEMENTS = 3
MAX_TEXT = 560
PASSAGES = 3
# The retrieval answer's query: the cited passage graph's statements.
PASSAGE_QUERY = "SELECT ?s ?p ?o WHERE { GRAPH <%s> { ?s ?p ?o } }"


def retrieve(index: SearchIndex, analysis: Analysis, focus: Focus,
             bag: Callable[[str], frozenset[str]]) -> Reading | None:
    """The best passage as a reading, scored by the share of the question it explains."""
    hits = index.search(analysis.text, k=PASSAGES)
    if not hits:
        return None
    wanted = question_words(analysis)
    total = sum(wanted.values())
    best: tuple[float, float, SearchHit] | None = None
    for hit in hits:
        words = bag(_text(hit))
        explained = sum(w for f, w in wanted.items() if f in words) / total if total else 0.0
        held = {s.subject for s in hit.statements} | {s.object for s in hit.statements}
        entities = coverage(focus, frozenset(held))
        score = explained * (0.5 + 0.5 * entities)
        if best is None or score > best[0]:
            best = (score, explained, hit)
    if best is None:
        return None
    score, explained, hit = best
    statements = [s for s in hit.statements if s.score > 0][:STATEMENTS] or \
        list(hit.statements[:1])
    lines = [hit.summary.rstrip(".") + "."] if hit.summary else []
    for st in statements:
        line = st.text.rstrip(".") + "."
        if sum(len(x) + 1 for x in lines) + len(line) <= MAX_TEXT:
            lines.append(line)
    results = tuple(ResultItem(st.object_label, iri=st.object if st.object.startswith("http")
                               else None, value=None if st.object.startswith("http")
                               else st.object, graphs=(hit.graph,)) for st in statements)
    return Reading("passage", " ".join(lines), (), results, score,
                   PASSAGE_QUERY % hit.graph, tuple(sorted(focus.iris())), explained)


def _text(hit: SearchHit) -> str:
    return " | ".join([hit.summary or "", *(s.text for s in hit.statements)])
