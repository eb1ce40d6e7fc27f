"""Reading a question straight off the graph: the general shapes, compiled from the ontology.

The question's entities are linked; the statements about them are fetched
(:mod:`kg.qa.facts`) and each unit is scored by how many of the entities it
holds and how much of the question's other words (relations, through the
synonym lexicon and the properties' own labels) it explains. The shape of the
question then decides what counts as an answer:

- *describe* ("who is X", "tell me about X"): the entity's type, definition and
  main facts;
- *fact* (a property in either direction, an n-ary duty with any action, bearer
  or object, a list): the best units, the values the question does not name as
  results;
- *when* needs a date in the unit, *how many* a figure (or a list to count);
- *yes/no* is "yes" only when a unit states the fact, "no" only when a unit
  states its contrary (another date, another figure, a false flag), else None.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import OrderedDict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from kg.qa.analysis import ORDINALS, SUPERLATIVES, Analyser, Analysis
from kg.qa.answer import ResultItem
from kg.qa.citing import keep_cited
from kg.qa.compare import Comparison, comparison
from kg.qa.dates import DateMention
from kg.qa.entities import Entity
from kg.qa.facts import (
    ICS,
    NOT_FACTS,
    Unit,
    Value,
    document_units,
    fetch,
    fetch_passage,
    neighbourhood_query,
    units_from,
)
from kg.qa.lexicon import OPPOSITES, SOURCE_KIND_WORDS, YES_NO
from kg.qa.verbal import QUIET, join, precision_of, sentence, show_value
from kg.store.base import Store
from kg.store.terms import Term
from kg.store.values import term_n3

ASKING = frozenset({"~WHO", "~WHEN", "~WHERE", "~HOWMANY", "~DEFINE", "~WHY"})
MAX_ANSWER = 560
_EXISTENCE = re.compile(r"\b(?:still|exist|exists|existed|existing|around|remain|remained)\b",
                        re.IGNORECASE)
_BECOMING = re.compile(r"\b(?:becoming|on (?:the|its) way to|towards|toward|not yet"
                       r"|yet to become)\b")
# "According to the webinar appendix, is place sovereign?": a yes/no after a source clause.
_SOURCE_CLAUSE = re.compile(r"\s*(?:according\s+to|per|in|from|based\s+on)\b[^,]{1,80},\s*(\w+)",
                            re.IGNORECASE)
MAX_UNITS = 4
# "continue to exist", "carry on existing", "still be around": a question of lasting...
_LASTING = re.compile(r"\b(?:continue|continues|carry on|carries on|go on|goes on|survive"
                      r"|survives|remain|remains|still)\b.{0,25}?\b(?:exist|exists|existing"
                      r"|around|in existence|operating|function|functioning)\b", re.IGNORECASE)
# ... past a time: "after 1 July 2022", "once X goes live".
_AFTER = re.compile(r"\b(?:after|once|following|beyond|from)\b", re.IGNORECASE)
# "Will CCGs be abolished when the C&M ICS goes live?": the same weighing, asked the other
# way round (abolished by then: yes).
_ENDING = re.compile(r"\b(?:abolished|abolish|disbanded|dissolved|wound up|cease to exist"
                     r"|ceased to exist|stop existing)\b", re.IGNORECASE)
# ("abolished after X" asks whether it came later, which one day's precision cannot say.)
_BY_THEN = re.compile(r"\b(?:once|when|by)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:after|following|later than)\b", re.IGNORECASE)
OUTLIVED = 0.9  # a stated abolition date against a stated event date: little to misread
CLOSE = 0.88  # units scoring this share of the best join the answer
NO_FIT = 0.35
LIST_FIT = 0.8  # factor when the unit has no value of the kind asked for (a date, a figure)
STATUTORY = f"{ICS}isStatutory"
COUNT_VALUE = f"{ICS}countValue"
COUNT_IN = f"{ICS}countIn"
COUNTED_MEMBER = f"{ICS}countedMember"
ACTION = f"{ICS}action"  # a duty's action
UNIT_SETS = 512  # entity sets whose units are kept (about 1 MB on the corpus graph)
NAME_WORDS = 8  # a label longer than this reads as a sentence, not a name
DESCRIBE_SCORE = 0.8
TYPE_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?tl WHERE { GRAPH ?g { %s a ?t } ?t rdfs:subClassOf* %s ; rdfs:label ?tl
  FILTER(?g NOT IN (%s)) } LIMIT 1"""
DOCUMENT = f"{ICS}SourceDocument"
SIBLING_SHARE = 0.1  # a class more of the named things belong to says little of kinship
ANSWER_NOUNS = frozenset({"body", "bodies", "organisation", "organisations", "organization",
                          "organizations"})
LOCATORS = frozenset({"in", "at", "across", "within", "for"})
KIND_NOUNS = frozenset({"kind", "kinds", "type", "types", "sort", "sorts"})
AS_OF = frozenset({f"{ICS}asOf", f"{ICS}asOfDate"})
AS_OF_FIT = 0.45
# Numbers that are positions, not amounts: "how many people" is not answered by a rank.
POSITIONS = frozenset({f"{ICS}sizeRank", f"{ICS}itemNumber"})
COMPARED_WORDS = 0.6  # share of its words a figure's statement must explain for a comparison
YES_NO_UNITS = 12  # the best-scored units a yes/no verdict is looked for in
OPPOSED_REST = 0.25  # share of the rest a statement of a change's opposite must hold
CHANGES = frozenset({"~RISE", "~DROP"})
YES_NO_WORDS = 0.5  # share of the question (by weight) a statement must hold to settle it
NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "lack", "lacks", "lacked",
                       "lacking", "without"})
# "need little engagement" says no to "much need to engage"; "a little" does not.
SCANT = frozenset({"little", "few"})
NEGATED_WORDS = 2  # words after a negation that it negates
MIN_WEIGHT = 0.1  # a feature every text has still counts a little
BRIDGE = 0.7  # a join through a described entity: two readings, each may be off
RELATIVE = frozenset({"that", "which", "where", "whose", "who", "whom", "by"})
BRIDGE_LINKS = 40  # links of the named entity tried as bridges
BRIDGE_WORDS = 0.5  # share of the words the link leaves that the second fact must explain
LOOSE_DESCRIBE = 0.55  # a description of the first of several names: below the threshold
VIEW = "attributed view"  # the label of ics:AttributedView, a unit's type
DESCRIBE_HEADS = ("what is", "what are", "what was", "what were", "who is", "who was",
                  "who are", "describe", "tell me about", "define", "explain")
