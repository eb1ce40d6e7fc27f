"""Intent matching: which catalogue question a free-text question asks, and how surely.

Every phrasing of every catalogue question is analysed like a user question
(:mod:`kg.qa.analysis`). A question is compared with each phrasing by a
weighted Dice overlap: shared concepts and stems count by their inverse
document frequency over the catalogue (a word every question uses says
little), shared entities count extra, and a ``{slot}`` counts as matched when
the question names an entity of the slot's class (or a date, for a date
slot). Whatever the question says that the phrasing does not explain, and
the reverse, weighs against the match. A question whose required slot
cannot be filled scores much lower, which keeps "What is the capital of
France?" off "What is {entity}?".
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from kg.catalogue.model import Catalogue, CatalogueQuestion, Parameter
from kg.qa.analysis import Analyser, Analysis
from kg.qa.bounds import BoundIndex, Weights
from kg.qa.dates import DateMention
from kg.qa.linking import Candidate, Mention
from kg.qa.prepared import GENERIC_CLASSES, ORDER_NEUTRAL, PreparedPhrasing, prepare

__all__ = ["GENERIC_CLASSES", "ORDER_NEUTRAL", "IntentModel", "Match", "SlotFill"]

W_SLOT = 2.5  # a filled slot
W_DATE = 1.5  # a date phrase, matched by a date slot or a date in the phrasing
ENTITY_BOOST = 1.3  # an entity named in both texts, over its idf
RELATED_ENTITY = 0.35  # share of an entity's weight for a different entity of its class
OOV_WEIGHT = 3.0  # a word no catalogue question uses
REQUIRED_MISSING = 0.55  # factor when a required slot stays empty
WEAK_SLOT = 0.5  # credit of a weak name ("aims") in an unconstrained slot
ORDER_MISMATCH = 0.6  # credit of a slot filled from the other side of the verb
W_NUMBER = 2.5  # an integer slot filled by a number (or the year of a date)
GENERIC_SLOT = 0.9
UNFILLED_OPTIONAL = 0.4  # share of a slot a phrasing keeps when its default is used
NO_CONTENT = 0.3  # factor when only question words are shared
UNKNOWN_NAME = 0.5  # factor when an unknown name meets a slot left to its default
MIN_COVER = 0.6  # factor when none of the question's own words is explained
WEIGHTS = Weights(W_SLOT, W_DATE, W_NUMBER, UNFILLED_OPTIONAL, REQUIRED_MISSING, MIN_COVER)


@dataclass(frozen=True, slots=True)
class SlotFill:
    """The value a question gives a parameter: an entity mention or a date phrase."""

    parameter: Parameter
    mention: Mention | None = None
    candidate: Candidate | None = None
    date: DateMention | None = None
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A catalogue question scored against a user question."""

    question: CatalogueQuestion
    score: float
    phrasing: str
    fills: tuple[SlotFill, ...] = ()
    mentions: tuple[Mention, ...] = ()  # every entity the user question names


@dataclass
class _Tally:
    matched: float = 0.0
    user: float = 0.0
    phrasing: float = 0.0
    missing_required: bool = False
    date_used: bool = False
    defaulted: bool = False  # an entity slot left to its default
    neutral: float = 0.0  # matched weight of question words (who, when, must...)
    words_matched: float = 0.0
    words_user: float = 0.0
    used: set[int] = field(default_factory=set)
    fills: list[SlotFill] = field(default_factory=list)


def entity_feature(mention: Mention) -> str:
    return f"@{mention.best.entity.stands_for}"


