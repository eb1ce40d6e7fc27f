"""``icskg serve``: serve the built graph (built first if absent), given files, or a store."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from kg.cli.common import progress
from kg.reload import on_sighup
from kg.settings import Settings


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("serve", help="run the HTTP service (/ask, /sparql, /questions, "
                              "/tools, /search; MCP at /mcp)")
    p.add_argument("--host", help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port to listen on (default 8000)")
    p.add_argument("--out", type=Path, help="build directory to serve (default ./out)")
    p.add_argument("--data", type=Path, nargs="+", metavar="FILE",
                   help="serve these RDF files instead of the built graph")
    p.add_argument("--graph", nargs=2, action="append", metavar=("IRI", "FILE"),
                   help="serve FILE (Turtle, N-Triples, RDF/XML) as the named graph IRI "
                   "instead of the built graph; repeatable, combines with --data")
    p.add_argument("--union-default-graph", action="store_true", default=None,
                   help="with --data/--graph: make the default graph the merge of all graphs "
                   "(otherwise each file's own default graph)")
    p.add_argument("--endpoint", metavar="QUERY_URL",
                   help="serve over a remote SPARQL 1.1 store instead of the embedded one")
    p.add_argument("--query-timeout", type=float, metavar="SECONDS",
                   help="cancel SPARQL queries after this many seconds (default 10)")
    p.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for arg, field in (("host", "host"), ("port", "port"), ("out", "build_dir"),
                       ("data", "data_files"), ("endpoint", "endpoint_url"),
                       ("query_timeout", "query_timeout"),
                       ("union_default_graph", "data_union_default_graph")):
        value = getattr(args, arg)
        if value is not None:
            overrides[field] = value
    if args.graph:
        overrides["data_graphs"] = {iri: Path(path) for iri, path in args.graph}
    return Settings(**overrides)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    settings = settings_from(args)
    serves_build = not (settings.endpoint_url or settings.data_files or settings.data_graphs)
    if serves_build and not (settings.build_dir / "kg.trig").is_file():
        from kg.build.pipeline import build

        progress(f"no built graph in {settings.build_dir}: building it first")
        build(settings.build_dir, settings.corpus_dir)
    progress(f"icskg serving on http://{settings.host}:{settings.port}/")
    app = create_app(settings)
    # `kill -HUP <pid>` after `icskg build` swaps the new graph in (kg/reload.py).
    on_sighup(app.state.runtime.reload_logged)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    from api.server import protocol_class
    from kg.lograte import install

    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level="info",
                            http=protocol_class(settings.header_timeout),
                            limit_concurrency=settings.max_connections)
    server = uvicorn.Server(config)
    config.load()  # sets uvicorn's log handlers up, so the rate limit can attach to them
    install(settings.log_rate_per_second)
    server.run()
    return 0
