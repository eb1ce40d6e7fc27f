"""Entity, graph, voID and look-up pages: what they show, over a small dataset written here
(with a passage summary, which the curated facts may not have yet) and over the real build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

DATA = """\
@prefix ics: <https://w3id.org/icskg/ontology#> .
@prefix icsd: <https://w3id.org/icskg/id/> .
@prefix icsg: <https://w3id.org/icskg/graph/> .
@prefix kind: <https://w3id.org/icskg/id/kind/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

icsg:ontology {
  <https://w3id.org/icskg/ontology> a owl:Ontology ; dcterms:title "Test ontology title"@en .
  ics:Board a owl:Class ; rdfs:label "board"@en ; skos:definition "A test class."@en .
  ics:bearer a owl:ObjectProperty ; rdfs:label "bearer"@en .
  ics:action a owl:ObjectProperty ; rdfs:label "action"@en .
  ics:dutyObject a owl:ObjectProperty ; rdfs:label "duty object"@en .
  ics:oversees a owl:ObjectProperty ; rdfs:label "oversees"@en .
  ics:concerns a owl:ObjectProperty ; rdfs:label "concerns"@en .
  ics:eventDate a owl:DatatypeProperty ; rdfs:label "event date"@en ; rdfs:range xsd:dateTime .
  ics:agree a owl:NamedIndividual ; rdfs:label "agree"@en .
}
icsg:provenance {
  icsd:doc-9 a ics:SourceDocument ; rdfs:label "A test paper"@en ; dcterms:title "A test paper"@en .
  icsg:p-one a ics:FactGraph ; prov:wasDerivedFrom icsd:doc-9 ;
    rdfs:comment "Alpha board oversees the beta plan and agrees it."@en ;
    ics:locator "009_test.txt#char=10,90" .
}
icsg:p-one {
  icsd:alpha a ics:Board ; rdfs:label "Alpha board"@en ; skos:altLabel "AB"@en ;
    skos:definition "A board made up for this test."@en ;
    ics:oversees icsd:beta-plan .
  icsd:beta-plan rdfs:label "Beta plan"@en .
  icsd:duty-alpha-agrees a ics:Duty ; rdfs:label "Alpha agrees the plan"@en ;
    ics:bearer icsd:alpha ; ics:action ics:agree ; ics:dutyObject icsd:beta-plan .
  icsd:event-alpha-formed rdfs:label "Alpha board formed"@en ; ics:concerns icsd:alpha ;
    ics:eventDate "2021-04-01T00:00:00"^^xsd:dateTime .
}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("linked") / "small.trig"
    path.write_text(DATA, encoding="utf-8")
    settings = Settings(data_files=[path], build_dir=path.parent / "no-build")
    with TestClient(create_app(settings)) as client:
        yield client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_entity_page_shows_everything(small: TestClient) -> None:
    r = small.get("/id/alpha", headers={"accept": "text/html"})
    assert r.status_code == 200
    assert "script-src" not in r.headers["content-security-policy"]  # pages run no script
    html, text = r.text, _text(r.text)
    assert "<h1>Alpha board</h1>" in html
    assert "Also called: AB" in text
    assert "A board made up for this test." in text
    assert '<a href="/ontology#Board"' in html  # the type links to its docs anchor
    assert "Alpha board agree Beta plan" in text  # the duty as a sentence
    assert '<a href="/id/beta-plan"' in html
    # Sources of a statement: graph, document, locator, and the passage's own-words summary.
    assert '<a href="/graph/p-one"' in html
    assert '<a href="/id/doc-9"' in html and "A test paper" in text
    assert "009_test.txt#char=10,90" in text
    assert "Alpha board oversees the beta plan and agrees it." in text
    # Timeline from a neighbour's date; and the related entities.
    assert re.search(r'<time datetime="2021-04-01T00:00:00">2021-04-01</time>', html)
    assert "Alpha board formed" in text
    assert "Related" in text


def test_json_twin_is_the_page(small: TestClient) -> None:
    page = small.get("/id/alpha.json").json()
    assert page["kind"] == "entity"
    assert page["label"] == "Alpha board"
    assert page["alt_labels"] == ["AB"]
    assert [t["href"] for t in page["types"]] == ["/ontology#Board"]
    assert [d["sentence"] for d in page["duties"]] == ["Alpha board agree Beta plan"]
    oversees = next(g for g in page["outgoing"] if g["prop"]["text"] == "oversees")
    source = oversees["statements"][0]["sources"][0]
    assert source["summary"] == "Alpha board oversees the beta plan and agrees it."
    assert source["locator"] == "009_test.txt#char=10,90"
    assert source["document"]["href"] == "/id/doc-9"
    assert page["timeline"][0]["date"].startswith("2021-04-01")
    assert page["formats"]["text/turtle"] == "/id/alpha.ttl"


