"""Questions that cite their source: "per the webinar", "according to the 2018 article".

Such a question is about what that document says, so the passages and units it is read
against are those of the document whose description (title, publisher, kind, date) the
cited words match best. The match uses the same stems and concepts as everything else
(:meth:`kg.qa.analysis.Analyser.bag`), against each passage's document words
(:func:`kg.qa.facts.source_texts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from kg.qa.analysis import Analysis
from kg.qa.dates import find_dates
from kg.qa.lexicon import YES_NO

T = TypeVar("T")

# Unlike entities.DOCUMENT_NOUNS (names a document by), no "report" or "post": in a question
# they are verbs as often as nouns ("What did Frimley Health report?").
SOURCE_NOUNS = frozenset({"article", "page", "webpage", "website", "site", "summary",
                          "webinar", "blog", "paper", "document", "appendix", "piece",
                          "briefing", "section", "table"})
# Where the words naming a source start: "according to | the C&M CCGs page".
SOURCE_BOUNDS = frozenset({"the", "a", "an", "per", "to", "in", "from", "by", "of", "on",
                           "according", "says", "say", "said", "when", "what", "which",
                           "who", "how", "was", "is", "were", "are", "did", "does", "do",
                           "has", "have", "had"})
SOURCE_WINDOW = 5  # words before the document noun that may qualify it


_TRAILING = re.compile(r"[,;]?\s+(?:according\s+to|per|in\s+the\s+view\s+of|as\s+stated\s+by"
                       r"|as\s+described\s+by)\s+(?P<source>[^,?]{2,80}?)\s*(?P<end>[?.!]*)\s*\Z",
                       re.IGNORECASE)
_LEADING = re.compile(r"\A\s*(?:according\s+to|per)\s+(?P<source>[^,?]{2,80}),\s*(?P<rest>.+)\Z",
                      re.IGNORECASE | re.DOTALL)

_MEAN_BY = re.compile(r"\A\s*what\s+(?:does|do|did)\s+(?P<source>.{2,80}?)\s+(?:mean|means)\s+by"
                      r"\s+(?P<thing>[^?]{2,120}?)\s*\?*\s*\Z", re.IGNORECASE)

# "How does the journey page describe ICPs?" asks the same, in other words (a person's
# description is a view of theirs, read as such).
_HOW_DESCRIBED = re.compile(
    r"\A\s*how\s+(?:does|do|did)\s+(?P<source>.{0,60}?\b(?:page|site|website|article"
    r"|report|summary|blog|webinar|paper|document|glossary))\s+(?:describe|characteri[sz]e)"
    r"\s+(?P<thing>[^?]{2,120}?)\s*\?*\s*\Z", re.IGNORECASE)
# "What does the 'democratic mandate' refer to in the webinar?", "What does PCN stand for?":
# what the term is, cited from a source when one is named ("in the context of ICSs" only
# says where the term is used).
_REFER_TO = re.compile(
    r"\A\s*what\s+(?:does|do)\s+(?P<thing>[^?]{2,80}?)\s+(?:refer\s+to|stand\s+for|mean|involve|entail)"
    r"(?:\s+(?:in|within)\s+(?P<where>[^?]{2,80}?))?\s*\?*\s*\Z", re.IGNORECASE)
_TRUE_THAT = re.compile(r"\A\s*(?P<verb>is|was)\s+it\s+(?:true|the\s+case|correct|right|so)"
                        r"\s+that\s+", re.IGNORECASE)
# "Is X counted as a K?": the verb only says how the sources class X, which is what
# "Is X a K?" asks; left in, "counted" reads as a count and "regarded" as a duty.
_CLASSED_AS = re.compile(
    r"\A\s*(?P<verb>is|are|was|were)\s+(?P<thing>.{2,80}?)\s+(?:still\s+)?(?:counted|classed"
    r"|classified|categori[sz]ed|regarded|considered|described|seen|treated|recogni[sz]ed"
    r"|identified|listed)\s+(?:as|to\s+be)\s+(?P<rest>[^?]{2,120}\?*)\s*\Z", re.IGNORECASE)


# "Are NHS bodies required to break even, like councils?": the comparison names what the
# answer contrasts with, not a second thing the fact must hold of.
_LIKE = re.compile(r",?\s+(?:unlike|just like|like|in the same way as|the same way as|as do"
                   r"|as does)\s+[^,?]{2,60}?\s*(?P<end>\?*)\s*\Z", re.IGNORECASE)
_YES_NO_OPENING = re.compile(r"\A\s*(?:" + "|".join(sorted(YES_NO)) + r")\b", re.IGNORECASE)


def reworded(text: str) -> str:
    """ "What does the C&M partnership mean by ICPs?" asks what ICPs are, as that source
    has it: the source is a citation, not the thing to describe. "Is X counted as a K?"
    asks whether X is a K; "Must X break even, like councils?" whether X must."""
    match = _MEAN_BY.match(text) or _HOW_DESCRIBED.match(text)
    if match is not None:
        return f"What is {match['thing']}, according to {match['source']}?"
    # "Is it true that CCGs were abolished in 2022?" asks the clause, yes or no.
    text = _TRUE_THAT.sub(lambda m: m["verb"] + " ", text)
    refer = _REFER_TO.match(text)
    if refer is not None and not _MEAN_BY.match(text):
        where = refer["where"] or ""
        cited = any(w in SOURCE_NOUNS for w in where.lower().split())
        return f"What is {refer['thing']}" + (f", according to {where}?" if cited else "?")
    classed = _CLASSED_AS.match(text)
    if classed is not None:
        text = f"{classed['verb']} {classed['thing']} {classed['rest']}"
    like = _LIKE.search(text) if _YES_NO_OPENING.match(text) else None
    if like is not None:
        text = text[:like.start()] + (like["end"] or "?")
    return text


# "What is an ICP, according to the 2022 C&M page?": what a thing is holds at no date, so
# the year only names the source.
_WHAT_IS = re.compile(r"\A\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?:\S+\s+){0,5}?\S+,",
                      re.IGNORECASE)


def split_source(text: str) -> tuple[str, str]:
    """The question without a clause that only names its source, and that source:
    "What are the benefits, according to the C&M partnership?" asks about benefits, as
    that partnership states them. A clause with a date stays ("according to the 2018
    article, how many...": the date says as of when)."""
    trailing = _TRAILING.search(text)
    if trailing and (not find_dates(trailing["source"]) or _WHAT_IS.match(text)):
        return text[:trailing.start()] + (trailing["end"] or "?"), trailing["source"].strip()
    leading = _LEADING.match(text)
    if leading and not find_dates(leading["source"]):
        rest = leading["rest"].strip()
        return rest[:1].upper() + rest[1:], leading["source"].strip()
    return text, ""


def names_document(cited: str) -> bool:
    """ "the C&M journey page" names a document; "the chair of the NAPC" a person, whose
    own view the question may ask for."""
    return bool(SOURCE_NOUNS & set(re.findall(r"[a-z]+", cited.lower())))


def cited_words(analysis: Analysis) -> str:
    """The words that name a source ("c&m ccgs page", "2018 article"), or ""."""
    if analysis.cited:
        return analysis.cited.lower()
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
    """``items`` from the document the question cites (none, when none is from it), or
    all of them when it cites no document the graph has."""
    cited = cited_graphs(analysis, sources, bag)
    if cited is None:
        return list(items)
    # What no passage states (a document's own description) is from no document in
    # particular, so a citation does not rule it out.
    return [i for i in items if graph_of(i) in cited or graph_of(i) not in sources]


def _best_graphs(wanted: frozenset[str], sources: Mapping[str, frozenset[str]]
                 ) -> list[str]:
    overlap = {g: len(wanted & words) for g, words in sources.items()}
    most = max(overlap.values(), default=0)
    return [g for g, n in overlap.items() if n == most] if most else []


def cited_graphs(analysis: Analysis, sources: Mapping[str, frozenset[str]],
                 bag: Callable[[str], frozenset[str]]) -> frozenset[str] | None:
    """The passage graphs of the document the question cites (those whose document words
    its citation matches best); None when it cites none, or none that the graph tells
    apart from the rest."""
    cited = cited_words(analysis)
    if not cited:
        return None
    best = _best_graphs(bag(cited), sources)
    return frozenset(best) if best and len(best) < len(sources) else None
