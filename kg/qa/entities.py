"""The graph's entities, read from the store once, and their names as matching keys.

Indexed are the kinds (``kind:*``), the ontology's classes and the named
individuals (bodies, documents, people, places...). The n-ary nodes that
carry facts (duties, counts, events, board seats...) have labels too, but
nobody names them in a question, so they are left out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.qa.lexicon import STOPWORDS
from kg.qa.text import Normaliser, words
from kg.store.base import Store
from kg.store.terms import Term

ICS = "https://w3id.org/icskg/ontology#"
ICSD = "https://w3id.org/icskg/id/"
KIND = f"{ICSD}kind/"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
DUTY_ACTION = f"{ICS}DutyAction"
COMMON_WORD = 0.8
SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
# A concept's label this long is a phrase ("join up health and care"), not a term's name
# ("financial framework", "integration index", which a question names as such).
PHRASE_WORDS = 4
BODY_CLASSES = frozenset({f"{ICS}Body", "http://www.w3.org/ns/org#Organization"})

# Fact-carrying nodes and bookkeeping: never the subject of a question.
EXCLUDED = frozenset(f"{ICS}{name}" for name in (
    "Duty", "Count", "BoardSeat", "Transfer", "Characteristic", "StatutoryStatus",
    "FactGraph", "Event", "Deadline", "FundingPot", "AttributedView",
    "Outcome", "Claim", "Designation",
)) | {"http://www.w3.org/ns/org#Membership"}

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX ics: <https://w3id.org/icskg/ontology#>
"""
NAMES_QUERY = _PREFIXES + """SELECT ?e ?label ?alt ?definition WHERE {
  { ?e rdfs:label ?label } UNION { ?e skos:altLabel ?alt } UNION { ?e skos:definition ?definition }
  FILTER(isIRI(?e))
}"""
# One path, not a UNION joined to subClassOf*: Virtuoso 7.2 returns no rows for that form.
TYPES_QUERY = _PREFIXES + """SELECT DISTINCT ?e ?type WHERE {
  ?e (rdf:type|ics:kindOf)/rdfs:subClassOf* ?type .
  FILTER(isIRI(?e) && isIRI(?type))
}"""
CLASSES_QUERY = _PREFIXES + """SELECT DISTINCT ?e ?type WHERE {
  ?e rdf:type owl:Class ; rdfs:subClassOf* ?type .
  FILTER(isIRI(?e) && isIRI(?type) && STRSTARTS(STR(?e), STR(ics:)))
}"""
KINDOF_QUERY = _PREFIXES + """SELECT ?e ?c WHERE { ?e ics:kindOf ?c FILTER(isIRI(?c)) }"""
# A source document is also named by its publisher and kind ("the CCAL blog post", "the
# DHACA webinar summary"), its author and its year ("the 2018 article").
DOCUMENT_QUERY = _PREFIXES + """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?e ?publisher ?kind ?title ?creator WHERE {
  ?e a ics:SourceDocument .
  OPTIONAL { ?e dcterms:publisher ?publisher } OPTIONAL { ?e ics:documentKind ?kind }
  OPTIONAL { ?e dcterms:title ?title } OPTIONAL { ?e dcterms:creator ?creator }
}"""
SOURCE_DOCUMENT = f"{ICS}SourceDocument"
DOCUMENT_QUALITY = 0.9
DOCUMENT_NOUNS = frozenset({"summary", "article", "webinar", "page", "post", "blog", "report",
                            "document", "paper", "site", "web"})
USE_QUERY = """SELECT ?e (COUNT(*) AS ?n) WHERE { ?s ?p ?e FILTER(isIRI(?e)) } GROUP BY ?e"""


@dataclass(frozen=True, slots=True)
class Entity:
    """One nameable thing in the graph."""

    iri: str
    label: str
    role: str  # "kind", "individual", "class" or "action" (a duty action: have regard to...)
    classes: frozenset[str]  # its classes and their superclasses (a kind: its class's)
    prior: float  # 0..1, how much the facts use it
    stands_for: str  # a kind and its class stand for the same thing; anything else for itself
    definition: str | None = None
    # A class no fact speaks of as a kind ("go-live", "next step"): its name is read as
    # ordinary words for intent, though it can still fill a slot ("what is a next step?").
    weak: bool = False

    @property
    def rank(self) -> int:
        """Kinds are what facts about kinds of body use; classes only stand behind them."""
        return {"kind": 0, "individual": 1, "class": 2, "action": 3}[self.role]


