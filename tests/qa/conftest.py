"""Fixtures of the QA tests: the session build, a service over it, an in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.qa import QAEngine
from kg.service import Service
from kg.settings import Settings


@pytest.fixture(scope="session")
def qa_settings(built_dir: Path) -> Settings:
    return Settings(build_dir=built_dir, endpoint_url=None, data_files=[])


@pytest.fixture(scope="session")
def qa_service(qa_settings: Settings) -> Iterator[Service]:
    service = Service.open(qa_settings)
    yield service
    service.close()


@pytest.fixture(scope="session")
def engine(qa_service: Service) -> QAEngine:
    return qa_service.answers()


@pytest.fixture(scope="module")
def client(qa_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(qa_settings), raise_server_exceptions=False) as test_client:
        yield test_client
