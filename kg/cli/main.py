"""``icskg``: build, serve, ask, push and bench from the command line.

Each subcommand lives in its own module with a ``register(subparsers)``
function; errors from the domain are printed as one clear line, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kg.errors import IcskgError

COMMANDS = ("build", "serve", "ask", "mcp", "push", "bench")


def parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand registered."""
    root = argparse.ArgumentParser(
        prog="icskg",
        description="A cited knowledge graph about NHS England's integrated care systems.",
    )
    subparsers = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"kg.cli.{name}").register(subparsers)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except IcskgError as exc:
        print(f"icskg {args.command}: error: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
