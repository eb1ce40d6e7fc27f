"""Find entities by name: an in-memory index over every label and alternative label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kg.namespaces import RDFS, SKOS
from kg.store.base import Store

_LABELS = f"""SELECT ?x ?label WHERE {{
  VALUES ?p {{ <{RDFS.label}> <{SKOS.altLabel}> <{SKOS.prefLabel}> }}
  ?x ?p ?label FILTER(isIRI(?x) && isLiteral(?label)) }}"""
_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    return " ".join(_WORD.split(text.casefold())).strip()


@dataclass(frozen=True, slots=True)
class Hit:
    iri: str
    label: str  # the label that matched


class LabelIndex:
    """Labels of the IRIs under one base, ranked: exact, prefix, word prefix, part, fuzzy."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self._entries = sorted(set(entries))
        self._keys = [normalise(label) for _, label in self._entries]

    @classmethod
    def build(cls, store: Store, base: str) -> LabelIndex:
        rows = store.select(_LABELS).rows
        return cls([(r["x"].value, r["label"].value) for r in rows
                    if r["x"].value.startswith(base)])

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 10) -> tuple[Hit, ...]:
        q = normalise(query)
        if not q:
            return ()
        ranked: list[tuple[int, int, int]] = []
        for i, key in enumerate(self._keys):
            if key == q:
                rank = 0
            elif key.startswith(q):
                rank = 1
            elif f" {q}" in f" {key}":
                rank = 2
            elif q in key:
                rank = 3
            else:
                continue
            ranked.append((rank, len(key), i))
        if not ranked:
            for _, score, i in process.extract(q, self._keys, scorer=fuzz.WRatio, limit=limit,
                                               score_cutoff=86):
                ranked.append((4, -int(score), i))
        return self._unique(sorted(ranked), limit)

    def _unique(self, ranked: list[tuple[int, int, int]], limit: int) -> tuple[Hit, ...]:
        hits: dict[str, Hit] = {}
        for _, _, i in ranked:
            iri, label = self._entries[i]
            hits.setdefault(iri, Hit(iri, label))
            if len(hits) == limit:
                break
        return tuple(hits.values())
