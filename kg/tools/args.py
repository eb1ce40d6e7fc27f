"""The arguments of the built-in tools, validated at the edge (unknown ones refused)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from kg.search.index import MAX_K

EXAMPLE_QUESTION = "Which bodies must have regard to ICP strategies?"


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AskArgs(_Args):
    """Ask a question about integrated care systems in plain English; cited answer."""

    question: str = Field(description="The question, in plain English.", min_length=1,
                          examples=[EXAMPLE_QUESTION])
    as_of: str | None = Field(None, description="Answer as of this date (ISO 8601: YYYY, "
                              "YYYY-MM or YYYY-MM-DD).", examples=["2022-07-01"])
    context: dict[str, JsonValue] | None = Field(
        None, description="The `context` of the previous answer, sent back so a follow-up "
        "question (\"and who chairs it?\") is read against it.")


class SearchArgs(_Args):
    """Find the cited statements and passages that best match a query (BM25), for grounding."""

    query: str = Field(description="Words to look for, e.g. 'ICB board members'.",
                       examples=["integrated care board members"])
    k: int = Field(5, ge=1, le=MAX_K, description="How many statements and passages to return.")


class DescribeArgs(_Args):
    """Every cited fact the graph states about one entity."""

    entity: str = Field(description="An IRI, a prefixed name (icsd:nhs-england) or an exact "
                        "label ('NHS England').", examples=["NHS England"])


class SparqlArgs(_Args):
    """Run a read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) over the graph."""

    query: str = Field(description="The query. Updates, SERVICE and LOAD are refused; the "
                       "endpoint's time and row limits apply.",
                       examples=["SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"])


class RunQuestionArgs(_Args):
    """Run one catalogue question (see list_questions) with parameters."""

    id: str = Field(description="The catalogue question id.",
                    examples=["who-must-have-regard-to"])
    params: dict[str, str | int] = Field(
        default_factory=dict, description="Its parameters by name (defaults apply otherwise).")


class NoArgs(_Args):
    """No arguments."""
