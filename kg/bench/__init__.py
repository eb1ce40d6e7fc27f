"""``icskg bench``: England-scale synthetic graphs, store measurements and HTTP throughput.

One concern per module: :mod:`kg.bench.england` (the shape of the NHS in
England), :mod:`kg.bench.generator` (TriG in the curated facts' patterns),
:mod:`kg.bench.stores` and :mod:`kg.bench.probe` (embedded store options,
each measured in its own process), :mod:`kg.bench.servers`,
:mod:`kg.bench.loadgen` and :mod:`kg.bench.throughput` (HTTP side by side),
:mod:`kg.bench.report` (table, JSON, targets) and :mod:`kg.bench.runner`.
"""