@dataclass(frozen=True, slots=True)
class Name:
    """A surface form of an entity: its key, and how much a match on it is worth."""

    key: str
    text: str
    entity: Entity
    quality: float  # 1.0 preferred label, 0.97 alternative label, 0.9 a shortened form
    weak: bool = False  # an everyday word ("place") that names it only to fill a slot


@dataclass
class _Raw:
    labels: dict[str, str] = field(default_factory=dict)
    alts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    definitions: dict[str, str] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    uses: dict[str, int] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)


def _read(store: Store) -> _Raw:
    raw = _Raw()
    for row in store.select(NAMES_QUERY).rows:
        iri = row["e"].value
        if "label" in row and (row["label"].lang in (None, "en")):
            raw.labels.setdefault(iri, row["label"].value)
        if "alt" in row and (row["alt"].lang in (None, "en")):
            raw.alts[iri].add(row["alt"].value)
        if "definition" in row:
            raw.definitions.setdefault(iri, row["definition"].value)
    for query in (TYPES_QUERY, CLASSES_QUERY):
        for row in store.select(query).rows:
            raw.types[row["e"].value].add(row["type"].value)
    for row in store.select(KINDOF_QUERY).rows:
        raw.kind_of[row["e"].value] = row["c"].value
    for row in store.select(DOCUMENT_QUERY).rows:
        raw.alts[row["e"].value].update(_document_names(row))
    for row in store.select(USE_QUERY).rows:
        raw.uses[row["e"].value] = int(row["n"].value)
    return raw


def _document_names(row: Mapping[str, Term]) -> set[str]:
    publisher = row["publisher"].value if "publisher" in row else None
    kind = row["kind"].value if "kind" in row else "document"
    title = row["title"].value if "title" in row else ""
    nouns = {w for w in words(f"{kind} {title}") if w in DOCUMENT_NOUNS} | {kind, "document"}
    names = {f"{publisher} {noun}" for noun in nouns} if publisher else set()
    if "creator" in row:
        names.update(f"{row['creator'].value}'s {noun}" for noun in nouns)
    return names


def _role(iri: str, types: set[str]) -> str | None:
    if iri.startswith(KIND):
        return "kind"
    if iri.startswith(ICS) and OWL_CLASS in types:
        return "class"
    if DUTY_ACTION in types:
        return "action"
    if iri.startswith(ICSD) and not types & EXCLUDED:
        return "individual"
    return None


def read_entities(store: Store) -> list[tuple[Entity, tuple[str, ...]]]:
    """Every nameable entity with its alternative labels, read from ``store``."""
    raw = _read(store)
    most = max(raw.uses.values(), default=1)
    kinds_of = frozenset(raw.kind_of.values())
    found: list[tuple[Entity, tuple[str, ...]]] = []
    for iri, label in raw.labels.items():
        types = raw.types.get(iri, set())
        role = _role(iri, types)
        if role is None:
            continue
        classes = frozenset(types | {iri}) if role == "class" else frozenset(types)
        prior = math.log1p(raw.uses.get(iri, 0)) / math.log1p(most)
        weak = role == "action" or (role == "class" and iri not in kinds_of) or (
            role == "individual" and _described_in_words(label, types))
        entity = Entity(iri, label, role, classes, prior, raw.kind_of.get(iri, iri),
                        raw.definitions.get(iri), weak)
        found.append((entity, tuple(sorted(raw.alts.get(iri, ())))))
    return found


def _described_in_words(label: str, types: set[str]) -> bool:
    """A list item of the graph named by a phrase ("join up health and care"):
    everyday words in a question that match it say what is asked, not whom it is about."""
    return SKOS_CONCEPT in types and not types & BODY_CLASSES and not any(
        c.isupper() or c.isdigit() for c in label) and len(label.split()) >= PHRASE_WORDS


