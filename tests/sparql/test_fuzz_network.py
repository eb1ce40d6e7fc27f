"""Hypothesis: obfuscated SERVICE, FROM and LOAD never make a connection.

Keywords and IRIs are written with codepoint escapes and mixed case, tokens
are separated by comments and escaped newlines, and the pattern is buried in
subqueries, OPTIONAL, EXISTS, UNION or GRAPH behind strings full of
comment and quote characters. Run through the live endpoint (query check
on) and straight into a worker pool (query check off): zero connections.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import IcskgError
from kg.sparql.boot import WorkerConfig
from kg.sparql.pool import WorkerPool

from .conftest import LiveServer
from .test_isolation import job
from .test_network_safety import Listener

_SEPARATORS = [" ", "\n", "\t", " # a comment } SERVICE\n", r"\u000A", r"\u0009", "\r\n"]
_DISTRACTORS = ['', '?s ?p "#" . ', "?s ?p '''\"' . ", '?s ?p "}" . ', '?s ?p "\\"" . ',
                "?s ?p <urn:x#y> . ", r'?s ?p "\u0023" . ']
_WRAPPERS = ["{}", "OPTIONAL {{ {} }}", "{{ SELECT * {{ {} }} }}", "FILTER EXISTS {{ {} }}",
             "{{ ?a ?b ?c }} UNION {{ {} }}", "GRAPH ?g {{ {} }}", "MINUS {{ {} }}"]


@st.composite
def spelled(draw: st.DrawFn, word: str) -> str:
    """``word`` with each character in random case, or as a \\u or \\U escape."""
    out = []
    for ch in word:
        how = draw(st.sampled_from(["lower", "upper", "u", "U"]))
        if how == "u":
            out.append(f"\\u{ord(ch):04X}")
        elif how == "U":
            out.append(f"\\U{ord(ch):08x}")
        else:
            out.append(ch.lower() if how == "lower" else ch.upper())
    return "".join(out)


@st.composite
def iri(draw: st.DrawFn, url: str) -> tuple[str, str]:
    """(prologue, reference) naming ``url``: plain, partly escaped, or a prefixed name."""
    how = draw(st.sampled_from(["plain", "escaped", "pname"]))
    if how == "pname":
        return f"PREFIX r: <{url.rsplit('/', 1)[0]}/>\n", "r:sparql"
    if how == "escaped":
        cut = draw(st.integers(0, len(url) - 1))
        return "", "<" + url[:cut] + "".join(f"\\u{ord(c):04X}" for c in url[cut:]) + ">"
    return "", f"<{url}>"


@st.composite
def attack(draw: st.DrawFn, url: str) -> str:
    sep = draw(st.sampled_from(_SEPARATORS))
    prologue, ref = draw(iri(url))
    kind = draw(st.sampled_from(["service", "from", "from-named", "load"]))
    distractor = draw(st.sampled_from(_DISTRACTORS))
    if kind == "load":
        return f"{prologue}{draw(spelled('LOAD'))}{sep}{ref}"
    if kind == "service":
        silent = draw(st.sampled_from(["", draw(spelled("SILENT")) + sep]))
        inner = f"{draw(spelled('SERVICE'))}{sep}{silent}{ref}{sep}{{ ?s ?p ?o }}"
        body = draw(st.sampled_from(_WRAPPERS)).format(distractor + inner)
        return f"{prologue}{draw(spelled('SELECT'))} *{sep}{{ {body} }}"
    named = f"{draw(spelled('NAMED'))}{sep}" if kind == "from-named" else ""
    return (f"{prologue}{draw(spelled('SELECT'))} * {draw(spelled('FROM'))}{sep}{named}"
            f"{ref}{sep}{{ {distractor} ?s ?p ?o }}")


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def bare_pool() -> Iterator[WorkerPool]:
    pool = WorkerPool(WorkerConfig(None), general=1)
    yield pool
    pool.close()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_endpoint_never_connects(server: LiveServer, listener: Listener,
                                 data: st.DataObject) -> None:
    query = data.draw(attack(listener.url))
    response = httpx.post(server.sparql, data={"query": query}, timeout=30)
    assert response.status_code < 500, (query, response.text)
    assert listener.accepted == 0, query


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_worker_never_connects_without_the_check(bare_pool: WorkerPool, listener: Listener,
                                                 data: st.DataObject) -> None:
    from kg.sparql.escapes import expand

    query = data.draw(attack(listener.url))
    try:
        text = expand(query)
    except IcskgError:
        text = query
    with contextlib.suppress(IcskgError):
        bare_pool.run(job(text))
    assert listener.accepted == 0, query
