"""Regression: "What does the Cheshire and Merseyside Health and Care Partnership mean by
integrated care partnerships?" was answered at 0.975 with the definition of the partnership
itself: the definition question took the first name. "What does X mean by Y" asks what Y
is, as X has it: X is the source, and the partnership's own definition is no answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kg.qa.citing import reworded


def test_mean_by_cites_the_source() -> None:
    assert reworded("What does the webinar mean by place?") == \
        "What is place, according to the webinar?"
    assert reworded("What is place?") == "What is place?"


def test_the_source_is_not_described(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What does the Cheshire and Merseyside "
                                                 "Health and Care Partnership mean by "
                                                 "integrated care partnerships?"}).json()
    assert not body["answer"].startswith("Cheshire and Merseyside Health and Care "
                                         "Partnership: The partnership"), body["answer"]
