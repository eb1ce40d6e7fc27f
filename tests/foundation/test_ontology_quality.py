"""Editorial quality of the ontology (issue 11, item 6): domains and ranges, disjoint siblings,
no case-only twins, disambiguated alt labels, rdfs:isDefinedBy, the duty actions in a module."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ontology import load_ontology

ICS = "https://w3id.org/icskg/ontology#"
ONTOLOGY = URIRef("https://w3id.org/icskg/ontology")
DUTY_ACTIONS = "https://w3id.org/icskg/imports/duty-actions"
# Sibling classes that can never share a member (checked as told disjoint, directly or in a list).
DISJOINT = [("IntegratedCareBoard", "ClinicalCommissioningGroup"), ("IntegratedCareBoard", "NHSTrust"),
            ("ClinicalCommissioningGroup", "NHSTrust"),
            ("IntegratedCareSystem", "SustainabilityAndTransformationPartnership"),
            ("NHSOrganisation", "LocalAuthority"), ("IntegratedCareBoard", "ProviderOrganisation")]


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return load_ontology().main


def _ics(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, kind)
                  if isinstance(s, URIRef) and s.startswith(ICS))


def test_every_object_property_has_domain_and_range_or_says_why_not(tbox: Graph) -> None:
    lacking = []
    for prop in _ics(tbox, OWL.ObjectProperty):
        definition = str(tbox.value(prop, SKOS.definition) or "")
        for side in (RDFS.domain, RDFS.range):
            if tbox.value(prop, side) is None and "left open" not in definition:
                lacking.append((prop.removeprefix(ICS), side.removeprefix(str(RDFS))))
    assert lacking == []


def test_inverse_pairs_mirror_their_domains_and_ranges(tbox: Graph) -> None:
    def same(a: object, b: object) -> bool:
        # A union written twice is two blank nodes: compare their member lists instead.
        if isinstance(a, BNode) and isinstance(b, BNode):
            members = [set(tbox.items(tbox.value(x, OWL.unionOf))) for x in (a, b)]
            return members[0] == members[1]
        return a == b

    for p, q in tbox.subject_objects(OWL.inverseOf):
        assert same(tbox.value(p, RDFS.domain), tbox.value(q, RDFS.range)), (p, q)
        assert same(tbox.value(p, RDFS.range), tbox.value(q, RDFS.domain)), (p, q)


def _disjoint_pairs(tbox: Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset((a, b)) for a, b in tbox.subject_objects(OWL.disjointWith)}
    for group in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(tbox.items(tbox.value(group, OWL.members)))
        pairs |= {frozenset((a, b)) for a in members for b in members if a != b}
    return pairs


@pytest.mark.parametrize(("a", "b"), DISJOINT)
def test_sibling_bodies_are_disjoint(tbox: Graph, a: str, b: str) -> None:
    assert frozenset((URIRef(ICS + a), URIRef(ICS + b))) in _disjoint_pairs(tbox)


def test_no_two_terms_differ_only_by_case(tbox: Graph) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[URIRef]] = defaultdict(set)
    for term in {s for s in tbox.subjects() if isinstance(s, URIRef) and s.startswith(ICS)}:
        names[term.removeprefix(ICS).lower()].add(term.removeprefix(ICS))
        for label in tbox.objects(term, RDFS.label):
            labels[str(label).lower()].add(term)
    assert [n for n in names.values() if len(n) > 1] == []
    assert [sorted(t) for t in labels.values() if len(t) > 1] == []


def test_an_alt_label_shared_by_classes_is_disambiguated(tbox: Graph) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for cls in _ics(tbox, OWL.Class):
        for alt in tbox.objects(cls, SKOS.altLabel):
            owners[str(alt).lower()].add(cls)
    for alt, classes in owners.items():
        if len(classes) > 1:
            for cls in classes:
                note = str(tbox.value(cls, SKOS.scopeNote) or "")
                others = [c.removeprefix(ICS) for c in classes if c != cls]
                assert any(f"ics:{o}" in note for o in others), (alt, cls)


def test_every_term_is_defined_by_its_ontology(tbox: Graph) -> None:
    terms = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                         OWL.AnnotationProperty, OWL.NamedIndividual)
             for s in _ics(tbox, t)}
    assert terms
    assert sorted(t for t in terms if tbox.value(t, RDFS.isDefinedBy) != ONTOLOGY) == []


def test_duty_actions_are_a_module_of_their_own() -> None:
    sources = load_ontology()
    assert not list(sources.main.subjects(RDF.type, SKOS.ConceptScheme))
    module = sources.imports[DUTY_ACTIONS]
    actions = list(module.subjects(RDF.type, URIRef(ICS + "DutyAction")))
    assert len(actions) >= 15
    assert all(module.value(a, RDFS.isDefinedBy) == URIRef(DUTY_ACTIONS) for a in actions)
    assert (ONTOLOGY, OWL.imports, URIRef(DUTY_ACTIONS)) in sources.main
