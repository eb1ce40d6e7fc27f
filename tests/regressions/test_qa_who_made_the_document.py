"""Regression: "Who wrote the CCAL summary of Integrating Care - Next Steps?" and "Who
publishes the 'Journey to becoming an ICS' web page?" were declined, though the reading
was the document's own description (its creator, its publisher), which explained the
whole question: a fact reading of so few words stays below the threshold.

A reading of who made a source document, from its description, now answers; and "CCAL's
summary of the Integrating Care next steps document" is one document, its title words
after "of the" (and the noun after them) describing it, not naming a second thing.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("Who wrote the CCAL summary of Integrating Care - Next Steps?", "Curtis Batterbee"),
    ("Who publishes the 'Journey to becoming an ICS' web page?", "Cheshire and Merseyside"),
    ("Who wrote CCAL's summary of the Integrating Care next steps document?",
     "Curtis Batterbee"),
])
def test_who_made_the_document(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]
