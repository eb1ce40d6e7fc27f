"""What a question is about: its linked entities, or the context's when it says "it".

Each mention becomes a group of IRIs that stand for it: the best candidate,
the kind behind a class ("ICBs" the class is ``kind:IntegratedCareBoard`` in
the facts), and any other candidate that matches the words as well (a name
two things share). Everyday words that only name a class weakly ("aims",
"chair") are left to be read as words, unless nothing else is named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.qa.analysis import Analysis
from kg.qa.answer import Context
from kg.qa.linking import Mention
from kg.qa.reader import Focus

TIE = 0.02


def _group(mention: Mention) -> frozenset[str]:
    best = mention.best
    found = {best.entity.iri, best.entity.stands_for}
    for other in mention.candidates[1:]:
        if other.score >= best.score - TIE and other.name_weak == best.name_weak:
            found |= {other.entity.iri, other.entity.stands_for}
    return frozenset(found)


def focus_of(analysis: Analysis) -> Focus:
    """The entities ``analysis`` names (strong names first; weak ones if nothing else)."""
    strong = [m for m in analysis.mentions if not m.weak]
    chosen: Sequence[Mention] = strong or [m for m in analysis.mentions
                                           if m.best.entity.role != "action"]
    groups: list[frozenset[str]] = []
    labels: dict[str, str] = {}
    for mention in chosen:
        group = _group(mention)
        if group not in groups:
            groups.append(group)
        for candidate in mention.candidates:
            labels.setdefault(candidate.entity.iri, candidate.entity.label)
            labels.setdefault(candidate.entity.stands_for, candidate.entity.label)
    return Focus(tuple(groups), labels)


def specific(analysis: Analysis, focus: Focus) -> Focus:
    """The focus less what one everyday lower-case word names ("social", "development",
    "hospitals"): a passage about the question need not hold those, only its proper names,
    acronyms and phrases."""
    keep = [_group(m) for m in analysis.mentions if not m.weak and _is_specific(m, analysis.text)]
    return Focus(tuple(g for g in focus.groups if g in keep), focus.labels)


def _is_specific(mention: Mention, text: str) -> bool:
    if mention.end - mention.start >= 2:
        return True
    pattern = re.compile(r"\b" + re.escape(mention.text) + r"\w*", re.IGNORECASE)
    found = pattern.search(text)
    return found is not None and found.group() != found.group().lower()


def from_context(context: Context, labels: dict[str, str]) -> Focus:
    """The context's entities, as one group: the pronoun may stand for any of them."""
    iris = frozenset(context.entities)
    return Focus((iris,) if iris else (), {i: labels.get(i, i) for i in iris})


def merged(first: Focus, second: Focus, analysis: Analysis) -> Focus:
    """The context's entities and the strong names the follow-up adds."""
    strong = focus_of(analysis) if any(not m.weak for m in analysis.mentions) else Focus((), {})
    groups = list(first.groups) + [g for g in strong.groups if g not in first.groups]
    return Focus(tuple(groups), {**second.labels, **first.labels})
