"""The engine end to end over the session build: answers, refusals, dates, parameters, errors."""

from __future__ import annotations

import pytest

from kg.errors import BadRequestError, ParameterError, PayloadTooLargeError, UnknownQuestionError
from kg.qa import QAEngine
from kg.qa.engine import MIN_SUGGESTION

ICSD = "https://w3id.org/icskg/id/"
KIND = f"{ICSD}kind/"
DONE_WHEN = "which bodies must have regard to ICP strategies?"


def test_done_when_question(engine: QAEngine) -> None:
    answer = engine.ask(DONE_WHEN)
    assert answer.answered
    assert answer.question_id == "who-must-have-regard-to"
    assert {r.iri for r in answer.results} == {f"{KIND}IntegratedCareBoard",
                                              f"{KIND}LocalAuthority"}
    assert "integrated care board" in answer.answer
    assert "local authorit" in answer.answer
    assert answer.sources and all(s.document and s.locator for s in answer.sources)
    assert answer.confidence >= 0.9
    assert answer.suggestions == ()


def test_sparql_shows_the_bound_values(engine: QAEngine) -> None:
    answer = engine.ask("What must local authorities have regard to?")
    assert answer.question_id == "body-must-have-regard-to"
    assert answer.sparql is not None
    assert f"VALUES (?body) {{ (<{KIND}LocalAuthority>) }}" in answer.sparql
    (body,) = answer.parameters
    assert (body.value, body.origin, body.text) == (f"{KIND}LocalAuthority", "question",
                                                    "local authorities")


@pytest.mark.parametrize("question", [
    "What is the capital of France?",
    "how do I bake bread",
    "Tell me a joke",
    "Who won the football world cup in 2018?",
])
def test_out_of_scope_is_not_forced(engine: QAEngine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered
    assert answer.question_id is None
    assert answer.results == () and answer.sparql is None
    assert answer.confidence < engine.limits.threshold
    assert "can't answer" in answer.answer
    # Only catalogue questions near enough to be worth asking instead, never zero-scored ones.
    assert len(answer.suggestions) <= 3
    catalogue_ids = set(engine.catalogue.ids)
    assert all(s.id in catalogue_ids and "{" not in s.question and s.score >= MIN_SUGGESTION
               for s in answer.suggestions)


def test_date_in_question_sets_as_of(engine: QAEngine) -> None:
    answer = engine.ask("How many integrated care systems were there in 2020?")
    assert answer.question_id == "count-as-of"
    as_of = next(p for p in answer.parameters if p.name == "asOf")
    assert (as_of.origin, as_of.text, as_of.value) == ("question", "2020", "2020-12-31T23:59:59")
    assert [r.details["n"] for r in answer.results] == ["18"]


def test_explicit_as_of_overrides_the_question(engine: QAEngine) -> None:
    answer = engine.ask("How many integrated care systems were there in 2020?", "2022-07-01")
    as_of = next(p for p in answer.parameters if p.name == "asOf")
    assert (as_of.origin, as_of.value) == ("request", "2022-07-01T23:59:59")
    assert [r.details["n"] for r in answer.results] == ["42"]


def test_bad_as_of_is_a_parameter_error(engine: QAEngine) -> None:
    with pytest.raises(ParameterError, match="as_of"):
        engine.ask(DONE_WHEN, "next Tuesday")


@pytest.mark.parametrize("question", ["", "   \n "])
def test_empty_question(engine: QAEngine, question: str) -> None:
    with pytest.raises(BadRequestError, match="empty"):
        engine.ask(question)


def test_question_too_long(engine: QAEngine) -> None:
    with pytest.raises(PayloadTooLargeError, match="1000"):
        engine.ask("x" * (engine.limits.max_question_chars + 1))


def test_run_with_parameters(engine: QAEngine) -> None:
    answer = engine.run("body-must-have-regard-to", {"body": "ICB"})
    assert answer.answered and answer.confidence == 1.0
    assert {r.iri for r in answer.results} == {
        f"{KIND}IntegratedCareStrategy", f"{KIND}JointStrategicNeedsAssessment",
        f"{KIND}JointLocalHealthAndWellbeingStrategy"}
    assert answer.sources


def test_run_errors(engine: QAEngine) -> None:
    with pytest.raises(UnknownQuestionError):
        engine.run("no-such-question", {})
    with pytest.raises(ParameterError):
        engine.run("body-must-have-regard-to", {"bogus": "x"})
    with pytest.raises(ParameterError):
        engine.run("body-must-have-regard-to", {"body": "icsd:no-such-body"})


def test_named_body_and_alternatives(engine: QAEngine) -> None:
    answer = engine.ask("Which CCGs came together in Cheshire & Merseyside?")
    assert answer.question_id == "ccgs-in-system"
    (system,) = answer.parameters
    assert system.value == f"{ICSD}cheshire-and-merseyside-ics"
    assert f"{ICSD}cheshire-and-merseyside-icb" in system.alternatives
    assert len(answer.results) == 9


def test_other_reading_of_a_name_when_the_best_has_no_answer(engine: QAEngine) -> None:
    # "Cheshire and Merseyside" is best read as the system, which bears no regard duty; its ICB does.
    answer = engine.ask("What must Cheshire and Merseyside have regard to?")
    assert answer.question_id == "body-must-have-regard-to" and answer.answered
    (body,) = answer.parameters
    assert body.value == f"{ICSD}cheshire-and-merseyside-icb"
    assert f"{ICSD}cheshire-and-merseyside-ics" in body.alternatives
