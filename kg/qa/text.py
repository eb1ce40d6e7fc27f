"""Turning English text into comparable tokens.

Both the questions users ask and the labels and phrasings of the graph and the
catalogue go through the same :class:`Normaliser`, so "Cheshire & Merseyside",
"cheshire and merseyside" and "Cheshire and Merseyside's" all give the same
tokens, and "boards", "board" or "CCGs", "CCG" the same stems.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer

# Acronym plurals ("ICSs", "CCGs") lose their "s" while the case still shows
# them to be acronyms; lower-case ones are handled against the known acronyms.
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,6})'?s\b")
_POSSESSIVE = re.compile(r"(\w)'s\b")
_TOKEN = re.compile(r"[a-z0-9]+")

# Irregular forms snowball leaves alone or mangles; mapped to their lemma.
IRREGULAR: dict[str, str] = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "having": "have",
    "does": "do", "did": "do", "done": "do", "doing": "do",
    "goes": "go", "went": "go", "gone": "go", "going": "go",
    "chose": "choose", "chosen": "choose", "choosing": "choose",
    "made": "make", "makes": "make", "making": "make",
    "took": "take", "taken": "take", "takes": "take", "taking": "take",
    "gave": "give", "given": "give", "gives": "give",
    "became": "become", "becomes": "become", "becoming": "become",
    "came": "come", "comes": "come", "coming": "come",
    "sat": "sit", "sits": "sit", "sitting": "sit",
    "led": "lead", "leads": "lead", "leading": "lead",
    "held": "hold", "holds": "hold", "holding": "hold",
    "set": "set", "sets": "set", "setting": "set",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write",
    "began": "begin", "begun": "begin", "begins": "begin",
    "people": "person", "children": "child", "men": "man", "women": "woman",
    "bigger": "big", "biggest": "big", "larger": "large", "largest": "large",
    "smaller": "small", "smallest": "small",
    "better": "good", "best": "good",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "first": "1st", "third": "3rd", "fourth": "4th",
}


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its surface form (lower-case) and its normalised stem."""

    surface: str
    stem: str
    start: int  # index of the word in the text's word list


def fold(text: str) -> str:
    """Lower-case ASCII text with '&' spelt out and apostrophes and dashes unified."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _ACRONYM_PLURAL.sub(r"\1", text)
    text = _POSSESSIVE.sub(r"\1", text)
    text = text.replace("&", " and ").replace("+", " and ")
    return text.lower()


def words(text: str) -> list[str]:
    """The lower-case words of ``text``, punctuation and possessives dropped."""
    return _TOKEN.findall(fold(text))


class Normaliser:
    """Stems words (thread-safe: the snowball stemmer keeps state between calls).

    ``acronyms`` are words that are never stemmed and whose plural with a plain
    "s" is folded to them ("ccgs" to "ccg").
    """

    def __init__(self, acronyms: Iterable[str] = ()) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._lock = threading.Lock()
        self._cache: dict[str, str] = {}
        self.acronyms = frozenset(a.lower() for a in acronyms)

    def stem(self, word: str) -> str:
        """The stem of one lower-case word."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = self._stem(word)
        with self._lock:
            self._cache[word] = result
        return result

    def _stem(self, word: str) -> str:
        if word in self.acronyms or word.isdigit():
            return word
        if word.endswith("s") and word[:-1] in self.acronyms:
            return word[:-1]
        word = IRREGULAR.get(word, word)
        if len(word) <= 3:
            return word
        with self._lock:
            stemmed: str = self._stemmer.stemWord(word)
        return stemmed

    def tokens(self, text: str) -> list[Token]:
        """The words of ``text`` with their stems."""
        return [Token(w, self.stem(w), i) for i, w in enumerate(words(text))]

    def key(self, text: str) -> str:
        """A matching key: the stems joined ("Integrated Care Boards": "integr care board")."""
        return " ".join(t.stem for t in self.tokens(text))
