"""Regression: `icskg ask --json` printed ``dataclasses.asdict`` (nulls in every result item)
while the API dropped them, so the two front ends gave different JSON for one answer. Now both
(and MCP) print the one shape of kg/payload.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kg.cli.main import main

QUESTION = "Which bodies must have regard to ICP strategies?"


def test_cli_json_is_the_api_json(built_dir: Path, client: TestClient,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", QUESTION, "--json", "--out", str(built_dir)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == client.post("/ask", json={"question": QUESTION}).json()
    assert all("value" not in r for r in printed["results"])