NOT_DESCRIBE = frozenset({"~WHEN", "~HOWMANY", "~WHERE", "~WHY"})


@dataclass(frozen=True, slots=True)
class Scored:
    unit: Unit
    score: float
    words: float  # share of the question's own words the unit explains
    entities: float  # share of the question's entities it holds


@dataclass(frozen=True, slots=True)
class Reading:
    """One structured reading of a question, ready to become an answer."""

    shape: str  # "describe", "fact", "when", "count", "yes", "no"
    text: str
    units: tuple[Unit, ...]
    results: tuple[ResultItem, ...]
    score: float
    sparql: str
    focus: tuple[str, ...]
    words: float = 1.0  # share of the question's own words the answer explains
    entities: float = 1.0  # share of the question's entities the answer holds
    wanted: float = 0.0  # weight of the question's own words (how much it says)
    rivals: int = 0  # other units that explain the question as well as the best
    lead: float = 0.0  # a retrieved passage's BM25 score over the best other passage's


@dataclass(frozen=True, slots=True)
class Focus:
    """The entities a question is about: each as the IRIs that stand for it."""

    groups: tuple[frozenset[str], ...]
    labels: Mapping[str, str]

    def iris(self) -> frozenset[str]:
        return frozenset(i for g in self.groups for i in g)


