"""The engine on the corpus-written dev sets, graded by the shared grader's rules, in process.

The dev sets were written from the corpus alone by people who never saw the engine or
the catalogue: tests/qa/devset.json (289 questions), devset2.json (200, a second writer),
devset3.json (200, a third: its first run, unseen, scored 124/200 right with 15 of 123
answered wrong), devset4.json (200, a fourth: first run 133/200, 9 of 124 wrong) and
devset5.json (150, a fifth, written as chatbot users type: first run 99/150, 12 of 99
wrong) and devset6.json (200, a sixth: first run 150/200, 9 of 141 wrong). Run with
``-s`` for the figures by category and the reliability table (answered questions by
confidence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.qa import QAEngine
from tests.qa.grading import (
    DEVSET,
    DEVSET2,
    DEVSET3,
    DEVSET4,
    DEVSET5,
    DEVSET6,
    Tally,
    grade,
    load_items,
)

# The bars this branch reaches on the graph it builds (see README "Asking questions"),
# a little below what was measured: devset.json 230/289 right with 4 of 205 answered
# wrong, devset2.json 155/200 with 3 of 139, devset3.json 153/200 with 4 of 138,
# devset4.json 158/200 with 2 of 140, devset5.json 110/150 with 3 of 100, devset6.json
# 152/200 with 7 of 141 (above the 3% goal: its misses are open work). The wrong-answer
# bar is the one that matters more (a wrong answer costs more than a refusal), so it is
# kept tight.
BARS = {DEVSET: (0.77, 0.03), DEVSET2: (0.75, 0.03), DEVSET3: (0.74, 0.04),
        DEVSET4: (0.76, 0.03), DEVSET5: (0.71, 0.045), DEVSET6: (0.74, 0.055)}
# (least right, most wrong/answered)


@pytest.fixture(scope="module", params=sorted(BARS), ids=lambda p: p.name)
def tally(engine: QAEngine, request: pytest.FixtureRequest) -> tuple[Tally, Path]:
    path: Path = request.param
    if not path.is_file():
        pytest.skip(f"no dev set {path.name}")
    found = Tally()
    for item in load_items(path):
        answer = engine.ask(item["q"])
        found.add(item, answer, grade(item, answer))
    print(f"\n{path.name}\n" + found.report())
    return found, path


def test_devset_accuracy(tally: tuple[Tally, Path]) -> None:
    found, path = tally
    right, total, _, _ = found.totals()
    assert right / total >= BARS[path][0], "\n".join(found.misses)


def test_devset_wrong_answers_are_rare(tally: tuple[Tally, Path]) -> None:
    found, path = tally
    _, _, answered, wrong = found.totals()
    assert wrong / max(answered, 1) <= BARS[path][1]


@pytest.mark.parametrize("path", sorted(BARS), ids=lambda p: p.name)
def test_devset_shape(path: Path) -> None:
    items = load_items(path)
    least = {DEVSET: 250, DEVSET5: 150}.get(path, 200)
    refusals = sum(1 for i in items if i.get("expect_unanswered"))
    assert len(items) >= least and 0.05 <= refusals / len(items) <= 0.2
    assert len({i["id"] for i in items}) == len(items)
