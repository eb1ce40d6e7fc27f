"""The synthetic facts, in the curated facts' patterns (see kg/facts/*.trig).

Bodies are individuals of the ontology's classes with labels and dated
validity; duties are n-ary ``ics:Duty`` nodes (bearer, action, object,
context, legal basis) restated in every quarterly edition with their own
validity; counts carry ``ics:asOf``; every passage is its own named graph.
The patterns are the ones the catalogue queries look for: duties of kinds
and of named boards, documents to have regard to, matters to answer for,
functions taken on, boards held to account.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.bench.england import Edition, SystemShape, share
from kg.bench.trig import Triple, text, when

ICB_LIVE = "2022-07-01T00:00:00"
ACT_2022 = "Health and Care Act 2022"


@dataclass(frozen=True)
class Document:
    """A synthetic source document: the target of ``prov:wasDerivedFrom``."""

    slug: str
    title: str
    publisher: str
    date: str


@dataclass
class Passage:
    """One passage of a document: one named graph of facts."""

    name: str
    document: Document
    triples: list[Triple] = field(default_factory=list)

    def add(self, s: str, p: str, o: str) -> None:
        self.triples.append((s, p, o))

    def body(self, iri: str, classes: tuple[str, ...], label: str, *alts: str) -> None:
        for cls in classes:
            self.add(iri, "rdf:type", cls)
        self.add(iri, "rdfs:label", text(label))
        for alt in alts:
            self.add(iri, "skos:altLabel", text(alt))


@dataclass(frozen=True)
class Duty:
    """The n-ary duty pattern of the curated facts."""

    iri: str
    cls: str
    label: str
    bearer: str
    action: str
    objects: tuple[str, ...]
    context: str | None = None
    legal_basis: str | None = None


def add_duty(passage: Passage, duty: Duty, valid_from: str, valid_until: str | None) -> None:
    p = passage
    p.add(duty.iri, "rdf:type", duty.cls)
    p.add(duty.iri, "rdfs:label", text(duty.label))
    p.add(duty.iri, "ics:bearer", duty.bearer)
    p.add(duty.iri, "ics:action", duty.action)
    for obj in duty.objects:
        p.add(duty.iri, "ics:dutyObject", obj)
    if duty.context:
        p.add(duty.iri, "ics:context", text(duty.context))
    if duty.legal_basis:
        p.add(duty.iri, "ics:legalBasis", text(duty.legal_basis))
    p.add(duty.iri, "ics:validFrom", when(valid_from))
    if valid_until:
        p.add(duty.iri, "ics:validUntil", when(valid_until))


@dataclass(frozen=True)
class Names:
    """The IRIs of one system's bodies."""

    shape: SystemShape

    @property
    def slug(self) -> str:
        return self.shape.slug

    @property
    def ics(self) -> str:
        return f"icsd:{self.slug}-ics"

    @property
    def icb(self) -> str:
        return f"icsd:{self.slug}-icb"

    @property
    def icp(self) -> str:
        return f"icsd:{self.slug}-icp"

    def place(self, k: int) -> str:
        return f"icsd:{self.slug}-place-{k}"

    def council(self, k: int) -> str:
        return f"icsd:{self.slug}-council-{k}"

    def hwb(self, k: int) -> str:
        return f"icsd:{self.slug}-hwb-{k}"

    def pcn(self, k: int) -> str:
        return f"icsd:{self.slug}-pcn-{k}"

    def practice(self, pcn: int, k: int) -> str:
        return f"icsd:{self.slug}-pcn-{pcn}-practice-{k}"

    def trust(self, k: int) -> str:
        return f"icsd:{self.slug}-trust-{k}"

    def ccg(self, k: int) -> str:
        return f"icsd:{self.slug}-ccg-{k}"


def practices_in(shape: SystemShape, pcn: int) -> int:
    return share(shape.practices, pcn, shape.pcns)


def place_of(shape: SystemShape, k: int) -> int:
    """Councils and PCNs are dealt out over the system's places in turn."""
    return k % shape.places


def structure_document(shape: SystemShape) -> Document:
    return Document(f"syn-{shape.slug}-profile", f"{shape.name} integrated care system: profile",
                    f"NHS {shape.name} Integrated Care Board", "2022-07-01")


def edition_document(shape: SystemShape, ed: Edition) -> Document:
    return Document(f"syn-{shape.slug}-report-{ed.slug}",
                    f"{shape.name} integrated care system: quarterly report {ed.label}",
                    f"NHS {shape.name} Integrated Care Board", ed.starts[:10])


def national_document(ed: Edition) -> Document:
    return Document(f"syn-national-{ed.slug}", f"Integrated care systems in England: {ed.label}",
                    "NHS England", ed.starts[:10])


def counts(passage: Passage, scope: str, slug: str, ed: Edition,
           figures: tuple[tuple[str, str, int], ...]) -> None:
    """Dated counts, kept apart per figure and date like the curated ``ics:Count`` nodes."""
    for kind, what, value in figures:
        iri = f"icsd:count-{slug}-{what}-{ed.slug}"
        passage.body(iri, ("ics:Count",), f"Number of {what} in {scope}, {ed.label}")
        passage.add(iri, "ics:countOf", f"kind:{kind}")
        passage.add(iri, "ics:countValue", str(value))
        passage.add(iri, "ics:asOf", when(ed.starts))


def matters() -> Iterator[Passage]:
    """The matters and documents the synthetic duties point at, in one national passage."""
    doc = Document("syn-national-glossary", "Integrated care systems: a glossary", "NHS England",
                   "2022-07-01")
    p = Passage("syn-national-glossary", doc)
    p.body("icsd:matter-nhs-spend", ("ics:Matter",), "NHS spend")
    p.body("icsd:matter-nhs-performance", ("ics:Matter",), "NHS performance")
    p.body("icsd:matter-council-budget", ("ics:Matter",), "the council's budget")
    p.body("icsd:matter-gp-contract", ("ics:Matter",), "the GP contract", "GMS contract")
    p.body("icsd:matter-trust-finances", ("ics:Matter",), "the trust's finances")
    p.body("icsd:nhs-england", ("ics:NationalNHSBody",), "NHS England", "NHSE")
    yield p
