"""HTML documentation of the TBox, generated from the ontology graph itself.

Whatever files the TBox is edited in, the build merges them into one graph; the docs
read that graph, so a term moved to another file (or a new ``owl:Ontology``) still
appears. Every named class, property and individual gets a section whose id is its
anchor (:func:`kg.linked.terms.anchor`), so ``ontology#Body`` lands on ``ics:Body``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.linked.html import esc, items, page
from kg.linked.terms import anchor, curie
from kg.namespaces import ONTOLOGY_IRI

DOCS_FILE = "ontology.html"
CATEGORIES: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("Classes", (OWL.Class, RDFS.Class)),
    ("Object properties", (OWL.ObjectProperty,)),
    ("Datatype properties", (OWL.DatatypeProperty,)),
    ("Annotation properties", (OWL.AnnotationProperty, RDF.Property)),
    ("Concept schemes", (SKOS.ConceptScheme,)),
    ("Named individuals", (OWL.NamedIndividual,)),
)
_CHARACTERISTICS = (OWL.FunctionalProperty, OWL.InverseFunctionalProperty,
                    OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.AsymmetricProperty,
                    OWL.ReflexiveProperty, OWL.IrreflexiveProperty)
_RELATIONS: tuple[tuple[str, URIRef], ...] = (
    ("Subclass of", RDFS.subClassOf), ("Subproperty of", RDFS.subPropertyOf),
    ("Domain", RDFS.domain), ("Range", RDFS.range), ("Inverse of", OWL.inverseOf),
    ("Equivalent to", OWL.equivalentClass), ("Disjoint with", OWL.disjointWith),
    ("In scheme", SKOS.inScheme), ("Kind of", URIRef("https://w3id.org/icskg/ontology#kindOf")),
)


@dataclass(frozen=True, slots=True)
class Term:
    iri: str
    label: str
    category: str
    definition: str | None
    alt_labels: tuple[str, ...]
    types: tuple[str, ...]
    relations: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, IRIs or expressions)
    inverse: tuple[tuple[str, tuple[str, ...]], ...]  # subclasses, members, ...


@dataclass(frozen=True, slots=True)
class OntologyHeader:
    iri: str
    title: str
    description: str | None
    version: str | None
    license: str | None
    creators: tuple[str, ...]
    imports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OntologyDocs:
    main: OntologyHeader
    others: tuple[OntologyHeader, ...]
    terms: tuple[Term, ...]

    @property
    def documented(self) -> frozenset[str]:
        return frozenset(t.iri for t in self.terms)


def _text(graph: Graph, node: URIRef | BNode, *props: URIRef) -> str | None:
    for prop in props:
        values = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
        english = [v for v in values if v.language in (None, "en")]
        if english or values:
            return str(sorted(english or values)[0])
    return None


def _header(graph: Graph, iri: URIRef) -> OntologyHeader:
    return OntologyHeader(
        iri=str(iri),
        title=_text(graph, iri, DCTERMS.title, RDFS.label) or curie(str(iri)),
        description=_text(graph, iri, DCTERMS.description, RDFS.comment, SKOS.definition),
        version=_text(graph, iri, OWL.versionInfo),
        license=next((str(o) for o in graph.objects(iri, DCTERMS.license)), None),
        creators=tuple(sorted(str(o) for o in graph.objects(iri, DCTERMS.creator))),
        imports=tuple(sorted(str(o) for o in graph.objects(iri, OWL.imports))))


def expression(graph: Graph, node: object) -> str:
    """A class expression in short Manchester-like text; named terms as IRIs."""
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, BNode):
        for op, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            for head in graph.objects(node, op):
                members = graph.items(head)  # type: ignore[arg-type]
                return "(" + word.join(curie(expression(graph, m)) for m in members) + ")"
        prop = graph.value(node, OWL.onProperty)
        for kind, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"),
                           (OWL.hasValue, "value")):
            filler = graph.value(node, kind)
            if prop is not None and filler is not None:
                return f"{curie(str(prop))} {word} {curie(expression(graph, filler))}"
        return "(anonymous class)"
    return str(node)


def _category(types: set[URIRef]) -> str | None:
    for name, wanted in CATEGORIES:
        if types & set(wanted):
            return name
    return None


def _term(graph: Graph, iri: URIRef, category: str) -> Term:
    relations = []
    for heading, prop in _RELATIONS:
        values = sorted({expression(graph, o) for o in graph.objects(iri, prop)})
        if values:
            relations.append((heading, tuple(values)))
    inverse = []
    for heading, prop in (("Subclasses", RDFS.subClassOf), ("Subproperties", RDFS.subPropertyOf),
                          ("Members", SKOS.inScheme)):
        values = sorted(str(s) for s in graph.subjects(prop, iri) if isinstance(s, URIRef))
        if values:
            inverse.append((heading, tuple(values)))
    types = {t for t in graph.objects(iri, RDF.type) if isinstance(t, URIRef)}
    return Term(
        iri=str(iri), label=_text(graph, iri, RDFS.label, SKOS.prefLabel) or curie(str(iri)),
        category=category,
        definition=_text(graph, iri, SKOS.definition, RDFS.comment, DCTERMS.description),
        alt_labels=tuple(sorted(str(o) for o in graph.objects(iri, SKOS.altLabel))),
        types=tuple(sorted(str(t) for t in types if t in _CHARACTERISTICS or
                           _category({t}) is None)),
        relations=tuple(relations), inverse=tuple(inverse))


def describe(graph: Graph, main_iri: str = ONTOLOGY_IRI) -> OntologyDocs:
    """Read the docs' content from a TBox graph (the ontology plus whatever it imports)."""
    ontologies = sorted({s for s in graph.subjects(RDF.type, OWL.Ontology)
                         if isinstance(s, URIRef)})
    main = URIRef(main_iri) if URIRef(main_iri) in ontologies else (
        ontologies[0] if ontologies else URIRef(main_iri))
    terms = []
    for subject in {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}:
        category = _category({t for t in graph.objects(subject, RDF.type)
                              if isinstance(t, URIRef)})
        if category is not None and subject not in ontologies:
            terms.append(_term(graph, subject, category))
    order = {name: i for i, (name, _) in enumerate(CATEGORIES)}
    terms.sort(key=lambda t: (order[t.category], not t.iri.startswith(main_iri), t.label.lower()))
    return OntologyDocs(_header(graph, main), tuple(_header(graph, o) for o in ontologies
                                                    if o != main), tuple(terms))


