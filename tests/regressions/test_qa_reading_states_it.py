"""Regression: "How many STPs were created, and in what year?" was answered at 0.8 with
"sustainability and transformation partnership formed from: local authority and NHS
organisation": a "when" reading with no date and a count reading with no figure. Such
readings are no answer; the passage that states both now answers. Likewise "When will DHACA
hold its next webinar?" asks about a time after every source: no passage can answer it."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_count_and_when_readings_state_them(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "How many STPs were created, and in what "
                                                 "year?"}).json()
    assert "formed from" not in body["answer"], body["answer"]
    assert not body["answered"] or ("44" in body["answer"] and "2016" in body["answer"])


def test_the_next_event_is_beyond_the_sources(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "When will DHACA hold its next webinar on "
                                                 "integrated care systems?"}).json()
    assert body["answered"] is False, body["answer"]
