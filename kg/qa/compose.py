"""Questions made of questions: two parts in one, and follow-ups that say "it" or "they".

A question splits where a second question word opens a clause after "and"
(or a comma, or a second question mark): "Who agrees the plan and who holds
them to account?" is two questions, the second read with the first's
entities as its context. A question whose only subject is a pronoun needs
the context of the question before it.
"""

from __future__ import annotations

import re

QUESTION_WORDS = ("who", "whom", "whose", "what", "when", "where", "which", "why", "how",
                  "is", "are", "was", "were", "does", "do", "did", "can", "has", "have")
_SPLIT = re.compile(
    r"(?:\?\s+|[,;]?\s+(?:and|but|also|plus)\s+(?:also\s+)?|;\s+)(?=(?:"
    + "|".join(QUESTION_WORDS[:9]) + r")\b)", re.IGNORECASE)
_SENTENCES = re.compile(r"\?\s+(?=\S)")
PRONOUNS = frozenset({"it", "its", "they", "them", "their", "theirs", "he", "she", "him",
                      "his", "her", "hers", "that", "this", "those", "these", "there"})
# "that"/"this" are pronouns only when they stand alone, not before a noun or in a clause.
_DEMONSTRATIVE = re.compile(
    r"\b(?:that|this|those|these)\s*(?:\?|$|happen|occur|take|start|come|mean|be\b)"
    r"|\b(?:did|does|do|was|is|were|are|about|of|for|with|from|to)\s+(?:that|this|those|these)"
    r"\b(?!\s+(?:a|an|the)?\s*[a-z]{4,}\s+(?:do|does|is|are|was|were|have|has|must|should)\b)",
    re.IGNORECASE)
_PERSONAL = re.compile(r"\b(?:it|its|they|them|their|theirs|he|she|him|his|her|hers)\b",
                       re.IGNORECASE)


def split_parts(text: str) -> list[str]:
    """The questions ``text`` asks, in order (one when it is a single question)."""
    pieces = [p.strip(" ,;") for p in _SPLIT.split(text) if p and p.strip(" ,;?")]
    if len(pieces) < 2 or any(len(p.split()) < 2 for p in pieces):
        return [text]
    return [p if p.endswith("?") else p + "?" for p in pieces]


# "When was it announced that X...?", "Is it true that...?": an "it" that stands for the
# clause after it, not for anything said before.
_EXPLETIVE_IT = re.compile(r"\bit\s+(?:(?:is|was|has|had|will|would)\s+)?(?:been\s+|be\s+)?"
                           r"(?:\w+ed|said|known|true|possible|likely|clear)\s+(?:that|whether)\b",
                           re.IGNORECASE)


def _without_expletive(text: str) -> str:
    return _EXPLETIVE_IT.sub(" ", text)


# "Which type of organisation must balance its books?": "its" is the organisation asked
# for, in the same question.
_WHICH_HEAD = re.compile(r"\A\s*(?:which|what)\s+(?!(?:is|are|was|were|does|do|did|has|have|had"
                         r"|can|could|will|would|must|should)\b)\w+", re.IGNORECASE)
_OWN_POSSESSIVE = re.compile(r"\b(?:its|their)\b", re.IGNORECASE)


def refers_back(text: str) -> bool:
    """True when the question points at something said before ("it", "they", "that")."""
    text = _without_expletive(text)
    if _WHICH_HEAD.match(text):
        text = _OWN_POSSESSIVE.sub(" ", text)
    if _PERSONAL.search(text):
        return True
    return _DEMONSTRATIVE.search(text) is not None


def starts_as_follow_up(text: str) -> bool:
    """ "And when ...?", "What about ...?": the question continues the one before."""
    return re.match(r"\s*(?:and|also|what about|how about)\b", text, re.IGNORECASE) is not None


_SUBJECT_PRONOUN = re.compile(
    r"(?:^\s*(?:and\s+)?|\b(?:does|did|do|is|are|was|were|has|have|had|can|could|will|"
    r"would|should|must|may)\s+)(?:it|they|he|she)\b", re.IGNORECASE)


def subject_is_pronoun(text: str) -> bool:
    """ "How many CCGs does it bring together?": the subject itself is "it", so the
    question cannot be read without knowing what "it" is."""
    return _SUBJECT_PRONOUN.search(_without_expletive(text)) is not None


_POSSESSIVE = re.compile(r"\b(?:its|their|theirs|his|hers|her(?=\s+\w))\b", re.IGNORECASE)
_OBJECT = re.compile(r"\b(?:it|they|them|he|she|him|her)\b", re.IGNORECASE)


def resolve_pronouns(text: str, name: str) -> str:
    """``text`` with its personal pronouns spelt as ``name`` ("who chairs it?" about the
    partnership: "who chairs the partnership?"), so it reads as a question on its own."""
    text = _POSSESSIVE.sub(f"{name}'s", text)
    return _OBJECT.sub(name, text)


_ELLIPSIS = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(.+?)\s*\??\s*$", re.IGNORECASE)


def elliptical_subject(text: str) -> str | None:
    """ "... and what about Dave Sweeney?": the new subject of a part that repeats the
    question before it, else None."""
    match = _ELLIPSIS.match(text)
    return match.group(1) if match else None


def with_subject(question: str, said: str, subject: str) -> str | None:
    """``question`` with the words ``said`` (a name it uses, any case or spacing) replaced by
    ``subject``, or None when it does not use them."""
    pattern = r"\W+".join(re.escape(w) for w in said.split())
    replaced, count = re.subn(pattern, subject, question, count=1, flags=re.IGNORECASE)
    return replaced if count else None