class GraphReader:
    """Answers questions from the statements about the entities they name."""

    def __init__(self, store: Store, analyser: Analyser, props: Mapping[str, str],  # noqa: PLR0917
                 show: Mapping[str, str], nary: Sequence[str],
                 timeout: float | None = None) -> None:
        self.store = store
        self.nary = tuple(nary)
        self.analyser = analyser
        self.props = props
        self.show = show
        self.timeout = timeout
        entities = analyser.index.entities
        self.nameable = {iri: e.label for iri, e in entities.items() if e.role != "action"}
        self._by_label: dict[str, str] | None = None
        self._bags: dict[str, frozenset[str]] = {}
        self._named: dict[str, frozenset[str]] = {}
        self._units: OrderedDict[tuple[str, ...], tuple[tuple[Unit, ...], str]] = OrderedDict()
        self.weights: dict[str, float] = {}
        self._unseen = 1.0
        self.sources: dict[str, frozenset[str]] = {}
        self._class_share: dict[str, float] = {}

    def learn_sources(self, texts: Mapping[str, str]) -> None:
        """Each passage's document words, which a unit from it also explains."""
        self.sources = {g: self.analyser.bag(" | ".join(
            [t, *(w for k, w in SOURCE_KIND_WORDS.items() if k in t.lower())]))
            for g, t in texts.items()}

    def learn_weights(self, texts: Sequence[str]) -> None:
        """Inverse document frequency of features over the graph's texts: a word most
        statements carry ("system", a "must") says less about which one answers."""
        counts: dict[str, int] = {}
        for text in texts:
            for feature in self.analyser.bag(text):
                counts[feature] = counts.get(feature, 0) + 1
        total = max(len(texts), 1)
        self.weights = {f: math.log((total + 1) / (n + 0.5)) for f, n in counts.items()}
        self._unseen = math.log((total + 1) / 0.5)

    def weigh(self, wanted: Mapping[str, float]) -> dict[str, float]:
        """``wanted`` with each feature's share scaled by how rare it is in the graph."""
        if not self.weights:
            return dict(wanted)
        return {f: w * max(self.weights.get(f, self._unseen), MIN_WEIGHT)
                for f, w in wanted.items()}

    def bag(self, unit: Unit) -> frozenset[str]:
        """The unit's words and concepts; concepts only its names carry do not count
        ("local authority" says nothing of authoring)."""
        text = sentence(unit, self.props) + " | " + " ".join(
            self.props.get(v.prop, "") for v in unit.values if v.prop not in QUIET) + " " + \
            " ".join(unit.types)
        # A node's label is its sentence, not a name; a named subject's label is a name.
        # A duty's action ("have regard to") is a relation word, not a name; nor is a label
        # as long as a sentence ("its politicians must seek re-election every four years").
        names = [n for n in ([] if unit.node else [unit.subject_label])
                 + [v.label for v in unit.values if v.term.is_iri and v.prop != ACTION]
                 if n and len(n.split()) <= NAME_WORDS
                 # One everyday word ("staff" moving to ICBs) says what it means.
                 and not (" " not in n and n.islower())]
        # The concepts of the words outside the names (a name's "mandate" is no duty, but a
        # "must" beside it is), and every word's stem.
        bare = text
        for name in sorted(names, key=len, reverse=True):
            bare = bare.replace(name, " | ")
        words_of = {c for c in self.text_bag(text) if not c.startswith("~")}
        own = words_of | self.text_bag(bare)
        return frozenset(own) | self.sources.get(unit.graph, frozenset())

    def named_in(self, unit: Unit) -> frozenset[str]:
        """What the unit's own words name (a qualifier, a node's label), besides the things
        it links: remembered, as the graph's sentences recur across questions."""
        text = sentence(unit, self.props)
        hit = self._named.get(text)
        if hit is None:
            found = self.analyser.index.mentions_in(text)
            hit = frozenset(i for m in found if not m.weak
                            for i in (m.best.entity.iri, m.best.entity.stands_for))
            if len(self._named) < 50_000:
                self._named[text] = hit
        return hit

    def text_bag(self, text: str) -> frozenset[str]:
        """:meth:`Analyser.bag`, remembered: the graph's sentences recur across questions."""
        hit = self._bags.get(text)
        if hit is None:
            hit = self.analyser.bag(text)
            if len(self._bags) < 50_000:
                self._bags[text] = hit
        return hit

    def units(self, focus: Focus) -> tuple[list[Unit], str]:
        # The engine lives as long as its graph (a push or reload builds a new one), so the
        # units of an entity set can be kept: questions about the same bodies recur.
        key = tuple(sorted(focus.iris()))
        hit = self._units.get(key)
        if hit is None:
            hit = self._fetch_units(frozenset(key))
            self._units[key] = hit
            if len(self._units) > UNIT_SETS:
                self._units.popitem(last=False)
        else:
            self._units.move_to_end(key)
        return list(hit[0]), hit[1]

    def _fetch_units(self, iris: frozenset[str]) -> tuple[tuple[Unit, ...], str]:
        rows = fetch(self.store, sorted(iris), self.nary, timeout=self.timeout)
        found = units_from(rows, iris, self.nameable, self.show)
        entities = self.analyser.index.entities
        for iri in sorted(iris):
            entity = entities.get(iri)
            if entity is not None and DOCUMENT in entity.classes:
                found += document_units(self.store, iri, entity.label, self.nameable,
                                        named=self.by_label(),
                                        timeout=self.timeout)
        return tuple(found), neighbourhood_query(sorted(iris), self.nary)

    def by_label(self) -> Mapping[str, str]:
        """The named individuals by their label in lower case (built on first use: only
        questions about a document's author or publisher need it)."""
        if self._by_label is None:
            self._by_label = {e.label.lower(): iri
                              for iri, e in self.analyser.index.entities.items()
                              if e.role == "individual"}
        return self._by_label

    def passage_units(self, graph: str) -> list[Unit]:
        """The units of one passage graph (for a retrieved passage)."""
        rows, subjects = fetch_passage(self.store, graph, timeout=self.timeout)
        return units_from(rows, subjects, self.nameable, self.show)

    def read(self, analysis: Analysis, focus: Focus,
             extra: Mapping[str, float] | None = None) -> Reading | None:
        """The best structured reading, or None when nothing in the graph fits."""
        units, sparql = self.units(focus) if focus.groups else ([], "")
        units = keep_cited(analysis, units, lambda u: u.graph, self.sources, self.text_bag)
        if not units:
            return None
        located = _located(analysis, focus, units)
        one_named = len(analysis.mentions) == 1 or (
            located is not focus and len(located.groups) == 1)
        focus = located
        wanted = self.weigh(question_words(analysis))
        if extra and not wanted:
            wanted = self.weigh(extra)
        yes_no = opens_yes_no(analysis)
        if "~HOWMANY" in analysis.features and not wanted and not any(
                is_kind(g) for g in focus.groups):
            return None  # "how many were there in X?": of what, it does not say
        # Ties go to the unit that can settle the question (a figure, a date), then to
        # fuller units, then by graph and subject, so every run reads alike.
        figure, dated = bool(asked_numbers(analysis)), bool(asked_dates(analysis))
        when = "~WHEN" in analysis.features  # the thing's own date before dated nodes near it
        scored = sorted((self.score(u, wanted, analysis, focus) for u in units),
                        key=lambda s: (-s.score, figure and not s.unit.numbers(),
                                       dated and not s.unit.dates(),
                                       when and s.unit.node, -len(s.unit.values),
                                       s.unit.graph, s.unit.subject))
        # "What is X's job?" opens like "what is X?", but one statement answers it.
        settled = bool(wanted) and bool(scored) and scored[0].words >= 0.99 and \
            scored[0].entities >= 0.99
        if not yes_no and not settled:
            described = self._description(analysis, focus, units, sparql, bool(wanted),
                                          one_named=one_named)
            if described is not None:
                return described if described.shape else None
        if not scored or scored[0].score <= 0:
            return None
        if yes_no:
            return self.yes_no(analysis, scored, focus, sparql) or self.is_a(analysis, focus)
        return self.answer(analysis, scored, focus, sparql)

    def _description(self, analysis: Analysis, focus: Focus, units: Sequence[Unit],
                     sparql: str, worded: bool, *, one_named: bool = False) -> Reading | None:
        """A describe reading when the question asks what something is; an empty-shaped
        reading when it asks nothing the graph could answer; None to read on.
        ``one_named``: the question names one thing (with, perhaps, where it is)."""
        asks_other = bool(analysis.features.keys() & NOT_DESCRIBE)
        if not worded:
            if len(focus.groups) == 1 and one_named and not asks_other:
                return self.describe(focus, units, sparql)
            if not asks_other:
                return Reading("", "", (), (), 0.0, sparql, ())
        head = describes_first(analysis)
        if head is None:
            return None
        # "What is Option 1 for legislating ICSs?": a description of the first name.
        found = self.describe(Focus((head,), focus.labels),
                              [u for u in units if head & u.iris()], sparql)
        return Reading(found.shape, found.text, found.units, found.results,
                       found.score * LOOSE_DESCRIBE, found.sparql, found.focus)

    def bridged(self, analysis: Analysis, focus: Focus) -> Reading | None:
        """Two facts joined through an entity the question only describes: "who chairs
        the partnership where X is a director?" finds what X is linked to (the bridge),
        then reads the question about that, words split between the two facts."""
        wanted = self.weigh(question_words(analysis))
        total = sum(wanted.values())
        if not total or opens_yes_no(analysis):
            return None
        if not any(t.surface in RELATIVE for t in analysis.tokens[1:]):
            return None  # nothing is described by a clause: no entity to join through
        best: tuple[float, Reading] | None = None
        for group in (g for g in focus.groups if not is_kind(g)):
            rest = tuple(g for g in focus.groups if g != group and not is_kind(g))
            kinds = [g for g in focus.groups if is_kind(g)]
            links, _ = self.units(Focus((group,), focus.labels))
            for link in links[:BRIDGE_LINKS]:
                found = self._through(link, group, rest, kinds=kinds, analysis=analysis,
                                      wanted=wanted, focus=focus)
                if found is not None and (best is None or found[0] > best[0]):
                    best = found
        return best[1] if best is not None else None

    def _through(self, link: Unit, group: frozenset[str], rest: tuple[frozenset[str], ...], *,
                 kinds: Sequence[frozenset[str]], analysis: Analysis,
                 wanted: Mapping[str, float], focus: Focus) -> tuple[float, Reading] | None:
        entities = self.analyser.index.entities
        bridges = [i for i in link.iris() - group
                   if i in entities and entities[i].role == "individual"
                   and all(entities[i].classes & set(k) or i in k for k in kinds)]
        if len(bridges) != 1:
            return None
        bridge = bridges[0]
        said = self.bag(link)
        left = {f: w for f, w in wanted.items() if f not in said}
        if not left or len(left) == len(wanted):
            return None  # the link must explain some words, and leave some to answer
        second = Focus((frozenset({bridge}), *rest),
                       {**focus.labels, bridge: entities[bridge].label})
        units, sparql = self.units(second)
        scored = sorted((self.score(u, left, analysis, second) for u in units
                         if u.graph != link.graph or u.subject != link.subject),
                        key=lambda s: (-s.score, s.unit.graph, s.unit.subject))
        if not scored or scored[0].words < BRIDGE_WORDS or scored[0].entities < 0.99:
            return None
        answer = scored[0]
        text = " ".join(sentence(u, self.props).rstrip(".") + "." for u in (link, answer.unit))
        sure = answer.score * BRIDGE if answer.words >= 0.99 else answer.score * 0.45
        reading = Reading("bridge", text, (link, answer.unit),
                          self.results((answer.unit,), second), sure,
                          sparql, tuple(sorted(second.iris())), 1.0, 1.0)
        return answer.score, reading

    def score(self, unit: Unit, wanted: Mapping[str, float], analysis: Analysis,
              focus: Focus) -> Scored:
        needed = "~HOWMANY" in analysis.features
        entities = coverage(focus, unit.iris(), kinds_needed=needed)
        if entities < 1.0:
            # "the STPs that had evolved into ICSs" in a count's qualifier names the STPs.
            entities = coverage(focus, unit.iris() | self.named_in(unit), kinds_needed=needed)
        bag = self.bag(unit)
        total = sum(wanted.values())
        words = explained_share(wanted, bag, analysis.spans) if total else 1.0
        fit = 1.0
        features = analysis.features
        if "~WHEN" in features and not unit.dates():
            fit = NO_FIT
        elif "~WHEN" in features and all(v.prop in AS_OF for v in unit.dates()):
            fit = AS_OF_FIT  # a figure's "as of" says when it held, not when a thing happened
        if "~HOWMANY" in features and all(v.prop in POSITIONS for v in unit.numbers()):
            # A list can be counted; a figure says it outright.
            fit = LIST_FIT if not unit.node and len(unit.values) > 1 else NO_FIT
        if "~WHO" in features and not unit.node and not any(v.term.is_iri for v in unit.values):
            fit *= NO_FIT  # "who published X?" asks for someone, not X's date or kind
        fit *= _date_fit(unit, analysis)
        return Scored(unit, entities * (0.3 + 0.7 * words) * fit, words, entities)

    def answer(self, analysis: Analysis, scored: Sequence[Scored], focus: Focus,
               sparql: str) -> Reading:
        best = scored[0]
        close = [s for s in scored[1:MAX_UNITS * 3] if s.score >= best.score * CLOSE]
        chosen = [best, *close[:MAX_UNITS - 1]]
        units = tuple(s.unit for s in chosen)
        shape = "when" if "~WHEN" in analysis.features else (
            "count" if "~HOWMANY" in analysis.features else "fact")
        text = self.text(units, shape)
        rivals = sum(1 for s in scored[1:] if s.score >= best.score - 1e-9
                     and s.unit.graph != best.unit.graph)
        return Reading(shape, text, units, self.results(units, focus), best.score, sparql,
                       tuple(sorted(focus.iris())), best.words, best.entities,
                       sum(question_words(analysis).values()), rivals)

    def text(self, units: Sequence[Unit], shape: str) -> str:
        lines: list[str] = []
        for unit in units:
            line = sentence(unit, self.props)
            if shape == "count" and not unit.node and not unit.numbers():
                line = f"{line} ({len(unit.values)})"
            line = line.rstrip(".") + "."
            if line in lines:
                continue  # the same statement cited from two passages
            if sum(len(x) + 1 for x in lines) + len(line) > MAX_ANSWER:
                break
            lines.append(line)
        return " ".join(lines)

    def results(self, units: Sequence[Unit], focus: Focus) -> tuple[ResultItem, ...]:
        inside = focus.iris()
        items: dict[str, ResultItem] = {}
        for unit in units:
            precision = precision_of(unit)
            if not unit.node and unit.subject not in inside:
                items.setdefault(unit.subject, ResultItem(unit.subject_label, iri=unit.subject,
                                                          graphs=(unit.graph,)))
                continue
            for value in _answer_values(unit):
                if value.term.value in inside:
                    continue
                shown = show_value(value, precision)
                key = value.term.value
                if value.term.is_iri:
                    items.setdefault(key, ResultItem(shown, iri=key, graphs=(unit.graph,)))
                else:
                    items.setdefault(key, ResultItem(shown, value=value.term.value,
                                                     datatype=value.term.datatype,
                                                     graphs=(unit.graph,)))
        return tuple(items.values())[:25]

    def describe(self, focus: Focus, units: Sequence[Unit], sparql: str) -> Reading:
        main = min(focus.groups[0], key=lambda i: (i.startswith(ICS), i))  # not the class
        label = focus.labels.get(main, main)
        about = [u for u in units if main in u.iris()]
        # Its own statements first (definition, type-like facts), then the nodes it is in.
        # Who someone is comes before what they said: views follow the other facts.
        about.sort(key=lambda u: (u.subject != main, u.node, VIEW in u.types, -len(u.values)))
        lines = []
        definition = _definition(self.analyser.index.entities, main)
        if definition:
            lines.append(f"{label}: {definition.rstrip('.')}.")
        for unit in about[:MAX_UNITS]:
            line = sentence(unit, self.props).rstrip(".") + "."
            if line in lines or sum(len(x) + 1 for x in lines) + len(line) > MAX_ANSWER:
                continue
            lines.append(line)
        return Reading("describe", " ".join(lines), tuple(about[:MAX_UNITS]),
                       (ResultItem(label, iri=main,
                                   graphs=tuple(dict.fromkeys(u.graph for u in about))),),
                       DESCRIBE_SCORE if about else 0.0, sparql, tuple(sorted(focus.iris())))

    def yes_no(self, analysis: Analysis, scored: Sequence[Scored], focus: Focus,
               sparql: str) -> Reading | None:
        """ "Yes" when a unit states the fact, "no" when one states its contrary."""
        lasting = self.outlived(analysis, focus, [s.unit for s in scored], sparql)
        if lasting is not None:
            return lasting
        compared = comparison(analysis.text)
        if compared is not None:
            return self._compared(compared, scored, focus, sparql)
        asked = asked_numbers(analysis)
        if not asked and ranked_first(analysis) and any(is_kind(g) for g in focus.groups):
            asked = {1}  # "Is X the largest STP?" asks whether X ranks first
        counted = self._counted_verdict(asked, scored, focus, sparql)
        if counted is not None:
            return counted
        wanted = self.weigh(question_words(analysis))
        for best in scored[:YES_NO_UNITS]:
            if best.entities < 1.0 or best.words < YES_NO_WORDS:
                continue
            unit = best.unit
            if not wanted and not asked and not asked_dates(analysis):
                continue
            # "every four years": a figure the statement only writes in its words.
            written = written_numbers(sentence(unit, self.props)) if asked and \
                not unit.numbers() else set()
            if asked and not unit.numbers() and not written:
                continue
            # "the current rules": a statement with no date of its own holds now; "the 2018
            # article" names the source, not a time asked about.
            if any(d.precision != "now" and not d.names_source for d in asked_dates(analysis)) \
                    and not unit.dates():
                continue
            negated = self.negated(unit)
            verdict = "no" if _contrary(unit, analysis, negated, asked) is not None or \
                self._not_yet(unit, focus) or (written and not asked & written) else "yes"
            still = _still_existing(unit, analysis, self.bag(unit)) or _later(unit, analysis)
            if still is not None:
                verdict = still
            if verdict == "yes" and unit.numbers() and not asked and \
                    not self._counts_asked_kind(unit, focus):
                continue  # a figure or rank the question does not give: not the fact asked
            if verdict == "yes" and not self._kinds_held(unit, focus, _modifying(analysis)):
                continue  # "Is X the largest STP?" is not settled by X among the largest ICSs
            said = sentence(unit, self.props).rstrip(".") + "."
            return Reading(verdict, f"{verdict.capitalize()}. {said}", (unit,),
                           self.results((unit,), focus), best.score, sparql,
                           tuple(sorted(focus.iris())), best.words, best.entities)
        # A stated type settles "Is Dorset an ICS?" before a sibling's fact could say no.
        return self.is_a(analysis, focus) or self.opposed(analysis, scored, focus, sparql) \
            or self.sibling_no(scored, focus, sparql)

    def opposed(self, analysis: Analysis, scored: Sequence[Scored], focus: Focus,
                sparql: str) -> Reading | None:
        """ "Are NHS organisations required to break even?" against "NHS organisations
        may run a deficit": a statement about every thing asked of the opposite of what is
        asked says no."""
        asked = {c for c in analysis.features if c in OPPOSITES}
        wanted = self.weigh(question_words(analysis))
        for best in scored[:YES_NO_UNITS] if asked else ():
            bag = self.bag(best.unit)
            if best.entities < 1.0 or not any(OPPOSITES[c] in bag and c not in bag
                                               for c in asked):
                continue
            # A change is of something: "fewer referrals" says no to "more referrals?",
            # not to "more staff?" (breaking even is the body's own, and needs nothing).
            rest = {f: w for f, w in wanted.items() if f not in asked}
            if asked & CHANGES and rest and \
                    explained_share(rest, bag, analysis.spans) < OPPOSED_REST:
                continue

            said = sentence(best.unit, self.props).rstrip(".") + "."
            return Reading("no", f"No. {said}", (best.unit,),
                           self.results((best.unit,), focus), best.score, sparql,
                           tuple(sorted(focus.iris())), 1.0, best.entities)
        return None

    def outlived(self, analysis: Analysis, focus: Focus, units: Sequence[Unit],
                 sparql: str) -> Reading | None:
        """ "Will CCGs continue to exist once the C&M ICS goes live?": the abolition of a
        kind the question names against the time it asks about, a date ("after 1 July
        2022") or a dated event of a thing it names ("once X goes live"). Abolished by then:
        no; abolished later: yes."""
        lasting = bool(_LASTING.search(analysis.text) and _AFTER.search(analysis.text))
        if not lasting and not (_ENDING.search(analysis.text) and _BY_THEN.search(
                analysis.text) and not _LATER.search(analysis.text)):
            return None
        kinds = {i for g in focus.groups if is_kind(g) for i in g}
        ends = [u for u in units if u.node and u.dates() and kinds & u.iris()
                and "~ABOLISH" in self.bag(u)]
        named = {i for g in focus.groups if not is_kind(g) for i in g}
        events = [u for u in units if u.node and u.dates() and named & u.iris()
                  and "~GOLIVE" in analysis.features
                  and "~GOLIVE" in self.text_bag(u.subject_label)]
        dates = asked_dates(analysis)
        when = [d.last for d in dates] or [
            day for u in events[:1] for day in (_day(v.term.value) for v in u.dates()) if day]
        abolished = [day for u in ends[:1] for day in (_day(v.term.value) for v in u.dates())
                     if day]
        if len(ends) != 1 or not when or not abolished or (not dates and len(events) != 1):
            return None  # no abolition, several, or no time to weigh it against
        verdict = "no" if (abolished[0] <= when[0]) == lasting else "yes"
        chosen = (ends[0], *([] if dates else events[:1]))
        said = "; ".join(sentence(u, self.props).rstrip(".") for u in chosen) + "."
        return Reading(verdict, f"{verdict.capitalize()}. {said}", chosen,
                       self.results(chosen, focus), OUTLIVED, sparql,
                       tuple(sorted(focus.iris())), 1.0, 1.0)

    def _compared(self, compared: Comparison, scored: Sequence[Scored], focus: Focus,
                  sparql: str) -> Reading | None:
        """ "Does BOB serve more than 2 million people?": the statement of the figure asked
        about (it holds every name, and most of the words besides the bound) against the
        bound: "no" for 1.8 million."""
        found: list[tuple[Scored, str]] = []
        for best in scored[:YES_NO_UNITS]:
            figures = [float(v.term.value) for v in best.unit.numbers()
                       if v.prop not in POSITIONS and _is_figure(v.term.value)]
            if best.entities < 1.0 or best.words < COMPARED_WORDS or not figures:
                continue
            found.append((best, "yes" if any(compared.holds(f) for f in figures) else "no"))
        if not found or len({verdict for _, verdict in found}) > 1:
            return None  # no figure, or figures of several dates or things that disagree
        best, verdict = found[0]
        said = sentence(best.unit, self.props).rstrip(".") + "."
        # The bound in the question explains what the statement's words do not.
        return Reading(verdict, f"{verdict.capitalize()}. {said}", (best.unit,),
                       self.results((best.unit,), focus), best.score, sparql,
                       tuple(sorted(focus.iris())), 1.0, best.entities)

    def _not_yet(self, unit: Unit, focus: Focus) -> bool:
        """The unit says a thing is on its way to being a kind the question names ("well on
        the way to becoming an ICS"): then it is not one yet."""
        kinds = {i for g in focus.groups if is_kind(g) for i in g}
        if not kinds:
            return False
        text = " ".join([unit.subject_label, *(v.label for v in unit.values)]).lower()
        for match in _BECOMING.finditer(text):
            window = self.analyser.analyse(text[match.end():match.end() + 40])
            if any(m.best.entity.iri in kinds or m.best.entity.stands_for in kinds
                   for m in window.mentions):
                return True
        return False

    def _counted_verdict(self, asked: set[int], scored: Sequence[Scored], focus: Focus,
                         sparql: str) -> Reading | None:
        """ "Does BOB ICS include three CCGs?": a count of the kind asked, in the named
        thing, says yes when it is the number asked and no when it is another."""
        kinds = [g for g in focus.groups if is_kind(g)]
        named = [g for g in focus.groups if not is_kind(g)]
        if len(asked) != 1 or len(kinds) != 1 or len(named) != 1:
            return None
        for best in scored:
            unit = best.unit
            figures = {int(float(v.term.value)) for v in unit.numbers()
                       if v.prop == COUNT_VALUE and v.term.value.replace(".", "", 1).isdigit()}
            if best.entities < 1.0 or len(figures) != 1 or not kinds[0] & unit.iris():
                continue
            held = {v.prop for v in unit.values if v.term.is_iri and v.term.value in named[0]}
            if COUNT_IN in held:
                verdict = "yes" if figures == asked else "no"
            elif COUNTED_MEMBER in held and figures == asked:
                verdict = "yes"  # "Was Dorset one of the eight?": counted among them
            elif figures == asked and len({v.term.value for v in unit.values
                                           if v.prop == COUNTED_MEMBER}) in figures:
                verdict = "no"  # the eight are all named, and it is not one of them
            else:
                continue  # one of another count may still be one of the number asked
            said = sentence(unit, self.props).rstrip(".") + "."
            return Reading(verdict, f"{verdict.capitalize()}. {said}", (unit,),
                           self.results((unit,), focus), best.entities, sparql,
                           tuple(sorted(focus.iris())), 1.0, best.entities)
        return None

    def _counts_asked_kind(self, unit: Unit, focus: Focus) -> bool:
        """"Is an AHSN one of BOB's partners?" and a count of BOB's AHSNs that is not
        zero: the count says there is one."""
        kinds = [g for g in focus.groups if is_kind(g)]
        return bool(kinds) and all(g & unit.iris() for g in kinds) and all(
            float(v.term.value) > 0 for v in unit.numbers()
            if v.term.value.replace(".", "", 1).isdigit())

    def _kinds_held(self, unit: Unit, focus: Focus,
                    modifying: frozenset[str] = frozenset()) -> bool:
        """Every kind the question names is in the unit, is a class of a named thing, or is
        what the unit says it is ("among the largest ICSs"); a kind that only qualifies a
        name ("the corporate NHS body model for ICSs", ``modifying``) need not be."""
        entities = self.analyser.index.entities
        named = {c for g in focus.groups if not is_kind(g) for i in g if i in entities
                 for c in entities[i].classes}
        text = sentence(unit, self.props)
        said = self.text_bag(text)
        kinds = [g for g in focus.groups if is_kind(g) and not g & modifying]
        if not kinds:
            return True
        linked = {i for m in self.analyser.analyse(text).mentions
                  for i in (m.best.entity.iri, m.best.entity.stands_for)}
        return all(g & unit.iris() or g & named or g & linked or any(
            i in entities and self.text_bag(entities[i].label) <= said for i in g)
            for g in kinds)

    def passage_verdict(self, analysis: Analysis, focus: Focus, passage: Reading
                        ) -> Reading | None:
        """A yes/no verdict from the statements of a retrieved passage (its graph)."""
        graphs = [u.graph for u in passage.units] or [g for r in passage.results
                                                      for g in r.graphs]
        if not graphs:
            return None
        graph = graphs[0]
        wanted = self.weigh(question_words(analysis))
        scored = sorted((self.score(u, wanted, analysis, focus)
                         for u in self.passage_units(graph)), key=lambda s: -s.score)
        found = self.yes_no(analysis, scored, focus, passage.sparql)
        if found is None or found.shape not in ("yes", "no"):
            return None
        return found

    def specific(self, classes: frozenset[str]) -> frozenset[str]:
        """Classes that make two things siblings: the project's own, held by few of the
        named things (not Agent, Body or a union class most things belong to)."""
        if not self._class_share:
            entities = self.analyser.index.entities.values()
            counts: dict[str, int] = {}
            for entity in entities:
                for c in entity.classes:
                    counts[c] = counts.get(c, 0) + 1
            total = max(len(self.analyser.index.entities), 1)
            self._class_share.update({c: n / total for c, n in counts.items()})
        return frozenset(c for c in classes if c.startswith(ICS)
                         and self._class_share.get(c, 1.0) <= SIBLING_SHARE)

    def negated(self, unit: Unit) -> frozenset[str]:
        """Features a unit's own sentence negates: the words right after "not", "no",
        "never" or "lacked" ("a coalition of equals, not NHS-led"), in its label or the
        text it quotes ("... although they lacked the tools now available")."""
        texts = [unit.subject_label] if unit.node else []
        texts += [v.term.value for v in unit.values if not v.term.is_iri and not v.is_date
                  and not v.is_number]
        found: set[str] = set()
        for text in texts:
            tokens = self.analyser.normaliser.tokens(text)
            for i, token in enumerate(tokens):
                scant = token.surface in SCANT and (i == 0 or tokens[i - 1].surface != "a")
                if token.surface in NEGATIONS or scant:
                    window = " ".join(t.surface for t in tokens[i + 1:i + 1 + NEGATED_WORDS])
                    found |= self.text_bag(window)
        return frozenset(found)

    def is_a(self, analysis: Analysis, focus: Focus) -> Reading | None:
        """ "Is Greater Manchester a devolved health and care system?": yes when a passage
        types the named thing as the class (or a subclass of it); else not known."""
        entities = self.analyser.index.entities
        named = [g for g in focus.groups if not is_kind(g)]
        classes = [c for g in focus.groups if is_kind(g) for c in g if c.startswith(ICS)]
        if len(named) != 1 or len(focus.groups) != 2 or not classes or question_words(analysis):
            return None
        iri = next((i for i in named[0] if i in entities), None)
        if iri is None:
            return None
        query = TYPE_QUERY % (term_n3(Term.iri(iri)), term_n3(Term.iri(classes[0])),
                              ", ".join(f"<{g}>" for g in NOT_FACTS))
        rows = self.store.select(query, timeout=self.timeout).rows
        if not rows:
            return None
        graph = rows[0]["g"].value
        kind = rows[0]["tl"].value
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        text = f"Yes. {entities[iri].label} is {article} {kind}."
        item = ResultItem(entities[iri].label, iri=iri, graphs=(graph,))
        return Reading("yes", text, (), (item,), 1.0, query, (iri,), 1.0, 1.0)

    def sibling_no(self, scored: Sequence[Scored], focus: Focus, sparql: str
                   ) -> Reading | None:
        """ "Did X prefer option 1?" when the graph says X preferred option 2: the fact
        holds for a sibling of the entity asked about (same class), so the answer is no."""
        if len(focus.groups) < 2:
            return None
        for best in scored[:3]:
            unit = best.unit
            missing = [g for g in focus.groups if not g & unit.iris() and not is_kind(g)]
            if best.words < 0.99 or len(missing) != 1:
                continue
            asked = [self.analyser.index.entities[i] for i in missing[0]
                     if i in self.analyser.index.entities]
            held = [self.analyser.index.entities[v.term.value] for v in unit.values
                    if v.term.is_iri and v.term.value in self.analyser.index.entities
                    and v.term.value not in focus.iris()]
            if any(a.role == "individual" and h.role == "individual" and a.iri != h.iri
                   and self.specific(a.classes) & self.specific(h.classes)
                   for a in asked for h in held):
                said = sentence(unit, self.props).rstrip(".") + "."
                return Reading("no", f"No. {said}", (unit,), self.results((unit,), focus),
                               best.score, sparql, tuple(sorted(focus.iris())), best.words, 1.0)
        return None


