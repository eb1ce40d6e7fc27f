"""Load every ``*.rq`` file of a folder into a :class:`Catalogue`."""

from __future__ import annotations

from pathlib import Path

from kg.catalogue.model import Catalogue, CatalogueQuestion
from kg.catalogue.parse import parse_file
from kg.errors import CatalogueError
from kg.paths import queries_dir


def _order(question: CatalogueQuestion) -> tuple[int, str]:
    # Group questions by the foundation issue's numbering, uncovered ones last.
    return (question.covers[0] if question.covers else 10_000, question.id)


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Parse and check every ``*.rq`` in ``directory`` (default: the packaged ``queries/``)."""
    folder = directory if directory is not None else queries_dir()
    if not folder.is_dir():
        raise CatalogueError(f"no catalogue folder at {folder}")
    questions = [parse_file(path) for path in sorted(folder.glob("*.rq"))]
    if not questions:
        raise CatalogueError(f"no *.rq files in {folder}")
    return Catalogue(tuple(sorted(questions, key=_order)))
