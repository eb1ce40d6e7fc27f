"""Fixtures of the catalogue tests: the packaged catalogue and the session build loaded in pyoxigraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.catalogue import Catalogue, load_catalogue
from kg.store.embedded import EmbeddedStore


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def catalogue_store(built_dir: Path) -> EmbeddedStore:
    """The real build of the knowledge graph (tests/conftest.py's session build)."""
    return EmbeddedStore.from_files([built_dir / "kg.trig"])
