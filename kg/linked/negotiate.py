"""Which representation of a linked-data resource to send: Accept, or a file suffix.

A suffix (``/id/nhs-england.ttl``) overrides Accept, so a link can name its format.
``application/json`` (and ``.json``) is the page's plain JSON twin; ``application/ld+json``
(and ``.jsonld``) is JSON-LD.
"""

from __future__ import annotations

import enum

from kg.errors import NotAcceptableError
from kg.sparql.negotiation import parse_accept


class Representation(enum.Enum):
    HTML = "text/html"
    TURTLE = "text/turtle"
    JSONLD = "application/ld+json"
    NTRIPLES = "application/n-triples"
    RDFXML = "application/rdf+xml"
    JSON = "application/json"

    @property
    def media_type(self) -> str:
        return self.value

    @property
    def is_rdf(self) -> bool:
        return self not in (Representation.HTML, Representation.JSON)

    @property
    def suffix(self) -> str:
        return _SUFFIX_OF[self]


R = Representation
SUFFIXES: dict[str, Representation] = {
    ".html": R.HTML, ".ttl": R.TURTLE, ".jsonld": R.JSONLD, ".json": R.JSON,
    ".nt": R.NTRIPLES, ".rdf": R.RDFXML, ".owl": R.RDFXML,
}
_SUFFIX_OF = {fmt: suffix for suffix, fmt in reversed(SUFFIXES.items())}
# Media types clients send for these formats beyond the registered ones.
_ALIASES: dict[Representation, tuple[str, ...]] = {
    R.HTML: ("application/xhtml+xml",),
    R.TURTLE: ("application/x-turtle",),
    R.NTRIPLES: ("text/plain",),
    R.RDFXML: ("application/xml", "text/xml"),
}
OFFERED = (R.HTML, R.TURTLE, R.JSONLD, R.NTRIPLES, R.RDFXML, R.JSON)


def split_suffix(path: str) -> tuple[str, Representation | None]:
    """``/id/x.ttl`` -> (``/id/x``, Turtle); a path with no known suffix is returned as is."""
    stem, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and (fmt := SUFFIXES.get("." + ext.lower())) is not None:
        return stem, fmt
    return path, None


def _quality(fmt: Representation, accept: str | None) -> float:
    """RFC 9110: the most specific range that matches decides the quality."""
    names = (fmt.media_type, *_ALIASES.get(fmt, ()))
    best_specificity, best_q = 0, 0.0
    for rng in parse_accept(accept):
        specificity = max(rng.matches(name) for name in names)
        if specificity > best_specificity:
            best_specificity, best_q = specificity, rng.q
        elif specificity and specificity == best_specificity:
            best_q = max(best_q, rng.q)
    return best_q


def choose(accept: str | None, offered: tuple[Representation, ...] = OFFERED) -> Representation:
    """The best offered representation for an Accept header; HTML when anything goes."""
    scored = [(_quality(fmt, accept), -i, fmt) for i, fmt in enumerate(offered)]
    q, _, best = max(scored, key=lambda t: (t[0], t[1]))
    if q <= 0:
        kinds = ", ".join(f.media_type for f in offered)
        raise NotAcceptableError(f"none of the accepted types ({accept}) is offered; "
                                 f"this resource comes as: {kinds}")
    return best
