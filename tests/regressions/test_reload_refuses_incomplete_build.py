"""Regression: a reload swapped in an empty build, or one whose triple count differed from
its build.json. Both are now refused with 409, the old graph keeps serving, and /health
says the service is degraded until a reload succeeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

TOKEN = "t0ken-for-tests"


def _copy_build(built_dir: Path, target: Path) -> Path:
    shutil.copytree(built_dir, target, symlinks=False)
    return target


@pytest.mark.parametrize("damage", ["empty", "miscounted"])
def test_incomplete_build_is_refused(built_dir: Path, tmp_path: Path, damage: str) -> None:
    build = _copy_build(built_dir, tmp_path / "out")
    settings = Settings(build_dir=build, admin_token=TOKEN, sparql_workers=1,
                        sparql_light_workers=0)
    with TestClient(create_app(settings)) as client:
        before = client.get("/health").json()
        if damage == "empty":
            (build / "kg.trig").write_text("", encoding="utf-8")
        else:
            record = json.loads((build / "build.json").read_text(encoding="utf-8"))
            record["triples"] += 5
            (build / "build.json").write_text(json.dumps(record), encoding="utf-8")
        response = client.post("/admin/reload", headers={"authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 409, response.text
        assert "still serving the previous graph" in response.json()["message"]
        health = client.get("/health").json()
        assert health["status"] == "degraded" and health["detail"]
        assert health["triples"] == before["triples"] > 0
        ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ask.json()["boolean"] is True
