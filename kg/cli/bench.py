"""``icskg bench``: England-scale synthetic graphs, embedded stores and HTTP side by side.

Loopback only; every server it starts is stopped by its pid, also on errors
and Ctrl-C. ``--quick`` is the CI variant: one tiny graph, short bursts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.cli.common import progress


def _size(text: str) -> int:
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    number = text[:-1] if factor > 1 else text
    try:
        value = int(float(number) * factor)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 10k, 100k, 1m)") from exc
    if value < 1_000:
        raise argparse.ArgumentTypeError(f"size {text!r} is below 1k triples")
    return value


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "bench", help="benchmark England-scale graphs against rdflib-endpoint and Oxigraph")
    p.add_argument("--quick", action="store_true",
                   help="CI variant: one ~10k graph, tiny bursts (a few seconds)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON")
    p.add_argument("--sizes", type=_size, nargs="+", metavar="N",
                   help="graph sizes for the store measurements (default 10k 100k 1m)")
    p.add_argument("--http-size", type=_size, metavar="N",
                   help="graph size for the HTTP comparison (default 100k)")
    p.add_argument("--no-http", action="store_true", help="skip the HTTP comparison")
    p.add_argument("--no-linked", action="store_true",
                   help="skip the entity-page timing (corpus graph and largest size)")
    p.add_argument("--linked-only", action="store_true",
                   help="only the entity-page timing: corpus graph and the largest --sizes "
                   "(default 1m), no store or HTTP comparison")
    p.add_argument("--workdir", type=Path, help="keep generated data and server logs here")
    p.add_argument("--ask-only", action="store_true",
                   help="only the in-process /ask latencies (corpus graph and --ask-size)")
    p.add_argument("--ask-size", type=_size, metavar="N",
                   help="synthetic graph size for in-process /ask (default 1m; --quick 10k)")
    p.add_argument("--corpus-graph", type=Path, metavar="TRIG", default=Path("out/kg.trig"),
                   help="the corpus graph for in-process /ask (default out/kg.trig)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from kg.bench.runner import full_config, quick_config
    from kg.bench.runner import run as run_bench

    config = quick_config() if args.quick else full_config()
    if args.sizes:
        config = replace(config, sizes=tuple(sorted(args.sizes)))
    if args.http_size:
        config = replace(config, http_size=args.http_size)
    if args.no_http:
        config = replace(config, http_size=None)
    if args.no_linked:
        config = replace(config, linked_size=None)
    elif args.sizes:
        config = replace(config, linked_size=max(config.sizes))
    if args.linked_only:
        config = replace(config, sizes=(), http_size=None,
                         linked_size=max(args.sizes) if args.sizes else 1_000_000)
    config = replace(config, corpus_trig=args.corpus_graph, ask_only=args.ask_only)
    if args.ask_size:
        config = replace(config, ask_size=args.ask_size)
    if args.ask_only:
        config = replace(config, linked_size=None)
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        config = replace(config, workdir=args.workdir)
    print(run_bench(config, args.json, progress))
    return 0
