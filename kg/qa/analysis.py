"""Analyse a text into what intent matching compares: concepts, stems, entities, dates, slots.

Questions and catalogue phrasings go through the same steps: date phrases
and ``{slot}`` marks become placeholders, misspelt words are corrected to
the nearest known word, entities are linked, then synonym phrases become
concepts (``~MUST``) and the remaining content words their stems. Words
inside an entity's name count half, since the entity already says it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from english_words import get_english_words_set
from rapidfuzz import fuzz, process

from kg.qa.dates import MONTHS, DateMention, find_dates
from kg.qa.entities import COMMON_WORD, SOURCE_DOCUMENT
from kg.qa.lexicon import CONCEPTS, STOPWORDS
from kg.qa.linking import EntityIndex, Mention
from kg.qa.text import Token, words

SLOT_MARK = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
SLOT_WORD = re.compile(r"qqslot(\d+)qq\Z")
DATE_WORD = "qqdateqq"
INSIDE_NAME = 0.0
TYPO_CUTOFF = 85.0
MIN_TYPO_CHARS = 4
COMMON_NAME = COMMON_WORD  # match score of a one-word everyday name
DOCUMENT_CLASSES = frozenset({SOURCE_DOCUMENT, "https://w3id.org/icskg/ontology#PolicyDocument"})
DOCUMENT_NOUNS = frozenset({"plan", "report", "paper", "document", "article",
                            "page", "blog", "publication", "guidance"})
TITLE_LINKS = frozenset({"of", "on", "about", "into"})  # "the CCAL summary of Integrating Care"
# Before a number, words that make it the size of the list asked for ("the three aims",
# "which nine CCGs", "name the eight ICSs").
TITLE_NOUNS = frozenset({"document", "paper", "report", "publication"})
LIST_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "all", "which", "what",
                              "name", "list"})


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a text says, in the terms intent matching compares."""

    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    slots: tuple[str, ...]  # parameter slots of a phrasing, in order
    features: Mapping[str, float]  # concept or stem -> 1.0, or less inside an entity name
    numbers: tuple[int, ...]
    positions: Mapping[str, int]  # feature -> index of the first word saying it
    spans: Mapping[str, range]  # feature -> the words that first say it
    slot_positions: tuple[int, ...]  # index of each slot's placeholder, as ``slots``
    unknown_names: tuple[str, ...]  # capitalised words the graph does not know ("France")
    cited: str = ""  # the source a clause named and the text no longer holds (kg.qa.citing)
    cited_document: str = ""  # the IRI of the one source document the question reads


