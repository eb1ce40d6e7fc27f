"""Prefixed names accepted in catalogue headers and entity parameters (``icsd:nhs-england``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import pyoxigraph as ox

from kg.namespaces import ICSD, PREFIXES

KIND_NAMESPACE = f"{ICSD}kind/"

PREFIX_MAP: Mapping[str, str] = MappingProxyType({**PREFIXES, "kind": KIND_NAMESPACE})

# A conservative local part: what our own IRIs use, nothing a query could trip on.
_PREFIXED = re.compile(r"(?P<prefix>[A-Za-z][\w\-]*):(?P<local>[\w\-.%/]*[\w\-%/])\Z")
# RFC 3987 excludes these from IRIs; SPARQL's IRIREF excludes them too.
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+\Z")


def is_prefixed_name(text: str) -> bool:
    """True when ``text`` looks like ``prefix:local`` with a prefix we know."""
    match = _PREFIXED.match(text)
    return match is not None and match["prefix"] in PREFIX_MAP


def expand(text: str) -> str | None:
    """The full IRI for ``prefix:local`` with a known prefix, else None."""
    match = _PREFIXED.match(text)
    if match is None or match["prefix"] not in PREFIX_MAP:
        return None
    return PREFIX_MAP[match["prefix"]] + match["local"]


def as_iri(text: str) -> str | None:
    """An absolute IRI from ``<iri>``, a bare ``http(s)://`` IRI or a known prefixed name.

    Returns None when ``text`` is none of these (for example a label).
    """
    stripped = text.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        stripped = stripped[1:-1]
    elif (expanded := expand(stripped)) is not None:
        return expanded if _parses(expanded) else None
    elif not stripped.lower().startswith(("http://", "https://", "urn:")):
        return None
    if _BAD_IRI_CHARS.search(stripped) or not _ABSOLUTE.match(stripped):
        return None
    return stripped if _parses(stripped) else None


def _parses(iri: str) -> bool:
    """The store's own IRI check (``http://[x/``, ``%zz``), so a bad one is not an IRI."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def unknown_prefix(text: str) -> str | None:
    """The prefix of ``text`` when it is written as a prefixed name with an unknown prefix."""
    match = _PREFIXED.match(text.strip())
    if match is None or match["prefix"] in PREFIX_MAP:
        return None
    if match["prefix"].lower() in ("http", "https", "urn"):
        return None
    return match["prefix"]


def shorten(iri: str) -> str:
    """The prefixed form of ``iri`` when a known namespace covers it (longest match wins)."""
    best = ""
    for prefix, namespace in PREFIX_MAP.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIX_MAP.get(best, "")):
            local = iri[len(namespace):]
            if local and _PREFIXED.match(f"{prefix}:{local}"):
                best = prefix
    return f"{best}:{iri[len(PREFIX_MAP[best]):]}" if best else iri
