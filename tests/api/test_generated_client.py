"""A Python client generated from the live server's /openapi.json (openapi-python-client)
calls /ask, /questions/{id}/answer and /sparql, and reads typed answers back."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from kg.soak import Server

PACKAGE = "icskg_generated_client"


@pytest.fixture(scope="module")
def generated(live_api: Server, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("client")
    spec = folder / "openapi.json"
    spec.write_bytes(httpx.get(live_api.base + "/openapi.json", timeout=30).content)
    config = folder / "config.yaml"
    config.write_text("post_hooks: []\n", encoding="utf-8")
    generator = Path(sys.executable).parent / "openapi-python-client"
    done = subprocess.run([str(generator), "generate", "--path", str(spec), "--meta", "none",
                           "--output-path", str(folder / PACKAGE), "--config", str(config)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def module(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


def test_the_generated_client_asks(generated: ModuleType, live_api: Server) -> None:
    client = generated.Client(base_url=live_api.base, timeout=60)
    ask = module("api.questions.ask")
    models = module("models")
    answer = ask.sync(client=client, body=models.AskRequest(
        question="Which bodies must have regard to ICP strategies?"))
    assert isinstance(answer, models.Answer), answer
    assert answer.answered and answer.question_id == "who-must-have-regard-to"
    assert {r.label for r in answer.results} == {"integrated care board", "local authority"}
    assert all(s.locator and "#char=" in s.locator for s in answer.sources)


def test_the_generated_client_runs_a_catalogue_question(generated: ModuleType,
                                                        live_api: Server) -> None:
    client = generated.Client(base_url=live_api.base, timeout=60)
    run = module("api.questions.answer_question")
    models = module("models")
    arguments = models.AnswerQuestionArguments.from_dict(
        {"system": "icsd:cheshire-and-merseyside-ics"})
    answer = run.sync(models.AnswerQuestionQuestionId("ccgs-in-system"), client=client,
                      arguments=arguments)
    assert isinstance(answer, models.Answer), answer
    assert answer.question_id == "ccgs-in-system" and len(answer.results) == 9
    assert answer.sources
    missing = run.sync(models.AnswerQuestionQuestionId("ccgs-in-system"), client=client,
                       arguments=models.AnswerQuestionArguments.from_dict({"nope": "x"}))
    assert isinstance(missing, models.ErrorBody) and "nope" in missing.message


def test_the_generated_client_queries_sparql(generated: ModuleType, live_api: Server) -> None:
    client = generated.Client(base_url=live_api.base, timeout=60)
    sparql = module("api.sparql.sparql_query")
    models = module("models")
    result = sparql.sync(client=client, query="SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { "
                         "?d a <https://w3id.org/icskg/ontology#SourceDocument> }")
    assert isinstance(result, models.SparqlQueryResponse200), result
    assert result["results"]["bindings"][0]["n"]["value"] == "5"
    refused = sparql.sync(client=client, query="DELETE WHERE { ?s ?p ?o }")
    assert isinstance(refused, models.ErrorBody) and "read-only" in refused.message
