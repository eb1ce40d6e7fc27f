"""Fill a question's answer template from a run: one or two readable sentences.

In a template ``{name}`` is a parameter (its label or date) or a result
column (its distinct values, with ``?nameLabel`` preferred over the raw term,
joined as "A, B and C"); ``{name:count}`` is how many distinct values the
column has and ``{name:first}`` its first value. See queries/README.md.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence

from kg.catalogue.prefixes import shorten
from kg.catalogue.run import QuestionRun
from kg.store.terms import Term

XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
NO_ANSWER = "The knowledge graph records no answer to this question."


PRECISION = "precision"  # a row's ics:datePrecision: how much of its dates the source gives
_PRECISE_CHARS = {"year": 4, "month": 7}


def show_term(term: Term, precision: str | None = None) -> str:
    """A term as a reader would want it: dates without midnight and to the precision the
    source gives ("2020-11" for a month, never an invented first day), IRIs shortened."""
    if term.is_iri:
        return shorten(term.value)
    if term.datatype == XSD_DATETIME and precision in _PRECISE_CHARS:
        return term.value[:_PRECISE_CHARS[precision]]
    if term.datatype == XSD_DATETIME and term.value.endswith("T00:00:00"):
        return term.value[: -len("T00:00:00")]
    return term.value


def join_words(items: Sequence[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def column_values(rows: Sequence[Mapping[str, Term]], column: str) -> list[str]:
    """Distinct display values of ``column``, in row order, labels preferred."""
    seen: dict[str, None] = {}
    for row in rows:
        label = row.get(f"{column}Label")
        term = row.get(column)
        if label is not None:
            seen.setdefault(label.value, None)
        elif term is not None:
            precision = row.get(PRECISION)
            seen.setdefault(show_term(term, precision.value if precision else None), None)
    return list(seen)


def fill(template: str, shown: Mapping[str, str], rows: Sequence[Mapping[str, Term]]) -> str:
    """Fill ``template`` with parameter displays and column values (see the module doc)."""
    parts: list[str] = []
    for literal, field, spec, _ in string.Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        if field in shown and not spec:
            parts.append(shown[field])
            continue
        values = column_values(rows, field)
        if spec == "count":
            parts.append(str(len(values)))
        elif spec == "first":
            parts.append(values[0] if values else "")
        else:
            parts.append(join_words(values))
    return "".join(parts)


def render_answer(run: QuestionRun) -> str:
    """The answer sentence for ``run``, or the question's empty-answer sentence."""
    if not run.result.rows:
        if run.question.empty_answer is None:
            return NO_ANSWER
        return fill(run.question.empty_answer, run.shown, ())
    return fill(run.question.answer, run.shown, run.result.rows)
