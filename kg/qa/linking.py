"""Entity linking: find the graph's entities named in a question.

Every run of up to eight words is looked up by its key (the stems of its
words), so case, punctuation, "&" versus "and", possessives and plurals do
not matter; runs with no exact match are compared with every name by edit
similarity (rapidfuzz), which forgives small typos; only names of a length
that can reach the cutoff are compared (``fuzz.ratio`` is at most
``2·min(a, b) / (a + b)`` of the lengths). Overlapping finds are
settled longest and best first. Each mention keeps its best entity and the
other candidates.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kg.qa.entities import ICS, SOURCE_DOCUMENT, Entity, Name, names_of, read_entities
from kg.qa.lexicon import STOPWORDS
from kg.qa.text import Normaliser, Token, words
from kg.store.base import Store

MAX_WORDS = 8
FUZZY_CUTOFF = 86.0
MIN_FUZZY_CHARS = 6
MAX_CANDIDATES = 6
SWALLOW_WORDS = 2  # a fuzzy name must be this many words longer than exact ones it swallows
SWALLOW_SCORE = 0.85
# A quoted run of words is a title: "the 'progress so far' article" names the document whose
# title holds every one of its words.
_QUOTED = re.compile(r"(?:(?<=[\s(])|^)['‘\"“]([^'’\"”]{4,150})['’\"”](?=[\s?.,;:!)]|$)")
MIN_QUOTED_WORDS = 2
QUOTED_SCORE = 0.95

# Documents a quoted title can name: the sources, and the policy papers they discuss.
TITLED = frozenset({SOURCE_DOCUMENT, f"{ICS}PolicyDocument"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity a mention may name, and how well the words match one of its names."""

    entity: Entity
    score: float
    name: str
    name_weak: bool = False

    @property
    def weak(self) -> bool:
        """A weak name or entity: its words count as words, it only fills slots."""
        return self.entity.weak or self.name_weak


