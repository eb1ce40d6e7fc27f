"""SPARQL 1.1 Query §19.2: codepoint escapes are replaced before the query is parsed.

https://www.w3.org/TR/sparql11-query/#codepointEscape: ``\\uXXXX`` and
``\\UXXXXXXXX`` may appear anywhere in a query, keywords included, and stand
for the character they name. They are replaced once, here, and every later
step (the checks, the parser, the engine) sees the same text. An escape that
spells another escape (``\\u005Cu0041``) is refused: a second pass by any
later parser would read a different query from the one that was checked.
"""

from __future__ import annotations

import re

from kg.errors import QuerySyntaxError

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")


def _char(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise QuerySyntaxError(
            f"the codepoint escape {match.group()} does not name a character "
            "(SPARQL 1.1 Query, section 19.2)"
        )
    return chr(code)


def expand(query: str) -> str:
    """``query`` with every codepoint escape replaced by its character."""
    if "\\" not in query:
        return query
    expanded = _ESCAPE.sub(_char, query)
    again = _ESCAPE.search(expanded)
    if again is not None:  # all escapes were replaced, so this one was produced
        raise QuerySyntaxError(
            f"a codepoint escape produces another escape ({again.group()}); write the "
            "character itself or a single escape"
        )
    return expanded
