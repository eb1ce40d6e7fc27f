"""The general shapes as a new user meets them through /ask: a person, yes/no, two parts,
a follow-up sent with the previous answer's context, and what must be declined."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def ask(client: TestClient, question: str, context: dict[str, Any] | None = None
        ) -> dict[str, Any]:
    body: dict[str, Any] = {"question": question}
    if context is not None:
        body["context"] = context
    response = client.post("/ask", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def cited(body: dict[str, Any]) -> None:
    assert body["answered"] is True
    assert body["sources"] and all(s["locator"] for s in body["sources"])
    assert body["sparql"]
    assert len(body["answer"]) <= 600 and len(body["results"]) <= 25


def test_a_person_the_corpus_names(client: TestClient) -> None:
    body = ask(client, "Who is Alan Yates?")
    cited(body)
    assert "Alan Yates" in body["answer"] and "chair" in body["answer"].lower()


def test_a_person_the_corpus_does_not_name(client: TestClient) -> None:
    body = ask(client, "Who is John Smith?")
    assert body["answered"] is False and "John Smith" in body["answer"]
    assert body["results"] == [] and body["sparql"] is None
    # The people it does know, as questions to ask instead.
    assert body["suggestions"] and all(s["question"].startswith("Who is")
                                       for s in body["suggestions"])


@pytest.mark.parametrize(("question", "verdict", "said"), [
    ("Did NHS England prefer Option 2?", "Yes.", "NHS England"),
    ("Were there 42 ICSs in 2022?", "Yes.", "42"),
    ("Were there 50 ICSs in 2022?", "No.", "42"),
])
def test_yes_no_stated_or_contrary(client: TestClient, question: str, verdict: str,
                                   said: str) -> None:
    body = ask(client, question)
    cited(body)
    assert body["answer"].startswith(verdict) and said in body["answer"]


def test_yes_no_without_the_fact_is_declined(client: TestClient) -> None:
    body = ask(client, "Is Alan Yates a member of the Wirral CCG?")
    assert body["answered"] is False


def test_two_part_question(client: TestClient) -> None:
    body = ask(client, "Who agrees the ICB constitution and who holds ICBs to account?")
    cited(body)
    assert len(body["parts"]) == 2 and all(p["answered"] for p in body["parts"])
    assert all("NHS England" in p["answer"] for p in body["parts"])


def test_follow_up_with_context(client: TestClient) -> None:
    first = ask(client, "When did Cheshire and Merseyside ICS go live?")
    cited(first)
    assert "July 2022" in first["answer"]
    context = first["context"]
    assert context["question"] and any("cheshire-and-merseyside" in e
                                       for e in context["entities"])
    follow = ask(client, "How many CCGs does it bring together?", context)
    cited(follow)
    assert "9" in follow["answer"]


def test_pronoun_without_context_asks_for_the_subject(client: TestClient) -> None:
    body = ask(client, "How many CCGs does it bring together?")
    assert body["answered"] is False and "which" in body["answer"].lower()
    assert body["context"] is not None


def test_context_is_validated(client: TestClient) -> None:
    response = client.post("/ask", json={"question": "Who chairs it?",
                                         "context": {"entities": "not a list"}})
    assert response.status_code == 422


def test_context_entities_the_graph_lacks_are_ignored(client: TestClient) -> None:
    body = ask(client, "How many CCGs does it bring together?",
               {"question": "x", "entities": ["https://example.org/x> } DROP ALL {",
                                              "not an iri at all"]})
    assert body["answered"] is False and "which" in body["answer"].lower()


@pytest.mark.parametrize(("question", "said"), [
    ("What is Dave Sweeney's job?", "executive director"),
    ("Which organisation employs Jenny Dodd?", "Innovation Agency"),
    ("What roles has Mark Easton held?", "STP director"),
    ("Who is the Executive Director at the Cheshire and Merseyside Health and Care Partnership?",
     "Dave Sweeney"),
])
def test_posts_either_way(client: TestClient, question: str, said: str) -> None:
    body = ask(client, question)
    cited(body)
    assert said in body["answer"]


def test_a_part_that_says_what_about(client: TestClient) -> None:
    body = ask(client, "What job does Jenny Dodd have, and what about Dave Sweeney?")
    cited(body)
    assert len(body["parts"]) == 2 and all(p["answered"] for p in body["parts"])
    assert "associate director" in body["answer"] and "executive director" in body["answer"]