def _definition(entities: Mapping[str, Entity], iri: str) -> str | None:
    """The entity's definition; for a kind, its class's (the kind's own only says it is
    the subject of general statements)."""
    entity = entities.get(iri)
    if entity is None:
        return None
    if entity.role == "kind":
        kind_class = entities.get(entity.stands_for)
        if kind_class is not None and kind_class.definition:
            return kind_class.definition
    return entity.definition


def opens_yes_no(analysis: Analysis) -> bool:
    """The question asks yes or no: it opens with "is", "did", "can"..., or does so after
    a clause naming its source."""
    if analysis.tokens and analysis.tokens[0].surface in YES_NO:
        return True
    clause = _SOURCE_CLAUSE.match(analysis.text)
    return clause is not None and clause.group(1).lower() in YES_NO


def asked_numbers(analysis: Analysis) -> set[int]:
    """Figures the question gives, outside names ("Option 2") and years."""
    inside = {i for m in analysis.mentions for i in range(m.start, m.end)}
    found = set()
    for i, token in enumerate(analysis.tokens):
        digits = token.surface if token.surface.isdigit() else token.stem
        if i not in inside and digits.isdigit() and len(digits) <= 9:
            number = int(digits)
            # "one of the STPs" counts nothing; years are dates, not figures.
            if (number < 1900 or number > 2100) and (number != 1 or token.surface == "1"):
                found.add(number)
    return found


