"""Units of facts as short English sentences, named by the ontology's own labels.

An n-ary node's label is already a sentence in the project's words; its dates,
figures and literal details are added after it. A plain unit reads
"subject property-label values". Dates show only as precisely as the facts
state them (``ics:datePrecision``; a bare 1 January reads as the year).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.qa.facts import ICS, RDF_TYPE, Unit, Value, show_date

MAX_UNIT_CHARS = 260
BRIEF_DETAIL = 40  # longest literal detail a brief sentence keeps
_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
PRECISION = f"{ICS}datePrecision"
SIZE_RANK = f"{ICS}sizeRank"
_ORDINALS = {str(n): w for n, w in enumerate(("first", "second", "third", "fourth", "fifth",
                                              "sixth", "seventh", "eighth", "ninth",
                                              "tenth"), start=1)}
# Values that only say how a fact is qualified or filed, not what it says.
QUIET = frozenset({PRECISION, RDF_TYPE, f"{ICS}itemNumber", f"{ICS}untilPrecision",
                   f"{ICS}validFromBound", f"{ICS}validUntilBound"})


def show_value(value: Value, precision: str | None = None) -> str:
    if _ISO_DAY.fullmatch(value.term.value):  # a plain "2021-01-29" (document dates)
        return show_date(value.term.value + "T00:00:00")
    if value.is_date:
        return _date(value.term.value, precision)
    if value.is_number and value.prop == SIZE_RANK and value.term.value in _ORDINALS:
        return f"{value.term.value} ({_ORDINALS[value.term.value]})"  # "2 (second)"
    if value.is_number:
        return _number(value.term.value)
    return value.label


def _number(text: str) -> str:
    try:
        number = float(text)
    except ValueError:
        return text
    if number.is_integer():
        return large(int(number))
    return f"{number:g}"


def large(number: int) -> str:
    """1800000 as "1.8 million", 17000 as "17,000": as people write figures."""
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if abs(number) >= size:
            return f"{number / size:.3g} {word}"
    return f"{number:,}" if abs(number) >= 10000 else str(number)


def _date(value: str, precision: str | None) -> str:
    full = show_date(value)
    parts = full.split()
    if len(parts) != 3:
        return full
    if precision == "year" or (precision is None and parts[:2] == ["1", "January"]):
        return parts[2]
    if precision == "month":
        return f"{parts[1]} {parts[2]}"
    return full


def precision_of(unit: Unit) -> str | None:
    for value in unit.values:
        if value.prop == PRECISION:
            return value.term.value
    return None


def sentence(unit: Unit, props: Mapping[str, str], *, brief: bool = False) -> str:
    """The unit as one sentence (at most :data:`MAX_UNIT_CHARS` characters). ``brief``
    leaves out a node's long literal details: they restate its label at length, and a
    passage answer has room for several statements only when each is short."""
    precision = precision_of(unit)
    if unit.node:
        head = unit.subject_label if not unit.subject_label.startswith(("http", "_")) else (
            unit.types[0] if unit.types else "fact")
        lowered = head.lower()
        grouped: dict[str, list[str]] = {}
        # Figures and dates first: a long list of members must not cut the count off.
        for value in sorted(unit.values, key=lambda v: (not (v.is_number or v.is_date),
                                                        v.term.is_iri)):
            if value.prop in QUIET or (brief and _long_literal(value)):
                continue
            shown = show_value(value, precision)
            if shown.lower() in lowered:
                continue
            grouped.setdefault(props.get(value.prop, _tail(value.prop)), []).append(shown)
        details = [f"{name}: {join(shown)}" for name, shown in grouped.items()]
        text = head + (f" ({'; '.join(details)})" if details else "")
    else:
        values = [show_value(v, precision) for v in unit.values if v.prop not in QUIET]
        text = f"{unit.subject_label} {props.get(_prop(unit), _tail(_prop(unit)))}: " + \
            join(values)
    return _cut(text)


def _long_literal(value: Value) -> bool:
    return not (value.term.is_iri or value.is_number or value.is_date) and \
        len(value.label) > BRIEF_DETAIL


def _prop(unit: Unit) -> str:
    return unit.values[0].prop if unit.values else RDF_TYPE


def join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _tail(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _cut(text: str) -> str:
    if len(text) <= MAX_UNIT_CHARS:
        return text
    return text[:MAX_UNIT_CHARS - 1].rsplit(" ", 1)[0] + "…"
