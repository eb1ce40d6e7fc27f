"""Where the packaged data files live, in a checkout and after ``pip install .``."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _data_dir(name: str) -> Path:
    # A wheel carries the top-level folders inside the package (see pyproject's
    # force-include); a checkout or an editable install has them beside it.
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name


def ontology_dir() -> Path:
    """The folder holding the ontology sources (``icskg.ttl``, ``shapes.ttl``, imports)."""
    return _data_dir("ontology")


def queries_dir() -> Path:
    """The folder holding the competency-question catalogue (``*.rq``)."""
    return _data_dir("queries")


def facts_dir() -> Path:
    """The folder holding the curated facts (TriG, one file per source document)."""
    return _PACKAGE / "facts"
