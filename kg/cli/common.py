"""Helpers shared by the subcommands."""

from __future__ import annotations

import sys


def progress(message: str) -> None:
    """Print one progress line to stderr, so stdout stays machine-readable."""
    print(message, file=sys.stderr, flush=True)
