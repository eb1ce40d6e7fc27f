"""Linked data: every IRI under the public base dereferences to a page or an RDF document.

:mod:`kg.linked.iris` maps IRIs to server paths, :mod:`kg.linked.negotiate` picks a format,
:mod:`kg.linked.entity` and :mod:`kg.linked.graphs` assemble what a page shows from the
store, :mod:`kg.linked.ontodocs` documents the TBox, :mod:`kg.linked.void` describes the
dataset, and :mod:`kg.linked.site` ties them together per live service.
"""
