"""One system's bodies: the ICS, its board and partnership, places, councils, PCNs,
practices, trusts and the CCGs it replaced, with ``partOf`` chains and dated validity."""

from __future__ import annotations

from collections.abc import Iterator

from kg.bench.england import SystemShape
from kg.bench.patterns import (
    ICB_LIVE,
    Document,
    Names,
    Passage,
    place_of,
    practices_in,
    structure_document,
)
from kg.bench.trig import when

_TRUST_KINDS = (("ics:NHSFoundationTrust", "ics:AcuteProvider"),
                ("ics:NHSTrust", "ics:MentalHealthProvider"),
                ("ics:NHSFoundationTrust", "ics:CommunityHealthProvider"),
                ("ics:NHSTrust", "ics:AcuteProvider"))


def system_passage(n: Names, doc: Document) -> Passage:
    name = n.shape.name
    p = Passage(f"syn-{n.slug}-system", doc)
    p.body(n.ics, ("ics:IntegratedCareSystem",), f"{name} ICS", f"{name} integrated care system",
           name)
    p.add(n.ics, "ics:validFrom", when(ICB_LIVE))
    p.add(n.ics, "ics:population", str(1_000_000 + 37_813 * n.shape.index))
    p.body(n.icb, ("ics:IntegratedCareBoard",), f"NHS {name} Integrated Care Board",
           f"{name} ICB")
    p.add(n.icb, "ics:partOf", n.ics)
    p.add(n.icb, "ics:validFrom", when(ICB_LIVE))
    p.body(f"icsd:{n.slug}-icb-constitution", ("ics:ICBConstitution",),
           f"{name} ICB constitution")
    p.body(n.icp, ("ics:IntegratedCarePartnership",), f"{name} Integrated Care Partnership",
           f"{name} ICP")
    p.add(n.icp, "ics:partOf", n.ics)
    p.add(n.icp, "ics:validFrom", when(ICB_LIVE))
    stp = f"icsd:{n.slug}-stp"
    p.body(stp, ("ics:SustainabilityAndTransformationPartnership",),
           f"{name} Sustainability and Transformation Partnership", f"{name} STP")
    p.add(stp, "ics:validFrom", when("2016-03-01T00:00:00"))
    p.add(stp, "ics:validUntil", when(ICB_LIVE))
    p.add(stp, "ics:evolvedInto", n.ics)
    event = f"icsd:event-{n.slug}-go-live"
    p.body(event, ("ics:GoLiveEvent",), f"{name} ICS goes live")
    p.add(event, "ics:concerns", n.ics)
    p.add(event, "ics:eventDate", when(ICB_LIVE))
    p.add(event, "ics:datePrecision", '"day"')
    return p


def ccg_passage(n: Names, doc: Document) -> Passage:
    p = Passage(f"syn-{n.slug}-ccgs", doc)
    for k in range(n.shape.ccgs):
        ccg = n.ccg(k)
        p.body(ccg, ("ics:ClinicalCommissioningGroup",), f"{n.shape.name} CCG {k + 1}")
        p.add(ccg, "ics:validFrom", when("2013-04-01T00:00:00"))
        p.add(ccg, "ics:validUntil", when(ICB_LIVE))
        p.add(n.ics, "org:hasMember", ccg)
        p.add(n.icb, "ics:succeeds", ccg)
    return p


def place_passage(n: Names, doc: Document, k: int) -> Passage:
    name = f"{n.shape.name} place {k + 1}"
    p = Passage(f"syn-{n.slug}-place-{k}", doc)
    p.body(n.place(k), ("ics:PlaceBasedPartnership",), name, f"{name} partnership")
    p.add(n.place(k), "ics:partOf", n.ics)
    p.add(n.place(k), "ics:validFrom", when(ICB_LIVE))
    for c in range(n.shape.councils):
        if place_of(n.shape, c) != k:
            continue
        council, hwb = n.council(c), n.hwb(c)
        p.body(council, ("ics:UnitaryOrCountyCouncil",), f"{n.shape.name} Council {c + 1}")
        p.add(council, "ics:operatesIn", n.place(k))
        p.add(n.icp, "org:hasMember", council)
        p.body(hwb, ("ics:HealthAndWellbeingBoard",),
               f"{n.shape.name} Council {c + 1} Health and Wellbeing Board")
        p.add(hwb, "ics:operatesIn", n.place(k))
        p.add(hwb, "ics:validFrom", when("2013-04-01T00:00:00"))
    return p


def pcn_passage(n: Names, doc: Document, k: int) -> Passage:
    pcn = n.pcn(k)
    p = Passage(f"syn-{n.slug}-pcn-{k}", doc)
    p.body(pcn, ("ics:PrimaryCareNetwork",), f"{n.shape.name} PCN {k + 1}")
    p.add(pcn, "ics:partOf", n.place(place_of(n.shape, k)))
    p.add(pcn, "ics:validFrom", when("2019-07-01T00:00:00"))
    for j in range(practices_in(n.shape, k)):
        practice = n.practice(k, j)
        p.body(practice, ("ics:GPPractice",), f"{n.shape.name} PCN {k + 1} practice {j + 1}")
        p.add(practice, "ics:partOf", pcn)
        p.add(practice, "ics:validFrom", when(f"{1950 + (k * 7 + j * 13) % 70}-04-01T00:00:00"))
        p.add(practice, "ics:patientsServed", str(4_000 + (k * 311 + j * 977) % 16_000))
    return p


def trust_passage(n: Names, doc: Document) -> Passage:
    p = Passage(f"syn-{n.slug}-trusts", doc)
    for k in range(n.shape.trusts):
        trust = n.trust(k)
        classes = _TRUST_KINDS[k % len(_TRUST_KINDS)]
        kind = "NHS Foundation Trust" if classes[0] == "ics:NHSFoundationTrust" else "NHS Trust"
        p.body(trust, classes, f"{n.shape.name} {kind} {k + 1}")
        p.add(n.ics, "org:hasMember", trust)
        p.add(trust, "ics:operatesIn", n.place(place_of(n.shape, k)))
        p.add(trust, "ics:validFrom", when(f"{1994 + k}-04-01T00:00:00"))
    return p


def system_structure(shape: SystemShape) -> Iterator[Passage]:
    """Every passage describing one system's bodies."""
    names, doc = Names(shape), structure_document(shape)
    yield system_passage(names, doc)
    yield ccg_passage(names, doc)
    for k in range(shape.places):
        yield place_passage(names, doc, k)
    for k in range(shape.pcns):
        yield pcn_passage(names, doc, k)
    yield trust_passage(names, doc)
