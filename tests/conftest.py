"""Shared fixtures: a real build of the knowledge graph in a temp dir, and the corpus if present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build.pipeline import BuildReport, build
from tests.stores.virtuoso import VirtuosoServer

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """``../shared`` beside the checkout, or ``ICSKG_SHARED_DIR``."""
    return Path(os.environ.get("ICSKG_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The policy corpus; tests that need it skip cleanly where it is absent."""
    folder = shared_dir() / "corpus"
    if not (folder / "manifest.json").is_file():
        pytest.skip(f"corpus not found at {folder} (set ICSKG_SHARED_DIR)")
    return folder


@pytest.fixture(scope="session")
def build_report(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    """One real build (HermiT included) shared by the whole session."""
    out = tmp_path_factory.mktemp("build") / "out"
    return build(out, None, progress=lambda _: None)


@pytest.fixture(scope="session")
def built_dir(build_report: BuildReport) -> Path:
    """The output folder of the session build: kg.trig, ontology.owl, ontology.ttl, imports/."""
    return build_report.out


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """The session's one Virtuoso (tests/stores/virtuoso.py): started on first use, a few
    seconds; skips where Virtuoso is not installed."""
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
