"""The question-answering engine: free text in, a cited answer out.

Built once per loaded graph (it reads the graph's entity names and analyses
the catalogue), then read-only, so one engine serves concurrent requests.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from kg.catalogue import (
    Catalogue,
    CatalogueQuestion,
    ParamType,
    QuestionRun,
    convert,
    execute_question,
    load_catalogue,
    render_answer,
)
from kg.catalogue.prefixes import as_iri
from kg.catalogue.sources import graphs_of, resolve_sources
from kg.errors import BadRequestError, ParameterError, PayloadTooLargeError
from kg.qa.analysis import ORDINALS, Analyser, Analysis
from kg.qa.answer import (
    Answer,
    BoundValue,
    Context,
    ResultItem,
    Source,
    Suggestion,
    build_results,
    build_sources,
)
from kg.qa.cache import LruCache
from kg.qa.citing import cited_graphs, names_document, reworded, split_source
from kg.qa.compose import (
    elliptical_subject,
    refers_back,
    resolve_pronouns,
    split_parts,
    starts_as_follow_up,
    subject_is_pronoun,
    with_subject,
)
from kg.qa.confidence import (
    FALLBACK_LEAD,
    FALLBACK_WORDS,
    FALLBACK_WORDS_DATED,
    FALLBACK_WORDS_NAMED,
    FULL_COVER,
    PASSAGE_VERDICT,
    RETRIEVED,
    THRESHOLD,
    confidence,
    fallback_confidence,
    reading_confidence,
    retrieval_confidence,
)
from kg.qa.dates import DateMention
from kg.qa.described import Described, described
from kg.qa.entities import EXCLUDED, KIND, SOURCE_DOCUMENT, Entity
from kg.qa.facts import (
    document_dates,
    fact_texts,
    nary_classes,
    newest_source_year,
    passage_query,
    source_texts,
)
from kg.qa.facts import vocabulary as read_vocabulary
from kg.qa.focus import focus_of, from_context, merged, specific
from kg.qa.intent import IntentModel, Match, SlotFill
from kg.qa.lexicon import CONCEPTS
from kg.qa.linking import EntityIndex
from kg.qa.reader import (
    Focus,
    GraphReader,
    Reading,
    describes_first,
    explained_share,
    opens_yes_no,
    question_words,
    written_numbers,
)
from kg.qa.retrieval import (
    PASSAGE_RESULTS,
    asks_date,
    asks_figure,
    cannot_answer,
    counts_things,
    retrieve,
    states_date,
    states_figure,
)
from kg.qa.text import words
from kg.qa.timeof import dated_reference
from kg.qa.verbal import join as join_labels
from kg.qa.verbal import large
from kg.search import SearchIndex
from kg.search.model import Statement
from kg.settings import Settings
from kg.store.base import Store
from kg.store.terms import Term
from kg.store.values import term_n3

SUGGESTIONS = 3
MAX_RESULTS = 25  # results an answer shows
MAX_ANSWER_CHARS = 600  # what a chatbot shows as it is
MAX_SOURCES = 25  # passages an answer cites
DESCRIBED = 0.8  # a question asked again about what its clause describes: one more step
CATALOGUE_SURE = 0.95  # a catalogue reading this sure (times the share of words it explains)
CLEAR_LEAD = 0.3  # ... or this far ahead of the next reading (match score) ...
CLEAR_EXPLAINED = 0.5  # ... and explaining this share of the question's words
# A statement listing exactly as many things as the question says there are: on the dev
# sets such readings were right when they explained the whole question.
SIZED_LIST = 0.75
SECOND_SURE = 0.9
SECOND_EXPLAINED = 0.6
READING_MIN = 0.5  # a graph reading below this is not an answer
MIN_SUGGESTION = 0.2  # catalogue questions scoring less are not worth suggesting
DESCRIBE_QUESTION = "what-is"  # the catalogue's definition question
ONTOLOGY = "https://w3id.org/icskg/ontology#"
MAX_CONTEXT = 12  # entities a context carries
PERSON = "http://www.w3.org/ns/prov#Person"
LEADING = frozenset({"~CHAIR", "~LEAD"})  # "who chairs / leads / runs": a person answers
# Who made a source document, or how long a thing lasted, read from the one statement that
# says it: right on every dev set it was read.
DOCUMENT_MAKER = 0.6
MAKERS = frozenset({"http://purl.org/dc/terms/creator", "http://purl.org/dc/terms/publisher"})
SIZE_MISMATCH = 0.45  # a list longer than the size the question gives
ALTERNATIVES = 3  # other readings of a name tried when the best one has no answer
RUNNERS_UP = 2  # catalogue questions tried after the best when it has no answer
RUNNER_UP_GAP = 0.2  # ... if they score at most this much below it
MEMBER_OPENINGS = ("which", "who")  # questions that ask for things by name
MEMBER_HEAD = 4  # "what are the places": the words that say what is listed
OPENING_WORDS = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had",
                           "can", "will", "would", "should", "who", "what", "which", "when",
                           "where", "how", "why", "tell", "name", "list"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whose", "where"})
CLAUSE_WORDS = frozenset({"who", "whose", "where", "which"})  # opening a relative clause
PREPOSITIONS = frozenset({"in", "at", "of", "on", "by", "for", "to", "from", "with", "through",
                          "under", "into", "about", "and", "or"})
KIND_WORDS = frozenset({"kind", "kinds", "type", "types", "sort", "sorts"})
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
    passage_fallback: bool = True  # answer from the best cited passage when nothing else fits
    max_rows: int | None = None  # a catalogue query's result rows past this: refused (413)


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
                 limits: Limits, reader: GraphReader) -> None:
        self.store = store
        self.catalogue = catalogue
        self.model = model
        self.limits = limits
        self.reader = reader
        self.horizon = newest_source_year(store, timeout=limits.query_timeout)
        self.document_dates = document_dates(store, timeout=limits.query_timeout)
        self._search: SearchIndex | None = None
        self._sole: dict[str, bool] = {}  # class IRI -> the graph holds one instance of it
        self._search_lock = threading.Lock()
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
        limits = limits or Limits()
        props, show = read_vocabulary(store, timeout=limits.query_timeout)
        nary = nary_classes(store, EXCLUDED, timeout=limits.query_timeout)
        reader = GraphReader(store, analyser, props, show, nary, limits.query_timeout)
        reader.learn_weights(fact_texts(store, timeout=limits.query_timeout))
        reader.learn_sources(source_texts(store, timeout=limits.query_timeout))
        return cls(store, catalogue, IntentModel(catalogue, analyser), limits, reader)

    @classmethod
    def for_settings(cls, store: Store, settings: Settings) -> QAEngine:
        """The engine with the limits the settings give (packaged catalogue)."""
        return cls.build(store, None, Limits(settings.max_question_chars, settings.query_timeout,
                                             settings.qa_min_confidence,
                                             settings.qa_cache_size,
                                             settings.qa_passage_fallback,
                                             settings.max_result_rows))

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

    def cached(self, question: str, as_of: str | None = None,
               context: Context | None = None) -> Answer | None:
        """The cached answer to this question, if any (non-blocking; never raises)."""
        key = _cache_key(question, as_of, self.limits.max_question_chars, context)
        return self._answers.get(key) if key is not None else None

    def ask(self, question: str, as_of: str | None = None,
            context: Context | None = None) -> Answer:
        """Answer a free-text question; ``as_of`` (a date) overrides any date in the question;
        ``context`` (from the previous answer) is what "it" or "they" refer to."""
        text = self.check_question(question)
        if as_of is not None and as_of.strip():
            try:
                convert.parse_date(as_of)
            except ParameterError as exc:
                raise ParameterError(f"as_of: {exc.message}") from exc
        key = _cache_key(question, as_of, self.limits.max_question_chars, context)
        hit = self._answers.get(key)
        if hit is not None:
            return hit
        parts = self._each_described(text) or split_parts(text)
        if len(parts) > 1:
            answer = self._two_part(text, parts, as_of, context)
            if not answer.answered:
                # "What governs an ICS, and what sits below it?": a part that cannot stand
                # alone may still be answered with the other, by one statement of both.
                whole = self._answer_text(text, as_of, context)
                answer = whole if whole.answered else answer
        else:
            answer = self._answer_text(text, as_of, context)
        self._answers.put(key, answer)
        return answer

    def _each_described(self, text: str) -> list[str]:
        """ "What are CMAST and MHLDSC?": a question that names only things after "what is"
        asks what each of them is ([] when it is not such a question)."""
        if not _WHAT_ARE_BOTH.match(text):
            return []  # most questions are not: read them once, in _answer_text
        analysis = self.model.analyser.analyse(text)
        strong = [m for m in analysis.mentions if not m.weak]
        if len(strong) < 2 or describes_first(analysis) is None or question_words(analysis):
            return []
        named = {i for m in strong for i in range(m.start, m.end)}
        between = {t.surface for i, t in enumerate(analysis.tokens)
                   if strong[0].end <= i < strong[-1].start and i not in named}
        if not between <= {"and", "the", "a", "an"}:
            return []
        return [f"What is {m.text}?" for m in strong]

    def _two_part(self, text: str, parts: Sequence[str], as_of: str | None,
                  context: Context | None) -> Answer:
        answers: list[Answer] = []
        for i, given in enumerate(parts):
            part = self._repeated(parts[0], given) if i > 0 else given
            answer = self._answer_text(part, as_of, context, continuing=i > 0)
            answers.append(answer)
            if answer.context is not None:
                # "... and who holds them to account?": the later part refers to the earlier.
                context = answer.context
        return combine(text, answers)

    def _repeated(self, first: str, part: str) -> str:
        """ "What job does X have, and what about Y?": the second part is the first asked
        about Y (the first part's leading name replaced); any other part as it is."""
        subject = elliptical_subject(part)
        named = [m for m in self.model.analyser.analyse(first).mentions if not m.weak]
        if subject is None or not named:
            return part
        return with_subject(first, named[0].text, subject) or part

    def _answer_text(self, text: str, as_of: str | None, context: Context | None = None,
                     *, continuing: bool = False) -> Answer:
        """One question; ``continuing``: a later part of a two-part question, which names
        nothing of its own when it goes on about the first part's subject."""
        unexpanded = self._unexpanded(text)
        if unexpanded is not None:
            return unexpanded
        text = reworded(text)
        dated = dated_reference(text, self.model.analyser, self.document_dates)
        read = self.model.analyser.analyse(dated)
        answer = _as_many_as_asked(
            self._read_text(text, read, as_of, context, continuing=continuing), text)
        asked, cited = split_source(dated)
        if not answer.answered and not cited:
            return self._read_in_document(text, read, answer)
        guessed = answer.question_id == "graph:passage" and names_document(cited)
        if (answer.answered and not guessed) or not cited:
            return answer
        # "What are the benefits, according to the C&M partnership?": read again without
        # the clause, from the passages of the source it names ("According to NHS England,
        # ..." may instead ask for that body's own view: so read as asked first; but a
        # passage found for all the words is a guess the cited source's own beats).
        analysis = replace(self.model.analyser.analyse(asked), cited=cited)
        again = self._read_text(text, analysis, as_of, context, continuing=continuing)
        return again if again.answered else answer

    def _unexpanded(self, text: str) -> Answer | None:
        """ "What does DHACA stand for?": the graph knows the letters only when a thing
        named by them has a longer name; one whose own name they are is refused plainly
        (None: not such a question, or one the name answers)."""
        match = _STAND_FOR.match(text)
        if match is None:
            return None
        thing = match["thing"].strip()
        named = [m for m in self.model.analyser.analyse(thing).mentions if not m.weak]
        if len(named) != 1 or named[0].best.entity.label.lower() != thing.lower():
            return None
        return Answer(False, f"The knowledge graph does not say what {thing} stands for.",
                      None, (), None, (), self.limits.threshold - 0.01, ())

    def _read_in_document(self, text: str, analysis: Analysis, answer: Answer) -> Answer:
        """"How does the 2018 'progress so far' article define an ICS?": what one source
        document says a thing is, from that document's passage about it (the document
        cited, no longer asked about)."""
        entities = self.model.analyser.index.entities
        documents = [m for m in analysis.mentions if not m.weak
                     and SOURCE_DOCUMENT in m.best.entity.classes]
        others = [m for m in analysis.mentions if not m.weak and m not in documents]
        if len(documents) != 1 or not others or documents[0].best.entity.iri not in entities:
            return answer
        if "~DEFINE" not in analysis.features and not describes_first(analysis):
            return answer
        scoped = replace(analysis, cited_document=documents[0].best.entity.iri,
                         mentions=tuple(m for m in analysis.mentions if m is not documents[0]))
        focus = focus_of(scoped)
        passage = retrieve(self.searcher(), self.reader, scoped, focus)
        if passage is None or passage.entities < FULL_COVER or passage.words < FALLBACK_WORDS:
            return answer
        # The document's own account of the thing: its best passage about it, cited.
        return self._from_reading(text, passage, focus,
                                  fallback_confidence(passage, self.limits.threshold))

    def _read_text(self, text: str, analysis: Analysis, as_of: str | None,
                   context: Context | None, *, continuing: bool) -> Answer:
        focus = focus_of(analysis)
        follow_up = refers_back(text) or starts_as_follow_up(text) or (
            continuing and not any(not m.weak for m in analysis.mentions))
        extra: dict[str, float] = {}
        context = self._known(context) if context is not None else None
        if follow_up and context is not None and context.entities:
            resolved = self._resolved(text, as_of, context)
            if resolved is not None:
                return resolved
            focus = merged(from_context(context, self._labels(context)), focus, analysis)
            earlier = self.model.analyser.analyse(context.question)
            extra = {f: 0.5 * w for f, w in question_words(earlier).items()}
        elif (not focus.groups and refers_back(text)) or subject_is_pronoun(text):
            return self._ask_subject(text)
        unknown = self._unknown_subject(analysis, focus)
        if unknown is not None:
            return unknown
        ranking: Sequence[Match] = _describing_first(self.model.top(analysis, RANKED), analysis)
        catalogue = None if context is not None and follow_up else self._catalogue(
            analysis, ranking, as_of)
        if catalogue is not None and catalogue.answered and ranking and \
                self._fitting(catalogue, analysis, ranking[0]) is None:
            catalogue, ranking = self._runner_up_fitting(analysis, ranking, as_of, catalogue)
        return self._choose(text, analysis, catalogue=catalogue, extra=extra, focus=focus,
                            ranking=ranking)

    def _referent(self, text: str, context: Context) -> str:
        """What a follow-up's pronoun stands for: "it"/"its" for a thing, not a person
        ("Who chairs the C&M partnership, and who is its Executive Director?": the
        partnership, not Alan Yates); "he"/"she" for a person; else the context's first."""
        words = set(re.findall(r"[a-z]+", text.lower()))
        entities = self.model.analyser.index.entities
        wanted = None
        if words & {"it", "its"}:
            wanted = False
        elif words & {"he", "him", "his", "she", "her"}:
            wanted = True
        for iri in context.entities:
            entity = entities.get(iri)
            if wanted is None or entity is None or (PERSON in entity.classes) == wanted:
                return iri
        return context.entities[0]

    def _runner_up_fitting(self, analysis: Analysis, ranking: Sequence[Match],
                           as_of: str | None, best: Answer
                           ) -> tuple[Answer, Sequence[Match]]:
        """"Which CCGs make up C&M?" reads best as the counts of its kinds, which do not name
        them: a close runner-up whose answer fits the question ("the CCGs of C&M") is the
        better reading, and leads the ranking from then on."""
        sure = confidence(ranking)
        for match in ranking[1:RUNNERS_UP + 1]:
            if match.score < ranking[0].score - RUNNER_UP_GAP:
                break
            try:
                run, bound = self._attempt(match, as_of)
            except ParameterError:
                continue
            if not run.result.rows:
                continue
            others = [m for m in ranking if m is not match]
            answer = self._answer(run, bound, round(sure * match.score / ranking[0].score, 3),
                                  others)
            if self._fitting(answer, analysis, match) is not None:
                return answer, [match, *others]
        return best, ranking

    def _resolved(self, text: str, as_of: str | None, context: Context) -> Answer | None:
        """The follow-up asked again with its pronouns spelt as the entity the context
        leads with, when that reads as a question on its own and is answered."""
        spelt = resolve_pronouns(text, self.label_of(self._referent(text, context)))
        if spelt == text or refers_back(spelt):
            return None
        answer = self._answer_text(spelt, as_of)
        return answer if answer.answered else None

    def _catalogue(self, analysis: Analysis, ranking: Sequence[Match],
                   as_of: str | None) -> Answer | None:
        sure = confidence(ranking)
        if not ranking or sure < CATALOGUE_SURE:
            return None  # too unsure to win the choice: not worth running
        if _ignores_named(ranking[0], analysis) or _clause_unread(ranking[0], analysis):
            return None
        if "~WHO" in analysis.features and not any(
                "~WHO" in a.features for a in self.model.phrasings[ranking[0].question.id]):
            return None  # "who announced ...?" is not "which STPs were announced?"
        try:
            first = self._attempt(ranking[0], as_of)
        except ParameterError:
            return None
        if not first[0].result.rows:
            # The best reading has no answer: a close runner-up that has one is the better
            # guess ("What was X formed from?" reads as "what is X part of?" nearly as well).
            for match in ranking[1:RUNNERS_UP + 1]:
                if match.score < ranking[0].score - RUNNER_UP_GAP:
                    break
                try:
                    attempt = self._attempt(match, as_of)
                except ParameterError:
                    continue
                if attempt[0].result.rows:
                    scaled = round(sure * match.score / ranking[0].score, 3)
                    return self._answer(attempt[0], attempt[1], scaled,
                                        [m for m in ranking if m is not match])
        return self._answer(first[0], first[1], sure, ranking)

    def coverage(self, analysis: Analysis, texts: Sequence[str], *,
                 unknown_explained: bool = False) -> float:
        """The share of the question's own words (beyond names and question words) that
        ``texts`` explain, through the same stems and synonym concepts; with
        ``unknown_explained``, names the graph lacks count as explained."""
        wanted = question_words(analysis)
        if unknown_explained:
            unknown = {self.model.analyser.normaliser.stem(n) for n in analysis.unknown_names}
            wanted = {f: w for f, w in wanted.items() if f not in unknown}
        total = sum(wanted.values())
        if not total:
            return 1.0
        bag: set[str] = set()
        for text in texts:
            bag |= self.model.analyser.bag(text)
        return explained_share(wanted, bag, analysis.spans)

    def _labels(self, context: Context) -> dict[str, str]:
        return {i: self.label_of(i) for i in self._known(context).entities}

    def _known(self, context: Context) -> Context:
        """The context with only entities this graph names: a context comes from the
        client, so anything else in it is ignored, never put into a query."""
        entities = self.model.analyser.index.entities
        return Context(context.question, tuple(i for i in context.entities if i in entities))

    def _choose(self, text: str, analysis: Analysis, *, catalogue: Answer | None,
                extra: Mapping[str, float], focus: Focus, ranking: Sequence[Match]) -> Answer:
        """The surest of the readings, or a refusal: a wrong answer costs more than none.
        The graph readings run only when the catalogue does not win outright."""
        yes_no = is_yes_no(analysis)
        if catalogue is not None and catalogue.answered and ranking:
            catalogue = self._fitting(catalogue, analysis, ranking[0])
        if catalogue is not None and catalogue.answered and not self._from_cited(catalogue,
                                                                                 analysis):
            catalogue = None  # "... according to the webinar": an answer from elsewhere
        if catalogue is not None and catalogue.answered and not (
                yes_no and not catalogue.answer.lower().startswith(("yes", "no"))):
            # A verdict speaks of the name the graph lacks ("Is Stockport one of ...?").
            verdict = catalogue.answer.startswith(("Yes.", "No."))
            explained = self.coverage(analysis, [ranking[0].phrasing, catalogue.answer,
                                                 *(r.label for r in catalogue.results)],
                                      unknown_explained=verdict)
            sure = round(catalogue.confidence * explained, 3)
            if self._defaulted(catalogue, analysis) or _ignores_document(ranking[0], analysis):
                # An entity slot the question left empty: its default is a guess, so the
                # reading must not win outright (and a refusal asks which one is meant).
                # Nor when it leaves out the document the question is about.
                sure = min(sure, round(CATALOGUE_SURE - 0.01, 3))
            if (_clear_winner(catalogue, ranking, explained) or _listed_yes(
                    catalogue, yes_no, explained)) and not self._defaulted(catalogue, analysis):
                sure = max(sure, CATALOGUE_SURE)
            if sure >= CATALOGUE_SURE:
                if catalogue.question_id == DESCRIBE_QUESTION:
                    # The same entity, described with its facts as well as its definition.
                    described = self.reader.read(analysis, focus, extra)
                    if described is not None and described.shape == "describe" and \
                            described.score:
                        return self._from_reading(text, described, focus, sure)
                return replace(_with_context(catalogue, text, focus), confidence=sure)
        found = self._graph_answer(text, analysis, focus, extra)
        if found is not None:
            return found
        second = self._second_chance(analysis, catalogue, ranking, focus, text)
        if second is not None:
            return second
        if catalogue is not None and catalogue.answered and self._defaulted(catalogue, analysis):
            return self._clarify(text, focus, catalogue, analysis)
        return self._decline(text, focus, ranking)

    def _second_chance(self, analysis: Analysis, catalogue: Answer | None,
                       ranking: Sequence[Match], focus: Focus, text: str) -> Answer | None:
        if catalogue is None or not catalogue.answered or not ranking or \
                catalogue.confidence < SECOND_SURE:
            return None
        if is_yes_no(analysis) and not catalogue.answer.lower().startswith(("yes", "no")):
            return None
        if self._defaulted(catalogue, analysis) or _ignores_document(ranking[0], analysis):
            return None
        explained = self.coverage(analysis, [ranking[0].phrasing, catalogue.answer,
                                             *(r.label for r in catalogue.results)])
        if explained < SECOND_EXPLAINED:
            return None
        return replace(_with_context(catalogue, text, focus),
                       confidence=round(self.limits.threshold + 0.1 * explained, 3))

    def _defaulted(self, answer: Answer, analysis: Analysis) -> list[BoundValue]:
        """Entity slots the catalogue filled with their default although the question names
        nothing of the kind. The default named in the question is no guess, nor is the only
        thing of a class the question names ("the single funding pot": the graph has one)."""
        named = {i for m in analysis.mentions for c in m.candidates
                 for i in (c.entity.iri, c.entity.stands_for)}
        # A kind's name ("the ICB") asks about the kind in general, not its one instance.
        classes = {c.entity.iri for m in analysis.mentions
                   if not any(c.entity.role == "kind" for c in m.candidates)
                   for c in m.candidates if c.entity.role == "class"}
        question = next((q for q in self.catalogue.questions if q.id == answer.question_id),
                        None)
        found = []
        for p in answer.parameters:
            if p.origin != "default" or not p.value.startswith("http") or p.value in named:
                continue
            slot = question.parameter(p.name) if question is not None else None
            if slot is not None and any(c in classes and self._is_sole(c) for c in slot.classes):
                continue
            found.append(p)
        return found

    def _is_sole(self, cls: str) -> bool:
        """The graph holds exactly one instance of ``cls`` (asked once per class)."""
        if cls not in self._sole:
            rows = self.store.select(
                f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{cls}> }}",
                timeout=self.limits.query_timeout).rows
            count = rows[0].get("n") if rows else None
            self._sole[cls] = count is not None and count.value == "1"
        return self._sole[cls]

    def _from_cited(self, answer: Answer, analysis: Analysis) -> bool:
        """The answer cites the document the question names, if it names one."""
        cited = cited_graphs(analysis, self.reader.sources, self.reader.text_bag)
        sources = self.reader.sources
        return cited is None or any(s.graph in cited or s.graph not in sources
                                    for s in answer.sources)

    def _fitting(self, catalogue: Answer, analysis: Analysis, best: Match) -> Answer | None:
        """The catalogue answer made to fit what the question asks (a figure counted, a
        yes/no verdict), or None when it answers something else."""
        fitted = _figured(catalogue, analysis)
        if fitted is None or _kinds_for_members(fitted, analysis):
            return None
        if not is_yes_no(analysis) and (_lists_the_named(fitted, analysis, best)
                                        or _one_of_the_list(fitted, analysis)):
            return None
        if is_yes_no(analysis):
            return _verdict(fitted, best, self.model.analyser.index.entities, analysis)
        return fitted

    def _graph_answer(self, text: str, analysis: Analysis, focus: Focus,
                      extra: Mapping[str, float]) -> Answer | None:
        """The first graph reading sure enough: direct, joined through an entity, then a
        retrieved passage."""
        reading = self.reader.read(analysis, focus, extra)
        if reading is not None and not _states_what_is_asked(reading, analysis):
            reading = None  # "how many STPs were created?" is not told what formed them
        sure = 0.0 if reading is None else max(reading_confidence(reading),
                                               _sized_list(reading, analysis,
                                                           self.model.analyser.index.entities))
        if reading is not None and sure < self.limits.threshold and (
                self._made_by(reading, analysis) or _how_long(reading, analysis)):
            sure = DOCUMENT_MAKER
        if reading is not None and sure >= self.limits.threshold:
            return self._from_reading(text, reading, focus, sure)
        # "the partnership chaired by Alan Yates": the clause names the thing asked about,
        # so the question asked again about it comes before joining through Alan Yates.
        through = None if is_yes_no(analysis) else (
            self._through_ranked(analysis) or self._through_member(analysis)
            or self._through_described(analysis))
        if through is not None:
            return through
        bridged = self.reader.bridged(analysis, focus)
        if bridged is not None and bridged.score >= self.limits.threshold:
            return self._from_reading(text, bridged, focus, round(bridged.score, 3))
        if is_yes_no(analysis):
            return self._passage_verdict(text, analysis, focus)
        return self._passage_answer(text, analysis, focus)

    def _made_by(self, reading: Reading, analysis: Analysis) -> bool:
        """ "Who wrote the CCAL summary?" read as the document's own description: who made
        it is what the question asks, and the description says nothing else."""
        entities = self.model.analyser.index.entities
        return reading.shape == "fact" and "~PRODUCE" in analysis.features and \
            "~WHO" in analysis.features and reading.words >= FULL_COVER and \
            reading.entities >= FULL_COVER and bool(reading.units) and all(
                u.subject in entities and SOURCE_DOCUMENT in entities[u.subject].classes
                and all(v.prop in MAKERS for v in u.values) for u in reading.units[:1])

    def _through_described(self, analysis: Analysis) -> Answer | None:
        """"Who chairs the ICS that serves 1.8 million people?": asked again about the thing
        the clause describes, by name, with the statement that names it cited first."""
        found = described(self.searcher(), self.reader, analysis,
                          dict(self.model.analyser.index.entities))
        if found is None:
            return None
        if found.direct:
            return self._described_itself(found)
        inner = self._answer_text(found.question, None)
        if not inner.answered:
            return None
        line = _statement_line(found.statement)
        sources = build_sources(resolve_sources(self.store, [found.hit.graph],
                                                timeout=self.limits.query_timeout))
        return replace(inner, answer=_cut(f"{line} {inner.answer}", MAX_ANSWER_CHARS),
                       sources=_first_cited(sources, inner.sources),
                       confidence=round(inner.confidence * DESCRIBED, 3),
                       interpretation=f"{found.question} ({line})")

    def _through_ranked(self, analysis: Analysis) -> Answer | None:
        """ "Who chairs the second largest STP in England?": which thing holds the rank is
        asked first ("Which is the second largest STP?"); a sure answer naming one thing
        is put in the phrase's place, and the question asked again about it by name."""
        text = analysis.text
        ranked = _RANKED.search(text)
        if ranked is None or text[:ranked.start()].strip().lower() in ("which is", "what is"):
            return None
        which = f"Which is the {ranked['rank'].strip()}?"
        first = self._answer_text(which, None)
        named = {r.iri: r.label for r in first.results if r.iri}
        if not first.answered or first.confidence < RANKED_SURE or len(named) != 1:
            return None
        label = next(iter(named.values()))
        question = f"{text[:ranked.start()]} {label} {text[ranked.end():]}".strip()
        inner = self._answer_text(question, None)
        if not inner.answered:
            return None
        return replace(inner, answer=_cut(f"{first.answer} {inner.answer}", MAX_ANSWER_CHARS),
                       sources=_first_cited(first.sources, inner.sources),
                       confidence=round(min(first.confidence, inner.confidence) * DESCRIBED, 3),
                       interpretation=f"{question} ({first.answer})")

    def _through_member(self, analysis: Analysis) -> Answer | None:
        """ "What is the vision of the partnership where Dave Sweeney is executive
        director?": the one body the person's stated membership (in the role the clause
        names, if it names one) is with is put in the clause's place, and the question is
        asked again about it by name."""
        clause = _MEMBER_CLAUSE.search(analysis.text)
        if clause is None:
            return None
        said = " ".join(words(clause["clause"]))
        inside = [m for m in analysis.mentions if " ".join(words(m.text)) in said]
        people = [m.best.entity.iri for m in inside if PERSON in m.best.entity.classes]
        if len(people) != 1:
            return None
        roles = {m.best.entity.iri for m in inside if m.best.entity.iri not in people}
        rows = self.store.select(MEMBERSHIP_QUERY % term_n3(Term.iri(people[0])),
                                 timeout=self.limits.query_timeout).rows
        held = [r for r in rows if r.get("role") and r["role"].value in roles] or (
            rows if not any(r.get("role") for r in rows) or len(rows) == 1 else [])
        bodies = {r["org"].value: (r["label"].value, r["g"].value) for r in held}
        if len(bodies) != 1:
            return None  # no stated body, or several: which one is meant is a guess
        label, graph = next(iter(bodies.values()))
        text = analysis.text
        question = f"{text[:clause.start()]}{label}{text[clause.end():]}"
        inner = self._answer_text(question, None)
        if not inner.answered:
            return None
        sources = build_sources(resolve_sources(self.store, [graph],
                                                timeout=self.limits.query_timeout))
        return replace(inner, sources=_first_cited(sources, inner.sources),
                       confidence=round(inner.confidence * DESCRIBED, 3),
                       interpretation=f"{question} (the body of {clause['clause'].strip()})")

    def _described_itself(self, found: Described) -> Answer | None:
        """ "Which ICS serves 1.8 million people?": the one thing of the kind that the
        statement of the figure names is the answer, with that statement cited."""
        line = _statement_line(found.statement)
        sources = build_sources(resolve_sources(self.store, [found.hit.graph],
                                                timeout=self.limits.query_timeout))
        if not sources:
            return None
        item = ResultItem(found.entity.label, iri=found.entity.iri, graphs=(found.hit.graph,))
        return Answer(True, _cut(f"{found.entity.label}. {line}", MAX_ANSWER_CHARS),
                      "graph:described", (item,), passage_query(found.hit.graph), sources,
                      DESCRIBED, (), interpretation=f"the {found.entity.label} ({line})",
                      context=Context(_printable(found.question), (found.entity.iri,)))

    def _passage_verdict(self, text: str, analysis: Analysis, focus: Focus) -> Answer | None:
        """A yes/no question the named things' own facts do not settle: one statement of
        the best passage must state the fact asked (all of its words, every named thing)
        or its contrary. A passage by itself never says yes or no."""
        passage = retrieve(self.searcher(), self.reader, analysis, focus)
        if passage is None or passage.lead < FALLBACK_LEAD or not focus.groups:
            return None
        verdict = self.reader.passage_verdict(analysis, focus, passage)
        if verdict is None:
            return None
        return self._from_reading(text, verdict, focus, PASSAGE_VERDICT)

    def _passage_answer(self, text: str, analysis: Analysis, focus: Focus) -> Answer | None:
        """The best retrieved passage, when it is sure enough or, failing that, as the
        fallback for a question about the graph's subject matter that nothing else fits."""
        passage = retrieve(self.searcher(), self.reader, analysis, focus)
        if passage is None or cannot_answer(analysis, passage, self.reader.text_bag):
            return None
        sure = retrieval_confidence(passage, len(focus.groups))
        if not any(not m.weak for m in analysis.mentions):
            sure = min(sure, RETRIEVED)  # "Who chairs it?": a passage about chairs is a guess
        if sure >= self.limits.threshold:
            return self._from_reading(text, passage, focus, sure)
        proper = specific(analysis, focus)
        if proper.groups != focus.groups:
            # Read again for the fallback as if only the proper names had been given.
            passage = retrieve(self.searcher(), self.reader, analysis, proper)
            if passage is None or cannot_answer(analysis, passage, self.reader.text_bag):
                return None
            focus = proper
        # Only everyday words linked weakly ("required": the class Requirement): the
        # question names nothing, so the passage must explain half its words instead.
        named = bool(focus.groups) and any(not m.weak for m in analysis.mentions)
        enough = FALLBACK_WORDS_NAMED if named else FALLBACK_WORDS
        if asks_date(analysis):
            # A date is in most passages: which one it is the rest of the words must say.
            enough = max(enough, FALLBACK_WORDS_DATED)
        holds_named = not named or passage.entities >= FULL_COVER
        if self.limits.passage_fallback and passage.words >= enough and holds_named and \
                passage.lead >= FALLBACK_LEAD and \
                not (joins_facts(analysis) and not self._explains_verb(analysis, passage)) and \
                not self._beyond_sources(analysis) and not self._names_no_leader(analysis, passage):
            # Nothing structured fits, but the question is about the graph's subject matter:
            # the best passage, cited, at the confidence the dev set measured for such answers.
            return self._from_reading(text, passage, focus,
                                      fallback_confidence(passage, self.limits.threshold))
        return None

    def _names_no_leader(self, analysis: Analysis, passage: Reading) -> bool:
        """ "Who chairs the Greater Manchester partnership?": a passage that names no
        person cannot say who leads it, however well its other words match; nor can one
        naming only the people the question names say who someone else is."""
        if "~WHO" not in analysis.features:
            return False
        entities = self.model.analyser.index.entities
        held = {i for u in passage.units for i in u.iris()} | {
            r.iri for r in passage.results if r.iri}
        people = {i for i in held if i in entities and PERSON in entities[i].classes}
        if analysis.features.keys() & LEADING:
            return not people
        # "Who took over from Mark Easton?": a passage naming no one but him cannot say.
        named = {m.best.entity.iri for m in analysis.mentions if not m.weak
                 and PERSON in m.best.entity.classes}
        # ("Who did Jenny Dodd think could bridge them?" asks her view, not for a person.)
        return bool(named) and people <= named and not describes_first(analysis) and \
            "~SAY" not in analysis.features

    def _explains_verb(self, analysis: Analysis, passage: Reading) -> bool:
        """The question's first own word ("What is the *vision* of the ICS whose director
        spoke?") is what it asks for: a passage that does not say it is about the clause's
        thing only."""
        wanted = question_words(analysis)
        if not wanted:
            return True
        first = min(wanted, key=lambda f: analysis.positions.get(f, len(analysis.tokens)))
        bag = self.reader.text_bag(passage.text) | {
            f for r in passage.results for f in self.reader.text_bag(r.label)}
        span = analysis.spans.get(first)
        senses = {f for f in wanted if span is not None and analysis.spans.get(f) == span}
        return bool(({first} | senses) & bag)

    def _beyond_sources(self, analysis: Analysis) -> bool:
        """The question asks about today or a year after the newest source: no passage can
        answer it, however well its words match."""
        return any(d.precision == "now" or (self.horizon is not None and d.first.year >
                                            self.horizon) for d in analysis.dates) or \
            _asks_when_next(analysis)

    def _clarify(self, text: str, focus: Focus, catalogue: Answer,
                 analysis: Analysis) -> Answer:
        """A required slot no entity fills: ask which one is meant, never answer a default."""
        slots = self._defaulted(catalogue, analysis)
        wanted = join_labels([_slot_words(self.catalogue, catalogue.question_id, p.name)
                              for p in slots])
        example = Suggestion(catalogue.question_id or "", catalogue.interpretation or text,
                             "The question with the default filled in",
                             round(catalogue.confidence, 3))
        return Answer(False, f"Which {wanted} do you mean? The question does not say, and "
                      f"the graph would only be guessing (for example {slots[0].label}).",
                      None, (), None, (), min(catalogue.confidence, self.limits.threshold - 0.01),
                      (example,), context=_context(text, focus, ()))

    def searcher(self) -> SearchIndex:
        """The passage index, built on first use: it reads every passage graph, which on a
        large graph takes long, and only questions nothing else answers need it."""
        with self._search_lock:
            if self._search is None:
                self._search = SearchIndex.from_store(self.store)
            return self._search

    def _from_reading(self, text: str, reading: Reading, focus: Focus, sure: float) -> Answer:
        graphs = [u.graph for u in reading.units] + [g for r in reading.results
                                                     for g in r.graphs]
        # The statements shown cite first; a description of a kind can touch every passage.
        sources = build_sources(resolve_sources(self.store,
                                                list(dict.fromkeys(graphs))[:MAX_SOURCES],
                                                timeout=self.limits.query_timeout))
        labels = join_labels([focus.labels.get(i, i) for i in _firsts(focus)])
        return Answer(
            answered=bool(sources),
            answer=reading.text if sources else NOT_ANSWERABLE,
            question_id=f"graph:{reading.shape}",
            # A passage's text already says what it found; its list stays short (the
            # reading keeps them all: a join or a follow-up may go through any of them).
            results=reading.results[:PASSAGE_RESULTS] if reading.shape == "passage"
            else reading.results,
            sparql=reading.sparql,
            sources=sources,
            confidence=sure,
            suggestions=(),
            interpretation=f"{reading.shape} about {labels}",
            context=_context(text, focus, reading.results),
        )

    def _decline(self, text: str, focus: Focus, ranking: Sequence[Match]) -> Answer:
        suggestions = self.describe_suggestions(focus) or self.suggestions(
            [m for m in ranking if m.score >= MIN_SUGGESTION])
        message = NOT_ANSWERABLE if not focus.groups else (
            "The knowledge graph holds nothing that answers this surely enough. "
            "Questions about what it names are listed as suggestions.")
        return Answer(False, message, None, (), None, (),
                      min(confidence(ranking), self.limits.threshold - 0.01), suggestions,
                      context=_context(text, focus, ()))

    def describe_suggestions(self, focus: Focus) -> tuple[Suggestion, ...]:
        return tuple(Suggestion("describe", f"What is {focus.labels.get(i, i)}?",
                                "Describe an entity", 1.0) for i in _firsts(focus))[:SUGGESTIONS]

    def _ask_subject(self, text: str) -> Answer:
        message = ("Which body, document or person do you mean? The question refers back "
                   "(\"it\", \"they\", \"that\") but there is no earlier question to read "
                   "it against: name the subject, or send the previous answer's context.")
        return Answer(False, message, None, (), None, (), 0.0, (),
                      context=Context(_printable(text), ()))

    def _unknown_subject(self, analysis: Analysis, focus: Focus) -> Answer | None:
        """A named person the graph lacks: say so, and offer the people it knows."""
        if not analysis.unknown_names:
            return None
        name = _name_around(analysis.text, analysis.unknown_names[0])
        about_person = analysis.text.lower().startswith(("who", "whom", "whose")) or \
            len(name.split()) >= 2
        if not about_person or (focus.groups and len(name.split()) < 2):
            return None
        people = [e for e in self.model.analyser.index.entities.values()
                  if PERSON in e.classes]
        people.sort(key=lambda e: -fuzz.token_set_ratio(name, e.label))
        suggestions = tuple(Suggestion("describe", f"Who is {e.label}?", "Describe a person",
                                       round(fuzz.token_set_ratio(name, e.label) / 100, 3))
                            for e in people[:SUGGESTIONS])
        return Answer(False, f"The knowledge graph records nothing about {name}.", None, (),
                      None, (), 0.0, suggestions, context=Context(_printable(analysis.text), ()))

    def _attempt(self, match: Match, as_of: str | None
                 ) -> tuple[QuestionRun, dict[str, BoundValue]]:
        params, bound = self._parameters(match, as_of)
        run = self._execute(match.question, params)
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
            # (Not a kind in place of a named thing: "the ICS that Dave Sweeney works for"
            # has no events of his, and those of every ICS are not its.)
            elsewhere = [m.best for m in match.mentions
                         if m.start not in taken and not m.weak and not (
                             fill.candidate.entity.role == "individual"
                             and m.best.entity.role in ("kind", "class"))]
            others = [c for c in (*fill.mention.candidates[1:ALTERNATIVES + 1], *elsewhere)
                      if c.entity.stands_for != fill.candidate.entity.stands_for
                      and (not wanted or c.entity.classes & wanted)]
            for other in others:
                trial = {**params, name: other.entity.iri}
                try:
                    run = execute_question(self.store, match.question, trial,
                                           timeout=self.limits.query_timeout,
                                           max_rows=self.limits.max_rows)
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
        run = execute_question(self.store, question, given, timeout=self.limits.query_timeout,
                               max_rows=self.limits.max_rows)
        return self._answer(run, bound, 1.0, ())

    def catalogue_reading(self, question: str) -> Answer | None:
        """The best catalogue question for ``question``, run as it reads (no choice against
        the graph reading): how the high-precision templates read their paraphrases."""
        ranking = self.model.top(self.model.analyser.analyse(self.check_question(question)),
                                 RANKED)
        if not ranking:
            return None
        run, bound = self._attempt(ranking[0], None)
        return self._answer(run, bound, confidence(ranking), ranking)

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

    def _execute(self, question: CatalogueQuestion, params: dict[str, str]) -> QuestionRun:
        # A value read from the question that the query refuses (a body of the wrong
        # class) is not replaced by the default: the question is about something else.
        return execute_question(self.store, question, params,
                                timeout=self.limits.query_timeout, max_rows=self.limits.max_rows)

    def _answer(self, run: QuestionRun, bound: Mapping[str, BoundValue], sure: float,
                ranking: Sequence[Match]) -> Answer:
        results = build_results(run)[:MAX_RESULTS]
        # The passages behind what is shown: on a large graph a list can cite thousands.
        cited = [g for r in results for g in r.graphs] or list(graphs_of(run.result.rows))
        sources = build_sources(resolve_sources(self.store, list(dict.fromkeys(cited))[
            :MAX_SOURCES], timeout=self.limits.query_timeout))
        answered = bool(run.result.rows)
        values = tuple(
            _shown(bound.get(p.name), p.name, p.term.value, p.shown, p.from_default)
            for p in run.parameters)
        return Answer(
            answered=answered,
            answer=_cut(readable_dates(render_answer(run)), MAX_ANSWER_CHARS),
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


def _cache_key(question: str, as_of: str | None, limit: int, context: Context | None = None
               ) -> tuple[str, str | None, dt.date, Context | None] | None:
    """What an answer depends on besides the graph: the question's words (as analysed, so
    spacing does not matter), the as-of date, and today, which "now" and the defaults mean."""
    text = " ".join(question.split())
    if not text or len(question) > limit:
        return None
    date = as_of.strip() if as_of is not None and as_of.strip() else None
    return text, date, dt.date.today(), context


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




def _figured(answer: Answer, analysis: Analysis) -> Answer | None:
    """A catalogue answer to a question that asks for a figure: as it is when it gives one;
    a list counted when the question asks how many; otherwise no answer to it (a population
    question answered with the tiers' names)."""
    if not asks_figure(analysis) or states_figure(answer.answer):
        return answer
    listed = {r.iri or r.label for r in answer.results}
    if _AT_LEAST.search(answer.answer) and "~MINIMUM" not in analysis.features:
        return None  # "how many members sit on the board?": a minimum is no head count
    if "~HOWMANY" in analysis.features and len(listed) > 1:
        counted = _cut(f"{len(listed)} in all. {answer.answer}", MAX_ANSWER_CHARS)
        return replace(answer, answer=counted)
    return None


def _clear_winner(answer: Answer, ranking: Sequence[Match], explained: float) -> bool:
    """A catalogue reading far ahead of the next one, whose answer explains at least half of
    the question's words: it wins although the question says more than the template ("What
    features do both legislative models share?"). On the dev set such readings were right."""
    lead = ranking[0].score - (ranking[1].score if len(ranking) > 1 else 0.0)
    return answer.confidence >= CATALOGUE_SURE and lead >= CLEAR_LEAD and \
        explained >= CLEAR_EXPLAINED


def _states_what_is_asked(reading: Reading, analysis: Analysis) -> bool:
    """A count reading that gives a figure (of things, when it counts things), a when
    reading that gives a date."""
    if reading.shape == "count":
        return states_figure(reading.text, not counts_things(analysis))
    return reading.shape != "when" or states_date(reading.text)


def joins_facts(analysis: Analysis) -> bool:
    """ "... the ICS whose director spoke", "... the region where X was ...": a question
    through a relative clause about something else."""
    words = [t.surface for t in analysis.tokens]
    return any(w in CLAUSE_WORDS and i > 1 and words[i - 1] not in PREPOSITIONS
               for i, w in enumerate(words))


def _asks_when_next(analysis: Analysis) -> bool:
    """ "When will DHACA hold its next webinar?": the next one is after every source (the
    "next steps" of a plan are no such thing)."""
    words = [t.surface for t in analysis.tokens]
    return asks_date(analysis) and any(
        w == "next" and (i + 1 >= len(words) or not words[i + 1].startswith("step"))
        for i, w in enumerate(words))


def _statement_line(statement: Statement) -> str:
    """ "Bucks, Oxfordshire and Berks ICS population: 1.8 million." """
    value = statement.object_label or statement.object
    if value.isdigit():
        value = large(int(value))
    return f"{statement.subject_label} {statement.predicate_label}: {value}."


def _listed_yes(answer: Answer, yes_no: bool, explained: float) -> bool:
    """ "Was Gloucestershire one of the STPs picked to become ICSs?": a sure reading that
    lists the very thing asked about says yes, though the question words it differently."""
    return yes_no and answer.confidence >= CATALOGUE_SURE and \
        answer.answer.startswith("Yes.") and explained >= CLEAR_EXPLAINED


def _verdict(answer: Answer, match: Match, entities: Mapping[str, Entity],
             analysis: Analysis) -> Answer | None:
    """ "Was Dorset among the STPs announced in May 2018?" read as the list it asks about:
    "yes" when the thing it names (and no slot took) is in the answer, "no" when the answer
    lists others of its kind and not it; None when the answer cannot settle it."""
    if answer.answer.lower().startswith(("yes", "no")):
        return answer
    used = {f.mention.start for f in match.fills if f.mention is not None}
    # What the question asks about is the first thing it names that no slot took ("Do CCGs
    # still exist in Cheshire and Merseyside?" asks about CCGs, not about the place).
    unused = [m.best.entity for m in match.mentions if not m.weak and m.start not in used]
    listed = [entities[r.iri] for r in answer.results if r.iri is not None and r.iri in entities]
    if not any(e.role == "individual" for e in unused) and _whole_list_lacks(listed, analysis):
        return replace(answer, answer=_cut(f"No. {answer.answer}", MAX_ANSWER_CHARS))
    if not unused or unused[0].role not in ("individual", "kind") or not listed:
        return _named_listed(answer, match, listed)
    thing = unused[0]
    if any(e.iri == thing.iri for e in listed):
        # "Must local authorities have regard to ICP strategies?": a kind listed says yes too.
        return replace(answer, answer=_cut(f"Yes. {answer.answer}", MAX_ANSWER_CHARS))
    mine = _own_classes(thing)
    if thing.role == "individual" and all(e.role == "individual" and _own_classes(e) & mine
                                          for e in listed):
        return replace(answer, answer=_cut(f"No. {answer.answer}", MAX_ANSWER_CHARS))
    return _named_listed(answer, match, listed)


def _named_listed(answer: Answer, match: Match, listed: Sequence[Entity]) -> Answer | None:
    """ "Do local authorities have to take ICP strategies into account?": one thing the
    question names is listed, and every other is in the answer's own words: yes."""
    named = [m for m in match.mentions if not m.weak]
    iris = {e.iri for e in listed}
    found = [m for m in named if m.best.entity.iri in iris]
    text = answer.answer.lower()
    rest = [m for m in named if m not in found]
    if len(found) == 1 and rest and all(m.best.entity.label.lower() in text for m in rest):
        return replace(answer, answer=_cut(f"Yes. {answer.answer}", MAX_ANSWER_CHARS))
    return None


# "the second largest STP (in England)": a thing named only by its rank among its kind.
_RANKED = re.compile(
    r"\bthe\s+(?:[a-z]+\s+(?:described|named|ranked|listed|known)\s+as\s+(?:the\s+)?)?"
    r"(?P<rank>(?:(?:second|third|fourth|fifth)\s+)?(?:largest|biggest|smallest)"
    r"(?:\s+(?!in\b|of\b|among\b|across\b|and\b|by\b)[A-Za-z][\w&'-]*){0,6}?"
    r"(?=\s+(?:in|of|among|across|and|by)\b|\s*[?,.]|\s*\Z)"
    # ... and where it ranks, which the thing's name then makes plain.
    r"(?:\s+(?:in|of|among|across)\s+(?:all\s+)?(?:england(?:'s)?(?:\s+\d+\s+[a-z]+)?"
    r"|the\s+country|the\s+nhs))?)", re.IGNORECASE)
RANKED_SURE = 0.9  # the rank's own answer must be this sure to ask on through it
# "the partnership where Dave Sweeney is executive director": a body named by a member.
_MEMBER_CLAUSE = re.compile(
    r"\bthe\s+(?:partnership|system|ics|organi[sz]ation|body|board|icb|stp|trust|group"
    r"|alliance|network)\s+(?:where|in\s+which|at\s+which|that|which|whose)\s+"
    r"(?P<clause>[^?,;]{3,120}?)(?=\s*[?,;]|\s*\Z)", re.IGNORECASE)
MEMBERSHIP_QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?org ?role ?label ?g WHERE {
  GRAPH ?g { ?m org:member %s ; org:organization ?org . OPTIONAL { ?m org:role ?role } }
  ?org rdfs:label ?label FILTER(lang(?label) = "en" || lang(?label) = "")
} ORDER BY ?g ?org LIMIT 50"""
_WHAT_ARE_BOTH = re.compile(r"\A\s*(?:what|who)(?:'s|\s+(?:is|are|was|were))\b.*\band\b",
                            re.IGNORECASE | re.DOTALL)
_AT_LEAST = re.compile(r"\bat (?:least|minimum|a minimum)\b", re.IGNORECASE)
_STAND_FOR = re.compile(r"\A\s*what\s+(?:does|do)\s+(?:the\s+)?(?P<thing>[^?]{2,40}?)\s+"
                        r"stand\s+for\s*\?*\s*\Z", re.IGNORECASE)
_SIZED = re.compile(r"\b(?:which|what|the|list|name)\s+(?:are\s+the\s+|the\s+)?"
                    r"(?P<size>\w+)\b", re.IGNORECASE)


def _first_cited(first: Sequence[Source], then: Sequence[Source]) -> tuple[Source, ...]:
    """The sources of a joined answer: what named the thing first, then the rest."""
    return (*first, *(s for s in then if s not in first))


def _sized_list(reading: Reading, analysis: Analysis, entities: Mapping[str, Entity]
                ) -> float:
    """ "Which two devolved systems does the article name?" read as a statement that
    explains the whole question and lists exactly two things: the size the question gives
    confirms the reading (:data:`SIZED_LIST`); else 0."""
    sizes = {n for m in _SIZED.finditer(analysis.text) for n in written_numbers(m["size"])}
    if not sizes or reading.shape != "fact" or reading.words < FULL_COVER or \
            reading.entities < FULL_COVER:
        return 0.0
    # Only named things count: a date or bound beside them is no member.
    listed = [entities.get(r.iri) for r in reading.results if r.iri]
    members = [e for e in listed if e is not None and e.role == "individual"]
    # Things of one kind (not a count node beside four STPs).
    if not members or len(members) != len(listed) or not frozenset.intersection(
            *(_own_classes(e) for e in members)):
        return 0.0
    return SIZED_LIST if len({e.iri for e in members}) in sizes else 0.0


def _how_long(reading: Reading, analysis: Analysis) -> bool:
    """ "How long did the DHACA webinar last?" read as the one statement of the thing that
    gives a length of time: nothing else in the graph says how long something lasted."""
    return reading.shape == "fact" and set(question_words(analysis)) == {"~DURATION"} and \
        reading.words >= FULL_COVER and reading.entities >= FULL_COVER and \
        len(reading.units) == 1


def _describing_first(ranking: Sequence[Match], analysis: Analysis) -> Sequence[Match]:
    """ "What is an ICS?" says nothing but the name after "what is": it asks what the
    thing is, however fully a phrasing that only names it too ("Which ICSs were there
    in {asOf}?") matches its words."""
    if describes_first(analysis) is None or question_words(analysis):
        return ranking
    described = [m for m in ranking if m.question.id == DESCRIBE_QUESTION]
    return [*described, *(m for m in ranking if m not in described)]


def _as_many_as_asked(answer: Answer, text: str) -> Answer:
    """ "What four things must systems do...?" answered from a passage: its statements are
    ranked best first, and the question says how many it wants, so it lists no more."""
    sizes = {n for m in _SIZED.finditer(text) for n in written_numbers(m["size"])}
    if not answer.answered or len(sizes) != 1:
        return answer
    size = next(iter(sizes))
    if answer.question_id == "graph:passage":
        return replace(answer, results=answer.results[:size]) if size >= 1 else answer
    listed = {r.label for r in answer.results}
    # (A catalogue list: a graph reading's results are its statements, not one list.)
    if size >= 2 and len(listed) > size and not (answer.question_id or "graph:").startswith(
            "graph:"):
        # "What are the three benefits...?" answered with eight: another list than the one
        # asked about, so no answer.
        return replace(answer, answered=False, answer=f"The knowledge graph lists {len(listed)}"
                       f" such things, not {size}, so it cannot tell which are meant.",
                       confidence=min(answer.confidence, SIZE_MISMATCH))
    return answer


def _whole_list_lacks(listed: Sequence[Entity], analysis: Analysis) -> bool:
    """ "Is Stockport one of the nine CCGs in C&M?": the question names something the graph
    does not know, and says how many there are; a list of exactly that many things of one
    kind, none of them it, is the whole list, so the answer is no."""
    if len(listed) < 2 or not analysis.unknown_names:
        return False
    if len(listed) not in written_numbers(analysis.text):
        return False
    shared = frozenset.intersection(*(_own_classes(e) for e in listed))
    names = " ".join(e.label.lower() for e in listed)
    return all(e.role == "individual" for e in listed) and bool(shared) and \
        not any(name in names for name in analysis.unknown_names)


def _own_classes(entity: Entity) -> frozenset[str]:
    return frozenset(c for c in entity.classes if c.startswith(ONTOLOGY))


def _lists_the_named(answer: Answer, analysis: Analysis, best: Match) -> bool:
    """ "What does Option 1 involve?" answered with the list of options: the question
    names one of the things the answer lists, in no slot, so it asks about that one."""
    filled = {f.mention.start for f in best.fills if f.mention is not None}
    named = {m.best.entity.iri for m in analysis.mentions if not m.weak
             and m.best.entity.role == "individual" and m.start not in filled}
    listed = {r.iri for r in answer.results if r.iri}
    opening = analysis.tokens[0].surface if analysis.tokens else ""
    return len(listed) > 1 and bool(named & listed) and opening not in ("which", "list")


def _one_of_the_list(answer: Answer, analysis: Analysis) -> bool:
    """ "What does the first legislative option involve?" answered with both options: the
    ordinal before the kind picks one of the things the answer lists."""
    if len(answer.results) < 2:
        return False
    kinds = {m.start for m in analysis.mentions if m.best.entity.role in ("kind", "class")}
    tokens = analysis.tokens
    return any(t.surface in ORDINALS and (i + 1 in kinds or i + 2 in kinds)
               for i, t in enumerate(tokens))


def _kinds_for_members(answer: Answer, analysis: Analysis) -> bool:
    """ "Which places make up BOB ICS?" answered with how many of each kind of body it has:
    the question wants the members by name, not counts of kinds (unless it asks for kinds
    or a figure)."""
    if any(t.surface in KIND_WORDS for t in analysis.tokens) or asks_figure(analysis) \
            or not states_figure(answer.answer):
        return False
    iris = [r.iri for r in answer.results if r.iri]
    if not iris or not all(i.startswith(KIND) for i in iris):
        return False
    opening = analysis.tokens[0].surface if analysis.tokens else ""
    return opening in MEMBER_OPENINGS or _names_listed_kind(answer, analysis)


def _names_listed_kind(answer: Answer, analysis: Analysis) -> bool:
    """ "What are the places that make up BOB?": the plural after "what are the" is one of
    the kinds counted, so the question wants those things by name, not their number."""
    # "What are the (three) places ...": the size of the list stands before the head noun.
    words = [t for i, t in enumerate(analysis.tokens[:MEMBER_HEAD + 1])
             if i < 3 or (not written_numbers(t.surface) and not t.surface.isdigit())]
    if len(words) < 4 or [t.surface for t in words[:3]] not in (["what", "are", "the"],
                                                                   ["what", "were", "the"]):
        return False
    head = words[3].stem
    return any(head in {w.rstrip("s") for w in r.label.lower().replace("-", " ").split()}
               for r in answer.results)


def is_yes_no(analysis: Analysis) -> bool:
    return opens_yes_no(analysis)


def _firsts(focus: Focus) -> list[str]:
    """One IRI per entity in focus (the linked one, not the kind behind it)."""
    found = []
    for group in focus.groups:
        named = sorted(i for i in group if i in focus.labels)
        if named:
            found.append(min(named, key=lambda i: ("/kind/" in i, i)))
    return found


def _context(text: str, focus: Focus, results: Sequence[ResultItem]) -> Context:
    """The question and what it was about: every entity in focus (not the classes behind
    kinds), and a single entity it was answered with ("who chairs X?" then "what is
    their job?")."""
    entities = [i for g in focus.groups for i in sorted(g) if not i.startswith(ONTOLOGY)]
    iris = [r.iri for r in results if r.iri is not None]
    if len(iris) == 1 and iris[0] not in entities:
        entities.insert(0, iris[0])
    return Context(_printable(text), tuple(dict.fromkeys(entities))[:MAX_CONTEXT])


def _with_context(answer: Answer, text: str, focus: Focus) -> Answer:
    return replace(answer, context=_context(text, focus, answer.results))


def _ignores_named(match: Match, analysis: Analysis) -> bool:
    """The catalogue reading leaves a named entity unused and takes a default instead
    ("who holds ICPs to account?" must not become a question about ICBs)."""
    used = {f.mention.start for f in match.fills if f.mention is not None}
    defaulted = [p for p in match.question.parameters
                 if p.type is ParamType.ENTITY and p.default is not None
                 and not any(f.parameter.name == p.name and f.candidate is not None
                             for f in match.fills)]
    defaults = {as_iri(p.default) for p in defaulted if p.default is not None}
    # Only a name that could have filled a defaulted slot was passed over for the default
    # ("how many next steps did NHS England set out?" names the publisher, not a document).
    wanted = [frozenset(p.classes) for p in defaulted]
    unused = [m for m in analysis.mentions if not m.weak and m.start not in used
              and not {i for c in m.candidates for i in (c.entity.iri, c.entity.stands_for)}
              & defaults
              and any(not w or any(c.entity.classes & w for c in m.candidates) for w in wanted)]
    return bool(unused and defaulted)


def _clause_unread(match: Match, analysis: Analysis) -> bool:
    """ "When does the ICS that Dave Sweeney works for go live?" read with the ICS kind in
    the slot: the clause after it names who singles one out, which the reading leaves
    unused, so it would answer about every ICS."""
    used = {f.mention.start for f in match.fills if f.mention is not None}
    kinds = [m for m in analysis.mentions if m.best.entity.role in ("kind", "class")
             and m.start in used]
    tokens = analysis.tokens
    return any(kind.end < len(tokens) and tokens[kind.end].surface in RELATIVE_WORDS and any(
        not m.weak and m.best.entity.role == "individual" and m.start > kind.end
        and m.start not in used for m in analysis.mentions) for kind in kinds)


def combine(text: str, answers: Sequence[Answer]) -> Answer:
    """One answer to a two-part question: each part's answer, in order, and the parts."""
    answered = all(a.answered for a in answers)
    shares = _shares([len(a.answer) for a in answers], MAX_ANSWER_CHARS - len(answers))
    shown = " ".join(_cut(a.answer, share) for a, share in zip(answers, shares, strict=True))
    results = tuple(r for a in answers for r in a.results)[:25]
    sources = tuple(dict.fromkeys(s for a in answers for s in a.sources))
    sparql = "\n\n".join(a.sparql for a in answers if a.sparql) or None
    entities = tuple(dict.fromkeys(e for a in answers if a.context for e in a.context.entities))
    return Answer(answered, shown, None, results, sparql, sources,
                  min(a.confidence for a in answers),
                  () if answered else tuple(s for a in answers for s in a.suggestions)[:3],
                  "two questions", parts=tuple(answers),
                  context=Context(_printable(text), entities))


def _shares(lengths: Sequence[int], room: int) -> list[int]:
    """Room for each part's answer: a short one keeps all it needs, and what it leaves is
    shared among the longer ones (so a one-line part does not cut its neighbour short)."""
    shares = [0] * len(lengths)
    left, pending = room, sorted(range(len(lengths)), key=lambda i: lengths[i])
    while pending:
        fair = left // len(pending)
        i = pending.pop(0)
        shares[i] = min(lengths[i], fair)
        left -= shares[i]
    return shares


def _cut(text: str, size: int) -> str:
    if len(text) <= size:
        return text
    return text[:size - 1].rsplit(" ", 1)[0] + "…"


def _name_around(text: str, word: str) -> str:
    """The run of capitalised words around ``word`` in ``text`` ("John Smith")."""
    found = re.search(r"(?:[A-Z][\w'-]*\s+)*\b(?i:" + re.escape(word)
                      + r")\b(?:\s+[A-Z][\w'-]*)*", text)
    name = found.group().strip().split() if found else [word]
    while len(name) > 1 and name[0].lower() in OPENING_WORDS:
        name.pop(0)  # "Is Stockport ...": the question's first word is no part of the name
    return " ".join(name)


_ISO_DAY = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
_ISO_MONTH = re.compile(r"(\bon )?\b((?:19|20)\d\d)-(0[1-9]|1[0-2])\b(?!-)")
_ON_YEAR = re.compile(r"\bon ((?:19|20)\d\d)\b(?![-/])")


_LARGE = re.compile(r"(?<![\d.,])(\d{5,13})(?![\d.,]\d)")


def readable_dates(text: str) -> str:
    """ISO days and long figures in a catalogue sentence as people write them
    ("1 July 2022", "1.3 billion")."""
    text = _LARGE.sub(lambda m: large(int(m[1])), text)
    def show(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match.group()
        return f"{day.day} {day:%B} {day.year}"
    text = _ISO_DAY.sub(show, text)
    # A month or a year is "in", not "on": "published in November 2020".
    text = _ISO_MONTH.sub(lambda m: f"{'in ' if m[1] else ''}"
                          f"{dt.date(int(m[2]), int(m[3]), 1):%B} {m[2]}", text)
    return _ON_YEAR.sub(r"in \1", text)


def _ignores_document(match: Match, analysis: Analysis) -> bool:
    """ "When was the CCAL blog on Integrating Care published?" read as about "integrated
    care": the question's first name, a source document, fills no slot of the reading."""
    strong = [m for m in analysis.mentions if not m.weak]
    if not strong or SOURCE_DOCUMENT not in strong[0].best.entity.classes:
        return False
    used = {f.mention.start for f in match.fills if f.mention is not None}
    return strong[0].start not in used




def _slot_words(catalogue: Catalogue, question_id: str | None, name: str) -> str:
    """A slot's description ("the kind of body counted") as the thing to ask for."""
    if question_id is None:
        return name
    for parameter in catalogue.get(question_id).parameters:
        if parameter.name == name:
            words_ = parameter.description.split(";")[0].strip()
            return words_[4:] if words_.lower().startswith("the ") else words_
    return name


def _printable(text: str) -> str:
    """Text that encodes as UTF-8 (a lone surrogate in a question becomes "?")."""
    return text.encode("utf-8", "replace").decode("utf-8")
