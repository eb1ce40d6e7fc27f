"""A small SPARQL lexer, for limits and messages only: never for a security decision.

What a query may do is decided on its parse tree (:mod:`kg.sparql.algebra`)
and enforced by workers without network (:mod:`kg.sparql.isolation`). The
lexer only bounds how deeply a query nests before any recursive parser sees
it (20,000 nested braces crashed the engine) and how long it is (rdflib's
grammar takes about a second per thousand tokens of expressions, on the
server's own interpreter), and places offsets for messages. Its tokens follow
the terminals of the SPARQL 1.1 grammar
(https://www.w3.org/TR/sparql11-query/#terminals) closely enough that
brackets inside strings, IRIs and comments are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from kg.errors import QuerySyntaxError

# Deeper than any real query, shallow enough for every parser on a large stack.
MAX_NESTING = 400
# Parsing takes up to about 0.8 ms a token (long FILTER expressions, IN lists) on the CI
# machine: 2,000 keeps the worst parse near a second, at 7x the longest catalogue query.
MAX_TOKENS = 2000
_OPEN = frozenset("({[")
_CLOSE = frozenset(")}]")

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


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    offset: int


def tokens(text: str) -> Iterator[Token]:
    """Yield the meaningful tokens of ``text`` (no whitespace, no comments)."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield Token(kind, match.group(), match.start())


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, for messages."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def check_nesting(text: str, limit: int = MAX_NESTING) -> None:
    """Refuse ``text`` if its brackets nest deeper than ``limit``."""
    if sum(text.count(c) for c in _OPEN) <= limit:
        return  # cannot nest deeper than it has brackets: skip the scan
    depth = 0
    for tok in tokens(text):
        if tok.kind != "other":
            continue
        if tok.text in _OPEN:
            depth += 1
            if depth > limit:
                line, col = line_column(text, tok.offset)
                raise QuerySyntaxError(
                    f"the query nests brackets more than {limit} deep (line {line}, column "
                    f"{col}); flatten it"
                )
        elif tok.text in _CLOSE:
            depth = max(depth - 1, 0)


def check_length(text: str, limit: int = MAX_TOKENS) -> None:
    """Refuse ``text`` if it has more than ``limit`` tokens."""
    if len(text) <= limit:
        return  # every token takes at least one character: skip the scan
    if sum(1 for _ in islice(tokens(text), limit + 1)) > limit:
        raise QuerySyntaxError(
            f"the query is longer than {limit} tokens (names, values, operators and "
            "brackets), the most this endpoint parses; split it into smaller queries"
        )
