"""What the query page (YASGUI) is preloaded with: the endpoint, every prefix the data
uses (``kind:`` included), the catalogue and where our IRIs dereference.

The catalogue is the competency-question catalogue, read through :mod:`kg.catalogue`
when it is installed, else straight from ``queries/*.rq``; the page lists it beside the
editor and opens a question in a tab when it is chosen.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import IcskgError
from kg.linked.terms import ALL_PREFIXES
from kg.paths import queries_dir

_STARTER = """SELECT ?graph (COUNT(*) AS ?triples)
WHERE { GRAPH ?graph { ?s ?p ?o } }
GROUP BY ?graph
ORDER BY DESC(?triples)
LIMIT 25"""


@dataclass(frozen=True, slots=True)
class Example:
    """One catalogue entry: its name, the query it opens with, and its id and phrasings."""

    name: str
    query: str
    id: str = ""
    keywords: str = ""  # other phrasings of the question, for the page's search box


@dataclass(frozen=True, slots=True)
class PageConfig:
    endpoint: str
    prefixes: dict[str, str]
    default_query: str
    examples: tuple[Example, ...]
    linked_base: str = "https://w3id.org/icskg/"  # IRIs under it open their page...
    linked_path: str = "/"  # ...at this path on the server

    def to_json(self) -> str:
        """JSON safe to embed in an HTML ``<script type="application/json">`` element."""
        text = json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def prologue(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())


def page_config(endpoint: str, directory: Path | None = None, *,
                linked_base: str = "https://w3id.org/icskg/", linked_path: str = "/",
                ) -> PageConfig:
    """The page's configuration for an endpoint at ``endpoint`` (a URL or a path)."""
    prefixes = dict(ALL_PREFIXES)
    return PageConfig(
        endpoint=endpoint,
        prefixes=prefixes,
        default_query=prologue(prefixes) + "\n" + _STARTER,
        examples=catalogue_examples(directory),
        linked_base=linked_base,
        linked_path=linked_path,
    )


def catalogue_examples(directory: Path | None = None) -> tuple[Example, ...]:
    """One example per catalogue question, its parameters listed in comments."""
    try:
        from kg.catalogue import load_catalogue
    except ImportError:
        return _rq_examples(directory or queries_dir())
    try:
        questions = load_catalogue(directory).questions
    except IcskgError as exc:
        # The page still works without examples; the catalogue's own checks report why.
        logging.getLogger(__name__).warning("query page without examples: %s", exc.message)
        return ()
    out = []
    for question in questions:
        notes = [f"# {question.id}: {question.title}"]
        for p in question.parameters:
            default = f" (default {p.default})" if p.default is not None else ""
            notes.append(f"# parameter ?{p.name}: {p.description}{default}")
        keywords = " ".join((question.canonical, *question.alternatives))
        out.append(Example(question.title, "\n".join(notes) + "\n" + question.sparql.strip(),
                           question.id, keywords))
    return tuple(out)


def _rq_examples(directory: Path) -> tuple[Example, ...]:
    # Until kg.catalogue lands: a title is the '# title:' header line, else the file name.
    out = []
    for path in sorted(directory.glob("*.rq")) if directory.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        title = next((line.split(":", 1)[1].strip() for line in text.splitlines()
                      if line.startswith("# title:")), path.stem)
        out.append(Example(title, text.strip(), path.stem))
    return tuple(out)
