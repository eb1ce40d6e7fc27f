"""Tools a language model can call: their JSON Schema definitions and one dispatcher.

``GET /tools``, ``POST /tools/{name}`` and the MCP server all read
:func:`definitions` and call :func:`call`, so a tool behaves the same way
whichever front end a model reaches it through.
"""

from kg.tools.dispatch import ToolOutput, call
from kg.tools.results import (
    CitedStatement,
    FactSearch,
    QuestionInfo,
    SparqlOutput,
    list_questions,
    search_facts,
)
from kg.tools.schemas import BUILTIN, ToolDefinition, definitions

__all__ = [
    "BUILTIN", "CitedStatement", "FactSearch", "QuestionInfo", "SparqlOutput", "ToolDefinition",
    "ToolOutput", "call", "definitions", "list_questions", "search_facts",
]
