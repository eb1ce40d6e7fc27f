"""HTML of the entity, graph, voID and look-up pages (the ontology docs: kg.linked.ontodocs)."""

from __future__ import annotations

from collections.abc import Iterable

from kg.linked.entity import Duty, EntityView, PropertyGroup, Statement
from kg.linked.graphs import GraphView
from kg.linked.html import esc, items, link, page
from kg.linked.lookup import Hit
from kg.linked.negotiate import OFFERED, Representation
from kg.linked.sources import Source
from kg.linked.terms import Node, curie
from kg.linked.void import Count, VoidView

_NAMES = {Representation.HTML: "HTML", Representation.TURTLE: "Turtle",
          Representation.JSONLD: "JSON-LD", Representation.NTRIPLES: "N-Triples",
          Representation.RDFXML: "RDF/XML", Representation.JSON: "JSON"}


def alternates(path: str) -> tuple[str, str]:
    """``<link rel=alternate>`` elements and the visible list of format links for ``path``."""
    others = [f for f in OFFERED if f is not Representation.HTML]
    head = "".join(f'<link rel="alternate" type="{f.media_type}" href="{esc(path + f.suffix)}">'
                   for f in others)
    body = " ".join(f'<a href="{esc(path + f.suffix)}">{_NAMES[f]}</a>' for f in others)
    return head, f'<p class="formats">Also as: {body}</p>'


def _source(src: Source) -> str:
    parts = [link(src.graph)]
    if src.document:
        parts.append(f"from {link(src.document)}")
    if src.locator:
        parts.append(f"<code>{esc(src.locator)}</code>")
    if src.note:
        parts.append(f'<span class="muted">{esc(src.note)}</span>')
    summary = f'<div class="summary">{esc(src.summary)}</div>' if src.summary else ""
    return " · ".join(parts) + summary


def _statement(st: Statement) -> str:
    n = len(st.sources)
    sources = (f'<details class="sources"><summary>{n} source{"s" if n != 1 else ""}</summary>'
               f"{items(_source(s) for s in st.sources)}</details>") if n else ""
    return link(st.node) + sources


def _groups(groups: Iterable[PropertyGroup], label: str) -> str:
    rows = [f"<tr><th>{link(g.prop)}</th><td>"
            f"{items((_statement(s) for s in g.statements), cls='values')}</td></tr>"
            for g in groups]
    return f"<h2>{esc(label)}</h2><table>{''.join(rows)}</table>" if rows else ""


def _duty(duty: Duty) -> str:
    action = link(duty.action) if duty.action else '<span class="muted">(no action)</span>'
    objects = " and ".join(link(o) for o in duty.objects)
    return (f'<p class="sentence">{link(duty.bearer)} <strong>{action}</strong> {objects} '
            f'<span class="muted">({link(duty.duty)})</span></p>')


def entity_html(view: EntityView, path: str, home: str = "/") -> str:
    head, formats = alternates(path)
    types = " ".join(link(t) for t in view.types)
    alt = f"<p>Also called: {esc(', '.join(view.alt_labels))}</p>" if view.alt_labels else ""
    definition = "".join(f'<p class="definition">{esc(d)}</p>' for d in view.definitions)
    parts = [f"<h1>{esc(view.label)}</h1>", f'<p class="iri">{esc(view.iri)}</p>',
             f'<p class="types">{types}</p>' if types else "", alt, definition, formats]
    if view.truncated:
        parts.append('<p class="notice">Only the first statements about it are shown here; '
                     "the Turtle and the SPARQL endpoint have them all.</p>")
    if view.duties:
        parts.append("<h2>Duties</h2>" + "".join(_duty(d) for d in view.duties))
    if view.timeline:
        entries = (f'<time datetime="{esc(e.date)}">{esc(e.date[:10])}</time>'
                   f"{link(e.subject)} <span class='muted'>{esc(e.prop.text)}</span>"
                   for e in view.timeline)
        parts.append("<h2>Timeline</h2>" + items(entries, "ol", "timeline"))
    parts.append(_groups(view.outgoing, "Statements about it"))
    parts.append(_groups(view.incoming, "Statements that refer to it"))
    if view.related:
        parts.append("<h2>Related</h2>" + items((link(n) for n in view.related), cls="toc"))
    return page(view.label, "".join(parts), home=home, alternates=head)


def graph_html(view: GraphView, path: str, home: str = "/") -> str:
    head, formats = alternates(path)
    facts = [("Document", link(view.document) if view.document else None),
             ("Locator", f"<code>{esc(view.locator)}</code>" if view.locator else None),
             ("Summary", esc(view.summary) if view.summary else None),
             ("Made by", esc(view.note) if view.note else None),
             ("Statements", str(view.triples))]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts if v)
    rows = "".join(f"<tr><td>{link(s.subject)}</td><td>{link(s.prop)}</td>"
                   f"<td>{link(s.value)}</td></tr>" for s in view.statements)
    more = ('<p class="notice">Only the first statements are shown; the Turtle has all.</p>'
            if view.truncated else "")
    body = (f"<h1>{esc(view.label)}</h1><p class='iri'>{esc(view.iri)}</p>{formats}"
            f"<table>{table}</table><h2>Statements</h2>{more}<table class='statements'>"
            f"<tr><th>Subject</th><th>Property</th><th>Value</th></tr>{rows}</table>")
    return page(view.label, body, home=home, alternates=head)


def _counts(title: str, counts: Iterable[tuple[Node, int]]) -> str:
    rows = "".join(f"<tr><td>{link(n)}</td><td>{c}</td></tr>" for n, c in counts)
    return f"<h2>{esc(title)}</h2><table>{rows}</table>"


def void_html(view: VoidView, namer_nodes: dict[str, Node], home: str = "/") -> str:
    head, formats = alternates(f"{home}void")
    facts = [("Triples", str(view.triples)), ("Graphs", str(len(view.graphs))),
             ("Distinct subjects", str(view.distinct_subjects)),
             ("Classes", str(len(view.classes))), ("Properties", str(len(view.properties))),
             ("Licence", f'<a href="{esc(view.licence)}">{esc(view.licence)}</a>'
              if view.licence else "not stated"),
             ("SPARQL endpoint", f'<a href="{esc(view.sparql_endpoint)}">'
                                 f"{esc(view.sparql_endpoint)}</a>"),
             ("Vocabulary", f'<a href="{esc(home)}ontology">{esc(view.vocabulary)}</a>')]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts)
    sources = items(link(namer_nodes[iri]) for iri, _ in view.sources)

    def nodes(counts: Iterable[Count]) -> list[tuple[Node, int]]:
        return [(namer_nodes[c.iri], c.count) for c in counts]

    body = (f"<h1>{esc(view.title)}</h1>{formats}<table>{table}</table>"
            f"<h2>Sources</h2>{sources}" + _counts("Graphs", nodes(view.graphs))
            + _counts("Classes", nodes(view.classes))
            + _counts("Properties", nodes(view.properties)))
    return page("Dataset description", body, home=home, alternates=head)


def lookup_html(query: str, hits: Iterable[tuple[Hit, Node]], home: str = "/") -> str:
    found = [f"{link(node)} <span class='muted'>{esc(curie(hit.iri))}"
             f"{' · matched ' + esc(hit.label) if hit.label != node.text else ''}</span>"
             for hit, node in hits]
    body = (f"<h1>Entities named like “{esc(query)}”</h1>" + (items(found) if found else
            "<p>Nothing has that name. Try fewer words, or query the graph.</p>"))
    return page(f"Find {query}", body, home=home)