class Analyser:
    """Turns texts into :class:`Analysis`; holds the phrase table and the known words."""

    def __init__(self, index: EntityIndex, extra_words: Iterable[str] = ()) -> None:
        self.index = index
        self.normaliser = index.normaliser
        self._phrases: dict[tuple[str, ...], frozenset[str]] = {}
        for concept, phrases in CONCEPTS.items():
            for phrase in phrases:
                stems = tuple(t.stem for t in self.normaliser.tokens(phrase))
                if stems:
                    self._phrases[stems] = self._phrases.get(stems, frozenset()) | {concept}
        self._longest = max(len(k) for k in self._phrases)
        # Phrases by their first stem, longest first: what :meth:`bag` tries at a word.
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for stems_of in sorted(self._phrases, key=len, reverse=True):
            by_first.setdefault(stems_of[0], []).append(stems_of)
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        known = set(STOPWORDS)
        for phrase in (p for ps in CONCEPTS.values() for p in ps):
            known.update(words(phrase))
        known.update(index.words)
        known.update(w for text in extra_words for w in words(text))
        self._known = sorted(w for w in known if len(w) >= 3)
        self._known_set = frozenset(known)
        # "covered" is a form of the known "cover", never a typo of "converted".
        self._known_stems = frozenset(self.normaliser.stem(w) for w in known)
        # Read here, with the engine, so no question pays for it (about 0.2 s).
        self._english = english_words()

    def analyse(self, text: str) -> Analysis:
        """Analyse one question or phrasing."""
        slots = tuple(SLOT_MARK.findall(text))
        marked = _mark_slots(text)
        dates = tuple(find_dates(marked))
        for date in sorted(dates, key=lambda d: d.start, reverse=True):
            marked = f"{marked[:date.start]} {DATE_WORD} {marked[date.end:]}"
        tokens = tuple(self._correct(t) for t in self.normaliser.tokens(marked))
        titles = self.index.quoted_titles(marked)
        blocked = frozenset(i for i, t in enumerate(tokens) if _is_placeholder(t.surface)) | {
            i for m in titles for i in range(m.start, m.end)}
        mentions = tuple(sorted([*titles, *(m for m in self.index.link(tokens, blocked)
                                            if not self._compound(tokens, m))],
                                key=lambda m: m.start))
        mentions = tuple(_as_document(tokens, m) for m in mentions)
        mentions, echoes = _without_echoes(mentions)
        mentions, titled = self._without_title_words(tokens, mentions)
        echoes |= titled
        features, spans = self._features(tokens, mentions, echoes)
        if _when_joins_clauses(tokens, spans.get("~WHEN")):
            del features["~WHEN"], spans["~WHEN"]
        positions = {f: span.start for f, span in spans.items()}
        numbers = _numbers(tokens)
        slot_positions = tuple(i for i, t in enumerate(tokens) if SLOT_WORD.match(t.surface))
        return Analysis(text, tokens, mentions, dates, slots, features, numbers, positions,
                        spans, slot_positions, self._unknown_names(marked))

    def bag(self, text: str) -> frozenset[str]:
        """The concepts and content stems of ``text``, without linking or typo correction
        (for the graph's own sentences, which are spelt right)."""
        stems = [t.stem for t in self.normaliser.tokens(text)]
        surfaces = words(text)
        found: set[str] = set()
        i = 0
        while i < len(stems):
            size = 1
            for phrase in self._by_first.get(stems[i], ()):
                if tuple(stems[i:i + len(phrase)]) == phrase:
                    size = len(phrase)
                    found.update(f"~{c}" for c in self._phrases[phrase])
                    break
            # The words themselves count too: "produce" is both ~PRODUCE and produc.
            found.update(st for st, w in zip(stems[i:i + size], surfaces[i:i + size],
                                             strict=False) if w not in STOPWORDS)
            i += size
        return frozenset(found)

    def _without_title_words(self, tokens: tuple[Token, ...], mentions: tuple[Mention, ...]
                             ) -> tuple[tuple[Mention, ...], frozenset[int]]:
        """ "the CCAL summary of Integrating Care": words of a document's own title after
        its name ("of", "on", "about" ...) describe that document, not a second thing."""
        kept: list[Mention] = []
        titled: set[int] = set()
        for mention in mentions:
            before = kept[-1] if kept else None
            gap = [t.surface for t in tokens[before.end:mention.start]] if before else []
            if before is not None and SOURCE_DOCUMENT in before.best.entity.classes and \
                    gap[:1] and gap[0] in TITLE_LINKS and len(gap) <= 2 and \
                    all(w in ("the", "a", "an") for w in gap[1:]):
                title = {t.stem for t in self.normaliser.tokens(before.best.entity.label)}
                if all(t.stem in title for t in tokens[mention.start:mention.end]):
                    titled |= set(range(mention.start, mention.end))
                    # "... of the Integrating Care next steps document": the noun too.
                    if mention.end < len(tokens) and tokens[mention.end].surface in TITLE_NOUNS:
                        titled.add(mention.end)
                    continue
            kept.append(mention)
        return tuple(kept), frozenset(titled)

    def _unknown_names(self, text: str) -> tuple[str, ...]:
        """Capitalised words (not opening a sentence) that no name, phrasing or lexicon has."""
        found = []
        for match in _CAPITALISED.finditer(text):
            word = match.group().lower()
            if word not in self._known_set and self._correct(
                    Token(word, word, 0)).surface not in self._known_set:
                found.append(word)
        return tuple(found)

    def _compound(self, tokens: tuple[Token, ...], mention: Mention) -> bool:
        """An everyday name after an unknown word is part of something else ("solar system")."""
        single = mention.end - mention.start == 1
        if not single or mention.best.score > COMMON_NAME or mention.start == 0:
            return False
        before = tokens[mention.start - 1].surface
        return before not in self._known_set and not _is_placeholder(before)

    def _correct(self, token: Token) -> Token:
        surface = token.surface
        if (surface in self._known_set or token.stem in self._known_stems
                or len(surface) < MIN_TYPO_CHARS or surface.isdigit()
                or _is_placeholder(surface) or is_english(surface, self._english)):
            return token
        hit = process.extractOne(surface, self._known, scorer=fuzz.ratio,
                                 score_cutoff=TYPO_CUTOFF)
        if hit is None:
            return token
        return Token(hit[0], self.normaliser.stem(hit[0]), token.start)

    def _features(self, tokens: tuple[Token, ...], mentions: tuple[Mention, ...],
                  echoes: frozenset[int] = frozenset()
                  ) -> tuple[dict[str, float], dict[str, range]]:
        inside = {i for m in mentions if not m.weak for i in range(m.start, m.end)} | echoes
        features: dict[str, float] = {}
        spans: dict[str, range] = {}

        def add(name: str, span: range, share: float = 1.0) -> None:
            weight = share * (INSIDE_NAME if all(i in inside for i in span) else 1.0)
            if weight > 0:
                features[name] = max(features.get(name, 0.0), weight)
                spans.setdefault(name, span)

        i = 0
        while i < len(tokens):
            if _is_placeholder(tokens[i].surface):
                i += 1
                continue
            size, concepts = self._phrase_at(tokens, i)
            if concepts:
                # A word with several senses ("create": form or produce) counts once in all.
                for concept in concepts:
                    add(f"~{concept}", range(i, i + size), 1.0 / len(concepts))
                i += size
                continue
            surface = tokens[i].surface
            if i > 0 and tokens[i - 1].surface in LIST_DETERMINERS and (
                    _number(tokens[i].stem) is not None or _number(surface) is not None):
                i += 1  # "the three aims": the size of the list asked for, not what it is about
                continue
            if surface.isdigit() and int(surface) <= 31 and i + 1 < len(tokens) and \
                    tokens[i + 1].surface in MONTHS:
                i += 1  # "on 24 May": a day of a month given without its year, no figure
                continue
            if surface not in STOPWORDS and (len(surface) > 1 or surface.isdigit()):
                add(tokens[i].stem, range(i, i + 1))
            i += 1
        return features, spans

    def _phrase_at(self, tokens: tuple[Token, ...], i: int) -> tuple[int, frozenset[str]]:
        for size in range(min(self._longest, len(tokens) - i), 0, -1):
            window = tokens[i:i + size]
            if any(_is_placeholder(t.surface) for t in window):
                continue
            concepts = self._phrases.get(tuple(t.stem for t in window))
            if concepts:
                return size, concepts
        return 1, frozenset()


