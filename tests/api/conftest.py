"""Fixtures of the API tests: an app in process over the session build, and a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings
from kg.soak import Server
from tests.mcp.conftest import start_serve


@pytest.fixture(scope="session")
def api_settings(built_dir: Path) -> Settings:
    return Settings(build_dir=built_dir, endpoint_url=None, data_files=[], max_batch_questions=3,
                    max_result_rows=50)


@pytest.fixture(scope="module")
def api(api_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="session")
def live_api(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_serve(built_dir, tmp_path_factory.mktemp("serve-api") / "serve.log")
    try:
        yield server
    finally:
        server.stop()
