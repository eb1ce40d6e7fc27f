"""HTML building blocks shared by the linked-data pages and the ontology docs.

Everything dynamic goes through :func:`esc`; pages load no script and nothing from
another origin, so they work with no network beyond this server.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape
from pathlib import Path

from kg.linked.terms import Node, curie

TEMPLATES = Path(__file__).resolve().parent / "templates"


def esc(text: str) -> str:
    return escape(text, quote=True)


@cache
def stylesheet() -> str:
    """The pages' CSS, inlined so a saved page (and the docs in a release) stands alone."""
    return (TEMPLATES / "linked.css").read_text(encoding="utf-8")


def link(node: Node) -> str:
    """A term as HTML: a link for IRIs, the value (with language or datatype) for literals."""
    if node.kind == "literal":
        meta = f"@{node.lang}" if node.lang else (curie(node.datatype) if node.datatype else "")
        suffix = f' <span class="lit-meta">{esc(meta)}</span>' if meta else ""
        return f"<span>{esc(node.text)}</span>{suffix}"
    if node.href is None:
        return f'<span class="iri">{esc(node.text)}</span>'
    title = f' title="{esc(node.value)}"' if node.text != node.value else ""
    return f'<a href="{esc(node.href)}"{title}>{esc(node.text)}</a>'


def items(parts: Iterable[str], tag: str = "ul", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    body = "".join(f"<li>{p}</li>" for p in parts)
    return f"<{tag}{attr}>{body}</{tag}>" if body else ""


def page(title: str, body: str, *, home: str = "/", alternates: str = "",
         search: bool = True) -> str:
    """A whole page: header with links and a search box, then ``body``."""
    form = (f'<form action="{esc(home)}lookup" method="get" role="search">'
            '<input type="search" name="q" placeholder="Find an entity by name" '
            'aria-label="Find an entity by name"> <button>Find</button></form>') if search else ""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · icskg</title><link rel="icon" href="data:,">'
        f"{alternates}<style>{stylesheet()}</style></head><body>"
        f'<header class="site"><a class="home" href="{esc(home)}">icskg</a><nav>'
        f'<a href="{esc(home)}">Query</a><a href="{esc(home)}ontology">Ontology</a>'
        f'<a href="{esc(home)}void">Dataset (voID)</a></nav>{form}</header>'
        f"<main>{body}</main></body></html>\n"
    )
