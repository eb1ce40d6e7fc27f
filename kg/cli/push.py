"""``icskg push``: load the built dataset into a remote store (SPARQL 1.1 Graph Store Protocol)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.cli.common import progress
from kg.errors import BadRequestError
from kg.push import GraphStore, PushReport, graphs_in, push, stale_graphs
from kg.settings import Settings
from kg.store.remote import RemoteStore


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "push", help="load the built graph into a remote triple store (replaces, so idempotent)")
    p.add_argument("--store-url", metavar="GSP_URL",
                   help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store "
                   "(default: $ICSKG_GSP_URL)")
    p.add_argument("--user", help="user name for the store (default: $ICSKG_STORE_USER)")
    p.add_argument("--password",
                   help="password for the store (prefer $ICSKG_STORE_PASSWORD: "
                   "arguments show in the process list)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="build directory holding kg.trig (default ./out)")
    p.add_argument("--endpoint", metavar="QUERY_URL",
                   help="the store's SPARQL query URL: when given, report the store's "
                   "triple count after the push (default: $ICSKG_ENDPOINT_URL)")
    p.add_argument("--prune", action="store_true",
                   help="also delete icskg graphs the build no longer has (needs --endpoint)")
    p.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for arg, name in (("store_url", "gsp_url"), ("user", "store_user"),
                      ("password", "store_password"), ("out", "build_dir"),
                      ("endpoint", "endpoint_url")):
        value = getattr(args, arg)
        if value is not None:
            overrides[name] = value
    return Settings(**overrides)  # type: ignore[arg-type]


def _summary(report: PushReport) -> str:
    lines = [f"pushed {report.graphs} graphs, {report.triples} triples to {report.store}"]
    if report.deleted:
        lines.append(f"deleted {len(report.deleted)} stale graphs")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if not settings.gsp_url:
        raise BadRequestError("give the store's Graph Store Protocol URL with --store-url "
                              "(or ICSKG_GSP_URL)")
    if args.prune and not settings.endpoint_url:
        raise BadRequestError("--prune needs the store's query URL (--endpoint)")
    target = GraphStore(settings.gsp_url, settings.store_user, settings.store_password)
    remote = RemoteStore.from_settings(settings) if settings.endpoint_url else None

    def stale(pushed: Iterable[str]) -> list[str]:
        assert remote is not None
        return stale_graphs(graphs_in(remote), pushed)

    report = push(settings.build_dir / "kg.trig", target, progress,
                  stale=stale if args.prune else None)
    print(_summary(report))
    if remote is not None:
        print(f"the store now holds {remote.triple_count()} triples in named graphs "
              f"({remote.distinct_triple_count()} distinct)")
    return 0
