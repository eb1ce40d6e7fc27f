"""A build with a broken fact fails clearly and leaves the previous build serving."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build.pipeline import build
from kg.errors import FactError, ReasonerError
from kg.paths import facts_dir

FILE = "002_cm_ccgs_2022.trig"
# (what is broken, the original text, its broken replacement, words the error must contain)
BREAKAGES = [
    ("unknown property", "ics:dutyObject kind:IntegratedCareStrategy ;\n        ics:context \"when",
     "ics:dutyObjekt kind:IntegratedCareStrategy ;\n        ics:context \"when",
     ["002_cm_ccgs_2022.trig", "d002-icp-strategy", "unknown property", "dutyObjekt"]),
    ("wrong datatype", 'ics:countValue 42 ;', 'ics:countValue "forty-two" ;',
     ["002_cm_ccgs_2022.trig", "d002-count-and-go-live", "countValue", "xsd:integer"]),
    ("unknown kind", "ics:dutyObject kind:ICBConstitution .", "ics:dutyObject kind:ICBConstitutions .",
     ["002_cm_ccgs_2022.trig", "d002-nhse-oversight", "ICBConstitutions"]),
    ("duty without an action", "ics:action ics:agree ;\n        ics:dutyObject kind:ICBConstitution",
     "ics:dutyObject kind:ICBConstitution",
     ["SHACL", "002_cm_ccgs_2022.trig", "duty-nhse-agrees-constitutions", "action"]),
    ("syntax error", "icsg:d002-hwb {", "icsg:d002-hwb {{", ["002_cm_ccgs_2022.trig", "TriG"]),
    ("date instead of dateTime", '"2022-07-01T00:00:00"^^xsd:dateTime ;\n        ics:datePrecision "day" .\n\n    icsd:event-ccgs',
     '"2022-07-01"^^xsd:date ;\n        ics:datePrecision "day" .\n\n    icsd:event-ccgs',
     ["002_cm_ccgs_2022.trig", "eventDate", "xsd:dateTime"]),
]


def broken_facts(tmp_path: Path, original: str, replacement: str) -> Path:
    folder = tmp_path / "facts"
    shutil.copytree(facts_dir(), folder)
    path = folder / FILE
    text = path.read_text(encoding="utf-8")
    assert original in text, "the test's anchor no longer matches the facts"
    path.write_text(text.replace(original, replacement, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("what", "original", "replacement", "words"), BREAKAGES,
                         ids=[b[0] for b in BREAKAGES])
def test_broken_fact_fails_with_file_and_fact_and_keeps_previous_build(
        tmp_path: Path, built_dir: Path, what: str, original: str, replacement: str,
        words: list[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(built_dir, out)  # stands for the previous good build being served
    before = (out / "kg.trig").read_bytes()
    with pytest.raises(FactError) as caught:
        build(out, None, facts_dir=broken_facts(tmp_path, original, replacement),
              progress=lambda _: None)
    for word in words:
        assert word in caught.value.message, (what, caught.value.message)
    assert (out / "kg.trig").read_bytes() == before
    leftovers = list((tmp_path / ".out.builds").glob("*")) if (tmp_path / ".out.builds").exists() else []
    assert leftovers == []


def test_successful_rebuild_swaps_the_link_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(out, None, progress=lambda _: None)
    target = out.resolve()
    second = build(out, None, progress=lambda _: None)
    assert out.is_symlink() and out.resolve() != target
    assert second.release.triples == first.release.triples
    assert len(list((tmp_path / ".out.builds").iterdir())) == 2  # the previous build is kept


def test_cli_reports_a_broken_build_without_a_traceback(tmp_path: Path) -> None:
    facts = broken_facts(tmp_path, *BREAKAGES[1][1:3])
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli.main", "build", "--out", str(out), "--facts", str(facts)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "icskg build: error:" in done.stderr and "countValue" in done.stderr
    assert not out.exists()


def test_a_fact_that_contradicts_the_ontology_is_caught_by_hermit(tmp_path: Path,
                                                                   built_dir: Path) -> None:
    # Organisations and people are disjoint: typing a provider collaborative as a person is inconsistent.
    facts = broken_facts(tmp_path, "icsd:cmast a ics:ProviderCollaborative ;",
                         "icsd:cmast a ics:ProviderCollaborative , prov:Person ;")
    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    before = (out / "kg.trig").read_bytes()
    with pytest.raises(ReasonerError, match="inconsistent"):
        build(out, None, facts_dir=facts, progress=lambda _: None)
    assert (out / "kg.trig").read_bytes() == before


def test_one_body_as_an_icb_a_council_and_a_gp_practice_fails_the_build(tmp_path: Path,
                                                                         built_dir: Path) -> None:
    # ICBs, councils and GP practices are disjoint kinds of body (commissioner, local government,
    # provider): HermiT finds the facts inconsistent and the previous build keeps serving.
    facts = broken_facts(tmp_path, "icsd:cmast a ics:ProviderCollaborative ;",
                         "icsd:cmast a ics:ProviderCollaborative .\n"
                         "    icsd:cheshire-and-merseyside-icb a ics:LocalAuthority , ics:GPPractice .\n"
                         "    icsd:cmast a ics:ProviderCollaborative ;")
    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    before = (out / "kg.trig").read_bytes()
    with pytest.raises(ReasonerError, match="inconsistent"):
        build(out, None, facts_dir=facts, progress=lambda _: None)
    assert (out / "kg.trig").read_bytes() == before