def ranked_first(analysis: Analysis) -> bool:
    """"the largest", but not "the second largest" or "one of the largest"."""
    for i, token in enumerate(analysis.tokens):
        before = [t.surface for t in analysis.tokens[max(0, i - 3):i]]
        if token.surface in SUPERLATIVES and before and before[-1] == "the" and \
                "of" not in before and not any(_is_number(w) for w in before):
            return True
    return False


def _is_number(word: str) -> bool:
    return word.isdigit() or word in ORDINALS


def is_kind(group: frozenset[str]) -> bool:
    """A group naming a kind or class of thing ("ICSs"), not one named thing."""
    return all("/kind/" in i or i.startswith(ICS) for i in group)


def coverage(focus: Focus, held: frozenset[str], *, kinds_needed: bool = False) -> float:
    """How fully ``held`` covers the entities in focus: every named thing must be there
    (1.0 needs them all); a kind the question also names ("ICS legislation") counts
    half, and is not required when named things are."""
    if kinds_needed and focus.groups:  # "how many GP practices...": the kind is counted
        return sum(1 for g in focus.groups if g & held) / len(focus.groups)
    named = [g for g in focus.groups if not is_kind(g)]
    kinds = [g for g in focus.groups if is_kind(g)]
    if named and any(not g & held for g in named):
        return sum(1 for g in named if g & held) / (len(named) + 0.5 * len(kinds))
    if named:
        return 1.0
    return sum(1 for g in kinds if g & held) / len(kinds) if kinds else 0.0


