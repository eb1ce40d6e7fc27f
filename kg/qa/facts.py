"""The statements the graph holds about the entities a question names, as readable units.

One SPARQL query fetches, for the linked entities, every statement of a fact
graph that has one of them as subject or object, and every statement of the
n-ary nodes (duties, counts, events, views...) that point at one of them. A
*unit* is what one answer sentence says: an n-ary node with all its values
(its own label is the sentence, in the project's words), or the values of
one property of one subject in one graph ("X has member: A, B, C").
Property and class names come from the ontology's own labels, so nothing
here is written for one fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kg.store.base import Store
from kg.store.terms import Term
from kg.store.values import term_n3

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ICS = "https://w3id.org/icskg/ontology#"
GRAPH = "https://w3id.org/icskg/graph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
# Graphs that hold no passage's facts: bookkeeping, the TBox, derived statements.
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
NOT_FACTS = tuple(f"{GRAPH}{name}" for name in ("provenance", "vocabulary", "ontology",
                                                  "inferred"))
# Naming properties: they say what a thing is called, not a fact about it.
NAMING = frozenset({RDFS_LABEL, f"{SKOS}altLabel", f"{SKOS}prefLabel"})
MAX_ROWS = 1500
_PLAIN_DATE = re.compile(r"(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?")
DATE_TYPES = frozenset({f"{XSD}dateTime", f"{XSD}date", f"{XSD}gYear", f"{XSD}gYearMonth"})
NUMBER_TYPES = frozenset(f"{XSD}{t}" for t in ("integer", "decimal", "double", "float", "int",
                                              "nonNegativeInteger", "positiveInteger", "long"))

_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?s ?p ?o ?sl WHERE {
  VALUES ?e { %s }
  GRAPH ?g {
    { ?e ?p ?o BIND(?e AS ?s) } UNION { ?s ?p ?e BIND(?e AS ?o) }
    UNION { ?s ?q ?e . ?s a ?t . VALUES ?t { %s } ?s ?p ?o }
    UNION { ?e ?q ?s . ?s a ?t . VALUES ?t { %s } ?s ?p ?o }
  }
  FILTER(?g NOT IN (%s))
  OPTIONAL { ?s rdfs:label ?sl }
} LIMIT %d"""
# Walked down from a bound class, one query per class: Virtuoso 7.2 refuses a transitive
# path whose start is a variable ("transitive start not given").
_NARY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?c WHERE { %s ^rdfs:subClassOf* ?c FILTER(isIRI(?c)) }"""


def nary_classes(store: Store, tops: Iterable[str], *, timeout: float | None = None
                 ) -> tuple[str, ...]:
    """The classes of n-ary fact nodes (duties, counts, events...) and their subclasses."""
    found = set(tops)
    for top in sorted(tops):
        rows = store.select(_NARY % term_n3(Term.iri(top)), timeout=timeout).rows
        found.update(r["c"].value for r in rows)
    return tuple(sorted(found))


def neighbourhood_query(iris: Iterable[str], nary: Iterable[str]) -> str:
    """The query :func:`fetch` runs (also shown in the answer as its SPARQL)."""
    classes = " ".join(term_n3(Term.iri(c)) for c in nary)
    return _QUERY % (" ".join(term_n3(Term.iri(i)) for i in iris), classes, classes,
                     ", ".join(f"<{g}>" for g in NOT_FACTS), MAX_ROWS)


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a unit: an IRI with its label, or a literal."""

    prop: str
    term: Term
    label: str

    @property
    def is_date(self) -> bool:
        """A typed date, or a plain one as documents give them ("2020", "2021-01-29")."""
        return self.term.datatype in DATE_TYPES or (
            self.term.datatype is None and not self.term.is_iri
            and _PLAIN_DATE.fullmatch(self.term.value) is not None)

    @property
    def is_number(self) -> bool:
        return self.term.datatype in NUMBER_TYPES


@dataclass(frozen=True, slots=True)
class Unit:
    """What one sentence of an answer says, from one graph."""

    graph: str
    subject: str
    subject_label: str
    node: bool  # an n-ary fact node (all its values), else one property of one subject
    values: tuple[Value, ...]
    types: tuple[str, ...] = ()

    def iris(self) -> frozenset[str]:
        return frozenset({self.subject} | {v.term.value for v in self.values if v.term.is_iri})

    def dates(self) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.is_date)

    def numbers(self) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.is_number)


@dataclass
class _Rows:
    labels: dict[str, str] = field(default_factory=dict)
    triples: dict[tuple[str, str], dict[str, list[Term]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))


def _label(term: Term | None) -> str | None:
    if term is None or (term.lang not in (None, "en")):
        return None
    return term.value


