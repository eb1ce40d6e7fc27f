"""The long tail: when no structured reading fits, the passage whose facts match best.

Passages are ranked by BM25 over their own-words summaries and verbalised
statements (:mod:`kg.search`). The answer is the best passage's summary and
its best-matching statements, cited by its graph. How sure it is depends on
how much of the question those explain and whether they hold every entity the
question names; the engine's threshold then decides (see
:func:`kg.qa.confidence.retrieval_confidence`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from kg.qa.analysis import Analysis
from kg.qa.answer import ResultItem
from kg.qa.citing import cited_words, keep_cited
from kg.qa.facts import Unit, passage_query
from kg.qa.lexicon import STOPWORDS
from kg.qa.reader import POSITIONS, Focus, GraphReader, Reading, Scored, coverage, question_words
from kg.qa.verbal import sentence
from kg.search import SearchHit, SearchIndex

STATEMENTS = 6
MORE_RESULTS = 4  # matching statements beyond the text's, given as results
# The most a passage answer lists: its text already says what it found, and a chatbot
# shows a short list (measured on six dev sets: 4 lost nothing that 5 held, and a closed
# list of four asked without its size was answered with five; 3 lost one answer).
PASSAGE_RESULTS = 4
MAX_TEXT = 560
PASSAGES = 3
# Words that ask for a figure besides "how many" (the ~HOWMANY concept).
FIGURE_WORDS = frozenset({"percentage", "percent", "proportion", "budget", "deficit",
                          "population", "cost", "costs", "spend", "funding"})
_FIGURE = re.compile(r"\d[\d,.]*|\b(?:half|quarter|third|two|three|four|five|six|seven|eight"
                     r"|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b")
_MEASURE = re.compile(r"\s*(?:(?:to|and|or|-|\u2013)\s*[\d.,]+\s*)?(?:hours?|minutes?|days?|weeks?"
                      r"|months?|years?|per\s?cent|percent|%)(?!\w)", re.IGNORECASE)
MEASURE_STEMS = frozenset({"hour", "minut", "day", "week", "month", "year", "percent", "cent",
                           "time", "long"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
PASSAGE_ENTITY_WEIGHT = 0.05
OTHER_QUESTION_WORDS = frozenset({"which", "who", "what", "how", "whom"})
COUNTED_WORDS = 3  # words after "how many" that say what is counted
FIGURE_OPENING = 4  # "what is the budget": a figure word this near the start asks for one
PLURALS = frozenset({"people", "staff", "children", "men", "women"})
PEOPLE = frozenset({"peopl", "person", "resid", "patient", "inhabit"})  # stems: a population
_ASKS_DATE = re.compile(r"\b(?:(?:what|which)\s+(?:date|year|month|day|time)|since when|by when"
                        r"|how long ago)\b")
CANDIDATES = 40  # passages searched before those from a cited source are kept
FIGURE_FIT = 0.3  # share of the question a passage's figure must explain
SUMMARY_FIGURE_FIT = 0.5  # ... or the share a summary stating a figure must explain
ALONE = 10.0  # the lead of the only passage that matches at all


def retrieve(index: SearchIndex, reader: GraphReader, analysis: Analysis,
             focus: Focus) -> Reading | None:
    """The best passage as a reading, scored by the share of the question it explains."""
    hits = _from_cited(reader, analysis, index.search(
        analysis.text, k=CANDIDATES if cited_words(analysis) or analysis.cited_document
        else PASSAGES))[:PASSAGES]
    if not hits:
        return None
    wanted = reader.weigh(question_words(analysis))
    ranked_hits: list[tuple[float, float, SearchHit]] = []
    for hit in hits:
        explained = _explained(reader, wanted, _text(hit))
        held = {s.subject for s in hit.statements} | {s.object for s in hit.statements}
        score = explained * (0.5 + 0.5 * coverage(focus, frozenset(held)))
        ranked_hits.append((score, explained, hit))
    # The best that can answer: "how many" needs a figure or list about what it asks, so a
    # passage as good by its words but without one gives way to the next.
    ranked_hits.sort(key=lambda r: -r[0])
    for candidate in ranked_hits:
        hit = candidate[2]
        units = reader.passage_units(hit.graph)
        scored = {id(u): reader.score(u, wanted, analysis, focus) for u in units}
        if "~HOWMANY" not in analysis.features or _counts(reader, analysis, hit, wanted,
                                                          scored.values()):
            score, explained = candidate[0], candidate[1]
            break
    else:
        return None  # "how many", and no figure or list in any passage is about what it asks
    # "How many": a statement giving the figure of what is counted comes first (every
    # statement of a webinar explains "speakers"; the one saying there were four answers).
    figure = asks_figure(analysis)
    ranked = sorted(units, key=lambda u: (
        not (figure and figure_of_counted(analysis, sentence(u, reader.props), reader.text_bag)),
        -_rank(scored[id(u)])))
    summary = [hit.summary.rstrip(".") + "."] if hit.summary else []
    lines: list[str] = []
    chosen = []
    for unit in ranked[:STATEMENTS]:
        line = sentence(unit, reader.props, brief=True).rstrip(".") + "."
        if sum(len(x) + 1 for x in summary + lines) + len(line) <= MAX_TEXT:
            lines.append(line)
            chosen.append(unit)
    # The summary leads, unless a statement explains more of the question: then that one
    # does, so a shortened answer (one part of two) still holds what was asked.
    if summary and chosen and scored[id(chosen[0])].words > _explained(reader, wanted,
                                                                        summary[0]):
        lines = [lines[0], *summary, *lines[1:]]
    else:
        lines = [*summary, *lines]
    held_units = frozenset(i for u in units for i in u.iris())
    # Statements that also match but found no room in the text stay as results, ranked.
    more = tuple(ResultItem(sentence(u, reader.props, brief=True), graphs=(u.graph,))
                 for u in ranked[len(chosen):STATEMENTS + MORE_RESULTS]
                 if u not in chosen and scored[id(u)].words > 0)
    # Best explained first (a stable sort: ties keep reading order): an answer shows
    # only the first few.
    found = sorted(reader.results(chosen, focus) + more,
                   key=lambda r: -_explained(reader, wanted, r.label))
    return Reading("passage", " ".join(lines), tuple(chosen),
                   tuple(found) or (
                       ResultItem(hit.title or hit.graph, iri=hit.graph,
                                  graphs=(hit.graph,)),),
                   score, passage_query(hit.graph), tuple(sorted(focus.iris())), explained,
                   coverage(focus, held_units), lead=_lead(hit, hits))


def _counts(reader: GraphReader, analysis: Analysis, hit: SearchHit,
            wanted: dict[str, float], scored: Collection[Scored]) -> bool:
    """Whether a passage can answer "how many": a figure of what is counted (one stating
    none is refused later, so the next passage may answer instead), in a countable
    statement about the question or in a summary that explains enough of it."""
    if not figure_of_counted(analysis, _text(hit), reader.text_bag):
        return False
    return any(s.words >= FIGURE_FIT and _countable(s.unit) for s in scored) or (
        bool(hit.summary) and states_figure(hit.summary or "")
        and _explained(reader, wanted, hit.summary or "") >= SUMMARY_FIGURE_FIT)


def _from_cited(reader: GraphReader, analysis: Analysis, hits: list[SearchHit]
                ) -> list[SearchHit]:
    """The hits from the document the question cites, when it cites one: "per the
    webinar" reads the webinar's passages, whatever else matches its words."""
    if analysis.cited_document:
        return [h for h in hits if h.document == analysis.cited_document]
    return keep_cited(analysis, hits, lambda h: h.graph, reader.sources, reader.text_bag)


