"""Verifying provenance locators against the corpus (``icskg build --corpus DIR``).

For each source document the text's SHA-256 must match the one recorded; for
each passage graph the character span must lie inside the text, and the
passage must mention every named participant of its facts (bodies, people,
policy documents and kinds of body) by its label or an alternative label.
Matching ignores case, punctuation, "&" versus "and", and plural endings.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.build.facts import FactBase
from kg.errors import LocatorError
from kg.namespaces import ICS, ORG

PARTICIPANT_TYPES = (ORG.Organization, PROV.Person, ICS.PolicyDocument, ICS.BodyKind)
_NON_WORD = re.compile(r"[^0-9a-z£]+")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    # Strip every trailing "s" so "ICS", "ICSs", "GP" and "GPs" fold alike on both sides.
    while len(word) > 2 and word.endswith("s"):
        word = word[:-1]
    return word


def normalise(text: str) -> str:
    """Fold text for mention matching: case, accents, '&', punctuation, plurals."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ")
    words = _NON_WORD.sub(" ", folded).split()
    return " " + " ".join(_singular(w) for w in words) + " "


@dataclass(frozen=True)
class LocatorReport:
    documents: int
    passages: int
    mentions: int


def _participants(graph: Graph, typed: Graph, exempt: set[URIRef]) -> set[URIRef]:
    nodes = {n for s, _, o in graph for n in (s, o) if isinstance(n, URIRef)}
    found = set()
    for node in nodes - exempt:
        if any((node, RDF.type, t) in typed for t in PARTICIPANT_TYPES):
            found.add(node)
    return found


def _names(labels: Graph, node: URIRef) -> list[str]:
    return [str(x) for p in (RDFS.label, SKOS.altLabel) for x in labels.objects(node, p)
            if isinstance(x, Literal)]


def _type_names(everything: Graph, graph: Graph, node: URIRef) -> list[str]:
    # A passage may name a body by what it is ("the Integrated Care Board") once the
    # body itself is typed in that same passage.
    classes = [c for c in graph.objects(node, RDF.type) if isinstance(c, URIRef)]
    return [n for c in classes for n in _names(everything, c)]


def _check_document(corpus: Path, prov: Graph, doc: URIRef) -> str:
    name = str(prov.value(doc, ICS.fileName))
    path = corpus / name
    if not path.is_file():
        raise LocatorError(f"{doc.n3()}: {path} not found in the corpus")
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != str(prov.value(doc, ICS.sha256)):
        raise LocatorError(f"{name}: checksum differs from provenance.trig; the document changed")
    return text


def verify_locators(corpus: Path, facts: FactBase, everything: Graph) -> LocatorReport:
    """Check checksums, spans and mentions; ``everything`` holds labels and (inferred) types."""
    prov = facts.provenance
    texts = {doc: _check_document(corpus, prov, doc)
             for doc in prov.subjects(RDF.type, ICS.SourceDocument) if isinstance(doc, URIRef)}
    mentions = 0
    for name, graph in sorted(facts.graphs.items()):
        doc = prov.value(name, PROV.wasDerivedFrom)
        start, end = prov.value(name, ICS.charStart), prov.value(name, ICS.charEnd)
        text = texts[doc]  # type: ignore[index]
        first, last = int(str(start)), int(str(end))
        if not 0 <= first < last <= len(text):
            raise LocatorError(
                f"{facts.where(name)}: span {first}-{last} lies outside the document"
            )
        passage = normalise(text[first:last])
        exempt = {d for d in prov.objects(doc, ICS.aboutDocument) if isinstance(d, URIRef)}
        for node in sorted(_participants(graph, everything, exempt)):
            names = _names(everything, node) + _type_names(everything, graph, node)
            if not any(normalise(n) in passage for n in names):
                raise LocatorError(
                    f"{facts.where(name)}: the passage at {first}-{last} does not mention "
                    f"{node.n3()} by any of its labels {names}"
                )
            mentions += 1
    return LocatorReport(len(texts), len(facts.graphs), mentions)
