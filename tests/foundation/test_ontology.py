"""The released ontology: loads in owlready2, consistent under HermiT, OWL 2 DL, fully annotated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.ontology import load_ontology
from tests.conftest import shared_dir

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
ACRONYMS = {
    "IntegratedCareSystem": "ICS", "IntegratedCareBoard": "ICB", "IntegratedCarePartnership": "ICP",
    "ClinicalCommissioningGroup": "CCG", "SustainabilityAndTransformationPartnership": "STP",
    "PrimaryCareNetwork": "PCN", "HealthAndWellbeingBoard": "HWB",
    "JointStrategicNeedsAssessment": "JSNA", "JointLocalHealthAndWellbeingStrategy": "JLHWS",
    "AcademicHealthScienceNetwork": "AHSN",
}
ICS = "https://w3id.org/icskg/ontology#"


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return load_ontology().main


def _own_terms(graph: Graph) -> list[URIRef]:
    terms = {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    terms |= {s for s in graph.subjects(RDF.type, OWL.NamedIndividual) if isinstance(s, URIRef)}
    return sorted(t for t in terms if str(t).startswith(ICS))


def test_every_term_has_one_english_label_and_one_definition(tbox: Graph) -> None:
    terms = _own_terms(tbox)
    assert len(terms) > 150
    for term in terms:
        labels = [x for x in tbox.objects(term, RDFS.label) if isinstance(x, Literal)]
        assert [x.language for x in labels] == ["en"], f"{term}: needs exactly one rdfs:label@en"
        assert len(list(tbox.objects(term, SKOS.definition))) == 1, f"{term}: needs one skos:definition"


def test_classes_are_camel_case_and_properties_lower_camel(tbox: Graph) -> None:
    for cls in tbox.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(ICS):
            assert str(cls)[len(ICS)][0].isupper(), cls
    for prop_type in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in tbox.subjects(RDF.type, prop_type):
            if str(prop).startswith(ICS):
                assert str(prop)[len(ICS)][0].islower(), prop


@pytest.mark.parametrize(("local", "acronym"), sorted(ACRONYMS.items()))
def test_acronyms_are_alt_labels(tbox: Graph, local: str, acronym: str) -> None:
    assert Literal(acronym, lang="en") in set(tbox.objects(URIRef(ICS + local), SKOS.altLabel))


def test_header(tbox: Graph) -> None:
    onto = URIRef("https://w3id.org/icskg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in tbox
    assert tbox.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/icskg/ontology/1.0.0")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert tbox.value(onto, prop) is not None, prop
    assert len(list(tbox.objects(onto, OWL.imports))) == 5


def test_every_import_extract_is_labelled_and_in_the_catalog() -> None:
    sources = load_ontology()
    catalog = (Path(__file__).resolve().parents[2] / "ontology" / "catalog-v001.xml").read_text()
    for iri, graph in sources.imports.items():
        assert iri in catalog
        for term in {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t)}:
            if (term, RDFS.label, None) in graph:
                assert (term, SKOS.definition, None) in graph, term


def test_released_owl_loads_in_owlready2_and_is_consistent(built_dir: Path) -> None:
    code = f"""
import owlready2
owlready2.onto_path.append({str(built_dir / "imports")!r})
world = owlready2.World()
onto = world.get_ontology({(built_dir / "ontology.owl").as_uri()!r}).load()
assert len(list(onto.classes())) > 70, len(list(onto.classes()))
assert len(onto.imported_ontologies) == 5, onto.imported_ontologies
owlready2.sync_reasoner_hermit(world, debug=0)
print("consistent", len(list(world.inconsistent_classes())))
"""
    # A child process: owlready2's onto_path is process-wide state.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["consistent", "0"]


def test_released_owl_is_owl2_dl_for_the_owl_api(built_dir: Path) -> None:
    tool = shared_dir() / "tools" / "owl_dl_check.sh"
    if not tool.is_file() or shutil.which("javac") is None:
        pytest.skip("owl_dl_check.sh or javac not available")
    done = subprocess.run(
        ["bash", str(tool), str(built_dir / "ontology.owl"), str(built_dir / "imports")],
        capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "own DL violations 0" in done.stdout
    assert "imports closure 6" in done.stdout