def describes_first(analysis: Analysis) -> frozenset[str] | None:
    """The first name's IRIs when the question opens "what is NAME ..." (else None)."""
    strong = [m for m in analysis.mentions if not m.weak]
    if not strong:
        return None
    opening = " ".join(t.surface for t in analysis.tokens[:strong[0].start])
    opening = " ".join(w for w in opening.split() if w not in ("the", "a", "an"))
    if opening not in DESCRIBE_HEADS:
        return None
    best = strong[0].best.entity
    return frozenset({best.iri, best.stands_for})


def explained_share(wanted: Mapping[str, float], bag: Collection[str],
                    spans: Mapping[str, range]) -> float:
    """The share of ``wanted`` (feature -> weight) that ``bag`` explains. The senses of one
    phrase ("make up": form or part of; "picked": chosen or preferred) share its words, so
    any one of them explains all of it."""
    total = sum(wanted.values())
    if not total:
        return 0.0
    senses: dict[range | None, list[str]] = {}
    for feature in wanted:
        senses.setdefault(spans.get(feature) if feature.startswith("~") else None,
                          []).append(feature)
    explained = 0.0
    for span, features in senses.items():
        if span is not None and any(f in bag for f in features):
            explained += sum(wanted[f] for f in features)
        else:
            explained += sum(wanted[f] for f in features if f in bag)
    return explained / total


