"""One quarterly edition of a system's duties and counts, and the national passage.

Each edition restates the duties as new nodes valid for that quarter, the
way successive policy documents restate them; their validity is dated so
questions can ask what held when.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.bench.england import SYSTEMS, Edition, SystemShape, edition
from kg.bench.patterns import (
    ACT_2022,
    Duty,
    Names,
    Passage,
    add_duty,
    counts,
    edition_document,
    national_document,
    place_of,
    practices_in,
)


class Quarter:
    """Writes duties valid for one edition (until the next one, unless it is the last)."""

    def __init__(self, ed: Edition, last: bool) -> None:
        self.ed = ed
        self.until = None if last else edition(ed.number + 1).starts

    def duty(self, passage: Passage, duty: Duty) -> None:
        add_duty(passage, duty, self.ed.starts, self.until)


def board_duties(n: Names, q: Quarter, p: Passage) -> None:
    name, e = n.shape.name, q.ed.slug
    base = f"icsd:duty-{n.slug}-{e}"
    q.duty(p, Duty(f"{base}-icb-regard-strategy", "ics:StatutoryDuty",
                   f"{name} ICB has regard to the integrated care strategy ({q.ed.label})",
                   n.icb, "ics:haveRegardTo", ("kind:IntegratedCareStrategy",),
                   "when exercising its functions", ACT_2022))
    q.duty(p, Duty(f"{base}-icb-regard-jlhws", "ics:StatutoryDuty",
                   f"{name} ICB has regard to joint health and wellbeing strategies",
                   n.icb, "ics:haveRegardTo", ("kind:JointLocalHealthAndWellbeingStrategy",),
                   None, ACT_2022))
    q.duty(p, Duty(f"{base}-icb-accountable", "ics:StatutoryDuty",
                   f"{name} ICB answers for NHS spend and performance ({q.ed.label})",
                   n.icb, "ics:beAccountableFor",
                   ("icsd:matter-nhs-spend", "icsd:matter-nhs-performance"), f"within {name}"))
    q.duty(p, Duty(f"{base}-icb-ccg-functions", "ics:StatutoryDuty",
                   f"{name} ICB takes on the functions of its CCGs", n.icb,
                   "ics:takeOnFunctionsOf", tuple(n.ccg(k) for k in range(n.shape.ccgs)),
                   "the NHS commissioning functions"))
    q.duty(p, Duty(f"{base}-nhse-agrees-constitution", "ics:StatutoryDuty",
                   f"NHS England agrees the constitution of {name} ICB", "icsd:nhs-england",
                   "ics:agree", (f"icsd:{n.slug}-icb-constitution",)))
    q.duty(p, Duty(f"{base}-nhse-holds-icb", "ics:StatutoryDuty",
                   f"NHS England holds {name} ICB to account", "icsd:nhs-england",
                   "ics:holdToAccount", (n.icb,), "for delivery"))
    q.duty(p, Duty(f"{base}-icp-strategy", "ics:StatutoryDuty",
                   f"{name} ICP develops the integrated care strategy", n.icp, "ics:develop",
                   ("kind:IntegratedCareStrategy",), None, ACT_2022))
    for k in range(n.shape.councils):
        q.duty(p, Duty(f"{base}-icb-works-with-hwb-{k}", "ics:Expectation",
                       f"{name} ICB works closely with {name} Council {k + 1} HWB",
                       n.icb, "ics:workCloselyWith", (n.hwb(k),)))


def council_duties(n: Names, q: Quarter, k: int) -> Passage:
    p = Passage(f"syn-{n.slug}-{q.ed.slug}-council-{k}", edition_document(n.shape, q.ed))
    base, council = f"icsd:duty-{n.slug}-{q.ed.slug}-council-{k}", f"{n.shape.name} Council {k + 1}"
    q.duty(p, Duty(f"{base}-regard-strategy", "ics:StatutoryDuty",
                   f"{council} has regard to the integrated care strategy", n.council(k),
                   "ics:haveRegardTo", ("kind:IntegratedCareStrategy",), None, ACT_2022))
    q.duty(p, Duty(f"{base}-break-even", "ics:StatutoryDuty", f"{council} balances its budget",
                   n.council(k), "ics:breakEven", ("icsd:matter-council-budget",)))
    q.duty(p, Duty(f"{base}-hwb-jsna", "ics:StatutoryDuty",
                   f"{council} HWB develops the joint strategic needs assessment", n.hwb(k),
                   "ics:develop", ("kind:JointStrategicNeedsAssessment",)))
    q.duty(p, Duty(f"{base}-hwb-works-with-icb", "ics:Expectation",
                   f"{council} HWB works closely with the ICB", n.hwb(k),
                   "ics:workCloselyWith", (n.icb,)))
    return p


def trust_duties(n: Names, q: Quarter, p: Passage) -> None:
    for k in range(n.shape.trusts):
        base = f"icsd:duty-{n.slug}-{q.ed.slug}-trust-{k}"
        q.duty(p, Duty(f"{base}-works-with-icb", "ics:Expectation",
                       f"Trust {k + 1} of {n.shape.name} works closely with the ICB",
                       n.trust(k), "ics:workCloselyWith", (n.icb,)))
        q.duty(p, Duty(f"{base}-accountable", "ics:StatutoryDuty",
                       f"Trust {k + 1} of {n.shape.name} answers for its finances",
                       n.trust(k), "ics:beAccountableFor", ("icsd:matter-trust-finances",)))


def pcn_duties(n: Names, q: Quarter, k: int) -> Passage:
    p = Passage(f"syn-{n.slug}-{q.ed.slug}-pcn-{k}", edition_document(n.shape, q.ed))
    base = f"icsd:duty-{n.slug}-{q.ed.slug}-pcn-{k}"
    q.duty(p, Duty(f"{base}-works-with-place", "ics:Expectation",
                   f"{n.shape.name} PCN {k + 1} works closely with its place",
                   n.pcn(k), "ics:workCloselyWith", (n.place(place_of(n.shape, k)),)))
    for j in range(practices_in(n.shape, k)):
        q.duty(p, Duty(f"{base}-practice-{j}-contract", "ics:Expectation",
                       f"Practice {j + 1} of {n.shape.name} PCN {k + 1} follows the GP contract",
                       n.practice(k, j), "ics:actInAccordanceWith",
                       ("icsd:matter-gp-contract",)))
    return p


def system_edition(shape: SystemShape, ed: Edition, last: bool) -> Iterator[Passage]:
    """Every passage of one system's quarterly report."""
    n, q, doc = Names(shape), Quarter(ed, last), edition_document(shape, ed)
    board = Passage(f"syn-{n.slug}-{ed.slug}-board", doc)
    board_duties(n, q, board)
    yield board
    for k in range(shape.councils):
        yield council_duties(n, q, k)
    trusts = Passage(f"syn-{n.slug}-{ed.slug}-trusts", doc)
    trust_duties(n, q, trusts)
    yield trusts
    for k in range(shape.pcns):
        yield pcn_duties(n, q, k)
    figures = Passage(f"syn-{n.slug}-{ed.slug}-counts", doc)
    counts(figures, f"{shape.name} ICS", shape.slug, ed, (
        ("PlaceBasedPartnership", "places", shape.places),
        ("PrimaryCareNetwork", "pcns", shape.pcns),
        ("GPPractice", "gp-practices", shape.practices),
        ("NHSTrust", "trusts", shape.trusts),
        ("UnitaryOrCountyCouncil", "councils", shape.councils)))
    for s, p, _ in list(figures.triples):
        if p == "ics:countOf":
            figures.add(s, "ics:countIn", n.ics)
    yield figures


