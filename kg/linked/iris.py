"""The public base (``https://w3id.org/icskg/``) and the server paths its IRIs live at."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

from kg.errors import BadRequestError

# Kinds of resource, by the first path segment under the base.
SECTIONS = ("id", "graph", "ontology", "imports")
# Characters no IRI may hold (RFC 3987 via SPARQL's IRIREF), once the path is unquoted.
_NOT_IN_IRIS = frozenset('<>"{}|^`\\ ')


@dataclass(frozen=True, slots=True)
class IriMap:
    """Maps ``base + rest`` to ``prefix + rest`` and back; nothing else is ours."""

    base: str
    prefix: str = "/"

    @classmethod
    def create(cls, base: str, prefix: str = "/") -> IriMap:
        if not base.endswith(("/", "#")):
            raise BadRequestError(f"linked_base must end with '/' or '#': {base!r}")
        return cls(base, "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/")

    def owns(self, iri: str) -> bool:
        return iri.startswith(self.base)

    def path_for(self, iri: str) -> str | None:
        """The server path an IRI dereferences at, or ``None`` for IRIs outside the base.

        Hash IRIs (``ontology#Body``) resolve to their document with the fragment kept, so
        a browser lands on the anchor.
        """
        if not self.owns(iri):
            return None
        rest = iri[len(self.base):]
        doc, hash_, fragment = rest.partition("#")
        path = self.prefix + quote(doc, safe="/:@!$&'()*+,;=-._~")
        return path + (hash_ + fragment if hash_ else "")

    def iri_for(self, path: str) -> str:
        """The IRI a server path stands for (the inverse of :meth:`path_for`)."""
        if not path.startswith(self.prefix):
            raise BadRequestError(f"{path!r} is outside the linked-data prefix {self.prefix!r}")
        rest = unquote(path[len(self.prefix):])
        if any(c in _NOT_IN_IRIS or ord(c) < 0x21 for c in rest):
            raise BadRequestError(f"{path!r} does not name an IRI: it holds a space, a control "
                                  "character or one of <>\"{}|^`\\")
        return self.base + rest

    def section(self, iri: str) -> str | None:
        """``id``, ``graph``, ``ontology`` or ``imports`` for our IRIs, else ``None``."""
        if not self.owns(iri):
            return None
        head = iri[len(self.base):].split("/", 1)[0].split("#", 1)[0]
        return head if head in SECTIONS else None

    def document_of(self, iri: str) -> str:
        """The IRI without its fragment: what a GET actually fetches."""
        return iri.split("#", 1)[0]
