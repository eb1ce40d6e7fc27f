"""Dates given by reference: "at the time of the DHACA webinar", "by the time of the 2018
article", "when the journey page was written".

The question is read with the reference replaced by the date it stands for (the
document's own date, as precisely as the graph knows it), so the catalogue's as-of
questions and the date logic see an ordinary date: "Were ICSs statutory bodies at the
time of the DHACA webinar?" is read as "Were ICSs statutory bodies on 19 November 2020?".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from kg.qa.analysis import Analyser
from kg.qa.dates import find_dates

_REFERENCE = re.compile(
    r"\b(?P<lead>at|by|around|during)\s+the\s+time\s+of\s+(?P<ref>[^,?]+)"
    r"|\bwhen\s+(?P<doc>the\s+[^,?]+?)\s+was\s+(?:written|published|posted|released|held)",
    re.IGNORECASE)


def dated_reference(text: str, analyser: Analyser,
                    dates: Mapping[str, tuple[dt.date, str]]) -> str:
    """``text`` with a reference to a dated thing replaced by its date (else unchanged)."""
    match = _REFERENCE.search(text)
    if match is None:
        return text
    ref = match["ref"] or match["doc"]
    lead = (match["lead"] or "").lower()
    given = find_dates(ref)
    if given:
        shown = given[0].text  # "the November 2020 webinar": its own date says when
        precision = given[0].precision
    else:
        found = next((dates[m.best.entity.iri] for m in analyser.analyse(ref).mentions
                      if m.best.entity.iri in dates), None)
        if found is None:
            return text
        shown, precision = _show(*found), found[1]
    word = "by" if lead == "by" else ("on" if precision == "day" else "in")
    return f"{text[:match.start()]}{word} {shown}{text[match.end():]}"


def _show(day: dt.date, precision: str) -> str:
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{day:%B} {day.year}"
    return f"{day.day} {day:%B} {day.year}"
