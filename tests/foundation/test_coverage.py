"""Coverage: the share of each document's substantive text that lies inside some cited passage.

Substantive text is every non-space character of a document except the boilerplate listed in
BOILERPLATE (page chrome, contact and marketing lines, the cookie notice, footnote markers, and
byline items already held as document metadata in provenance.trig). A character is covered when
it lies inside the span (``text[charStart:charEnd]``, code points) of some passage graph of its
document. Each document must reach MINIMUM.

Documents 000 and 002 are curated on branch h11a, 001 and 003 on h11b, 004 on h11c (issue 11);
each document passes once its branch has landed. Run with ``-s`` to see the five figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.build.facts import load_facts
from kg.namespaces import ICS
from kg.paths import facts_dir

MINIMUM = 0.95
DOCUMENTS = ["000_f86fb62458fe890b.txt", "001_b4ee659c7ae7ce16.txt", "002_642277295977972f.txt",
             "003_ff14993d4c3a4248.txt", "004_d841ecd4eec4cab9.txt"]
# Exact strings that are not policy content; every occurrence in the document is excluded.
BOILERPLATE: dict[str, list[str]] = {
    "000_f86fb62458fe890b.txt": [],
    "001_b4ee659c7ae7ce16.txt": [],
    "002_642277295977972f.txt": [],
    "003_ff14993d4c3a4248.txt": [
        "Calendar Icon", "Clock Icon", "4 min read",            # page chrome
        "29/1/2021", "Written by", "Curtis Batterbee",          # byline: dcterms:date, dcterms:creator
        "If you would like advice or support for your system on its integration journey, "
        "whatever stage you’re at, get in touch at info@ccal.co.uk",   # contact line
        "Achieve Lasting Change",                               # marketing block
        "We're ready to work with you to create a customised plan to deliver sustainable change "
        "for your system.",
        "CONTACT US TODAY",
        "DenyAccept",                                           # cookie banner buttons
    ],
    "004_d841ecd4eec4cab9.txt": [
        "[footnoteRef:1]", "[footnoteRef:2]", "[footnoteRef:3]",   # footnote markers
    ],
}
# The cookie notice of document 003 is one long paragraph: excluded from its first words to its end.
COOKIE_NOTICE_START = {"003_ff14993d4c3a4248.txt": "We use cookies to provide social media features"}


@dataclass(frozen=True)
class Coverage:
    document: str
    substantive: int
    covered: int

    @property
    def share(self) -> float:
        return self.covered / self.substantive if self.substantive else 1.0


def _spans(provenance: Graph, file_name: str) -> list[tuple[int, int]]:
    docs = {d for d, name in provenance.subject_objects(ICS.fileName) if str(name) == file_name}
    spans = []
    for graph in provenance.subjects(RDF.type, ICS.FactGraph):
        if isinstance(graph, URIRef) and provenance.value(graph, PROV.wasDerivedFrom) in docs:
            start, end = provenance.value(graph, ICS.charStart), provenance.value(graph, ICS.charEnd)
            spans.append((int(str(start)), int(str(end))))
    return spans


def _excluded(text: str, file_name: str) -> list[bool]:
    excluded = [False] * len(text)
    for phrase in BOILERPLATE[file_name]:
        assert phrase in text, f"boilerplate entry no longer in {file_name}: {phrase!r}"
        at = text.find(phrase)
        while at >= 0:
            excluded[at:at + len(phrase)] = [True] * len(phrase)
            at = text.find(phrase, at + 1)
    if file_name in COOKIE_NOTICE_START:
        at = text.index(COOKIE_NOTICE_START[file_name])
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        excluded[at:end] = [True] * (end - at)
    return excluded


def measure(corpus: Path, provenance: Graph, file_name: str) -> Coverage:
    text = (corpus / file_name).read_text(encoding="utf-8")
    inside = [False] * len(text)
    for start, end in _spans(provenance, file_name):
        inside[start:end] = [True] * (end - start)
    excluded = _excluded(text, file_name)
    substantive = [i for i, ch in enumerate(text) if not ch.isspace() and not excluded[i]]
    return Coverage(file_name, len(substantive), sum(1 for i in substantive if inside[i]))


@pytest.fixture(scope="module")
def provenance() -> Graph:
    return load_facts(facts_dir()).provenance


@pytest.mark.parametrize("file_name", DOCUMENTS)
def test_each_document_is_covered_by_cited_passages(corpus_dir: Path, provenance: Graph,
                                                    file_name: str) -> None:
    result = measure(corpus_dir, provenance, file_name)
    print(f"\ncoverage {file_name[:3]}: {result.share:.1%} of {result.substantive} substantive "
          f"characters inside cited spans")
    assert result.share >= MINIMUM, (file_name, f"{result.share:.1%}")


def test_boilerplate_is_not_counted() -> None:
    text = "Policy sentence. CONTACT US TODAY\nWe use cookies to provide social media features x\n"
    file_name = "003_ff14993d4c3a4248.txt"
    excluded = _excluded(text + "".join(BOILERPLATE[file_name]), file_name)
    assert not any(excluded[:16]) and all(excluded[17:33])
