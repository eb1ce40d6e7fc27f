"""The shared grader's rules (../shared/tools/qa_grade.py), applied in process to an Answer.

An item passes when: it expects a refusal and the answer is not answered; or it is
answered with a source, an answer text of at most 600 characters, at most
``max_results`` (25) results, every ``expect_all`` group met by one alternative in the
text or the results' labels and values, and no ``expect_none`` in the result labels.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.qa import Answer

MAX_ANSWER_CHARS = 600
MAX_RESULTS = 25
DEVSET = Path(__file__).with_name("devset.json")
DEVSET2 = Path(__file__).with_name("devset2.json")
DEVSET3 = Path(__file__).with_name("devset3.json")
DEVSET4 = Path(__file__).with_name("devset4.json")
DEVSET5 = Path(__file__).with_name("devset5.json")
DEVSET6 = Path(__file__).with_name("devset6.json")


def load_items(path: Path = DEVSET) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["items"]
    return items


def _has(text: str, alt: str) -> bool:
    if alt.replace(",", "").replace(".", "").isdigit():
        return re.search(r"(?<![\d.,])" + re.escape(alt) + r"(?![\d]|[.,]\d)", text) is not None
    if len(alt) <= 3:
        return re.search(r"(?<!\w)" + re.escape(alt) + r"(?!\w)", text) is not None
    return alt in text


def grade(item: Mapping[str, Any], answer: Answer) -> bool:
    if item.get("expect_unanswered"):
        return answer.answered is False
    if not answer.answered or not answer.sources or len(answer.answer) > MAX_ANSWER_CHARS:
        return False
    text = " ".join([answer.answer, *(r.label for r in answer.results),
                     *(r.value or "" for r in answer.results)]).lower()
    groups: Iterable[list[str]] = item.get("expect_all", [])
    if not all(any(_has(text, alt) for alt in group) for group in groups):
        return False
    labels = " ".join(r.label or r.value or "" for r in answer.results).lower()
    if any(_has(labels, bad) for bad in item.get("expect_none", [])):
        return False
    return len(answer.results) <= item.get("max_results", MAX_RESULTS)


@dataclass
class Tally:
    """Right, total, answered and wrong-answered counts, overall and by category, and the
    (confidence, right) pairs of answered items for the reliability table."""

    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(
        lambda: [0, 0, 0, 0]))
    answered: list[tuple[float, bool]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, item: Mapping[str, Any], answer: Answer, right: bool) -> None:
        row = self.by_category[str(item.get("category", "all"))]
        row[0] += right
        row[1] += 1
        if answer.answered:
            row[2] += 1
            row[3] += not right
            self.answered.append((answer.confidence, right))
        if not right:
            self.misses.append(f"{item['id']} {item['q']!r} -> {answer.answer[:100]!r}")

    def totals(self) -> tuple[int, int, int, int]:
        rows = list(self.by_category.values())
        return (sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows),
                sum(r[3] for r in rows))

    def report(self) -> str:
        right, total, answered, wrong = self.totals()
        lines = [f"dev set: {right}/{total} right ({right / total:.1%}); wrong among "
                 f"answered {wrong}/{answered} ({wrong / max(answered, 1):.1%})"]
        lines += [f"  {name:<11} right {r[0]}/{r[1]}  answered {r[2]}  wrong {r[3]}"
                  for name, r in sorted(self.by_category.items())]
        lines.append("  reliability (answered, by confidence): ")
        edges = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
        for low, high in itertools.pairwise(edges):
            picked = [ok for c, ok in self.answered if low <= c < high]
            if picked:
                lines.append(f"    [{low:.2f}, {min(high, 1.0):.2f}) n={len(picked)} "
                             f"right={sum(picked)} ({sum(picked) / len(picked):.0%})")
        return "\n".join(lines)
