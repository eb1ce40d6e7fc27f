"""Split a ``.rq`` file into its comment header (``# key: value`` lines) and its SPARQL text.

The header is the run of ``#`` lines at the top of the file. Every non-blank
header line must be ``# key: value`` with a known key; the format is described
in ``queries/README.md``. This module only tokenises: checking the values is
:mod:`kg.catalogue.parse`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import CatalogueError

SINGLE_KEYS = frozenset({"id", "title", "question", "answer", "empty", "covers"})
REPEATED_KEYS = frozenset({"alt", "param"})
REQUIRED_KEYS = ("id", "title", "question", "answer")

_LINE = re.compile(r"#\s?(?P<key>[a-z][a-z\-]*):\s*(?P<value>.*?)\s*\Z")


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """One ``# key: value`` line and where it was."""

    key: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class RawQuestion:
    """A file split into header lines and query text, before the values are checked."""

    path: Path
    lines: tuple[HeaderLine, ...]
    sparql: str

    def one(self, key: str) -> HeaderLine | None:
        return next((h for h in self.lines if h.key == key), None)

    def all(self, key: str) -> tuple[HeaderLine, ...]:
        return tuple(h for h in self.lines if h.key == key)

    def fail(self, message: str, line: int | None = None) -> CatalogueError:
        where = f"{self.path.name}:{line}" if line is not None else self.path.name
        return CatalogueError(f"{where}: {message}")


def split(path: Path, text: str) -> RawQuestion:
    """Tokenise the header of ``text`` (read from ``path``) and keep the rest as SPARQL."""
    all_lines = text.splitlines()
    header: list[HeaderLine] = []
    body_start = len(all_lines)
    for number, raw in enumerate(all_lines, start=1):
        stripped = raw.strip()
        if not stripped.startswith("#"):
            body_start = number - 1
            break
        if stripped.strip("# \t") == "":
            continue  # a blank comment line separates groups of keys
        match = _LINE.match(stripped)
        if match is None:
            raise CatalogueError(
                f"{path.name}:{number}: header lines must read '# key: value', got {stripped!r}")
        header.append(HeaderLine(match["key"], match["value"], number))
    raw_question = RawQuestion(path, tuple(header), "\n".join(all_lines[body_start:]).strip())
    _check_keys(raw_question)
    return raw_question


def _check_keys(raw: RawQuestion) -> None:
    seen: set[str] = set()
    for item in raw.lines:
        if item.key not in SINGLE_KEYS | REPEATED_KEYS:
            known = ", ".join(sorted(SINGLE_KEYS | REPEATED_KEYS))
            raise raw.fail(f"unknown header key {item.key!r} (known keys: {known})", item.line)
        if item.key in SINGLE_KEYS and item.key in seen:
            raise raw.fail(f"header key {item.key!r} given more than once", item.line)
        if not item.value:
            raise raw.fail(f"header key {item.key!r} has no value", item.line)
        seen.add(item.key)
    missing = [k for k in REQUIRED_KEYS if k not in seen]
    if missing:
        raise raw.fail(f"header lacks required key(s): {', '.join(missing)}")
    if not raw.sparql:
        raise raw.fail("no SPARQL query after the header")