@dataclass(frozen=True, slots=True)
class Mention:
    """A run of words naming an entity: ``tokens[start:end]`` of the question."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def weak(self) -> bool:
        """True when the best candidate is a weak class: the words then count as words."""
        return self.best.weak

    def fitting(self, classes: Iterable[str]) -> Candidate | None:
        """The best candidate belonging to one of ``classes`` (any candidate when empty)."""
        wanted = frozenset(classes)
        if not wanted:
            return self.best
        return next((c for c in self.candidates if c.entity.classes & wanted), None)


def _order(candidate: Candidate) -> tuple[bool, float, int, float]:
    return (candidate.name_weak, -round(candidate.score, 3), candidate.entity.rank,
            -candidate.entity.prior)


class EntityIndex:
    """Names of the graph's entities, by key, ready for linking."""

    def __init__(self, entities: Sequence[tuple[Entity, tuple[str, ...]]],
                 normaliser: Normaliser, vocabulary: frozenset[str]) -> None:
        self.normaliser = normaliser
        self.entities = {e.iri: e for e, _ in entities}
        generic = self._generic_keys(entities)
        by_key: dict[str, list[Name]] = defaultdict(list)
        for entity, alts in entities:
            for name in names_of(entity, alts, normaliser, generic, vocabulary):
                by_key[name.key].append(name)
        self._names = dict(by_key)
        self.words = frozenset(w for e, alts in entities for t in (e.label, *alts)
                               for w in words(t))
        self._keys = list(self._names)
        # Keys by length (then by first appearance, which breaks ties as before).
        by_length = sorted(range(len(self._keys)), key=lambda i: (len(self._keys[i]), i))
        self._lengths = [len(self._keys[i]) for i in by_length]
        self._by_length = [self._keys[i] for i in by_length]
        self._order = by_length
        # Each source document with the stems of its title, for quoted titles.
        self._titles = [(e, frozenset(normaliser.key(e.label).split()))
                        for e, _ in entities if e.classes & TITLED]

    @classmethod
    def from_store(cls, store: Store, vocabulary: frozenset[str]) -> EntityIndex:
        entities = read_entities(store)
        normaliser = Normaliser(_acronyms(entities))
        return cls(entities, normaliser, vocabulary)

    def _generic_keys(self, entities: Sequence[tuple[Entity, tuple[str, ...]]]) -> dict[str, str]:
        """Keys of class names, which may trail a named body's label ("... ICS"), each
        to its class: the class's other names can stand in for the tail."""
        keys: dict[str, str] = {}
        for entity, alts in entities:
            if entity.role == "class":
                for text in (entity.label, *alts):
                    keys.setdefault(self.normaliser.key(text), entity.iri)
        return keys

    def link(self, tokens: Sequence[Token], blocked: frozenset[int] = frozenset()) -> list[Mention]:
        """The entity mentions among ``tokens``, in order; ``blocked`` words are in none."""
        chosen = _settle(self._find(tokens, blocked, fuzzy=False), frozenset())
        # Typo-tolerant matches fill the gaps the exact ones leave, or swallow short exact
        # ones inside a much longer name ("Chesire and Merseyside ICS" is one name, not "ICS").
        for mention in sorted(self._find(tokens, blocked, fuzzy=True),
                              key=lambda m: (-(m.end - m.start) * m.best.score, m.start)):
            inside = [c for c in chosen if mention.start <= c.start and c.end <= mention.end]
            crossing = [c for c in chosen if c not in inside
                        and c.start < mention.end and mention.start < c.end]
            if crossing:
                continue
            size = sum(c.end - c.start for c in inside)
            length = mention.end - mention.start
            if inside and (length < size + SWALLOW_WORDS or 2 * size >= length
                           or mention.best.score < SWALLOW_SCORE):
                continue
            # A loosely matched weak name (a duty action) never hides a real name in it:
            # "holds ICPs to account" is the action and ICPs, not one blurred action.
            if mention.best.weak and any(not c.weak for c in inside):
                continue
            chosen = [c for c in chosen if c not in inside] + [mention]
        return sorted(chosen, key=lambda m: m.start)

    def _find(self, tokens: Sequence[Token], blocked: frozenset[int], *,
              fuzzy: bool) -> list[Mention]:
        found: list[Mention] = []
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + MAX_WORDS) + 1):
                if any(i in blocked for i in range(start, end)):
                    break
                mention = self._lookup(tokens, start, end, fuzzy=fuzzy)
                if mention is not None:
                    found.append(mention)
        return found

    def _lookup(self, tokens: Sequence[Token], start: int, end: int, *,
                fuzzy: bool) -> Mention | None:
        span = tokens[start:end]
        if fuzzy and (span[0].surface in STOPWORDS or span[-1].surface in STOPWORDS):
            return None
        key = " ".join(t.stem for t in span)
        text = " ".join(t.surface for t in span)
        if fuzzy:
            candidates = self._fuzzy(key)
        else:
            candidates = [Candidate(n.entity, n.quality, n.text, n.weak)
                          for n in self._names.get(key, ())]
        if not candidates:
            return None
        best: dict[str, Candidate] = {}
        for c in sorted(candidates, key=_order):
            best.setdefault(c.entity.iri, c)
        ranked = tuple(sorted(best.values(), key=_order))[:MAX_CANDIDATES]
        return Mention(start, end, text, ranked)

    def _fuzzy(self, key: str) -> list[Candidate]:
        if len(key.replace(" ", "")) < MIN_FUZZY_CHARS:
            return []
        low, high = _length_range(len(key), FUZZY_CUTOFF)
        first, last = bisect_left(self._lengths, low), bisect_right(self._lengths, high)
        hits = process.extract(key, self._by_length[first:last], scorer=fuzz.ratio,
                               score_cutoff=FUZZY_CUTOFF, limit=None)
        # Best first, ties in the keys' original order: as one search over all keys.
        ranked = sorted(hits, key=lambda h: (-h[1], self._order[first + h[2]]))
        return [Candidate(n.entity, n.quality * score / 100.0 * 0.98, n.text, n.weak)
                for hit_key, score, _ in ranked[:MAX_CANDIDATES] for n in self._names[hit_key]]

    def quoted_titles(self, text: str) -> list[Mention]:
        """Documents named by a quoted part of their title; ``text`` is what the question's
        tokens were read from, so word counts give the tokens' positions."""
        found = []
        for match in _QUOTED.finditer(text):
            quoted = match.group(1)
            stems = set(self.normaliser.key(quoted).split()) - STOPWORDS
            if len(stems) < MIN_QUOTED_WORDS:
                continue
            titled = [e for e, title in self._titles if stems <= title]
            if len(titled) > 1:  # the document whose whole title is quoted, if one is
                titled = [e for e, title in self._titles if stems == title]
            if len(titled) != 1:
                continue  # no document, or several: the words do not single one out
            start = len(words(text[:match.start()]))
            found.append(Mention(start, start + len(words(quoted)), quoted,
                                 (Candidate(titled[0], QUOTED_SCORE, titled[0].label),)))
        return found

    def mentions_in(self, text: str) -> list[Mention]:
        """Link a whole text (used for catalogue phrasings and tests)."""
        return self.link(self.normaliser.tokens(text))


def _length_range(length: int, cutoff: float) -> tuple[int, int]:
    """Lengths of strings whose ``fuzz.ratio`` with one of ``length`` can reach ``cutoff``."""
    # ratio <= 200·min(a, b) / (a + b); a hair of slack keeps borderline lengths in.
    share = (cutoff - 1e-6) / 200.0
    low = math.ceil(length * share / (1.0 - share))
    high = math.floor(length * (1.0 - share) / share)
    return max(0, low - 1), high + 1


def _settle(found: list[Mention], taken_before: frozenset[int]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring long, well-matched ones."""
    chosen: list[Mention] = []
    taken: set[int] = set(taken_before)
    for mention in sorted(found, key=lambda m: (-(m.end - m.start) * m.best.score, m.start)):
        span = set(range(mention.start, mention.end))
        if span & taken:
            continue
        chosen.append(mention)
        taken |= span
    return chosen


def _acronyms(entities: Sequence[tuple[Entity, tuple[str, ...]]]) -> set[str]:
    found: set[str] = set()
    for entity, alts in entities:
        for text in (entity.label, *alts):
            found.update(w.lower() for w in text.replace("&", " ").split()
                         if len(w) >= 2 and w.isupper() and w.isalpha())
    return found
