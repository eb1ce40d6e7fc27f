"""Regression: "By when did the NHS Long-Term Plan want the whole country covered by
integrated care systems?" and "On what date did NHS Improvement and NHS England announce
four new ICSs?" were declined: the graph says "every part of England" and "four more
STPs", and neither "the whole country" nor "new" met them.

All of England (whole country, every area, across England ...) is now one concept,
NATIONWIDE, and "more STPs/ICSs" says new ones (lexicon.toml).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("By when did the NHS Long-Term Plan want the whole country covered by integrated care "
     "systems?", "April 2021"),
    ("On what date did NHS Improvement and NHS England announce four new ICSs?", "24 May 2018"),
    ("How many sustainability and transformation partnerships did NHS England set up across "
     "the country?", "44"),
])
def test_whole_country_and_more(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]