def _is_acronym_or_proper(text: str) -> bool:
    stripped = text.strip()
    return stripped[:1].isupper() or any(c.isdigit() for c in stripped)


def _is_body_like(entity: Entity) -> bool:
    return entity.role != "individual" and bool(entity.classes & BODY_CLASSES)


def nameable(text: str, entity: Entity, vocabulary: frozenset[str]) -> bool:
    """Whether ``text`` may name ``entity`` in a question.

    A single everyday word ("chair", "staff", "aim") is a name only for a kind
    of body ("council", "system"); otherwise it stays an ordinary word, so the
    question's intent is read from it. Acronyms and proper names always count.
    """
    parts = words(text)
    if not parts or all(p in STOPWORDS for p in parts):
        return False
    if len(parts) > 1 or entity.weak:
        return True
    if _is_acronym_or_proper(text):
        return True
    return _is_body_like(entity) and parts[0] not in vocabulary


def names_of(entity: Entity, alts: Iterable[str], normaliser: Normaliser,
             generic: Mapping[str, str], vocabulary: frozenset[str]) -> list[Name]:
    """The keys ``entity`` can be found by: labels, alt labels, and those less a generic tail.

    ``generic`` maps keys of class names ("ics", "integr care system") to
    themselves, so "Cheshire and Merseyside ICS" can also be found as
    "Cheshire and Merseyside".
    """
    # A document's title may be a class's name ("Integrated Care Systems"): the class wins.
    top = DOCUMENT_QUALITY if SOURCE_DOCUMENT in entity.classes else 1.0
    forms: list[tuple[str, float]] = [(entity.label, top)] + [(a, 0.97 * top) for a in alts]
    # "Option 1: statutory committee model" is also named by its head, "Option 1".
    forms += [(t.split(":", 1)[0], 0.92) for t, _ in list(forms)
              if ":" in t and len(t.split(":", 1)[0].split()) >= 2]
    found: dict[str, Name] = {}
    usable = [(t, q, _trim(normaliser.key(t))) for t, q in forms
              if nameable(t, entity, vocabulary)]
    for text, quality, key in usable:
        if key and key not in found:
            # One everyday word ("council", "system") is weaker evidence than a full name.
            plain = " " not in key and not _is_acronym_or_proper(text)
            found[key] = Name(key, text, entity, quality * (COMMON_WORD if plain else 1.0))
    # Everyday words that may not name it in general can still fill a slot that asks
    # for its class ("neighbourhood" for a tier).
    for text, quality in forms:
        key = _trim(normaliser.key(text))
        if key and key not in found and any(w not in STOPWORDS for w in words(text)):
            found[key] = Name(key, text, entity, quality * COMMON_WORD, weak=True)
    if entity.role == "individual":
        for text, _, key in usable:
            # "Cheshire and Merseyside" names its ICS; "local" does not name local councils.
            shorter = _without_tail(key, generic) if _is_acronym_or_proper(text) else None
            if shorter and shorter not in found:
                found[shorter] = Name(shorter, text, entity, 0.9)
            for other in _other_tails(key, generic):
                # "Cheshire and Merseyside ICB" is also "... integrated care board".
                found.setdefault(other, Name(other, text, entity, 0.97))
    return list(found.values())


def _trim(key: str) -> str:
    parts = key.split()
    while parts and parts[0] in ("the", "a", "an"):
        parts.pop(0)
    return " ".join(parts)


def _other_tails(key: str, generic: Mapping[str, str]) -> list[str]:
    """``key`` with its generic tail (a class name) spelt as the class's other names."""
    shorter = _without_tail(key, generic)
    if shorter is None:
        return []
    tail = key[len(shorter):].strip()
    kind = generic.get(tail)
    return [f"{shorter} {k}" for k, v in generic.items() if v == kind and k != tail]


def _without_tail(key: str, generic: Mapping[str, str]) -> str | None:
    parts = key.split()
    for size in range(min(4, len(parts) - 1), 0, -1):
        if " ".join(parts[-size:]) in generic:
            rest = parts[:-size]
            if rest and rest[-1] not in ("and", "of"):
                return " ".join(rest)
    return None
