"""Plain-date twins of the dated facts, for researchers' filters.

Facts keep ``xsd:dateTime`` values because HermiT rejects ``xsd:date``. A
researcher's first filter is usually ``?d <= "2021-06-30"^^xsd:date``, which
never matches a dateTime, so the build adds to the inferred graph an
``xsd:date`` twin of every ``ics:eventDate``, ``ics:asOf``, ``ics:validFrom``
and ``ics:validUntil`` (``ics:eventDay``, ``ics:asOfDate``, ``ics:validFromDate``,
``ics:validUntilDate``), and for dated events and counts the last day of the
period their ``ics:datePrecision`` names (``ics:periodEnd``).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.namespaces import ICS

TWINS = {
    ICS.eventDate: ICS.eventDay,
    ICS.asOf: ICS.asOfDate,
    ICS.validFrom: ICS.validFromDate,
    ICS.validUntil: ICS.validUntilDate,
}
_PERIOD_DATES = (ICS.eventDate, ICS.asOf)


def period_end(start: date, precision: str) -> date:
    """The last day of the year, month or day that starts on ``start``."""
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def date_twins(data: Graph) -> Graph:
    """The xsd:date twins and period ends of every dated fact in ``data``."""
    twins = Graph()
    for source, twin in TWINS.items():
        for node, value in data.subject_objects(source):
            moment = value.toPython() if isinstance(value, Literal) else None
            if not isinstance(moment, datetime):
                continue
            twins.add((node, twin, Literal(moment.date().isoformat(), datatype=XSD.date)))
            precision = data.value(node, ICS.datePrecision)
            if source in _PERIOD_DATES and precision is not None:
                end = period_end(moment.date(), str(precision))
                twins.add((node, ICS.periodEnd, Literal(end.isoformat(), datatype=XSD.date)))
    return twins
