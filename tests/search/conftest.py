"""Fixtures of the search tests: indexes over the session build and over a tiny graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.search import SearchIndex
from kg.store.embedded import EmbeddedStore

MINI = Path(__file__).parent / "data" / "mini.trig"


@pytest.fixture(scope="session")
def built_store(built_dir: Path) -> EmbeddedStore:
    return EmbeddedStore.from_files([built_dir / "kg.trig"])


@pytest.fixture(scope="session")
def index(built_store: EmbeddedStore) -> SearchIndex:
    return SearchIndex.from_store(built_store)


@pytest.fixture(scope="session")
def mini() -> SearchIndex:
    return SearchIndex.from_store(EmbeddedStore.from_files([MINI]))
