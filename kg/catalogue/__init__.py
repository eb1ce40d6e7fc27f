"""The competency-question catalogue: ``queries/*.rq`` files with a checked header.

``load_catalogue()`` reads them; ``run_question()`` binds parameters safely and
runs one; ``sources_for()`` resolves the cited passages of a result;
``render_answer()`` fills the answer template. Header format: queries/README.md.
"""

from __future__ import annotations

from kg.catalogue.answer import render_answer
from kg.catalogue.loader import load_catalogue
from kg.catalogue.model import Catalogue, CatalogueQuestion, Parameter, ParamType
from kg.catalogue.parse import parse_file, parse_text
from kg.catalogue.run import (
    BoundParameter,
    QuestionRun,
    bind_parameters,
    execute_question,
    run_question,
)
from kg.catalogue.sources import SourceRecord, graphs_of, resolve_sources, sources_for

__all__ = [
    "BoundParameter",
    "Catalogue",
    "CatalogueQuestion",
    "ParamType",
    "Parameter",
    "QuestionRun",
    "SourceRecord",
    "bind_parameters",
    "execute_question",
    "graphs_of",
    "load_catalogue",
    "parse_file",
    "parse_text",
    "render_answer",
    "resolve_sources",
    "run_question",
    "sources_for",
]
