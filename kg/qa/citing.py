"""Questions that cite their source: "per the webinar", "according to the 2018 article".

Such a question is about what that document says, so the passages and units it is read
against are those of the document whose description (title, publisher, kind, date) the
cited words match best. The match uses the same stems and concepts as everything else
(:meth:`kg.qa.analysis.Analyser.bag`), against each passage's document words
(:func:`kg.qa.facts.source_texts`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from kg.qa.analysis import Analysis

T = TypeVar("T")

SOURCE_NOUNS = frozenset({"article", "page", "webpage", "website", "site", "summary",
                          "webinar", "blog", "paper", "document", "appendix", "piece",
                          "briefing"})
# Where the words naming a source start: "according to | the C&M CCGs page".
SOURCE_BOUNDS = frozenset({"the", "a", "an", "per", "to", "in", "from", "by", "of", "on",
                           "according", "says", "say", "said"})
SOURCE_WINDOW = 5  # words before the document noun that may qualify it


def cited_words(analysis: Analysis) -> str:
    """The words that name a source ("c&m ccgs page", "2018 article"), or ""."""
    words = [t.surface for t in analysis.tokens]
    for i, word in enumerate(words):
        if word in SOURCE_NOUNS:
            start = i
            while start > 0 and i - start < SOURCE_WINDOW and \
                    words[start - 1] not in SOURCE_BOUNDS:
                start -= 1
            return " ".join(words[start:i + 1])
    return ""


def keep_cited(analysis: Analysis, items: Sequence[T], graph_of: Callable[[T], str],
               sources: Mapping[str, frozenset[str]],
               bag: Callable[[str], frozenset[str]]) -> list[T]:
    """``items`` from the document the question cites, or all of them when it cites none
    (or none of them is from what it cites)."""
    cited = cited_words(analysis)
    if not cited:
        return list(items)
    wanted = bag(cited)
    overlap = [len(wanted & sources.get(graph_of(item), frozenset())) for item in items]
    most = max(overlap, default=0)
    if not most:
        return list(items)
    return [item for item, n in zip(items, overlap, strict=True) if n == most]
