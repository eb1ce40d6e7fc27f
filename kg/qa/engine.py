"""The question-answering engine: free text in, a cited answer out.

Built once per loaded graph (it reads the graph's entity names and analyses
the catalogue), then read-only, so one engine serves concurrent requests.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.catalogue import (
    Catalogue,
    CatalogueQuestion,
    ParamType,
    QuestionRun,
    convert,
    execute_question,
    load_catalogue,
    render_answer,
    sources_for,
)
from kg.catalogue.prefixes import as_iri
from kg.errors import BadRequestError, ParameterError, PayloadTooLargeError
from kg.qa.analysis import Analyser
from kg.qa.answer import Answer, BoundValue, Suggestion, build_results, build_sources
from kg.qa.cache import LruCache
from kg.qa.confidence import THRESHOLD, confidence
from kg.qa.dates import DateMention
from kg.qa.intent import IntentModel, Match, SlotFill
from kg.qa.lexicon import CONCEPTS
from kg.qa.linking import EntityIndex
from kg.qa.text import words
from kg.settings import Settings
from kg.store.base import Store

SUGGESTIONS = 3
ALTERNATIVES = 3  # other readings of a name tried when the best one has no answer
RUNNERS_UP = 2  # catalogue questions tried after the best when it has no answer
RUNNER_UP_GAP = 0.2  # ... if they score at most this much below it
# Questions of the ranking an answer can use: the best, a runner-up put in its place,
# then the suggestions after both.
RANKED = max(RUNNERS_UP + 1, SUGGESTIONS + 2)
NOT_ANSWERABLE = ("I can't answer that from the knowledge graph of integrated care systems. "
                  "The questions it can answer that come closest are listed as suggestions.")


@dataclass(frozen=True, slots=True)
class Limits:
    """What the engine accepts and how long a query may run."""

    max_question_chars: int = 1000
    query_timeout: float | None = None
    threshold: float = THRESHOLD
    cache_size: int = 1024  # answers kept for repeated questions; 0: none


def date_text(date: DateMention) -> str:
    """A date phrase as a catalogue date parameter (read there as the end of its period)."""
    if date.precision == "now":
        return "now"
    if date.as_of != date.last:  # "before 2020"
        return date.as_of.isoformat()
    if date.precision == "year":
        return f"{date.first.year:04d}"
    if date.precision == "month":
        return f"{date.first.year:04d}-{date.first.month:02d}"
    return date.last.isoformat()


class QAEngine:
    """Answers free-text questions and runs catalogue questions, over one store."""

    def __init__(self, store: Store, catalogue: Catalogue, model: IntentModel,
                 limits: Limits) -> None:
        self.store = store
        self.catalogue = catalogue
        self.model = model
        self.limits = limits
        # Per engine: a reload builds a new engine, so no answer outlives its graph.
        self._answers: LruCache[Answer] = LruCache(limits.cache_size)

    @classmethod
    def build(cls, store: Store, catalogue: Catalogue | None = None,
              limits: Limits | None = None) -> QAEngine:
        """Read the entity names from ``store`` and analyse the catalogue (blocking)."""
        catalogue = catalogue if catalogue is not None else load_catalogue()
        vocabulary = frozenset(w for phrases in CONCEPTS.values() for p in phrases
                               for w in words(p) if len(words(p)) == 1)
        index = EntityIndex.from_store(store, vocabulary)
        phrasings = [p for q in catalogue.questions for p in q.phrasings]
        analyser = Analyser(index, phrasings)
        return cls(store, catalogue, IntentModel(catalogue, analyser), limits or Limits())

    @classmethod
    def for_settings(cls, store: Store, settings: Settings) -> QAEngine:
        """The engine with the limits the settings give (packaged catalogue)."""
        return cls.build(store, None, Limits(settings.max_question_chars, settings.query_timeout,
                                             settings.qa_min_confidence,
                                             settings.qa_cache_size))

    def label_of(self, iri: str) -> str:
        entity = self.model.analyser.index.entities.get(iri)
        return entity.label if entity is not None else iri

    def check_question(self, question: str) -> str:
        text = " ".join(question.split())
        if not text:
            raise BadRequestError("the question is empty")
        if len(question) > self.limits.max_question_chars:
            raise PayloadTooLargeError(
                f"the question is {len(question)} characters long; the limit is "
                f"{self.limits.max_question_chars}")
        return text

    def cached(self, question: str, as_of: str | None = None) -> Answer | None:
        """The cached answer to this question, if any (non-blocking; never raises)."""
        key = _cache_key(question, as_of, self.limits.max_question_chars)
        return self._answers.get(key) if key is not None else None

    def ask(self, question: str, as_of: str | None = None) -> Answer:
        """Answer a free-text question; ``as_of`` (a date) overrides any date in the question."""
        text = self.check_question(question)
        if as_of is not None and as_of.strip():
            try:
                convert.parse_date(as_of)
            except ParameterError as exc:
                raise ParameterError(f"as_of: {exc.message}") from exc
        key = _cache_key(question, as_of, self.limits.max_question_chars)
        hit = self._answers.get(key)
        if hit is not None:
            return hit
        answer = self._answer_text(text, as_of)
        self._answers.put(key, answer)
        return answer

    def _answer_text(self, text: str, as_of: str | None) -> Answer:
        ranking = self.model.top(self.model.analyser.analyse(text), RANKED)
        sure = confidence(ranking)
        if not ranking or sure < self.limits.threshold:
            return Answer(False, NOT_ANSWERABLE, None, (), None, (), sure,
                          self.suggestions(ranking))
        first = self._attempt(ranking[0], as_of)
        if not first[0].result.rows:
            # The best reading has no answer: a close runner-up that has one is the better
            # guess ("What was X formed from?" reads as "what is X part of?" nearly as well).
            for match in ranking[1:RUNNERS_UP + 1]:
                if match.score < ranking[0].score - RUNNER_UP_GAP:
                    break
                attempt = self._attempt(match, as_of)
                if attempt[0].result.rows:
                    scaled = round(sure * match.score / ranking[0].score, 3)
                    return self._answer(attempt[0], attempt[1], scaled,
                                        [m for m in ranking if m is not match])
        return self._answer(first[0], first[1], sure, ranking)

    def _attempt(self, match: Match, as_of: str | None
                 ) -> tuple[QuestionRun, dict[str, BoundValue]]:
        params, bound = self._parameters(match, as_of)
        run = self._execute(match.question, params, bound)
        if not run.result.rows:
            run = self._try_alternatives(match, params, bound) or run
        return run, bound

    def _try_alternatives(self, match: Match, params: dict[str, str],
                          bound: dict[str, BoundValue]) -> QuestionRun | None:
        """When the best reading of a name gives no rows, try its other readings.

        "the Cheshire and Merseyside partnership" reads first as the ICS; if the ICS has
        no mission recorded, the health and care partnership of the same name may.
        """
        for fill in match.fills:
            if fill.mention is None or fill.candidate is None:
                continue
            name = fill.parameter.name
            wanted = frozenset(fill.parameter.classes)
            # Other readings of the same words, then the other things the question names.
            taken = {f.mention.start for f in match.fills if f.mention is not None}
            elsewhere = [m.best for m in match.mentions
                         if m.start not in taken and not m.weak]
            others = [c for c in (*fill.mention.candidates[1:ALTERNATIVES + 1], *elsewhere)
                      if c.entity.stands_for != fill.candidate.entity.stands_for
                      and (not wanted or c.entity.classes & wanted)]
            for other in others:
                trial = {**params, name: other.entity.iri}
                try:
                    run = execute_question(self.store, match.question, trial,
                                           timeout=self.limits.query_timeout)
                except ParameterError:
                    continue
                if run.result.rows:
                    previous = bound[name]
                    bound[name] = BoundValue(
                        name, other.entity.iri, other.entity.label, previous.origin,
                        previous.text,
                        tuple(i for i in (previous.value, *previous.alternatives)
                              if i != other.entity.iri))
                    return run
        return None

    def run(self, question_id: str, params: Mapping[str, str]) -> Answer:
        """Run one catalogue question with the given parameter values (text)."""
        question = self.catalogue.get(question_id)
        given = {k: v for k, v in params.items() if v is not None}
        bound = {k: BoundValue(k, v, v, "request") for k, v in given.items()}
        run = execute_question(self.store, question, given, timeout=self.limits.query_timeout)
        return self._answer(run, bound, 1.0, ())

    def _parameters(self, match: Match,
                    as_of: str | None) -> tuple[dict[str, str], dict[str, BoundValue]]:
        params: dict[str, str] = {}
        bound: dict[str, BoundValue] = {}
        for fill in match.fills:
            value = _fill_value(fill)
            if value is not None:
                params[fill.parameter.name] = value
                bound[fill.parameter.name] = _bound_from(fill, value)
        if as_of is not None and as_of.strip():
            date_param = next((p for p in match.question.parameters
                               if p.type is ParamType.DATE), None)
            if date_param is not None:
                params[date_param.name] = as_of.strip()
                bound[date_param.name] = BoundValue(date_param.name, as_of.strip(),
                                                    as_of.strip(), "request")
        return params, bound

    def _execute(self, question: CatalogueQuestion, params: dict[str, str],
                 bound: dict[str, BoundValue]) -> QuestionRun:
        try:
            return execute_question(self.store, question, params,
                                    timeout=self.limits.query_timeout)
        except ParameterError:
            # A value read from the question that the query refuses: fall back to the
            # defaults, unless the caller gave it (then the caller should hear why).
            kept = {k: v for k, v in params.items() if bound[k].origin == "request"}
            if kept == params:
                raise
            for name in set(params) - set(kept):
                del bound[name]
            return execute_question(self.store, question, kept,
                                    timeout=self.limits.query_timeout)

    def _answer(self, run: QuestionRun, bound: Mapping[str, BoundValue], sure: float,
                ranking: Sequence[Match]) -> Answer:
        sources = build_sources(sources_for(self.store, run.result,
                                            timeout=self.limits.query_timeout))
        results = build_results(run)
        answered = bool(run.result.rows)
        values = tuple(
            _shown(bound.get(p.name), p.name, p.term.value, p.shown, p.from_default)
            for p in run.parameters)
        return Answer(
            answered=answered,
            answer=render_answer(run),
            question_id=run.question.id,
            results=results,
            sparql=run.sparql,
            sources=sources,
            confidence=sure,
            suggestions=() if answered else self.suggestions(ranking[1:]),
            interpretation=fill_phrasing(run.question.canonical, run.shown),
            parameters=values,
        )

    def suggestions(self, ranking: Sequence[Match]) -> tuple[Suggestion, ...]:
        """The nearest catalogue questions, as readable text with their ids."""
        return tuple(
            Suggestion(m.question.id, self.example(m.question, m.fills), m.question.title,
                       round(m.score, 3))
            for m in ranking[:SUGGESTIONS]
        )

    def example(self, question: CatalogueQuestion, fills: Sequence[SlotFill] = ()) -> str:
        """The canonical phrasing with its slots filled (from the question, else defaults)."""
        shown: dict[str, str] = {}
        for parameter in question.parameters:
            if parameter.default is not None:
                iri = as_iri(parameter.default) if parameter.type is ParamType.ENTITY else None
                shown[parameter.name] = self.label_of(iri) if iri else parameter.default
        for fill in fills:
            if fill.candidate is not None:
                shown[fill.parameter.name] = fill.candidate.entity.label
        return fill_phrasing(question.canonical, shown)


def _cache_key(question: str, as_of: str | None,
               limit: int) -> tuple[str, str | None, dt.date] | None:
    """What an answer depends on besides the graph: the question's words (as analysed, so
    spacing does not matter), the as-of date, and today, which "now" and the defaults mean."""
    text = " ".join(question.split())
    if not text or len(question) > limit:
        return None
    date = as_of.strip() if as_of is not None and as_of.strip() else None
    return text, date, dt.date.today()


def fill_phrasing(template: str, shown: Mapping[str, str]) -> str:
    """``"What must {body} have regard to?"`` with its slots replaced (unknown ones kept)."""
    parts: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if name is not None:
            parts.append(shown.get(name, f"{{{name}}}"))
    return "".join(parts)


def _fill_value(fill: SlotFill) -> str | None:
    if fill.candidate is not None:
        return fill.candidate.entity.iri
    if fill.date is not None:
        return date_text(fill.date)
    if fill.number is not None:
        return str(fill.number)
    return None


def _bound_from(fill: SlotFill, value: str) -> BoundValue:
    if fill.mention is not None and fill.candidate is not None:
        others = tuple(c.entity.iri for c in fill.mention.candidates
                       if c.entity.iri != fill.candidate.entity.iri)
        return BoundValue(fill.parameter.name, value, fill.candidate.entity.label, "question",
                          fill.mention.text, others)
    text = fill.date.text if fill.date is not None else None
    return BoundValue(fill.parameter.name, value, value, "question", text)


def _shown(given: BoundValue | None, name: str, value: str, label: str,
           from_default: bool) -> BoundValue:
    if from_default or given is None:
        return BoundValue(name, value, label, "default")
    return BoundValue(name, value, label, given.origin, given.text, given.alternatives)


