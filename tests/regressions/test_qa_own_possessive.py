"""Regression: "Which type of organisation is obliged by law to balance its books?" was
met with "Which body do you mean? The question refers back": its "its" is the
organisation the question asks for, not something said before.

After "which/what <noun>", "its" and "their" belong to the question's own subject; a bare
"it" or "its" in a question naming nothing still refers back.
"""

from __future__ import annotations

import pytest

from kg.qa.compose import refers_back


@pytest.mark.parametrize(("question", "back"), [
    ("Which type of organisation is obliged by law to balance its books?", False),
    ("Which bodies must publish their plans?", False),
    ("Which is its chair?", True),
    ("When did it go live?", True),
    ("What are its aims?", True),
])
def test_own_possessive(question: str, back: bool) -> None:
    assert refers_back(question) is back
