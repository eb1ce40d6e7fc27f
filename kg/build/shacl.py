"""SHACL validation of the instance data with pySHACL (https://www.w3.org/TR/shacl/)."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build.facts import FactBase
from kg.errors import FactError
from kg.namespaces import SH


def _first_graph_with(facts: FactBase, node: object) -> str:
    for name, graph in facts.graphs.items():
        if isinstance(node, URIRef) and (node, None, None) in graph:
            return facts.where(name)
    return "provenance.trig or a generated graph"


def validate_shacl(data: Graph, tbox: Graph, shapes: Graph, facts: FactBase) -> int:
    """Validate ``data`` (with the TBox mixed in); return the number of shapes checked.

    On violation, raise :class:`FactError` naming the file, the focus node and the message.
    """
    from pyshacl import validate

    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=tbox, inference="none",
        abort_on_first=False, allow_warnings=True, advanced=True,
    )
    if not conforms:
        assert isinstance(report, Graph)
        problems = []
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            where = _first_graph_with(facts, focus)
            path_text = path.n3() if isinstance(path, URIRef) else "(node)"
            focus_text = focus.n3() if focus is not None else "?"
            problems.append(f"{where}: {focus_text} {path_text}: {message}")
        problems.sort()
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise FactError("SHACL validation failed: " + "; ".join(problems[:5]) + more)
    return len(set(shapes.subjects(RDF.type, SH.NodeShape)))