def fetch(store: Store, iris: Iterable[str], nary: Iterable[str], *,
          timeout: float | None = None) -> _Rows:
    """Every fact-graph statement about ``iris`` and their n-ary nodes, grouped."""
    wanted = tuple(dict.fromkeys(iris))
    rows = _Rows()
    if not wanted:
        return rows
    seen: set[tuple[str, str, str, Term]] = set()
    # Stores return rows in their own order: sorted here, every store reads alike.
    for row in sorted(store.select(neighbourhood_query(wanted, nary), timeout=timeout).rows,
                      key=_row_key):
        g, s, p, o = row["g"].value, row["s"], row["p"].value, row["o"]
        text = _label(row.get("sl"))
        if s.is_iri and text is not None:
            rows.labels.setdefault(s.value, text)
        if not s.is_iri or (g, s.value, p, o) in seen:
            continue
        seen.add((g, s.value, p, o))
        rows.triples[(g, s.value)][p].append(o)
    return rows


def _row_key(row: Mapping[str, Term]) -> tuple[str, ...]:
    return tuple(part for name in ("g", "s", "p", "o", "sl") if (t := row.get(name))
                 for part in (t.value, t.datatype or "", t.lang or ""))


def units_from(rows: _Rows, focus: frozenset[str], nameable: Mapping[str, str],
               show: Mapping[str, str]) -> list[Unit]:
    """Group fetched statements into units.

    ``nameable`` maps the graph's named entities to labels (they are subjects of
    their own; anything else with statements is an n-ary node); ``show`` is a
    fallback label for ontology terms (classes, duty actions).
    """
    units: list[Unit] = []

    def label(term: Term) -> str:
        if not term.is_iri:
            return term.value
        return (rows.labels.get(term.value) or nameable.get(term.value)
                or show.get(term.value) or _local(term.value))

    for (graph, subject), props in rows.triples.items():
        types = tuple(label(t) for t in props.get(RDF_TYPE, ()))
        is_node = subject not in nameable
        if is_node:
            values = tuple(Value(p, o, label(o)) for p, objs in props.items()
                           if p not in NAMING and p != RDF_TYPE for o in objs)
            units.append(Unit(graph, subject, label(Term.iri(subject)), True, values, types))
            continue
        for prop, objs in props.items():
            if prop in NAMING or prop == RDF_TYPE:
                continue
            # A named entity's own statements only matter when it or its value is in focus.
            if subject not in focus and not any(o.is_iri and o.value in focus for o in objs):
                continue
            kept = [o for o in objs if subject in focus or (o.is_iri and o.value in focus)]
            units.append(Unit(graph, subject, label(Term.iri(subject)), False,
                              tuple(Value(prop, o, label(o)) for o in kept), types))
    return units


def _local(iri: str) -> str:
    tail = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return tail.replace("-", " ")


def show_date(value: str) -> str:
    """An ISO dateTime as "1 July 2022" (the time dropped; midnight means a day)."""
    import datetime as dt

    try:
        day = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return f"{day.day} {day:%B} {day.year}"


def by_graph(units: Sequence[Unit]) -> dict[str, list[Unit]]:
    grouped: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        grouped[unit.graph].append(unit)
    return grouped


