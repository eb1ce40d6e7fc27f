"""The short soak in CI: `kg.soak` for ~8 s against a real `icskg serve` on loopback.

The full run is `python -m kg.soak --seconds 60`; this one asserts only what
must hold on any machine: no errors on good requests, bad requests refused
with a 4xx, every pathological query cut off, and memory that does not run
away (a generous bound; no timing asserts here, speed belongs to the bench).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.soak import SoakConfig, soak


@pytest.mark.slow
def test_short_soak_has_no_errors_and_steady_memory(built_dir: Path) -> None:
    config = SoakConfig(seconds=8, clients=3, query_timeout=2.0, pathological_every=3.0,
                        out=built_dir)
    report = soak(config, progress=lambda _: None)
    print(report.render())
    assert report.good_requests > 100
    assert report.good_errors == 0, report.error_samples
    assert report.bad_requests > 20 and report.bad_errors == 0, report.error_samples
    assert report.pathological_sent >= 2
    assert report.pathological_cut_off == report.pathological_sent, report.error_samples
    assert report.rss_start_mb > 0
    assert report.rss_end_mb < report.rss_start_mb * 1.5 + 64, report.render()
