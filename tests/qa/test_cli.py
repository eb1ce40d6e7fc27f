"""``icskg ask`` in process: readable by default, the full payload with --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.main import main

KIND = "https://w3id.org/icskg/id/kind/"


def test_ask_readable(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "which bodies must have regard to ICP strategies?",
                 "--out", str(built_dir)])
    out = capsys.readouterr().out
    assert code == 0
    assert "integrated care board" in out and "local authorit" in out
    assert "Sources:" in out and "#char=" in out


def test_ask_json(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "How many ICSs were there?", "--as-of", "2020-12-31", "--json",
                 "--out", str(built_dir)]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["question_id"] == "count-as-of"
    assert [r["details"]["n"] for r in body["results"]] == ["18"]


def test_ask_out_of_scope(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What is the capital of France?", "--out", str(built_dir)]) == 0
    out = capsys.readouterr().out
    assert "can't answer" in out  # no catalogue question is near enough to suggest


def test_ask_error_is_one_line(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "   ", "--out", str(built_dir)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "icskg ask: error: the question is empty"


def test_ask_follow_up_with_context(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "When did Cheshire and Merseyside ICS go live?", "--json",
                 "--out", str(built_dir)]) == 0
    context = json.loads(capsys.readouterr().out)["context"]
    assert main(["ask", "How many CCGs does it bring together?", "--json", "--context",
                 json.dumps(context), "--out", str(built_dir)]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["answered"] and "9" in body["answer"] and body["sources"]


def test_ask_malformed_context_is_one_line(built_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Who chairs it?", "--context", "{not json", "--out",
                 str(built_dir)]) == 1
    assert "--context must be JSON" in capsys.readouterr().err
