"""Regression: "What came before integrated care systems?" was answered (0.55) with a
passage about new system metrics: the catalogue asked only what came after a body.

What a body replaced or grew out of is now asked the other way round too
(queries/predecessors.rq).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("question", "said"), [
    ("What came before integrated care systems?", "sustainability and transformation"),
    ("What did ICBs replace?", "clinical commissioning group"),
    ("What replaced CCGs?", "integrated care board"),
])
def test_before_and_after(client: TestClient, question: str, said: str) -> None:
    body = client.post("/ask", json={"question": question}).json()
    assert body["answered"] is True and body["sources"]
    assert said in body["answer"]
