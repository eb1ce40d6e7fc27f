"""``icskg mcp``: the MCP server over stdio, for desktop clients and agents.

It opens the same :class:`kg.runtime.Runtime` as ``icskg serve`` (the built
graph, given files or a remote store) and closes it, workers and all, when the
client disconnects. Progress goes to stderr: stdout carries the protocol.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.cli.common import progress
from kg.settings import Settings


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("mcp", help="run the MCP server over stdio (tools and resources)")
    p.add_argument("--out", type=Path, help="build directory to serve (default ./out)")
    p.add_argument("--data", type=Path, nargs="+", metavar="FILE",
                   help="serve these RDF files instead of the built graph")
    p.add_argument("--endpoint", metavar="QUERY_URL",
                   help="serve over a remote SPARQL 1.1 store instead of the embedded one")
    p.add_argument("--query-timeout", type=float, metavar="SECONDS",
                   help="cancel SPARQL queries after this many seconds (default 10)")
    p.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for arg, name in (("out", "build_dir"), ("data", "data_files"),
                      ("endpoint", "endpoint_url"), ("query_timeout", "query_timeout")):
        value = getattr(args, arg)
        if value is not None:
            overrides[name] = value
    return Settings(**overrides)  # type: ignore[arg-type]


async def _serve(settings: Settings) -> None:
    import anyio
    from mcp.server.stdio import stdio_server

    from api.mcp import build_server
    from kg.runtime import Runtime

    runtime = Runtime(settings)
    await anyio.to_thread.run_sync(runtime.start)
    try:
        server = build_server(runtime)
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())
    finally:
        await anyio.to_thread.run_sync(runtime.close)


def run(args: argparse.Namespace) -> int:
    import anyio

    settings = settings_from(args)
    serves_build = not (settings.endpoint_url or settings.data_files)
    if serves_build and not (settings.build_dir / "kg.trig").is_file():
        from kg.build.pipeline import build

        progress(f"no built graph in {settings.build_dir}: building it first")
        build(settings.build_dir, settings.corpus_dir)
    anyio.run(_serve, settings)
    return 0
