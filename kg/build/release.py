"""Writing a build atomically: a fresh versioned folder, then one symlink swap.

``--out DIR`` becomes a symbolic link to ``.DIR.builds/<id>``. Readers that
open ``DIR/kg.trig`` see either the previous build or the new one, never a
half-written file; a failed build never touches the link. The two most recent
builds are kept so a server that is still reading the previous one is safe.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.namespaces import ONTOLOGY_IRI, PREFIXES
from kg.ontology import ONTOLOGY_FILE, OntologySources

KEEP_BUILDS = 2


@dataclass(frozen=True)
class Release:
    """What a build produced, written as ``build.json`` too."""

    graphs: int
    triples: int
    fact_graphs: int
    inferred: int
    seconds: float


def builds_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.builds"


def _catalog(names: list[str]) -> str:
    rows = "\n".join(
        f'    <uri id="icskg-{n}" name="https://w3id.org/icskg/imports/{n}" uri="imports/{n}.owl"/>'
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        f"{rows}\n</catalog>\n"
    )


def header_first(rdfxml: str) -> str:
    """Move the top-level ``owl:Ontology`` element to the start of the document.

    The OWL API's AutoIRIMapper (used by Protégé's catalog-less import resolution)
    reads only the first element to learn a file's ontology IRI.
    """
    lines = rdfxml.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("  <owl:Ontology ")), None)
    opening = next((i for i, line in enumerate(lines) if line.startswith(">")), None)
    if start is None or opening is None:
        return rdfxml
    end = start
    if not lines[start].rstrip().endswith("/>"):
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("  </owl:Ontology>"))
    block = lines[start:end + 1]
    rest = lines[:start] + lines[end + 1:]
    return "".join(rest[:opening + 1] + block + rest[opening + 1:])


def _write_rdfxml(graph: Graph, path: Path, iri: str) -> None:
    # The OWL API's AutoIRIMapper learns a file's ontology IRI from xml:base.
    with warnings.catch_warnings():
        # pretty-xml warns that it writes rdf:List nodes as collections, which is what we want.
        warnings.simplefilter("ignore", UserWarning)
        text = graph.serialize(format="pretty-xml")
    text = text.replace("<rdf:RDF\n", f'<rdf:RDF\n  xml:base="{iri}"\n', 1)
    path.write_text(header_first(text), encoding="utf-8")


def write_ontology(folder: Path, ontology: OntologySources, source_dir: Path) -> None:
    """ontology.ttl (the edited source), ontology.owl (RDF/XML), imports and a Protégé catalog."""
    shutil.copyfile(source_dir / ONTOLOGY_FILE, folder / "ontology.ttl")
    _write_rdfxml(ontology.main, folder / "ontology.owl", ONTOLOGY_IRI)
    (folder / "imports").mkdir()
    names = []
    for iri, graph in ontology.imports.items():
        name = iri.rstrip("/").rsplit("/", 1)[-1]
        names.append(name)
        _write_rdfxml(graph, folder / "imports" / f"{name}.owl", iri)
    (folder / "catalog-v001.xml").write_text(_catalog(sorted(names)), encoding="utf-8")


def write_dataset(folder: Path, graphs: dict[URIRef, Graph]) -> int:
    dataset = Dataset()
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri)
    for name, graph in graphs.items():
        target = dataset.graph(name)
        for triple in graph:
            target.add(triple)
    dataset.serialize(folder / "kg.trig", format="trig")
    return sum(len(g) for g in graphs.values())


def new_build_folder(out: Path) -> Path:
    root = builds_dir(out)
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
    folder.mkdir()
    return folder


def publish(out: Path, folder: Path, release: Release) -> None:
    """Point ``out`` at ``folder`` atomically and prune old builds."""
    (folder / "build.json").write_text(json.dumps(asdict(release), indent=2), encoding="utf-8")
    if out.exists() and not out.is_symlink():
        # A plain folder from elsewhere: move it aside once, then use the link scheme.
        out.rename(builds_dir(out) / f"legacy-{time.monotonic_ns()}")
    link = out.parent / f".{out.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(folder.relative_to(out.parent))
    os.replace(link, out)
    keep = {folder.resolve()}
    older = sorted(p for p in builds_dir(out).iterdir() if p.resolve() not in keep)
    for stale in older[: max(0, len(older) - (KEEP_BUILDS - 1))]:
        shutil.rmtree(stale, ignore_errors=True)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