class IntentModel:
    """The analysed catalogue, with feature weights, ready to rank questions."""

    def __init__(self, catalogue: Catalogue, analyser: Analyser) -> None:
        self.catalogue = catalogue
        self.analyser = analyser
        self.phrasings: dict[str, list[Analysis]] = {
            q.id: [analyser.analyse(p) for p in q.phrasings] for q in catalogue.questions
        }
        self.idf = self._idf()
        # In catalogue order, each question's phrasings in their order: ties keep it.
        self.prepared: tuple[PreparedPhrasing, ...] = tuple(
            prepare(q, a, self.weight, ENTITY_BOOST)
            for q in catalogue.questions for a in self.phrasings[q.id])
        self.bounds = BoundIndex(self.prepared, self.weight, WEIGHTS)

    def _idf(self) -> dict[str, float]:
        frequency: dict[str, int] = {}
        for analyses in self.phrasings.values():
            seen: set[str] = set()
            for a in analyses:
                seen.update(a.features)
                seen.update(entity_feature(m) for m in a.mentions if not m.weak)
            for feature in seen:
                frequency[feature] = frequency.get(feature, 0) + 1
        total = max(1, len(self.phrasings))
        return {f: math.log(1.0 + total / n) for f, n in frequency.items()}

    def weight(self, feature: str) -> float:
        return self.idf.get(feature, OOV_WEIGHT)

    def rank(self, user: Analysis) -> list[Match]:
        """Every catalogue question, best match first."""
        return self._ranked(user, range(len(self.prepared)))

    def top(self, user: Analysis, count: int) -> list[Match]:
        """The ``count`` best questions, exactly as the head of :meth:`rank`.

        Phrasings are scored in order of an upper bound of their score (from the
        words they share with the question, :mod:`kg.qa.bounds`); once ``count``
        questions score above the next bound, no phrasing left can enter them.
        """
        bounds = self.bounds.upper(user)
        best: dict[str, float] = {}
        scored: dict[int, tuple[float, tuple[SlotFill, ...]]] = {}
        for i in sorted(range(len(bounds)), key=lambda k: -bounds[k]):
            if len(best) >= count and bounds[i] < heapq.nlargest(count, best.values())[-1]:
                break
            scored[i] = self._score(user, self.prepared[i])
            qid = self.prepared[i].question.id
            best[qid] = max(best.get(qid, scored[i][0]), scored[i][0])
        return self._ranked(user, sorted(scored), scored.__getitem__)[:count]

    def _ranked(self, user: Analysis, indices: Sequence[int],
                score: Callable[[int], tuple[float, tuple[SlotFill, ...]]] | None = None,
                ) -> list[Match]:
        best: dict[str, Match] = {}
        for i in indices:
            phrasing = self.prepared[i]
            current = best.get(phrasing.question.id)
            value, fills = score(i) if score else self._score(user, phrasing)
            if current is None or value > current.score:
                best[phrasing.question.id] = Match(phrasing.question, value,
                                                   phrasing.analysis.text, fills, user.mentions)
        return sorted(best.values(), key=lambda m: -m.score)

    def compare(self, user: Analysis, phrasing: Analysis,
                question: CatalogueQuestion) -> tuple[float, tuple[SlotFill, ...]]:
        """The weighted Dice overlap of a question and one phrasing, with the slots it fills."""
        return self._score(user, prepare(question, phrasing, self.weight, ENTITY_BOOST))

    def _score(self, user: Analysis, phrasing: PreparedPhrasing
               ) -> tuple[float, tuple[SlotFill, ...]]:
        tally = _Tally()
        self._entities(user, phrasing, tally)
        self._slots(user, phrasing, tally)
        self._words(user, phrasing, tally)
        self._numbers(user, phrasing, tally)
        self._dates(user, phrasing, tally)
        for index, mention in enumerate(user.mentions):
            if index not in tally.used and not mention.weak:
                tally.user += self.weight(entity_feature(mention)) * ENTITY_BOOST
        denominator = tally.user + tally.phrasing
        score = 2.0 * tally.matched / denominator if denominator else 0.0
        if tally.missing_required:
            score *= REQUIRED_MISSING
        if tally.matched - tally.neutral <= 0:
            score *= NO_CONTENT  # only a question word in common ("what time is it?")
        if user.unknown_names and tally.defaulted:
            score *= UNKNOWN_NAME  # "the population of France": France is no body we know
        # Entities and dates alone do not make a question in scope: "what's the weather
        # in Liverpool today" names a place and a date, and nothing else it says fits.
        if tally.words_user > 0:
            cover = tally.words_matched / tally.words_user
            score *= MIN_COVER + (1.0 - MIN_COVER) * cover
        return min(1.0, score), tuple(tally.fills)

    def _words(self, user: Analysis, phrasing: PreparedPhrasing, tally: _Tally) -> None:
        # Words of a weak name that filled a slot ("work closely with" as the action)
        # are explained by the slot.
        filled = {i for f in tally.fills if f.mention is not None and f.mention.weak
                  for i in range(f.mention.start, f.mention.end)}
        theirs = phrasing.analysis.features
        for feature, strength in user.features.items():
            if filled and all(i in filled for i in user.spans[feature]):
                continue
            weight = self.weight(feature)
            tally.user += weight * strength
            tally.words_user += weight * strength
            other = theirs.get(feature)
            if other is not None:
                shared = weight * min(strength, other)
                tally.matched += shared
                tally.words_matched += shared
                if feature in ORDER_NEUTRAL:
                    tally.neutral += shared
        tally.phrasing += phrasing.word_weight

    def _entities(self, user: Analysis, phrasing: PreparedPhrasing, tally: _Tally) -> None:
        for literal in phrasing.literals:
            weight = literal.weight
            tally.phrasing += weight
            found = _find_mention(user.mentions, tally.used,
                                  partial(_same_thing, literal.stands_for))
            share = 1.0
            if found is None:
                found = _find_mention(user.mentions, tally.used,
                                      partial(_member_of, literal.related))
                share = RELATED_ENTITY
            if found is not None:
                tally.used.add(found[0])
                tally.matched += weight * share
                tally.user += weight
                # A named entity the phrasing names too is the question's own content.
                tally.words_matched += weight * share
                tally.words_user += weight

    def _slots(self, user: Analysis, phrasing: PreparedPhrasing, tally: _Tally) -> None:
        for slot in phrasing.entity_slots:
            wanted = slot.wanted
            found = _find_mention(user.mentions, tally.used, partial(_fits, wanted),
                                  partial(_same_side, user, phrasing=phrasing,
                                          slot_at=slot.position)) if user.mentions else None
            if found is None:
                if slot.parameter.required:
                    tally.phrasing += W_SLOT
                    tally.missing_required = True
                else:
                    # A default stands in, but a phrasing that is mostly slots says little.
                    tally.phrasing += W_SLOT * UNFILLED_OPTIONAL
                    tally.defaulted = True
                continue
            index, candidate = found
            # A weak name ("aims", "go-live") in an unconstrained slot is a poor filler.
            credit = WEAK_SLOT if candidate.weak and not wanted else 1.0
            # A slot taking a weak name (an action) is more generic than a phrasing
            # that says the action in words: prefer the specific question.
            credit *= candidate.score * (GENERIC_SLOT if candidate.weak else 1.0)
            if not _same_side(user, user.mentions[index].start, phrasing, slot.position):
                credit *= ORDER_MISMATCH
            tally.used.add(index)
            tally.matched += W_SLOT * credit
            tally.user += W_SLOT
            tally.phrasing += W_SLOT
            tally.fills.append(SlotFill(slot.parameter, user.mentions[index], candidate))
        if len(tally.fills) > 1:
            tally.matched -= W_SLOT * (1.0 - ORDER_MISMATCH) * _inversions(tally.fills)

    def _numbers(self, user: Analysis, phrasing: PreparedPhrasing, tally: _Tally) -> None:
        """Integer slots take a number from the question, or the year of a date in it."""
        for parameter in phrasing.integer_slots:
            if user.numbers:
                value = user.numbers[0]
            elif user.dates and not tally.date_used and user.dates[0].precision != "now":
                value = user.dates[0].last.year
                tally.date_used = True
            else:
                continue
            tally.matched += W_NUMBER
            tally.user += W_NUMBER
            tally.phrasing += W_NUMBER
            # A number the phrasing asks for is as telling as a word they share.
            tally.words_matched += W_NUMBER
            tally.words_user += W_NUMBER
            tally.fills.append(SlotFill(parameter, number=value))

    def _dates(self, user: Analysis, phrasing: PreparedPhrasing, tally: _Tally) -> None:
        # Any date parameter of the question takes the date, whether this phrasing shows
        # its slot or not ("How many STPs were formed?" has an as-of date too).
        date_slots = phrasing.date_slots
        if tally.date_used:
            return
        if user.dates:
            tally.user += W_DATE
        if phrasing.analysis.dates or (date_slots and user.dates):
            tally.phrasing += W_DATE
            if user.dates:
                tally.matched += W_DATE
        if user.dates and date_slots:
            tally.fills.append(SlotFill(date_slots[0], date=user.dates[0]))
        if phrasing.required_dates and not user.dates:
            tally.missing_required = True