def _ref(value: str, documented: frozenset[str]) -> str:
    if value in documented:
        return f'<a href="#{esc(anchor(value))}"><code>{esc(curie(value))}</code></a>'
    if value.startswith(("http://", "https://")):
        return f'<a href="{esc(value)}"><code>{esc(curie(value))}</code></a>'
    return f"<code>{esc(value)}</code>"


def _term_html(term: Term, documented: frozenset[str]) -> str:
    rows = [("IRI", f'<code class="iri">{esc(term.iri)}</code>')]
    if term.alt_labels:
        rows.append(("Also called", esc(", ".join(term.alt_labels))))
    if term.types:
        rows.append(("Characteristics", ", ".join(_ref(t, documented) for t in term.types)))
    rows += [(heading, ", ".join(_ref(v, documented) for v in values))
             for heading, values in (*term.relations, *term.inverse)]
    table = "".join(f"<tr><th>{esc(h)}</th><td>{v}</td></tr>" for h, v in rows)
    definition = f"<p>{esc(term.definition)}</p>" if term.definition else ""
    return (f'<section class="term" id="{esc(anchor(term.iri))}">'
            f'<h3>{esc(term.label)} <code class="muted">{esc(curie(term.iri))}</code></h3>'
            f"{definition}<table>{table}</table></section>")


def _header_html(h: OntologyHeader, level: str = "h1") -> str:
    rows = [("IRI", f"<code>{esc(h.iri)}</code>")]
    if h.version:
        rows.append(("Version", esc(h.version)))
    if h.license:
        rows.append(("Licence", f'<a href="{esc(h.license)}">{esc(h.license)}</a>'))
    if h.creators:
        rows.append(("Creators", esc(", ".join(h.creators))))
    if h.imports:
        rows.append(("Imports", ", ".join(f"<code>{esc(i)}</code>" for i in h.imports)))
    table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    text = f"<p>{esc(h.description)}</p>" if h.description else ""
    return f"<{level}>{esc(h.title)}</{level}>{text}<table>{table}</table>"


def render(docs: OntologyDocs, home: str = "/", alternates: Iterable[tuple[str, str]] = ()
           ) -> str:
    """The docs page: the ontology's header, a table of contents, one section per term."""
    documented = docs.documented
    formats = " ".join(f'<a href="{esc(href)}">{esc(name)}</a>' for name, href in alternates)
    parts = [_header_html(docs.main), f'<p class="formats">{formats}</p>' if formats else ""]
    for name, _ in CATEGORIES:
        terms = [t for t in docs.terms if t.category == name]
        if not terms:
            continue
        slug = name.lower().replace(" ", "-")
        toc = items((f'<a href="#{esc(anchor(t.iri))}">{esc(t.label)}</a>' for t in terms),
                    cls="toc")
        body = "".join(_term_html(t, documented) for t in terms)
        parts.append(f'<h2 id="{slug}">{esc(name)} ({len(terms)})</h2>{toc}{body}')
    if docs.others:
        parts.append('<h2 id="imports">Other ontologies in the TBox</h2>'
                     + "".join(_header_html(h, "h3") for h in docs.others))
    return page(docs.main.title, "".join(parts), home=home)


def write_docs(graph: Graph, path: Path) -> OntologyDocs:
    """Write the docs of ``graph`` to ``path`` (used by ``icskg build``)."""
    docs = describe(graph)
    path.write_text(render(docs, alternates=(
        ("Turtle", "ontology.ttl"), ("RDF/XML", "ontology.owl"))), encoding="utf-8")
    return docs
