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


@pytest.mark.parametrize(("question", "bridge", "answer"), [
    ("Who chairs the ICS that serves 1.8 million people?", "1.8 million", "Clayton-Smith"),
    ("How many GP practices are in the ICS covering 1.8 million people?", "1.8 million",
     "175"),
    ("Who chairs the partnership whose mission is to improve the lives of 'our poorest, "
     "fastest'?", "poorest", "Alan Yates"),
])
def test_a_thing_described_by_a_clause(client: TestClient, question: str, bridge: str,
                                       answer: str) -> None:
    body = ask(client, question)
    cited(body)
    # The statement that names the described thing comes first, then the answer about it.
    assert bridge in body["answer"] and answer in body["answer"]
    assert body["answer"].index(bridge) < body["answer"].index(answer)
    assert bridge in body["interpretation"]  # the question asked again, and why


@pytest.mark.parametrize("question", [
    "Who chairs the ICS that serves 7.4 million people?",  # no ICS of that size
    "Who chairs the ICS that has a budget of 3 billion pounds?",
])
def test_a_clause_nothing_fits_is_declined(client: TestClient, question: str) -> None:
    assert ask(client, question)["answered"] is False


@pytest.mark.parametrize(("question", "verdict", "said"), [
    ("Is the Cheshire and Merseyside Health and Care Partnership the largest STP?", "No.",
     "second"),
    ("Was Gloucestershire one of the STPs picked to become an ICS in 2018/19?", "Yes.",
     "Gloucestershire"),
    ("According to the webinar appendix, is place sovereign in the Cheshire and Merseyside "
     "ICS?", "Yes.", "sovereign"),
    ("Does the Cheshire and Merseyside journey page say the partnership had already become "
     "an ICS?", "No.", "becoming"),
])
def test_yes_no_ranks_lists_sources_and_not_yet(client: TestClient, question: str,
                                                verdict: str, said: str) -> None:
    body = ask(client, question)
    cited(body)
    assert body["answer"].startswith(verdict) and said in body["answer"]


@pytest.mark.parametrize(("question", "expected"), [
    ("When was the Northern Care Alliance NHS Group formed, relative to the 2018 article?",
     "2017"),
    ("When did NHS England and NHS Improvement publish 'Integrating care: Next steps'?",
     "November 2020"),
])
def test_when_a_year_names_the_source_or_a_title_is_quoted(client: TestClient, question: str,
                                                           expected: str) -> None:
    body = ask(client, question)
    cited(body)
    assert expected in body["answer"]


@pytest.mark.parametrize("question", [
    "When was Alan Yates appointed chairman of the Cheshire and Merseyside Health and Care "
    "Partnership?",  # the passage about him gives no date
    "What is the total population served by the Cheshire and Merseyside ICS?",  # a rank is no figure
])
def test_a_passage_without_the_date_or_figure_asked_is_declined(client: TestClient,
                                                               question: str) -> None:
    assert ask(client, question)["answered"] is False


@pytest.mark.parametrize(("question", "verdict"), [
    ("Were ICSs statutory bodies at the time of the DHACA webinar?", "no"),
    ("Were CCGs still around at the time of the November 2020 webinar?", "yes"),
    ("Did CCGs still exist in 2021?", "yes"),
])
def test_dates_by_reference_and_existence(client: TestClient, question: str,
                                          verdict: str) -> None:
    body = ask(client, question)
    cited(body)
    assert body["answer"].lower().startswith(verdict)


def test_a_name_with_its_acronym_is_one_thing(client: TestClient) -> None:
    body = ask(client, "What is a sustainability and transformation partnership (STP)?")
    cited(body)
    assert body["answer"].startswith("sustainability and transformation partnership:")


def test_what_one_document_says_a_thing_is(client: TestClient) -> None:
    body = ask(client, "How does the 2018 'progress so far' article define an integrated care "
                       "system?")
    cited(body)
    # The article's own account, cited to the article, not the ontology's definition.
    assert "defined population" in body["answer"]
    assert {s["title"] for s in body["sources"]} == {"Integrated care systems: progress so far"}


def test_everyday_words_linked_weakly_do_not_block_a_passage(client: TestClient) -> None:
    # "required" links weakly to the class Requirement, which no passage holds as such:
    # the question names nothing, and the passage that explains it answers.
    body = ask(client, "Which organisations are legally required to break even?")
    cited(body)
    assert "local authorit" in body["answer"].lower()


def test_a_passage_need_not_hold_what_an_everyday_word_names(client: TestClient) -> None:
    # "locally" and "ICBs": only the acronym is a proper name the passage must hold.
    body = ask(client, "What might ICBs set up locally to plan care where appropriate?")
    cited(body)
    assert "committee" in body["answer"].lower()


@pytest.mark.parametrize(("question", "expected"), [
    ("Which ICS serves 1.8 million people?", "Bucks, Oxfordshire and Berks ICS"),
])
def test_which_kind_a_figure_describes(client: TestClient, question: str,
                                       expected: str) -> None:
    # "Which ICS serves 1.8 million people?": the one ICS whose statement gives that figure.
    body = ask(client, question)
    cited(body)
    assert body["answer"].startswith(expected) and "1.8 million" in body["answer"]
    assert body["results"][0]["iri"].endswith("/bob-ics")


def test_which_kind_no_statement_fits(client: TestClient) -> None:
    # No statement gives 9.9 million: no ICS is described, so none is named.
    body = ask(client, "Which ICS serves 9.9 million people?")
    assert "Bucks, Oxfordshire and Berks ICS" not in body["answer"]


@pytest.mark.parametrize(("question", "figure"), [
    ("How many primary care networks are in the ICS chaired by David Clayton-Smith?", "45"),
    ("How many GP practices are in the ICS David Clayton-Smith chairs?", "175"),
])
def test_two_facts_through_who_chairs_it(client: TestClient, question: str,
                                         figure: str) -> None:
    # The clause ("chaired by X", "X chairs") names the ICS through the chair's statement.
    body = ask(client, question)
    cited(body)
    assert "David Clayton-Smith chairs: Bucks, Oxfordshire and Berks ICS" in body["answer"]
    assert figure in body["answer"]


def test_a_clause_about_someone_unknown_names_nothing(client: TestClient) -> None:
    body = ask(client, "How many GP practices are in the ICS chaired by John Smith?")
    assert body["answered"] is False and "175" not in body["answer"]


def test_the_clause_names_the_thing_asked_about(client: TestClient) -> None:
    # Asked again about the partnership Alan Yates chairs, not joined through his views.
    body = ask(client, "What is the mission of the partnership chaired by Alan Yates?")
    cited(body)
    assert body["answer"].startswith("Alan Yates chairs: Cheshire and Merseyside Health and "
                                     "Care Partnership.")
    assert "poorest" in body["answer"]


def test_its_is_the_thing_not_the_person(client: TestClient) -> None:
    # "its" after a first part answered with a person refers to the partnership.
    body = ask(client, "Who chairs the C&M partnership and who is its Executive Director?")
    assert body["answered"] is True, body["answer"]
    assert "Alan Yates" in body["answer"] and "Dave Sweeney" in body["answer"]
