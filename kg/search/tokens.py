"""Text to BM25 terms, with the question-answering code's own normalisation.

Queries and indexed text go through the same :class:`kg.qa.text.Normaliser`
the QA engine uses, so "boards" meets "board" and "CCGs" meets "CCG" here as
there; words that carry no meaning (the QA lexicon's stopwords) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.qa.lexicon import STOPWORDS
from kg.qa.text import Normaliser, words


def acronyms_in(texts: Iterable[str]) -> set[str]:
    """Upper-case words of two or more letters ("ICB", "STP"): never stemmed."""
    found: set[str] = set()
    for text in texts:
        found.update(w.lower() for w in text.replace("&", " ").split()
                     if len(w) >= 2 and w.isupper() and w.isalpha())
    return found


class Terms:
    """Turns text into the stems BM25 counts."""

    def __init__(self, acronyms: Iterable[str] = ()) -> None:
        self._normaliser = Normaliser(acronyms)

    def __call__(self, text: str) -> list[str]:
        return [self._normaliser.stem(w) for w in words(text)
                if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
