"""Finding the date a question is about: "in 2018", "as of July 2022", "on 1 July 2022", "now".

A date phrase names a period (a year, a month or a day). A question about a
period is answered as of the period's last day, so "how many ICSs were there
in 2018" counts what existed by the end of 2018; "before 2020" is answered as
of the day before the period starts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (precision, re.compile(pattern, re.IGNORECASE)) for precision, pattern in (
        ("day", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("day", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("day", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("fy", r"\b(?P<year>(?:19|20)\d\d)\s*[/\-]\s*(?P<next>\d\d)\b"),
        ("month", rf"\b{_MONTH},?\s+{_YEAR}\b"),
        ("year", rf"\b{_YEAR}\b"),
    )
)
_NOW = re.compile(
    r"\b(?:right\s+now|now|today|currently|current|at\s+present|presently|at\s+the\s+moment|"
    r"these\s+days|nowadays|as\s+things\s+stand|this\s+year)\b", re.IGNORECASE)
_SOURCE = re.compile(r"\s*(?:[\w&'‘’-]+\s+){0,5}?(?:web\s*)?(?:article|page|report|summary|"
                     r"webinar|document|paper|blog|briefing|publication)s?\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|until|up\s+to)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase: where it is in the text, the period it names and the day to ask as of."""

    text: str
    start: int  # character offsets in the question
    end: int
    precision: str  # "day", "month", "year", "fy" (financial year) or "now"
    first: dt.date
    last: dt.date
    as_of: dt.date
    # "the 2018 article": the date names a source document, not a period the question asks
    # about, so a when-question is not answered by what is dated then.
    names_source: bool = False


def _period(precision: str, match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(match["year"])
    try:
        if precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision == "fy":
            if int(match["next"]) != (year + 1) % 100:
                return None
            return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
        month = int(match["mnum"]) if "mnum" in match.groupdict() and match["mnum"] \
            else MONTHS[match["month"].lower().rstrip(".")]
        if precision == "month":
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day = dt.date(year, month, int(match["day"]))
        return day, day
    except ValueError:
        return None


def find_dates(text: str, today: dt.date | None = None) -> list[DateMention]:
    """Every date phrase in ``text``, in order, longest reading first where they overlap."""
    today = today or dt.date.today()
    found: list[DateMention] = []
    taken: list[range] = []
    for precision, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            period = _period(precision, match)
            if period is None:
                continue
            first, last = period
            before = _BEFORE.search(text[:match.start()]) is not None
            as_of = first - dt.timedelta(days=1) if before else last
            found.append(DateMention(match.group(), match.start(), match.end(), precision,
                                     first, last, as_of,
                                     _SOURCE.match(text, match.end()) is not None))
            taken.append(span)
    for match in _NOW.finditer(text):
        found.append(DateMention(match.group(), match.start(), match.end(), "now",
                                 today, today, today))
    return sorted(found, key=lambda d: d.start)


def parse_iso_date(text: str) -> dt.date:
    """An ISO 8601 date (or the date part of a date-time); ValueError when it is not one."""
    text = text.strip()
    if len(text) > 10 and text[10] in "T ":
        return dt.datetime.fromisoformat(text).date()
    return dt.date.fromisoformat(text)