def test_graph_page(small: TestClient) -> None:
    r = small.get("/graph/p-one")
    text = _text(r.text)
    assert r.status_code == 200
    assert "Alpha board oversees the beta plan and agrees it." in text
    assert "009_test.txt#char=10,90" in text
    assert '<a href="/id/doc-9"' in r.text
    assert "Statements 14" in text
    twin = small.get("/graph/p-one.json").json()
    assert twin["kind"] == "graph" and twin["triples"] == 14
    assert {s["subject"]["text"] for s in twin["statements"]} >= {"Alpha board", "Beta plan"}


def test_docs_from_the_served_tbox(small: TestClient) -> None:
    """Without a release (data files), the docs are generated from the ontology graph."""
    html = small.get("/ontology").text
    assert "<h1>Test ontology title</h1>" in html
    for anchor in ("Board", "bearer", "eventDate", "agree"):
        assert f'id="{anchor}"' in html


def test_lookup(small: TestClient) -> None:
    hits = small.get("/lookup", params={"q": "alpha"},
                     headers={"accept": "application/json"}).json()["results"]
    assert hits[0] == {"iri": "https://w3id.org/icskg/id/alpha", "label": "Alpha board",
                       "matched": "Alpha board", "href": "/id/alpha"}
    by_alt = small.get("/lookup", params={"q": "AB"},
                       headers={"accept": "application/json"}).json()["results"]
    assert by_alt[0]["href"] == "/id/alpha" and by_alt[0]["matched"] == "AB"
    page = small.get("/lookup", params={"q": "beta"})
    assert '<a href="/id/beta-plan"' in page.text
    assert small.get("/lookup").status_code == 422
    assert small.get("/lookup", params={"q": "x" * 201}).status_code == 422


def test_void(small: TestClient) -> None:
    void = small.get("/void.json").json()
    assert void["triples"] == 41
    assert {g["iri"].rsplit("/", 1)[-1] for g in void["graphs"]} == {
        "ontology", "provenance", "p-one"}
    assert ["https://w3id.org/icskg/id/doc-9", "A test paper"] in void["sources"]
    turtle = small.get("/void", headers={"accept": "text/turtle"}).text
    assert "void:Dataset" in turtle and "void:triples 41" in turtle
    assert "void:sparqlEndpoint <http://testserver/sparql>" in turtle


def test_sparql_links_to_void(small: TestClient) -> None:
    r = small.get("/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200
    assert r.headers["link"] == '</void>; rel="describedby"; type="text/turtle"'


def test_other_path_prefix(tmp_path: Path) -> None:
    path = tmp_path / "small.trig"
    path.write_text(DATA, encoding="utf-8")
    settings = Settings(data_files=[path], build_dir=tmp_path / "none", linked_path_prefix="/ld")
    with TestClient(create_app(settings)) as client:
        r = client.get("/ld/id/alpha")
        assert r.status_code == 200
        assert '<a href="/ld/ontology#Board"' in r.text
        assert '<a href="/ld/id/beta-plan"' in r.text
        assert client.get("/id/alpha").status_code == 404
        assert client.get("/ld/void.ttl").status_code == 200


def test_real_entity_page(client: TestClient) -> None:
    r = client.get("/id/nhs-england")
    text = _text(r.text)
    assert "<h1>NHS England</h1>" in r.text
    assert '<a href="/ontology#NationalNHSBody"' in r.text
    assert "NHS England agree" in text  # one of its duties, read as a sentence
    assert ".txt#char=" in text  # locators of its sources
    kind = client.get("/id/kind/IntegratedCareSystem.json").json()
    assert kind["label"] == "integrated care system"
    assert kind["duties"]


def test_data_cannot_inject_markup(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    path = tmp_path / "hostile.trig"
    path.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/icskg/graph/h> { <https://w3id.org/icskg/id/h> rdfs:label "
        f'"{hostile.replace(chr(34), chr(92) + chr(34))}" ; rdfs:seeAlso <https://w3id.org/icskg/id/h2> . }}\n',
        encoding="utf-8")
    settings = Settings(data_files=[path], build_dir=tmp_path / "none")
    with TestClient(create_app(settings)) as client:
        for url in ("/id/h", "/graph/h", "/lookup?q=script", "/void"):
            html = client.get(url, headers={"accept": "text/html"}).text
            assert "<script" not in html and "<img" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/id/h").text
