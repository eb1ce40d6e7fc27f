"""Turn parameter text into RDF terms: dates, integers and strings (entities: see entities.py).

A date names a period (a year, a month, a day) and is read as *as of the end
of that period*: "2018" means the last instant of 2018, so a figure dated May
2018 counts as known in 2018, and a body that started on 1 July 2022 existed
"in 2022". Facts carry timezone-less ``xsd:dateTime`` values (HermiT rejects
``xsd:date``), and SPARQL cannot order a zoned against an unzoned dateTime
(XPath Functions §10.4), so every date here is timezone-less too, in UTC.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from kg.errors import ParameterError
from kg.store.terms import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATETIME = f"{XSD}dateTime"
XSD_INTEGER = f"{XSD}integer"
MAX_STRING_CHARS = 500

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?\Z")
_ISO_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?\Z")
_WORDS = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Za-z]+)\.?"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)?\s+(?P<y>\d{4})\Z")
_INTEGER = re.compile(r"[+-]?\d{1,18}\Z")
DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, an ISO date-time, 'July 2022', '24 May 2018' or 'now'"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A parsed date parameter: the instant it stands for and how it should read."""

    instant: datetime
    shown: str

    def term(self) -> Term:
        return Term.literal(self.instant.strftime("%Y-%m-%dT%H:%M:%S"), XSD_DATETIME)


def _end_of(year: int, month: int | None, day: int | None, text: str) -> datetime:
    last_month = month if month is not None else 12
    if not 1 <= last_month <= 12 or not 1 <= year <= 9999:
        raise ParameterError(f"not a valid date: {text!r} (month out of range)")
    last_day = day if day is not None else calendar.monthrange(year, last_month)[1]
    try:
        return datetime(year, last_month, last_day, 23, 59, 59)
    except ValueError as exc:
        raise ParameterError(f"not a valid date: {text!r} ({exc})") from exc


def parse_date(text: str, *, now: datetime | None = None) -> DateValue:
    """Read a date parameter; raise :class:`ParameterError` saying which forms are accepted."""
    value = " ".join(text.split())
    if value.lower() in ("now", "today"):
        # The whole of today, as "2026-12-02" reads: a moment to the second made two runs of
        # one question a second apart bind different dates (store parity saw it).
        today = (now or datetime.now(UTC)).astimezone(UTC).date()
        return DateValue(_end_of(today.year, today.month, today.day, text), today.isoformat())
    if match := _ISO.match(value):
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        return DateValue(_end_of(int(match["y"]), month, day, text), value)
    if match := _ISO_TIME.match(value):
        return DateValue(_instant(match["date"], match["time"], match["zone"], text), value)
    if (match := _WORDS.match(value)) and match["month"].lower() in _MONTHS:
        day_text = match["d1"] or match["d2"]
        day = int(day_text) if day_text else None
        return DateValue(_end_of(int(match["y"]), _MONTHS[match["month"].lower()], day, text),
                         value)
    raise ParameterError(f"not a date: {text!r}; use {DATE_FORMS}")


def _instant(date: str, time: str, zone: str | None, text: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(f"{date}T{time}{'+00:00' if zone == 'Z' else zone or ''}")
    except ValueError as exc:
        raise ParameterError(f"not a valid date-time: {text!r} ({exc})") from exc
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def parse_integer(text: str) -> int:
    """Read an integer parameter (decimal digits with an optional sign)."""
    value = text.strip().replace(",", "").replace("_", "")
    if not _INTEGER.match(value):
        raise ParameterError(f"not an integer: {text!r}")
    return int(value)


def integer_term(value: int) -> Term:
    return Term.literal(str(value), XSD_INTEGER)


def parse_string(text: str) -> Term:
    """A plain string literal; control characters and over-long text are refused."""
    value = text.strip()
    if not value:
        raise ParameterError("empty string parameter")
    if len(value) > MAX_STRING_CHARS:
        raise ParameterError(f"string parameter over {MAX_STRING_CHARS} characters")
    if any(ord(c) < 32 for c in value):
        raise ParameterError("string parameter contains control characters")
    return Term.literal(value)