_VOCABULARY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?t ?kind ?l WHERE {
  ?t rdfs:label ?l ; a ?kind .
  FILTER(?kind IN (owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty,
                   owl:Class, owl:NamedIndividual, <https://w3id.org/icskg/ontology#DutyAction>))
}"""
PROPERTY_KINDS = frozenset(f"http://www.w3.org/2002/07/owl#{k}" for k in (
    "ObjectProperty", "DatatypeProperty", "AnnotationProperty"))


def vocabulary(store: Store, *, timeout: float | None = None
               ) -> tuple[dict[str, str], dict[str, str]]:
    """The ontology's labels: of properties, and of everything else it names."""
    props: dict[str, str] = {}
    show: dict[str, str] = {}
    for row in store.select(_VOCABULARY, timeout=timeout).rows:
        label = _label(row["l"])
        if label is None:
            continue
        target = props if row["kind"].value in PROPERTY_KINDS else show
        target.setdefault(row["t"].value, label)
    return props, show


_PASSAGE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?p ?o ?sl WHERE { GRAPH %s { ?s ?p ?o } OPTIONAL { ?s rdfs:label ?sl } } LIMIT %d"""


def passage_query(graph: str) -> str:
    return _PASSAGE % (term_n3(Term.iri(graph)), MAX_ROWS)


def fetch_passage(store: Store, graph: str, *, timeout: float | None = None
                  ) -> tuple[_Rows, frozenset[str]]:
    """Every statement of one passage graph, grouped, and the subjects it speaks of."""
    rows = _Rows()
    subjects: set[str] = set()
    for row in store.select(passage_query(graph), timeout=timeout).rows:
        s, p, o = row["s"], row["p"].value, row["o"]
        if not s.is_iri:
            continue
        text = _label(row.get("sl"))
        if text is not None:
            rows.labels.setdefault(s.value, text)
        subjects.add(s.value)
        if o not in rows.triples[(graph, s.value)][p]:
            rows.triples[(graph, s.value)][p].append(o)
    return rows, frozenset(subjects)


_TEXTS = """SELECT ?t WHERE { GRAPH ?g { ?s ?p ?t } FILTER(isLiteral(?t) && ?g NOT IN (%s)) }
LIMIT %d"""
MAX_TEXTS = 20_000


def fact_texts(store: Store, *, timeout: float | None = None) -> list[str]:
    """The fact graphs' literal texts (labels, contexts, views), a sample on a large graph:
    how common each word is in what the graph says."""
    query = _TEXTS % (", ".join(f"<{g}>" for g in NOT_FACTS), MAX_TEXTS)
    return [r["t"].value for r in store.select(query, timeout=timeout).rows
            if r["t"].datatype is None]


_SOURCES = """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?doc ?t WHERE { ?g prov:wasDerivedFrom ?doc . ?doc ?p ?t FILTER(isLiteral(?t)) }
LIMIT %d"""
MAX_SOURCE_ROWS = 50_000


_NEWEST_SOURCE = """PREFIX ics: <https://w3id.org/icskg/ontology#>
SELECT (MAX(?d) AS ?newest) WHERE { ?doc a ics:SourceDocument ; ics:documentDate ?d }"""


_DOCUMENT_DATES = """PREFIX ics: <https://w3id.org/icskg/ontology#>
SELECT ?doc ?d ?precision WHERE {
  ?doc a ics:SourceDocument ; ics:documentDate ?d .
  OPTIONAL { ?doc ics:datePrecision ?precision }
}"""


def document_dates(store: Store, *, timeout: float | None = None
                   ) -> dict[str, tuple[dt.date, str]]:
    """Each source document's date and how precisely it is known ("day", "month", "year")."""
    found: dict[str, tuple[dt.date, str]] = {}
    for row in store.select(_DOCUMENT_DATES, timeout=timeout).rows:
        text = row["d"].value[:10]
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            continue
        precision = row["precision"].value if row.get("precision") is not None else "day"
        found[row["doc"].value] = (day, precision)
    return found


def newest_source_year(store: Store, *, timeout: float | None = None) -> int | None:
    """The year of the newest source document: the graph knows nothing later than that."""
    rows = store.select(_NEWEST_SOURCE, timeout=timeout).rows
    newest = rows[0].get("newest") if rows else None
    text = newest.value if newest is not None else ""
    return int(text[:4]) if text[:4].isdigit() else None


def source_texts(store: Store, *, timeout: float | None = None) -> dict[str, str]:
    """Per passage graph, the words of its document's description (title, publisher,
    date, kind): what "per the webinar" or "in the 2018 article" refer to."""
    found: dict[str, list[str]] = defaultdict(list)
    documents: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_SOURCES % MAX_SOURCE_ROWS, timeout=timeout).rows:
        text = row["t"].value
        documents[row["g"].value].add(row["doc"].value)
        if len(text) <= 200 and not (text.isalnum() and len(text) >= 40):  # no checksums
            found[row["g"].value].append(text)
    # A graph drawn from several documents (the inferred one) is no one passage's source.
    return {g: " | ".join(texts) for g, texts in found.items() if len(documents[g]) == 1}


_DOCUMENT = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX ics: <https://w3id.org/icskg/ontology#>
SELECT ?p ?o ?g WHERE {
  { %s ?p ?o FILTER(?p NOT IN (ics:sha256, ics:fileName)) }
  UNION { SELECT ?g WHERE { ?g prov:wasDerivedFrom %s } ORDER BY ?g LIMIT 1 }
}"""


def document_units(store: Store, doc: str, label: str, names: Mapping[str, str], *,
                   timeout: float | None = None,
                   named: Mapping[str, str] | None = None) -> list[Unit]:
    """A source document's description (title, publisher, date, author, kind) as units,
    cited by its first passage (the description itself is provenance, not a passage).
    ``named`` (a label in lower case -> IRI) turns an author given as text ("Curtis
    Batterbee") into the person the graph names, so the unit holds that person."""
    iri = term_n3(Term.iri(doc))
    rows = store.select(_DOCUMENT % (iri, iri), timeout=timeout).rows
    graph = next((r["g"].value for r in rows if "g" in r), None)
    if graph is None:
        return []
    values: dict[str, list[Value]] = defaultdict(list)
    for row in rows:
        if "p" in row and row["p"].value not in (*NAMING, RDF_TYPE, DCTERMS_TITLE):
            term = row["o"]
            found = named.get(term.value.lower()) if named and not term.is_iri else None
            if found is not None:
                term = Term.iri(found)
            shown = names.get(term.value, row["o"].value)
            values[row["p"].value].append(Value(row["p"].value, term, shown))
    return [Unit(graph, doc, label, False, tuple(v)) for v in values.values()]