def _explained(reader: GraphReader, wanted: dict[str, float], text: str) -> float:
    total = sum(wanted.values())
    bag = reader.text_bag(text)
    return sum(w for f, w in wanted.items() if f in bag) / total if total else 0.0


def _countable(unit: Unit) -> bool:
    """A unit that answers "how many": an amount, or a list that can be counted."""
    return any(v.prop not in POSITIONS for v in unit.numbers()) or (
        not unit.node and len(unit.values) > 1)


def _rank(scored: Scored) -> float:
    """A passage's statement by the question's words it explains, then by the entities
    it holds: the passage is already chosen, so a statement about a body the question
    does not name may still be the one that answers it."""
    # Ties go to the statement that says more (a pot with its five budgets, not the duty
    # that names the pot).
    return scored.words + PASSAGE_ENTITY_WEIGHT * scored.entities + 0.01 * scored.score + \
        0.002 * min(len(scored.unit.values), 10)


def _lead(hit: SearchHit, hits: list[SearchHit]) -> float:
    """How far ``hit`` outscores the best other passage (BM25); alone, it leads by far."""
    others = [h.score for h in hits if h.graph != hit.graph]
    if not others or max(others) <= 0:
        return ALONE
    return round(hit.score / max(others), 3)


def _text(hit: SearchHit) -> str:
    return " | ".join([hit.summary or "", *(s.text for s in hit.statements)])