def question_words(analysis: Analysis) -> dict[str, float]:
    """What the question asks about beyond its entities, its question word and the words
    that only point at where it was read ("per", "according to")."""
    asked_for = _asked_for(analysis)
    return {f: w for f, w in analysis.features.items() if w > 0 and f not in ASKING
            and not f.isdigit() and f not in ("~POINTER", "~TEMPORAL", "~SCOPE")
            and f not in asked_for}


def _asked_for(analysis: Analysis) -> frozenset[str]:
    """ "Which (new) body ...": the noun that only says an organisation is the answer, and
    the words before it, which no statement need explain."""
    tokens = analysis.tokens
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if token.surface not in ("which", "what"):
            continue
        # "which kinds of organisation": the kind words before the noun say no more.
        reach = 5 if i + 2 < len(tokens) and tokens[i + 1].surface in KIND_NOUNS and \
            tokens[i + 2].surface == "of" else 3
        for j in range(i + 1, min(i + reach, len(tokens))):
            if tokens[j].surface in ANSWER_NOUNS:
                found |= {f for f, span in analysis.spans.items()
                          if span.start > i and span.stop <= j + 1}
                found.add(tokens[j].stem)
    return frozenset(found)


def _answer_values(unit: Unit) -> Iterable[Value]:
    quiet = {f"{ICS}datePrecision", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
             f"{ICS}itemNumber"}
    return (v for v in unit.values if v.prop not in quiet)


