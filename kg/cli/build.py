"""``icskg build``: ontology plus facts, reasoned by HermiT, validated by SHACL, released."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("build", help="build the ontology and the cited knowledge graph")
    p.add_argument("--out", type=Path, default=Path("out"),
                   help="output directory (default ./out); replaced only on success")
    p.add_argument("--corpus", type=Path,
                   help="folder of the source documents; verifies every locator against it")
    p.add_argument("--facts", type=Path,
                   help="folder of curated fact files to build from (default: the packaged facts)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.build.pipeline import build

    build(args.out, args.corpus, facts_dir=args.facts)
    return 0
