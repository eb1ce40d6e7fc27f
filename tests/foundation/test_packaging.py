"""A plain, non-editable install carries the ontology, the queries and the facts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
         str(REPO)], capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0 and "hatchling" in done.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert done.returncode == 0, done.stderr[-2000:]
    return next(out.glob("icskg-*.whl"))


def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/_data/ontology/icskg.ttl", "kg/_data/ontology/shapes.ttl",
                   "kg/_data/ontology/catalog-v001.xml", "kg/_data/ontology/imports/org.ttl",
                   "kg/facts/provenance.trig", "api/app.py"):
        assert needed in names, needed
    assert any(n.startswith("kg/_data/queries/") and n.endswith(".rq") for n in names)
    assert "icskg" in zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()


def test_installed_package_finds_its_data_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    code = ("import kg.paths as p; print(p.ontology_dir()); print(p.queries_dir()); "
            "print((p.ontology_dir() / 'icskg.ttl').is_file(), any(p.queries_dir().glob('*.rq')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(target)}, timeout=60)
    lines = done.stdout.split("\n")
    assert lines[0].startswith(str(target)), done.stdout + done.stderr
    assert lines[2] == "True True"