def asks_figure(analysis: Analysis) -> bool:
    """The question wants a number: "how many", "what percentage", "what budget"."""
    # A word inside a longer name ("the funding pot", "primary care budgets") names a thing.
    return "~HOWMANY" in analysis.features or bool(_figure_words(analysis))


def cannot_answer(analysis: Analysis, passage: Reading,
                  bag: Callable[[str], frozenset[str]] | None = None) -> bool:
    """The question asks for a figure or a date and the passage gives none: however well
    its words match, it is about the thing, not the answer. With ``bag`` (a text's stems
    and concepts), the figure must also be of what is counted: one sentence states both."""
    if asks_figure(analysis) and not states_figure(passage.text):
        return True
    if asks_figure(analysis) and bag is not None and not figure_of_counted(
            analysis, passage.text, bag):
        return True
    return asks_date(analysis) and not states_date(passage.text)


def counted(analysis: Analysis) -> tuple[str, ...]:
    """The stems of what a figure question counts: "how many hospital beds" gives
    hospit, bed; "what deficit" gives deficit (words of a longer name do not count)."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens[1:], start=1):
        if token.surface in ("many", "much") and tokens[i - 1].surface == "how":
            run = []
            for after in tokens[i + 1:i + 1 + COUNTED_WORDS]:
                if after.surface in STOPWORDS or after.surface in OTHER_QUESTION_WORDS:
                    break
                run.append(after)
            # The head of "how many hospital beds": the first plural ("staff work": staff).
            head = next((t for t in run if t.surface.endswith("s") or t.surface in PLURALS),
                        run[0] if run else None)
            return (head.stem,) if head is not None else ()
    return tuple(tokens[i].stem for i in _figure_words(analysis))


def _figure_words(analysis: Analysis) -> list[int]:
    """Where the question opens by asking for a figure word ("what deficit", "what is the
    budget"); one further on is what the question is about ("... public funding")."""
    named = {i for m in analysis.mentions if m.end - m.start > 1 for i in range(m.start, m.end)}
    return [i for i, t in enumerate(analysis.tokens[:FIGURE_OPENING])
            if t.surface in FIGURE_WORDS and i not in named]


def figure_of_counted(analysis: Analysis, text: str,
                      bag: Callable[[str], frozenset[str]]) -> bool:
    """Some sentence of ``text`` states a figure and names what the question counts
    ("how many people" is answered by a population too)."""
    wanted = counted(analysis)
    if not wanted:
        return True
    measures = not counts_things(analysis)
    for line in re.split(r"(?<=[.;])\s+", text):
        if not states_figure(line, measures):
            continue
        held = bag(line)
        if all(w in held or (w in PEOPLE and "~POPULATION" in held) for w in wanted):
            return True
    return False


def asks_date(analysis: Analysis) -> bool:
    """A question that asks when: it opens with "when" (and no later question word takes
    over: "When the NHS was formed, which bodies...?"), or asks "what date", "which year"."""
    words = [t.surface for t in analysis.tokens]
    if words and words[0] == "when":
        return not any(w in OTHER_QUESTION_WORDS for w in words[1:])
    return _ASKS_DATE.search(" ".join(words)) is not None


def states_date(text: str) -> bool:
    return _YEAR.search(text) is not None or any(
        _is_day(text, m) for m in _FIGURE.finditer(text)) or re.search(
        r"\b(?:" + "|".join(_MONTHS) + r")[a-z]*\b", text, re.IGNORECASE) is not None


def states_figure(text: str, measures: bool = True) -> bool:
    """Whether ``text`` gives a figure (a year or a day of a month is not one); with
    ``measures`` off, a length of time or a percentage is none either ("2 to 24 hours"
    counts no beds)."""
    text = _YEAR.sub(" ", text)
    return any(not _is_day(text, m) and (measures or not _MEASURE.match(text, m.end()))
               for m in _FIGURE.finditer(text))


def counts_things(analysis: Analysis) -> bool:
    """ "How many community beds...": the question counts things, which no length of time
    or percentage states."""
    head = counted(analysis)
    return bool(head) and any(t.surface in ("many", "much") for t in analysis.tokens) and \
        not set(head) & MEASURE_STEMS


def _is_day(text: str, match: re.Match[str]) -> bool:
    """ "19 November": a day of a month, not a figure."""
    after = text[match.end():match.end() + 10].lstrip()[:3].lower()
    return match.group().isdigit() and int(match.group()) <= 31 and after in _MONTHS