def _inversions(fills: Sequence[SlotFill]) -> int:
    """Pairs of slots filled in the opposite order to the phrasing's ({action} {object})."""
    starts = [f.mention.start for f in fills if f.mention is not None]
    return sum(1 for i, a in enumerate(starts) for b in starts[i + 1:] if a > b)


def _same_thing(stands_for: str, candidate: Candidate) -> bool:
    return candidate.entity.stands_for == stands_for


def _member_of(classes: frozenset[str], candidate: Candidate) -> bool:
    return bool(candidate.entity.classes & classes)


def _fits(classes: frozenset[str], candidate: Candidate) -> bool:
    return not classes or bool(candidate.entity.classes & classes)


def _same_side(user: Analysis, at: int, phrasing: PreparedPhrasing, slot_at: int) -> bool:
    """Whether the entity stands on the same side of the shared verbs as the slot.

    "Who must work closely with HWBs?" names the HWB after the verb; "Whom must
    {body} work closely with?" wants the body before it: same words, other question.
    """
    agree = disagree = 0
    positions = user.positions
    for feature, position in phrasing.sided:
        theirs = positions.get(feature)
        if theirs is None:
            continue
        if (slot_at < position) == (at < theirs):
            agree += 1
        else:
            disagree += 1
    return disagree <= agree


def _find_mention(mentions: Sequence[Mention], used: set[int],
                  accept: Callable[[Candidate], bool],
                  side: Callable[[int], bool] | None = None) -> tuple[int, Candidate] | None:
    """The best unused mention with a candidate ``accept`` takes, and that candidate.

    Named things come before weak names, then mentions on the ``side`` a slot wants.
    """
    best: tuple[int, Candidate] | None = None
    best_key: tuple[bool, bool, float] | None = None
    for index, mention in enumerate(mentions):
        if index in used:
            continue
        candidate = next((c for c in mention.candidates if accept(c)), None)
        if candidate is None:
            continue
        key = (not candidate.weak, side(mention.start) if side else True, candidate.score)
        if best_key is None or key > best_key:
            best, best_key = (index, candidate), key
    return best


def _strength(candidate: Candidate) -> tuple[bool, float]:
    # A named thing fills a slot before a weak name ("have regard to") does.
    return (not candidate.weak, candidate.score)
