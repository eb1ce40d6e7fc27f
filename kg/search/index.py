"""BM25 over passage graphs and over single statements (the ``bm25s`` package).

A passage is indexed as its summary, the names of everything it mentions
(labels and alternative labels, so "ICB" finds "integrated care board") and
its verbalised statements. A statement is indexed as its text plus the other
names of its subject and object. Both indexes are built once per loaded graph.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from kg.errors import BadRequestError
from kg.search.harvest import Labels, Passage, read_labels, read_passages
from kg.search.model import SearchHit, Statement
from kg.search.tokens import Terms, acronyms_in
from kg.store.base import Store

# A passage hit carries at most this many statements (the best-scoring first), so a
# hit stays small enough to paste into a prompt; search_statements reaches the rest.
MAX_STATEMENTS_PER_HIT = 10
MAX_K = 100


class _Bm25:
    """One bm25s index over tokenised documents; an empty corpus scores nothing."""

    def __init__(self, documents: Sequence[list[str]]) -> None:
        self._size = len(documents)
        self._model: bm25s.BM25 | None = None
        if documents:
            self._model = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
            self._model.index(list(documents), show_progress=False)

    def scores(self, query: list[str]) -> np.ndarray:
        if self._model is None:
            return np.zeros(self._size, dtype=np.float32)
        ids = self._model.get_tokens_ids(query)
        if not ids:
            return np.zeros(self._size, dtype=np.float32)
        result: np.ndarray = self._model.get_scores_from_ids(ids)
        return result


@dataclass(frozen=True, slots=True)
class _Owner:
    passage: int  # index into the passages
    position: int  # index into that passage's statements


class _Tokens:
    """Tokenises each distinct text once: statement texts and names recur across documents."""

    def __init__(self, terms: Terms) -> None:
        self._terms = terms
        self._seen: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._terms(text)
        return found

    def names(self, names: Sequence[str]) -> list[str]:
        return [t for name in names for t in self(name)]


def _passage_tokens(passage: Passage, labels: Labels, tokens: _Tokens) -> list[str]:
    names: dict[str, None] = {}
    for st in passage.statements:
        for iri in (st.subject, st.object):
            names.update(dict.fromkeys(labels.names(iri)))
    return [*tokens(passage.summary or ""), *tokens.names(list(names)),
            *(t for st in passage.statements for t in tokens(st.text))]


def _statement_tokens(st: Statement, labels: Labels, tokens: _Tokens) -> list[str]:
    return [*tokens(st.text), *tokens.names(labels.others.get(st.subject, ())),
            *tokens.names(labels.others.get(st.object, ()))]


def _check_k(k: int) -> None:
    if not 1 <= k <= MAX_K:
        raise BadRequestError(f"k must be between 1 and {MAX_K}, not {k}")


class SearchIndex:
    """Ranks the passage graphs of one loaded graph, and their statements, for a query."""

    def __init__(self, passages: Sequence[Passage], labels: Labels) -> None:
        self._passages = tuple(passages)
        self._by_graph = {p.graph: p for p in self._passages}
        all_names = [n for names in labels.others.values() for n in names]
        self._terms = Terms(acronyms_in([*labels.preferred.values(), *all_names]))
        self._owners = [_Owner(i, j) for i, p in enumerate(self._passages)
                        for j in range(len(p.statements))]
        # Where each passage's statements start among all statements (the statement index).
        self._offsets = [0]
        for p in self._passages:
            self._offsets.append(self._offsets[-1] + len(p.statements))
        tokens = _Tokens(self._terms)
        self._by_passage = _Bm25([_passage_tokens(p, labels, tokens) for p in self._passages])
        self._by_statement = _Bm25([
            _statement_tokens(self._passages[o.passage].statements[o.position], labels, tokens)
            for o in self._owners])

    @classmethod
    def from_store(cls, store: Store) -> SearchIndex:
        """Read every passage graph of ``store`` (three queries) and index it."""
        labels = read_labels(store)
        return cls(read_passages(store, labels), labels)

    @property
    def passage_count(self) -> int:
        return len(self._passages)

    def search(self, query: str, k: int = 5) -> list[SearchHit]:
        """The ``k`` passages that best match ``query``, best first (none when nothing matches)."""
        _check_k(k)
        terms = self._terms(query)
        passage_scores = self._by_passage.scores(terms)
        statement_scores = self._by_statement.scores(terms)
        ranked = _top(passage_scores, k)
        return [self._hit(i, float(passage_scores[i]), statement_scores) for i in ranked]

    def search_statements(self, query: str, k: int = 5) -> list[tuple[Statement, SearchHit]]:
        """The ``k`` statements that best match ``query``, each with its citing passage."""
        _check_k(k)
        terms = self._terms(query)
        passage_scores = self._by_passage.scores(terms)
        statement_scores = self._by_statement.scores(terms)
        found: list[tuple[Statement, SearchHit]] = []
        for n in _top(statement_scores, k):
            owner = self._owners[n]
            hit = self._hit(owner.passage, float(passage_scores[owner.passage]),
                            statement_scores)
            st = self._passages[owner.passage].statements[owner.position]
            found.append((dataclasses.replace(st, score=_round(statement_scores[n])), hit))
        return found

    def statements_stating(self, values: Collection[str]) -> list[tuple[Statement, SearchHit]]:
        """Every statement whose object is one of ``values`` (lexical forms, such as a
        figure's "1800000"), each with its citing passage: words cannot find a figure."""
        wanted = set(values)
        found: list[tuple[Statement, SearchHit]] = []
        for passage in self._passages:
            for st in passage.statements:
                if st.object in wanted:
                    found.append((st, SearchHit(passage.graph, 0.0, passage.summary,
                                                passage.document, passage.title,
                                                passage.locator, ())))
        return found

    def about(self, graph: str, subject: str) -> list[Statement]:
        """Every statement of passage ``graph`` whose subject is ``subject`` (a count's
        "count in", beside the figure a search found)."""
        passage = self._by_graph.get(graph)
        return [] if passage is None else [st for st in passage.statements
                                           if st.subject == subject]

    def _hit(self, index: int, score: float, statement_scores: np.ndarray) -> SearchHit:
        passage = self._passages[index]
        first = self._offsets[index]
        rounded = [_round(v) for v in statement_scores[first:first + len(passage.statements)]]
        # Stable sort: equally scored statements keep the passage's reading order. Only the
        # statements shown are copied with their score (a passage may hold hundreds).
        order = sorted(range(len(rounded)), key=lambda j: -rounded[j])[:MAX_STATEMENTS_PER_HIT]
        scored = [dataclasses.replace(passage.statements[j], score=rounded[j]) for j in order]
        return SearchHit(graph=passage.graph, score=_round(score), summary=passage.summary,
                         document=passage.document, title=passage.title,
                         locator=passage.locator,
                         statements=tuple(scored))


def _round(value: float | np.floating) -> float:
    return round(float(value), 4)


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the ``k`` highest positive scores; ties in index order, so results are stable."""
    order = sorted((i for i in range(len(scores)) if scores[i] > 0),
                   key=lambda i: (-float(scores[i]), i))
    return order[:k]
