"""A store-neutral RDF term, so nothing above the store layer sees pyoxigraph or SPARQLWrapper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# SPARQL 1.1 grammar: LANGTAG and the characters IRIREF excludes (§19.8, productions 145 and 139).
_LANGTAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")
_IRI_FORBIDDEN = set('<>"{}|^`\\ \n\r\t')

TermKind = Literal["iri", "literal", "bnode", "triple"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term as the SPARQL 1.1 JSON results format describes it."""

    kind: TermKind
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def iri(cls, value: str) -> Term:
        return cls("iri", value)

    @classmethod
    def literal(cls, value: str, datatype: str | None = None, lang: str | None = None) -> Term:
        if datatype in (XSD_STRING, RDF_LANGSTRING):
            datatype = None
        return cls("literal", value, datatype, lang)

    @property
    def is_iri(self) -> bool:
        return self.kind == "iri"

    def n3(self) -> str:
        """The term in N-Triples/SPARQL syntax, escaped, safe to place in a query."""
        if self.kind == "iri":
            return f"<{_checked_iri(self.value)}>"
        if self.kind == "bnode":
            raise ValueError("blank nodes cannot be bound into a query")
        escaped = (
            self.value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
        if self.lang:
            if not _LANGTAG.fullmatch(self.lang):
                raise ValueError(f"not a valid language tag: {self.lang!r}")
            return f'"{escaped}"@{self.lang}'
        if self.datatype:
            return f'"{escaped}"^^<{_checked_iri(self.datatype)}>'
        return f'"{escaped}"'


def _checked_iri(value: str) -> str:
    if not value or any(c in _IRI_FORBIDDEN or ord(c) < 0x20 for c in value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return value
