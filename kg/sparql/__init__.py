"""The public SPARQL 1.1 endpoint: protocol, safety checks, negotiation and the query sandbox.

Modules stay light to import on purpose: :mod:`kg.sparql.worker` runs in
freshly spawned processes, so nothing here pulls in rdflib at import time.
"""
