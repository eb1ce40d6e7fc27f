"""Two facts joined through a thing the question only describes by a clause.

"Who chairs the ICS that serves 1.8 million people?" names no ICS: the clause ("that
serves 1.8 million people") describes one. The statement that best fits the clause, of
every passage, names it (Bucks, Oxfordshire and Berks ICS: population 1.8 million), and
the question is then asked again about that thing by name ("Who chairs Bucks, Oxfordshire
and Berks ICS?"). The clause must be explained in full, and a figure it gives must be the
statement's, or there is no such thing to ask about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.qa.analysis import Analysis
from kg.qa.compare import scaled
from kg.qa.entities import Entity
from kg.qa.linking import Mention
from kg.qa.reader import GraphReader, question_words
from kg.qa.text import words
from kg.search import SearchHit, SearchIndex
from kg.search.model import Statement

RELATIVE = frozenset({"that", "which", "whose", "where", "who"})
DETERMINERS = frozenset({"the", "a", "an", "this"})
ASKING_WHICH = frozenset({"which", "what"})
CANDIDATES = 30  # statements searched for the clause
FIGURE_FIT = 0.3  # share of a clause's words a statement with its figure must explain
NUMBER_WORDS = frozenset({"million", "thousand", "billion", "bn", "hundr"})
_FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(million|m\b|thousand|k\b|bn|billion)?", re.I)


@dataclass(frozen=True, slots=True)
class Described:
    """The thing a clause describes, the statement that names it, and the question asked
    again about it by name."""

    entity: Entity
    statement: Statement
    hit: SearchHit
    question: str
    direct: bool = False  # "Which ICS serves 1.8 million people?": the thing is the answer


def described(index: SearchIndex, reader: GraphReader, analysis: Analysis,
              entities: dict[str, Entity]) -> Described | None:
    """The thing "the KIND that CLAUSE" stands for, when one statement fits the clause."""
    split = _split(analysis)
    if split is None:
        return None
    mention, rel, end = split
    kind = mention.best.entity
    clause, rest = _clause_and_rest(analysis, rel, end)
    if not clause:
        return None
    read = reader.analyser.analyse(clause)
    if read.unknown_names:
        return None  # "the ICS chaired by John Smith": no statement can be about him
    # Things the clause names ("chaired by David Clayton-Smith") must be in the statement.
    named = [m.best.entity.label.lower() for m in read.mentions
             if not m.weak and m.best.entity.role == "individual"]
    wanted = {f: w for f, w in reader.weigh(question_words(read)).items()
              if f not in NUMBER_WORDS}
    total = sum(wanted.values())
    figures = _figures(clause) | {float(n) for n in read.numbers if n < 100}
    if not total and not figures:
        return None
    # A figure or rank in the clause singles the thing out; the words need only agree.
    least = FIGURE_FIT if figures else 0.99
    found: dict[str, tuple[Statement, SearchHit]] = {}
    stating = index.statements_stating({_lexical(f) for f in figures}) if figures else []
    for statement, hit in [*index.search_statements(clause, k=CANDIDATES), *stating]:
        bag = reader.text_bag(statement.text)
        if total and sum(w for f, w in wanted.items() if f in bag) / total < least:
            continue
        if figures and not figures & _figures(statement.object_label or statement.object):
            continue
        if any(name not in statement.text.lower() for name in named):
            continue
        # A figure of a count node ("BOB ICS primary care networks: 45") is about the thing
        # the node counts in.
        around = [] if statement.subject in entities or not figures else [
            st.object for st in index.about(hit.graph, statement.subject)]
        for iri in (statement.subject, statement.object, *around):
            entity = entities.get(iri)
            if entity is not None and entity.role == "individual" and _of_kind(entity, kind):
                found.setdefault(iri, (statement, hit))
    if len(found) != 1:
        return None  # no such thing, or several: which one is meant is a guess
    iri, (statement, hit) = next(iter(found.items()))
    before = [t.surface for t in analysis.tokens[:mention.start]]
    while before and before[-1] in DETERMINERS:
        before.pop()
    question = " ".join([*before, entities[iri].label, *([rest] if rest else [])]) + "?"
    return Described(entities[iri], statement, hit, question[:1].upper() + question[1:],
                     direct=rel == mention.end - 1 and mention.start == 1 and not rest)


def _clause_and_rest(analysis: Analysis, rel: int, end: int) -> tuple[str, str]:
    """The clause's raw text, and what follows a clause that ends before the question does
    ("... chaired by Alan Yates | have for its population?"): that belongs to the question
    asked again."""
    clause = _after(analysis.text, analysis.tokens[rel].start)
    rest = _after(analysis.text, analysis.tokens[end - 1].start) if end < len(
        analysis.tokens) else ""
    if rest and clause.endswith(rest):
        clause = clause[:-len(rest)].strip()
    return clause, rest


def _split(analysis: Analysis) -> tuple[Mention, int, int] | None:
    """The kind named right before the clause that describes it, and the position of the
    word before the clause: a relative word ("the ICS that serves ...") or, for a clause
    opened by a participle ("the ICS serving ..."), the kind's last word."""
    kinds = {m.end: m for m in analysis.mentions if m.best.entity.role in ("kind", "class")}
    tokens = analysis.tokens
    whole = len(tokens)
    opening = tokens[0].surface if tokens else ""
    first = next((m for m in analysis.mentions if m.start == 1), None)
    if opening in ASKING_WHICH and first is not None and first.end in kinds and \
            first.end < whole and tokens[first.end].surface not in RELATIVE:
        # "Which ICS serves 1.8 million people?": all after the kind describes it.
        return first, first.end - 1, whole
    people = {m.start: m for m in analysis.mentions
              if not m.weak and m.best.entity.role == "individual"}
    for i, token in enumerate(tokens[1:], start=1):
        mention = kinds.get(i)
        if token.surface in RELATIVE:
            return (mention, i, whole) if mention is not None else None
        if mention is not None and token.surface.endswith("ing") and len(token.surface) > 5:
            return mention, i - 1, whole
        if mention is not None and token.surface.endswith("ed") and i + 1 < whole and \
                tokens[i + 1].surface == "by":
            # "the partnership chaired by Alan Yates (have for its population)"
            agent = people.get(i + 2)
            return mention, i - 1, agent.end if agent is not None else whole
        if mention is not None and i in people:
            # "the ICS David Clayton-Smith chairs (...)": the name and its verb
            return mention, i - 1, min(people[i].end + 1, whole)
    return None


def _after(text: str, index: int) -> str:
    """The raw text after its ``index``-th word (figures such as "1.8" kept whole)."""
    for match in re.finditer(r"\S+", text):
        if len(words(text[:match.end()])) > index:
            return text[match.end():].strip().rstrip("?").strip()
    return ""


def _of_kind(entity: Entity, kind: Entity) -> bool:
    """Whether ``entity`` is of ``kind`` (a kind stands for its class)."""
    return kind.stands_for in entity.classes


def _lexical(figure: float) -> str:
    """A figure as the graph writes it: 1800000, 2.5."""
    return str(int(figure)) if figure.is_integer() else str(figure)


def _figures(text: str) -> set[float]:
    found = set()
    for match in _FIGURE.finditer(text.replace(",", "")):
        try:
            number = float(match.group(1))
        except ValueError:
            continue
        found.add(round(scaled(number, match.group(2)), 3))
    return found
