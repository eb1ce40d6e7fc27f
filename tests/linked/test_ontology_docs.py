"""The ontology docs: written by the build, served at /ontology, one anchor per term."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.linked.ontodocs import DOCS_FILE, describe, render
from kg.linked.terms import anchor
from kg.namespaces import ICS, ONTOLOGY_IRI
from kg.ontology import load_ontology

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
              OWL.NamedIndividual, SKOS.ConceptScheme)


def _terms(tbox: Graph) -> set[str]:
    return {str(s) for t in TERM_TYPES for s in tbox.subjects(RDF.type, t)
            if isinstance(s, URIRef)} - {str(s) for s in tbox.subjects(RDF.type, OWL.Ontology)}


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_build_writes_docs_with_title_and_every_term(built_dir: Path) -> None:
    html = (built_dir / DOCS_FILE).read_text(encoding="utf-8")
    tbox = load_ontology().merged()
    title = str(tbox.value(URIRef(ONTOLOGY_IRI), DCTERMS.title))
    assert f"<h1>{title}</h1>" in html
    assert f"<title>{title} · icskg</title>" in html
    terms = _terms(tbox)
    assert len(terms) > 150
    missing = sorted(t for t in terms if anchor(t) not in _ids(html))
    assert missing == []
    # Each class section names its superclasses, each property its domain and range.
    body = html.split('id="Body"', 1)[1].split("</section>", 1)[0]
    assert 'href="#org-Organization"' in body
    bearer = html.split('id="bearer"', 1)[1].split("</section>", 1)[0]
    assert "Domain" in bearer and 'href="#Duty"' in bearer
    assert "cdn" not in html.lower() and "<script" not in html


def test_a_term_moved_to_its_own_ontology_file_is_still_documented() -> None:
    """The duty-action scheme in a separate owl:Ontology: the docs come from the TBox graph."""
    tbox = load_ontology().merged()
    scheme_iri = URIRef("https://w3id.org/icskg/ontology/duty-actions")
    tbox.add((scheme_iri, RDF.type, OWL.Ontology))
    tbox.add((scheme_iri, DCTERMS.title, Literal("icskg duty actions", lang="en")))
    tbox.add((ICS.notify, RDF.type, OWL.NamedIndividual))
    tbox.add((ICS.notify, RDFS.label, Literal("notify", lang="en")))
    tbox.add((ICS.notify, SKOS.inScheme, ICS.DutyActionScheme))
    docs = describe(tbox)
    html = render(docs)
    assert docs.main.iri == ONTOLOGY_IRI
    assert "icskg duty actions" in html
    assert 'id="notify"' in html
    scheme = html.split('id="DutyActionScheme"', 1)[1].split("</section>", 1)[0]
    assert 'href="#notify"' in scheme  # listed among the scheme's members


def test_served_with_conneg(client: TestClient, built_dir: Path) -> None:
    html = client.get("/ontology", headers={"accept": "text/html"})
    assert html.status_code == 200 and html.headers["vary"].startswith("Accept")
    assert html.text == (built_dir / DOCS_FILE).read_text(encoding="utf-8")
    for accept, fmt in (("text/turtle", "turtle"), ("application/rdf+xml", "xml")):
        r = client.get("/ontology", headers={"accept": accept})
        assert r.headers["content-type"].startswith(accept)
        graph = Graph().parse(data=r.text, format=fmt)
        assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
        tbox = load_ontology().merged()
        # the TBox itself, plus the build's provenance of the graph that holds it
        extra = {t for t in graph if t[0] == URIRef("https://w3id.org/icskg/graph/ontology")}
        assert len(graph) - len(extra) == len(tbox)
    assert client.get("/ontology.ttl").text == client.get(
        "/ontology", headers={"accept": "text/turtle"}).text
    assert client.get("/ontology.json").json()["main"]["iri"] == ONTOLOGY_IRI
