"""Coverage: the share of each document's substantive text that lies inside some cited passage.

Substantive text is every non-space character of a document except the boilerplate listed in
BOILERPLATE_LINES and BOILERPLATE_TOKENS (page chrome, contact and marketing lines, the cookie notice, footnote markers, and
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
# Boilerplate lines, named by their first words (never ten words of the corpus): each line that
# starts with one of these is excluded to its end.
BOILERPLATE_LINES: dict[str, list[str]] = {
    "000_f86fb62458fe890b.txt": [],
    "001_b4ee659c7ae7ce16.txt": [],
    "002_642277295977972f.txt": [],
    "003_ff14993d4c3a4248.txt": [
        "Calendar Icon", "Clock Icon", "4 min read",            # page chrome
        "29/1/2021", "Written by", "Curtis Batterbee",          # byline: dcterms:date, dcterms:creator
        "If you would like advice",                             # contact line
        "Achieve Lasting Change", "We're ready to work with you", "CONTACT US TODAY",  # marketing
        "We use cookies to provide", "DenyAccept",              # cookie notice and its buttons
    ],
    "004_d841ecd4eec4cab9.txt": [],
}
# Boilerplate inside lines, excluded wherever it occurs.
BOILERPLATE_TOKENS: dict[str, list[str]] = {
    "004_d841ecd4eec4cab9.txt": ["[footnoteRef:1]", "[footnoteRef:2]", "[footnoteRef:3]"],
}


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


def _mark(excluded: list[bool], start: int, end: int) -> None:
    excluded[start:end] = [True] * (end - start)


def _excluded(text: str, file_name: str) -> list[bool]:
    excluded = [False] * len(text)
    lines = BOILERPLATE_LINES.get(file_name, [])
    offset = 0
    found = set()
    for line in text.split("\n"):
        for prefix in lines:
            if line.startswith(prefix):
                _mark(excluded, offset, offset + len(line))
                found.add(prefix)
        offset += len(line) + 1
    for token in BOILERPLATE_TOKENS.get(file_name, []):
        at = text.find(token)
        if at >= 0:
            found.add(token)
        while at >= 0:
            _mark(excluded, at, at + len(token))
            at = text.find(token, at + 1)
    missing = (set(lines) | set(BOILERPLATE_TOKENS.get(file_name, []))) - found
    assert not missing, f"boilerplate entries no longer in {file_name}: {missing}"
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
    file_name = "003_ff14993d4c3a4248.txt"
    lines = BOILERPLATE_LINES[file_name]
    text = "Policy sentence.\n" + "\n".join(f"{prefix} and the rest" for prefix in lines)
    excluded = _excluded(text, file_name)
    assert not any(excluded[:16]) and all(excluded[17:17 + len(lines[0])])