def national_edition(ed: Edition, last: bool, systems: int) -> Passage:
    """National counts and the kind-level duties of boards, for one edition."""
    q, p = Quarter(ed, last), Passage(f"syn-national-{ed.slug}", national_document(ed))
    counts(p, "England", "england", ed, (("IntegratedCareSystem", "systems", SYSTEMS),
                                          ("IntegratedCareBoard", "boards", systems)))
    base = f"icsd:duty-national-{ed.slug}"
    q.duty(p, Duty(f"{base}-icbs-regard-strategy", "ics:StatutoryDuty",
                   f"ICBs have regard to integrated care strategies ({ed.label})",
                   "kind:IntegratedCareBoard", "ics:haveRegardTo",
                   ("kind:IntegratedCareStrategy",), None, ACT_2022))
    q.duty(p, Duty(f"{base}-icbs-accountable", "ics:StatutoryDuty",
                   f"ICBs answer for NHS spend and performance ({ed.label})",
                   "kind:IntegratedCareBoard", "ics:beAccountableFor",
                   ("icsd:matter-nhs-spend", "icsd:matter-nhs-performance")))
    q.duty(p, Duty(f"{base}-nhse-holds-icbs", "ics:StatutoryDuty",
                   f"NHS England holds ICBs to account ({ed.label})", "icsd:nhs-england",
                   "ics:holdToAccount", ("kind:IntegratedCareBoard",), "for delivery"))
    return p