def asked_dates(analysis: Analysis) -> list[DateMention]:
    """The question's dates, less those that only name the source a when-question reads
    ("When was X formed, according to the 2018 article?")."""
    if "~WHEN" not in analysis.features:
        return list(analysis.dates)
    return [d for d in analysis.dates if not d.names_source]


def _date_fit(unit: Unit, analysis: Analysis) -> float:
    """A unit dated inside the question's period fits best; before it still fits (as-of).
    "Before July 2022" is a period that ends the day before: a date inside July is after."""
    dates = asked_dates(analysis)
    if not dates or not unit.dates():
        return 1.0
    period = dates[0]
    days = [d for d in (_day(v.term.value) for v in unit.dates()) if d is not None]
    if not days:
        return 1.0
    if period.as_of < period.first:  # "before ...": only what is dated by then fits
        return 1.0 if all(d <= period.as_of for d in days) else 0.6
    if any(period.first <= d <= period.last for d in days):
        return 1.0
    if all(d <= period.as_of for d in days):
        return 0.85
    return 0.6


def _later(unit: Unit, analysis: Analysis) -> str | None:
    """ "Were CCGs abolished after 1 July 2022?": whether the unit's date comes after the
    period asked (abolished on that day: no); None when the question asks no "after"."""
    dates = asked_dates(analysis)
    if not dates or not re.search(r"\b(?:after|later than)\s+$",
                                  analysis.text[:dates[0].start], re.IGNORECASE):
        return None
    days = [d for d in (_day(v.term.value) for v in unit.dates()) if d is not None]
    if not days:
        return None
    return "yes" if all(d > dates[0].last for d in days) else "no"


def _located(analysis: Analysis, focus: Focus, units: Sequence[Unit]) -> Focus:
    """ "the collaborative commissioning forum in Cheshire and Merseyside": a named place
    right after a named thing and "in" says which thing is meant; when a statement ties the
    two, the rest need not hold the place too."""
    named = [m for m in analysis.mentions if not m.weak and m.best.entity.role == "individual"]
    tokens = analysis.tokens
    dropped: list[frozenset[str]] = []
    for first, place in pairwise(named):
        if place.start != first.end + 1 or tokens[first.end].surface not in LOCATORS:
            continue
        ours = [g for g in focus.groups if first.best.entity.iri in g]
        theirs = [g for g in focus.groups if place.best.entity.iri in g]
        if ours and theirs and any(ours[0] & u.iris() and theirs[0] & u.iris() for u in units):
            dropped.append(theirs[0])
    if not dropped:
        return focus
    return Focus(tuple(g for g in focus.groups if g not in dropped), focus.labels)


def _modifying(analysis: Analysis) -> frozenset[str]:
    """The kinds named right after a named thing and "for"/"of" ("the statutory corporate
    NHS body model for ICSs"): they say which thing is meant, not what it is asked to be."""
    tokens = analysis.tokens
    ends = {m.end for m in analysis.mentions if not m.weak and m.best.entity.role == "individual"}
    return frozenset(i for m in analysis.mentions if m.best.entity.role in ("kind", "class")
                     and m.start >= 2 and tokens[m.start - 1].surface in ("for", "of")
                     and m.start - 1 in ends
                     for i in (m.best.entity.iri, m.best.entity.stands_for))


def _day(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _is_figure(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _still_existing(unit: Unit, analysis: Analysis, bag: frozenset[str]) -> str | None:
    """ "Were CCGs still around in November 2020?" against "CCGs abolished on 1 July 2022":
    a question of existence on a date, which an abolition after it answers "yes" and one
    by then answers "no" (None: not such a question, or no such statement)."""
    dates = asked_dates(analysis)
    if not dates or "~ABOLISH" not in bag or not _EXISTENCE.search(analysis.text):
        return None
    days = [d for d in (_day(v.term.value) for v in unit.dates()) if d is not None]
    if not days:
        return None
    return "yes" if all(d > dates[0].as_of for d in days) else "no"


def _contrary(unit: Unit, analysis: Analysis, negated: frozenset[str] = frozenset(),
              asked: set[int] | None = None) -> str | None:
    """Why the unit contradicts the question: another date or figure, a false flag, or a
    statement that negates what the question asks ("not NHS-led")."""
    for value in unit.values:
        if value.prop == STATUTORY and value.term.value == "false":
            return "not statutory"
    if negated & set(analysis.features):
        return "negated"
    if asked_dates(analysis) and unit.dates() and _date_fit(unit, analysis) < 1.0:
        return "another date"
    figures = {int(float(v.term.value)) for v in unit.numbers()
               if v.term.value.replace(".", "", 1).isdigit()}
    asked = asked_numbers(analysis) if asked is None else asked
    if asked and figures and not asked & figures:
        return "another figure"
    return None


_WRITTEN_DATE = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{4})?\b|\b(?:19|20)\d\d(?:/\d\d)?\b")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def written_numbers(text: str) -> set[int]:
    """The whole numbers a sentence writes, in digits or words ("every four years": 4);
    a date's day and year are no figure ("valid from: 19 November 2020")."""
    text = _WRITTEN_DATE.sub(" ", text)
    found = {int(d) for d in re.findall(r"(?<![\d.,])\d{1,6}(?![\d.,]\d)", text)}
    return found | {n for w, n in _NUMBER_WORDS.items() if re.search(rf"\b{w}\b", text, re.I)}


def labels_join(labels: Sequence[str]) -> str:
    return join(labels)
