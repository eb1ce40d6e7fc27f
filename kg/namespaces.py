"""The IRIs of the icskg vocabulary and the vocabularies it reuses."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

ICS = Namespace("https://w3id.org/icskg/ontology#")
ICSD = Namespace("https://w3id.org/icskg/id/")
ICSG = Namespace("https://w3id.org/icskg/graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_IRI = "https://w3id.org/icskg/ontology"
PROVENANCE_GRAPH = ICSG["provenance"]
INFERRED_GRAPH = ICSG["inferred"]
ONTOLOGY_GRAPH = ICSG["ontology"]

PREFIXES: dict[str, str] = {
    "ics": str(ICS),
    "icsd": str(ICSD),
    "icsg": str(ICSG),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

__all__ = [
    "DCTERMS", "ICS", "ICSD", "ICSG", "INFERRED_GRAPH", "ONTOLOGY_GRAPH", "ONTOLOGY_IRI", "ORG",
    "OWL", "PREFIXES", "PROV", "PROVENANCE_GRAPH", "RDF", "RDFS", "SH", "SKOS", "XSD",
]
