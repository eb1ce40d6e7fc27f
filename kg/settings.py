"""Settings as data: every knob of icskg, with its meaning and default.

Read from ``ICSKG_*`` environment variables (and a ``.env`` file if present),
or built directly in code and tests. Nothing here is module-level state: call
:func:`Settings` where the settings are needed and pass them down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything that configures a build, a server or a CLI run."""

    model_config = SettingsConfigDict(env_prefix="ICSKG_", env_file=".env", extra="ignore")

    # --- data -------------------------------------------------------------
    build_dir: Path = Field(
        Path("out"),
        description="Directory holding the built dataset (kg.trig, ontology.owl, ontology.ttl).",
    )
    corpus_dir: Path | None = Field(
        None,
        description="Folder of the source policy documents; when set, builds verify every locator.",
    )
    data_files: list[Path] = Field(
        default_factory=list,
        description="RDF files to serve instead of the built graph (Turtle, N-Triples, TriG, "
        "N-Quads, RDF/XML); each file becomes a named graph too.",
    )
    data_graphs: dict[str, Path] = Field(
        default_factory=dict,
        description="More RDF files to serve, each loaded into the named graph whose IRI is "
        "its key (triple formats only); `icskg serve --graph IRI FILE`.",
    )

    # --- store ------------------------------------------------------------
    endpoint_url: str | None = Field(
        None,
        description="Query URL of a remote SPARQL 1.1 store; when set, it replaces the embedded "
        "store.",
    )
    gsp_url: str | None = Field(
        None, description="Graph Store Protocol URL of the remote store, used by `icskg push`."
    )
    store_user: str | None = Field(
        None, description="User name for the remote store, if it needs one."
    )
    store_password: str | None = Field(
        None, description="Password for the remote store; never logged.", repr=False
    )
    store_union_param: str = Field(
        "union-default-graph",
        description="Query parameter asking the remote store for the union of the named graphs "
        "as default graph (Oxigraph server); empty for stores configured for it instead "
        "(Fuseki tdb2:unionDefaultGraph, GraphDB, Virtuoso, Neptune).",
    )

    store_auth: Literal["basic", "digest"] = Field(
        "basic",
        description="HTTP authentication for queries to the remote store when a user is set "
        "(`icskg push` answers whichever challenge the Graph Store endpoint sends).",
    )
    store_dataset: Literal["store", "icskg", "virtuoso"] = Field(
        "store",
        description="`store`: queries see the store's own dataset; `icskg`: every query names "
        "icskg's graphs as its dataset (protocol parameters); `virtuoso`: Virtuoso's "
        "`input:*-graph-exclude` pragmas leave its system graphs (and any other non-icskg "
        "graph) out.",
    )
    store_max_rows: int | None = Field(
        None, gt=0,
        description="The remote store's own row cap, for stores that cut results silently; a "
        "result that reaches it is refused (413). Virtuoso says so itself (X-SPARQL-MaxRows).",
    )
    store_check_seconds: float = Field(
        5.0, gt=0,
        description="How often a process over a remote store checks for a new push (the "
        "build id) and then refreshes its entity index and answer cache.",
    )

    # --- limits -----------------------------------------------------------
    query_timeout: float = Field(
        10.0, gt=0, description="Seconds a SPARQL query may run before it is cancelled."
    )
    max_result_rows: int = Field(
        10_000, gt=0, description="Most rows (or triples) one query may return."
    )
    max_request_bytes: int = Field(
        1_000_000, gt=0, description="Largest request body (or query string) accepted, in bytes."
    )
    max_question_chars: int = Field(
        1_000, gt=0, description="Longest question /ask accepts, in characters."
    )
    max_batch_questions: int = Field(
        20, ge=1, le=1000, description="Most questions one POST /ask/batch may send."
    )
    qa_passage_fallback: bool = Field(
        True,
        description="When no catalogue question or graph reading fits, answer with the best "
        "matching passage's summary and facts, cited, at a confidence just over "
        "qa_min_confidence, when it clearly outscores the next passage (about three in four "
        "such answers were right on the dev set). "
        "False: decline instead.",
    )
    qa_min_confidence: float = Field(
        0.5, ge=0, le=1,
        description="Confidence below which /ask declines a question and suggests catalogue "
        "questions instead of answering.",
    )
    qa_cache_size: int = Field(
        1024, ge=0,
        description="Answers /ask keeps for repeated questions (same words, as-of date and "
        "day), least recently used dropped first; emptied when the graph is reloaded; 0 "
        "turns the cache off.",
    )
    sparql_workers: int = Field(
        2, ge=1, le=32,
        description="General-lane worker processes that run /sparql queries on the embedded "
        "store (each holds a copy of the graph; one is killed and replaced when a query "
        "times out).",
    )
    sparql_light_workers: int = Field(
        1, ge=0, le=8,
        description="More workers reserved for queries the parser judges cheap, so they are "
        "answered while heavy queries occupy the general lane.",
    )
    sparql_light_budget: float = Field(
        1.0, gt=0,
        description="Seconds a query may run on a light-lane worker; one that runs longer was "
        "misjudged, and finishes on the general lane within its time limit.",
    )
    sparql_worker_memory_mb: int = Field(
        2048, ge=0,
        description="Address-space limit of each query worker (RLIMIT_AS), in MiB; a query "
        "that needs more gets 503 and its worker is replaced; 0: no limit.",
    )
    sparql_result_cache_mb: int = Field(
        32, ge=0,
        description="MiB of /sparql answers kept for repeated identical requests (the served "
        "graph never changes between reloads; a reload starts an empty cache); 0: off.",
    )
    sparql_isolation: Literal["auto", "namespace", "seccomp", "none"] = Field(
        "auto",
        description="How query workers are cut off from the network: their own network "
        "namespace, a seccomp filter denying internet sockets, or auto (the first that "
        "works; the endpoint refuses to start if neither does); none runs them with "
        "network access and must be chosen explicitly.",
    )
    data_union_default_graph: bool = Field(
        False,
        description="Serve data files with the merge of all their graphs as default graph; "
        "off, a served dataset keeps its own default graph (the built graph always uses "
        "the merge).",
    )

    # --- server -----------------------------------------------------------
    host: str = Field("127.0.0.1", description="Interface `icskg serve` binds to.")
    header_timeout: float = Field(
        10.0, gt=0,
        description="Seconds a new connection may take to send a complete request head before "
        "`icskg serve` closes it (half-open sockets cannot pile up).",
    )
    max_connections: int = Field(
        512, ge=1,
        description="Most connections and requests `icskg serve` handles at once; beyond it, "
        "503.",
    )
    log_rate_per_second: int = Field(
        10, ge=1,
        description="Most log lines of one kind written per second; the rest are counted and "
        "dropped.",
    )
    port: int = Field(8000, ge=0, le=65535, description="Port `icskg serve` listens on.")
    admin_token: str | None = Field(
        None,
        description="Bearer token for the admin reload route; the route is off when unset.",
        repr=False,  # like the password: never in a log line or a traceback
    )
    cors_origins: list[str] = Field(
        default_factory=lambda: ["*"],
        description="Origins allowed to call the read-only routes from a browser.",
    )

    # --- linked data --------------------------------------------------------
    linked_base: str = Field(
        "https://w3id.org/icskg/",
        description="Public base of the dataset's IRIs; an IRI under it dereferences at the "
        "same path under `linked_path_prefix` on this server (so a w3id redirect can point here).",
    )
    linked_path_prefix: str = Field(
        "/",
        description="Path on this server that `linked_base` maps to (`/` serves "
        "`https://w3id.org/icskg/id/x` at `/id/x`).",
    )