@functools.cache
def english_words() -> frozenset[str]:
    """The English word list (read once: it is data of an installed package)."""
    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


def is_english(word: str, found: frozenset[str] | None = None) -> bool:
    """A dictionary word, or a regular inflection of one ("countries", "governed")."""
    found = english_words() if found is None else found
    if word in found:
        return True
    for suffix, base in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and \
                word[:len(word) - len(suffix)] + base in found:
            return True
    return False


_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                ("ing", ""), ("ing", "e"), ("ly", ""))
_CAPITALISED = re.compile(r"(?<![.?!]\s)(?<!\A)\b[A-Z][a-z]{2,}\b")
SUPERLATIVES = frozenset({"largest", "biggest"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)\Z")


_WH_WORDS = frozenset({"what", "which", "who", "whom", "how", "why", "where"})


def _when_joins_clauses(tokens: tuple[Token, ...], span: range | None) -> bool:
    """ "What happens to CCG staff when ICBs are set up?", "When the NHS was formed, which
    bodies...?": "when" joins a clause to a question that asks something else."""
    if span is None or len(span) != 1 or tokens[span.start].surface != "when":
        return False
    others = [i for i, t in enumerate(tokens) if t.surface in _WH_WORDS]
    return any(i < span.start for i in others) or (span.start == 0 and bool(others))


def _as_document(tokens: tuple[Token, ...], mention: Mention) -> Mention:
    """ "the Next Steps plan": a name followed by a word for a document names the document
    (not the steps), when the document is one of its readings."""
    if mention.end >= len(tokens) or tokens[mention.end].surface not in DOCUMENT_NOUNS or \
            mention.best.entity.classes & DOCUMENT_CLASSES:
        return mention
    documents = [c for c in mention.candidates if c.entity.classes & DOCUMENT_CLASSES]
    if not documents:
        return mention
    rest = [c for c in mention.candidates if c not in documents]
    return replace(mention, candidates=(*documents, *rest))


def _without_echoes(mentions: tuple[Mention, ...]) -> tuple[tuple[Mention, ...], frozenset[int]]:
    """ "a sustainability and transformation partnership (STP)": the acronym right after
    the name says the same thing again, not a second thing; its words stay part of a name."""
    kept: list[Mention] = []
    echoes: set[int] = set()
    for mention in mentions:
        if kept and mention.start == kept[-1].end and \
                mention.best.entity.stands_for == kept[-1].best.entity.stands_for:
            echoes |= set(range(mention.start, mention.end))
            continue
        kept.append(mention)
    return tuple(kept), frozenset(echoes)


def _numbers(tokens: tuple[Token, ...]) -> tuple[int, ...]:
    """The numbers a question gives; "the largest" with no ordinal before it is number 1
    ("Is X the largest STP?" asks about rank 1, not the rank slot's default)."""
    found: list[int] = []
    for i, token in enumerate(tokens):
        number = _number(token.stem) or _number(token.surface)
        if number is None and token.surface in SUPERLATIVES and not (
                i and _number(tokens[i - 1].surface) is not None):
            number = 1
        if number is not None:
            found.append(number)
    return tuple(found)


def _number(word: str) -> int | None:
    """A number written as digits, an ordinal ("2nd") or an ordinal word ("second")."""
    if word.isdigit() and len(word) <= 9:
        return int(word)
    match = _ORDINAL.match(word)
    if match:
        return int(match.group(1))
    return ORDINALS.get(word)


def _mark_slots(text: str) -> str:
    counter = iter(range(1000))
    return SLOT_MARK.sub(lambda _: f" qqslot{next(counter)}qq ", text)


def _is_placeholder(word: str) -> bool:
    return word == DATE_WORD or SLOT_WORD.match(word) is not None
