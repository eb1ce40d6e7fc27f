"""As-of answers on the real build, with the expected sets written from the corpus itself.

Where each expectation comes from (the corpus, not the graph):
- 2018 (document 001): ten ICSs, of which eight plus the two devolved systems; Blackpool and Fylde
  Coast is "now" Lancashire and South Cumbria.
- 2020 (document 000): 18 ICSs; Cheshire and Merseyside "well on its way", i.e. still an STP.
- 19 November 2020 (document 004): North West London, BOB and Cheshire and Merseyside are ICSs;
  Buckinghamshire and Berkshire West are places of BOB, no longer ICSs of their own.
- 2022 (document 002): 42 ICSs, Cheshire and Merseyside among them, statutory from 1 July 2022.
A question's date is read as the end of its period (README, "Time").
"""

from __future__ import annotations

import pytest

from kg.catalogue import Catalogue, execute_question
from kg.catalogue.prefixes import shorten
from kg.store.embedded import EmbeddedStore

# Systems the corpus names as ICSs (or devolved systems) and does not end before mid-2021.
ICSS_2021_2022 = {
    "icsd:blmk-ics", "icsd:lancashire-and-south-cumbria-ics", "icsd:dorset-ics",
    "icsd:frimley-health-ics", "icsd:greater-nottingham-ics",
    "icsd:south-yorkshire-and-bassetlaw-ics", "icsd:surrey-heartlands", "icsd:greater-manchester",
    "icsd:nwl-ics", "icsd:bob-ics", "icsd:cheshire-and-merseyside-ics",
}
# (question, parameters, column, expected set)
CASES = [
    ("icss-as-of", {"asOf": "2021-06"}, "x", ICSS_2021_2022),
    ("icss-as-of", {"asOf": "2022-03"}, "x", ICSS_2021_2022),
    ("count-as-of", {"asOf": "2018"}, "n", {"10"}),
    ("count-as-of", {"asOf": "2020"}, "n", {"18"}),
    ("count-as-of", {"asOf": "2022"}, "n", {"42"}),
    ("status-of-body-as-of", {"body": "icsd:cheshire-and-merseyside-ics", "asOf": "2016"}, "kind",
     {"kind:SustainabilityAndTransformationPartnership"}),
    ("status-of-body-as-of", {"body": "icsd:cheshire-and-merseyside-ics", "asOf": "2020"}, "kind",
     {"kind:IntegratedCareSystem"}),
    ("status-of-body-as-of", {"body": "icsd:cheshire-and-merseyside-ics", "asOf": "August 2022"},
     "kind", {"kind:IntegratedCareSystem", "statutory"}),
]


def _shown(value: str) -> str:
    return shorten(value) if value.startswith("http") else value


@pytest.mark.parametrize(("question", "params", "column", "expected"), CASES,
                         ids=[f"{c[0]}-{c[1].get('asOf')}" for c in CASES])
def test_as_of_answer_matches_the_corpus(catalogue_store: EmbeddedStore, catalogue: Catalogue,
                                         question: str, params: dict[str, str], column: str,
                                         expected: set[str]) -> None:
    run = execute_question(catalogue_store, catalogue.get(question), params)
    got = {_shown(row[column].value) for row in run.result.rows if column in row}
    assert got == expected


def test_cheshire_and_merseyside_in_august_2022_has_its_statutory_parts(
        catalogue_store: EmbeddedStore, catalogue: Catalogue) -> None:
    """After go-live the system has an ICB and an ICP and no longer counts as an STP."""
    run = execute_question(catalogue_store, catalogue.get("bodies-existing-as-of"),
                           {"asOf": "August 2022"})
    existing = {shorten(row["x"].value) for row in run.result.rows}
    assert {"icsd:cheshire-and-merseyside-ics", "icsd:cheshire-and-merseyside-icb",
            "icsd:cheshire-and-merseyside-icp"} <= existing
    assert not any(name.startswith("icsd:ccg-") for name in existing)  # CCGs abolished 1 July 2022
    status = execute_question(catalogue_store, catalogue.get("status-of-body-as-of"),
                              {"body": "icsd:cheshire-and-merseyside-ics", "asOf": "August 2022"})
    kinds = {shorten(row["kind"].value) if row["kind"].is_iri else row["kind"].value
             for row in status.result.rows}
    assert "kind:SustainabilityAndTransformationPartnership" not in kinds


def test_a_year_figure_is_not_stretched_into_a_day(catalogue_store: EmbeddedStore,
                                                   catalogue: Catalogue) -> None:
    """The 18 of 2020 answers for mid-2021 too, but says it is dated 2020, not 1 January."""
    run = execute_question(catalogue_store, catalogue.get("count-as-of"), {"asOf": "2021-06"})
    assert {(row["n"].value, row["dated"].value) for row in run.result.rows} == {("18", "2020")}
