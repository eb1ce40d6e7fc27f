"""Content negotiation for query results (RFC 9110 section 12.5.1 Accept, with q-values).

SELECT and ASK results come as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and
DESCRIBE graphs as Turtle, N-Triples, RDF/XML or JSON-LD. Clients may also
name a format with ``format=`` (or ``output=``), as Fuseki and the Wikidata
Query Service allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import NotAcceptableError
from kg.store.base import ResultFormat

R = ResultFormat
RESULT_FORMATS = (R.JSON, R.XML, R.CSV, R.TSV)
GRAPH_FORMATS = (R.TURTLE, R.NTRIPLES, R.RDFXML, R.JSONLD)

# Media types clients commonly send for our formats, beyond the registered ones.
_ALIASES: dict[str, tuple[ResultFormat, ...]] = {
    "application/json": (R.JSON, R.JSONLD),
    "application/xml": (R.XML, R.RDFXML),
    "text/xml": (R.XML, R.RDFXML),
    "application/x-turtle": (R.TURTLE,),
    "text/plain": (R.NTRIPLES,),
    "application/sparql-results+csv": (R.CSV,),
    "application/sparql-results+tsv": (R.TSV,),
}
_NAMES: dict[str, tuple[ResultFormat, ...]] = {
    "json": (R.JSON, R.JSONLD),
    "xml": (R.XML, R.RDFXML),
    "csv": (R.CSV,),
    "tsv": (R.TSV,),
    "ttl": (R.TURTLE,),
    "turtle": (R.TURTLE,),
    "nt": (R.NTRIPLES,),
    "ntriples": (R.NTRIPLES,),
    "n-triples": (R.NTRIPLES,),
    "rdfxml": (R.RDFXML,),
    "rdf": (R.RDFXML,),
    "jsonld": (R.JSONLD,),
    "json-ld": (R.JSONLD,),
}


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 0 (not), 1, 2 or 3 (exact)."""
        main, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == main and self.subtype == "*":
            return 2
        return 3 if (self.type, self.subtype) == (main, sub) else 0


def parse_accept(header: str | None) -> tuple[MediaRange, ...]:
    """The media ranges of an Accept header; an absent or empty header accepts anything."""
    if not header or not header.strip():
        return (MediaRange("*", "*", 1.0),)
    ranges = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q))
    return tuple(ranges)


def _quality(fmt: ResultFormat, ranges: tuple[MediaRange, ...]) -> float:
    names = [fmt.media_type] + [alias for alias, fmts in _ALIASES.items() if fmt in fmts]
    best_specificity, best_q = 0, 0.0
    for rng in ranges:
        specificity = max(rng.matches(name) for name in names)
        if specificity > best_specificity:
            best_specificity, best_q = specificity, rng.q
        elif specificity == best_specificity and specificity:
            best_q = max(best_q, rng.q)
    return best_q


def candidates(form: str | None) -> tuple[ResultFormat, ...]:
    """The formats a query form can be written in, the default first."""
    return GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS


def choose(form: str | None, accept: str | None, format_name: str | None = None) -> ResultFormat:
    """Pick the result format for a query of ``form`` (``None`` if unknown: SELECT formats)."""
    offered = candidates(form)
    if format_name:
        named = [f for f in _NAMES.get(format_name.strip().lower(), ()) if f in offered]
        if not named:
            names = ", ".join(sorted(n for n, fs in _NAMES.items() if set(fs) & set(offered)))
            raise NotAcceptableError(
                f"format={format_name!r} is not available for this query; use one of: {names}"
            )
        return named[0]
    ranges = parse_accept(accept)
    best = max(offered, key=lambda f: (_quality(f, ranges), -offered.index(f)))
    if _quality(best, ranges) <= 0:
        types = ", ".join(f.media_type for f in offered)
        raise NotAcceptableError(
            f"none of the accepted media types ({accept}) is available for this query; "
            f"the endpoint can send: {types}"
        )
    return best


def wants_html(accept: str | None) -> bool:
    """True when a browser asks for a page (text/html preferred over any RDF/results type)."""
    ranges = parse_accept(accept)
    html = max((r.q for r in ranges if r.matches("text/html") == 3), default=0.0)
    return html > 0 and all(r.q <= html for r in ranges if r.matches("text/html") != 3)
