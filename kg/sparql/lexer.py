"""A small SPARQL lexer: enough to see a query's shape without parsing it.

Parsing every request with a full SPARQL parser only to look for a few
keywords would cost more than most queries take to run. The tokens below
follow the terminals of the SPARQL 1.1 grammar
(https://www.w3.org/TR/sparql11-query/#terminals) closely enough that a
keyword is only ever seen where the real parser sees one: comments, strings,
IRIs, variables and prefixed names are consumed whole, so ``?service``,
``ex:load``, ``"drop"`` or ``# SERVICE`` never look like keywords. Anything the
lexer does not understand is left for pyoxigraph to reject as a syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from kg.errors import QuerySyntaxError

_PN_CHARS = (
    r"A-Za-z0-9_\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D"
    r"\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
)

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<ws>\s+)",
            r"(?P<comment>#[^\n\r]*)",
            r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
            r"(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''"
            r"|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
            r"|'(?:[^'\\\n\r]|\\.)*'"
            r"|\"(?:[^\"\\\n\r]|\\.)*\")",
            rf"(?P<var>[?$][{_PN_CHARS}]+)",
            rf"(?P<bnode>_:[{_PN_CHARS}.\-]*)",
            rf"(?P<pname>(?:[A-Za-z\u00C0-\uFFFD][{_PN_CHARS}.\-]*)?:"
            rf"(?:[{_PN_CHARS}.\-:]|%[0-9A-Fa-f]{{2}}|\\.)*)",
            r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
            r"(?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<other>.)",
        )
    ),
    re.DOTALL,
)

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    offset: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword, for bare words only (keywords are case-insensitive)."""
        return self.text.upper() if self.kind == "word" else None


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What the safety check and content negotiation need to know about a query."""

    form: str | None  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE" or None when unclear
    from_graphs: tuple[str, ...]
    from_named_graphs: tuple[str, ...]
    service: Token | None  # the first SERVICE keyword, if any
    update: Token | None  # the first SPARQL Update keyword, if any
    unresolved: tuple[str, ...]  # FROM targets whose prefix is undeclared


def tokens(text: str) -> Iterator[Token]:
    """Yield the meaningful tokens of ``text`` (no whitespace, no comments)."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield Token(kind, match.group(), match.start())


def shape(query: str, base_iri: str | None = None) -> QueryShape:
    """Scan ``query`` once and report its form, dataset clauses and forbidden keywords."""
    toks = list(tokens(query))
    base = base_iri or ""
    prefixes: dict[str, str] = {}
    form: str | None = None
    service = update = None
    graphs: dict[bool, list[str]] = {False: [], True: []}
    unresolved: list[str] = []
    for i, tok in enumerate(toks):
        word = tok.keyword
        if word is None:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            base = _join(base, nxt.text[1:-1])
        elif word == "PREFIX" and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            prefixes[nxt.text[:-1] if nxt else ""] = _join(base, toks[i + 2].text[1:-1])
        elif word in QUERY_FORMS and form is None:
            form = word
        elif word == "SERVICE" and service is None:
            service = tok
        elif word in UPDATE_WORDS and update is None:
            update = tok
        elif word == "FROM" and nxt is not None:
            named = nxt.keyword == "NAMED"
            target = toks[i + 2] if named and i + 2 < len(toks) else nxt
            iri = _resolve(target, base, prefixes)
            if iri is None:
                unresolved.append(target.text)
            else:
                graphs[named].append(iri)
    return QueryShape(form, tuple(graphs[False]), tuple(graphs[True]), service, update,
                      tuple(unresolved))


def _join(base: str, reference: str) -> str:
    """Resolve an IRI reference; one urllib cannot parse (``<http://[x/>``) is the query's fault."""
    try:
        return urljoin(base, reference)
    except ValueError as exc:
        raise QuerySyntaxError(f"the IRI <{reference}> is not valid: {exc}") from None


def _resolve(tok: Token, base: str, prefixes: dict[str, str]) -> str | None:
    if tok.kind == "iri":
        return _join(base, tok.text[1:-1])
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, for messages."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
