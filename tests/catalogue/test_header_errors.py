"""Malformed headers fail with a message naming the file (and line where there is one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.catalogue import load_catalogue, parse_text
from kg.catalogue.model import ParamType
from kg.errors import CatalogueError

GOOD = """\
# id: sample
# title: A sample
# question: What must {body} do?
# alt: What does {body} have to do?
# param: body entity default=kind:IntegratedCareBoard class=ics:Body|ics:Tier: the body
# param: asOf date default=2018: when
# answer: {body} must: {x}.
# empty: Nothing for {body}.
# covers: 1, 3
SELECT ?body ?asOf ?x ?g ?doc WHERE { ?x ?p ?body FILTER(?asOf) }
"""


def parse(text: str, name: str = "sample.rq") -> object:
    return parse_text(Path(name), text)


def test_good_header_parses() -> None:
    question = parse_text(Path("sample.rq"), GOOD)
    assert question.id == "sample"
    assert question.canonical == "What must {body} do?"
    assert question.alternatives == ("What does {body} have to do?",)
    body, as_of = question.parameters
    assert (body.name, body.type, body.default) == ("body", ParamType.ENTITY, "kind:IntegratedCareBoard")
    assert body.classes == ("https://w3id.org/icskg/ontology#Body",
                            "https://w3id.org/icskg/ontology#Tier")
    assert (as_of.type, as_of.default, as_of.description) == (ParamType.DATE, "2018", "when")
    assert question.covers == (1, 3)
    assert question.sparql.startswith("SELECT")


@pytest.mark.parametrize(("change", "message"), [
    (("# covers: 1, 3\n", "# covers: 1, 3\n# colour: blue\n"), "sample.rq:10: unknown header key 'colour'"),
    (("# id: sample\n", ""), "lacks required key(s): id"),
    (("# title: A sample\n", ""), "lacks required key(s): title"),
    (("# question: What must {body} do?\n", ""), "lacks required key(s): question"),
    (("# answer: {body} must: {x}.\n", ""), "lacks required key(s): answer"),
    (("# title: A sample\n", "# title: A sample\n# title: Again\n"), "'title' given more than once"),
    (("What does {body} have", "What does {system} have"), "slot {system} is not a declared param"),
    (("# answer: {body} must: {x}.", "# answer: {nothing}."), "{nothing} is neither a param nor a query"),
    (("# answer: {body} must: {x}.", "# answer: {x:shout}."), "unknown format {x:shout}"),
    (("# empty: Nothing for {body}.", "# empty: Nothing for {x}."), "{x} is neither a param"),
    (("asOf date default=2018", "asOf date default=someday"), "bad default: not a date"),
    (("asOf date", "asOf datum"), "unknown type 'datum'"),
    (("default=2018", "default=2018 colour=red"), "unknown option(s) ['colour']"),
    (("asOf date default=2018: when", "asOf date default=2018 class=ics:Body: when"),
     "class= applies to entity parameters only"),
    (("class=ics:Body|ics:Tier", "class=nope:Body"), "class 'nope:Body' is not an IRI"),
    (("# id: sample", "# id: other"), "must equal the file name's stem"),
    (("# covers: 1, 3", "# covers: one"), "covers: 'one' is not a question number"),
    (("SELECT ?body ?asOf ?x ?g ?doc WHERE { ?x ?p ?body FILTER(?asOf) }", ""), "no SPARQL query"),
    (("# alt: What", "#alt What"), "header lines must read '# key: value'"),
    (("?body ?asOf ?x ?g ?doc WHERE { ?x ?p ?body FILTER(?asOf) }", "?body ?x ?g ?doc WHERE { ?x ?p ?body }"),
     "param 'asOf' is not used as ?asOf"),
])
def test_bad_header_is_rejected(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(CatalogueError) as caught:
        parse(GOOD.replace(old, new))
    assert caught.value.message.startswith("sample.rq")
    assert message in caught.value.message


def test_declared_twice_is_rejected() -> None:
    text = GOOD.replace("# param: asOf date default=2018: when\n",
                        "# param: asOf date default=2018: when\n# param: asOf date: again\n")
    with pytest.raises(CatalogueError, match="declared twice"):
        parse(text)


def test_load_catalogue_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "sample.rq").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.rq").write_text(GOOD.replace("# id: sample", "# id: broken")
                                        .replace("# title: A sample\n", ""), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"^broken\.rq: header lacks required key"):
        load_catalogue(tmp_path)


def test_load_catalogue_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "sample.rq").write_text(GOOD, encoding="utf-8")
    assert load_catalogue(tmp_path).ids == ("sample",)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CatalogueError, match="no catalogue folder"):
        load_catalogue(tmp_path / "missing")
    with pytest.raises(CatalogueError, match=r"no \*\.rq files"):
        load_catalogue(empty)
