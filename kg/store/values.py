"""Bind variables into a query text safely, as an inline ``VALUES`` block.

A remote store has no API to pre-bind variables, so the bound terms travel in
the query itself, each serialised by :meth:`Term.n3` (escaped, never pasted as
raw text). Where the block goes matters. A *trailing* ``VALUES`` clause is
joined after grouping and aggregation (SPARQL 1.1 §18.2.4.1 comes before
§18.2.4.3), so ``SELECT (COUNT(?x) AS ?n) WHERE { ?x :p ?r } VALUES ?r {...}``
counts every ``?x``. The block is therefore placed first inside the outermost
``WHERE`` group (§10.2.1), where it is joined before aggregation and is in
scope for every ``FILTER`` and ``OPTIONAL`` of that group: the same answers as
the embedded store's pre-bound variables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.errors import ParameterError
from kg.store.base import Bindings
from kg.store.terms import Term

_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_LANGTAG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*\Z")

# One SPARQL token at a time; strings, IRIs and comments are matched whole so
# that braces or keywords inside them are never mistaken for structure.
_STRING = "|".join((
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n\r]|\\.)*"',
    r"'(?:[^'\\\n\r]|\\.)*'",
))
_TOKEN = re.compile(
    rf"""(?P<skip>\s+|\#[^\n]*)
      | (?P<string>{_STRING})
      | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_]+)
      | (?P<word>[A-Za-z_][\w.\-]*(?::[\w.\-:%]*)?|:[\w.\-:%]*)
      | (?P<open>\{{) | (?P<close>\}}) | (?P<lparen>\() | (?P<rparen>\))
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int
    braces: int  # brace depth before this token
    parens: int  # parenthesis depth before this token


def _tokens(query: str) -> Iterator[_Token]:
    braces = parens = 0
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind == "skip":
            continue
        yield _Token(kind, match.group(), match.start(), match.end(), braces, parens)
        braces += {"open": 1, "close": -1}.get(kind, 0)
        parens += {"lparen": 1, "rparen": -1}.get(kind, 0)


def term_n3(term: Term) -> str:
    """A term in SPARQL syntax, checked to be one term and nothing more."""
    if term.lang is not None and not _LANGTAG.match(term.lang):
        raise ParameterError(f"not a valid language tag: {term.lang!r}")
    try:
        if term.datatype is not None:
            Term.iri(term.datatype).n3()
        return term.n3()
    except ValueError as exc:
        raise ParameterError(str(exc)) from exc


def values_block(bindings: Bindings) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for one row of bindings."""
    names = list(bindings)
    for name in names:
        if not _VARNAME.match(name):
            raise ParameterError(f"not a valid SPARQL variable name: {name!r}")
    variables = " ".join(f"?{name}" for name in names)
    terms = " ".join(term_n3(bindings[name]) for name in names)
    return f"VALUES ({variables}) {{ ({terms}) }}"


def _where_group(tokens: list[_Token]) -> int | None:
    """Index of the ``{`` opening the outermost WHERE group, if the query has one."""
    top = [i for i, t in enumerate(tokens) if t.braces == 0 and t.parens == 0]
    for n, i in enumerate(top):
        if tokens[i].kind == "word" and tokens[i].text.upper() == "WHERE":
            if n > 0 and tokens[top[n - 1]].text.upper() == "CONSTRUCT":
                return None  # `CONSTRUCT WHERE { triples }` admits triples only
            return next((j for j in top if j > i and tokens[j].kind == "open"), None)
    forms = [tokens[i].text.upper() for i in top if tokens[i].kind == "word"]
    form = next((f for f in forms if f in ("SELECT", "ASK", "DESCRIBE", "CONSTRUCT")), None)
    if form in ("SELECT", "ASK", "DESCRIBE"):  # WHERE is optional before their group
        return next((j for j in top if tokens[j].kind == "open"), None)
    return None


def _matching_close(tokens: list[_Token], open_index: int) -> int:
    depth = tokens[open_index].braces
    return next(j for j in range(open_index + 1, len(tokens))
                if tokens[j].kind == "close" and tokens[j].braces == depth + 1)


def bind_values(query: str, bindings: Bindings | None) -> str:
    """The query with ``bindings`` joined in at the start of its WHERE group.

    A query with no group to open (``DESCRIBE <iri>``, ``CONSTRUCT WHERE``)
    gets a trailing ``VALUES`` clause instead: valid, and with no aggregation
    for it to come after.
    """
    if not bindings:
        return query
    block = values_block(bindings)
    tokens = list(_tokens(query))
    where = _where_group(tokens)
    if where is None:
        return f"{query}\n{block}"
    cut = tokens[where].end
    following = tokens[where + 1] if where + 1 < len(tokens) else None
    if following is not None and following.kind == "word" and following.text.upper() == "SELECT":
        # `{ SELECT ... }` admits no sibling pattern: nest the sub-select in a group.
        close = tokens[_matching_close(tokens, where)].start
        return f"{query[:cut]} {block} {{{query[cut:close]}}}{query[close:]}"
    return f"{query[:cut]} {block}{query[cut:]}"
