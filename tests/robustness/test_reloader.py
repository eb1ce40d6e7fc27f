"""kg.reload in process: swap after a complete open, keep the old service on failure,
retire the old one after the grace period, and the admin token check."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.errors import AuthenticationError, NotFoundError, ReloadError
from kg.reload import Reloader, check_admin_token, grace_seconds
from kg.service import Service, ServiceHolder
from kg.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "stores" / "data" / "sample.trig"


@pytest.fixture
def corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "half-written.trig"
    path.write_text(SAMPLE.read_text(encoding="utf-8")[:500], encoding="utf-8")
    return path


def test_a_failed_open_keeps_the_old_service(corrupt: Path) -> None:
    good = Service.open(Settings(data_files=[SAMPLE]))
    holder = ServiceHolder(good)
    reloader = Reloader(Settings(data_files=[corrupt]), grace=0)
    reloader.attach(holder)
    try:
        with pytest.raises(ReloadError, match="still serving the previous graph"):
            reloader.reload()
        assert holder.current is good
        assert good.store.triple_count() == 55
    finally:
        reloader.close()
        good.close()


def test_a_missing_build_is_refused_with_its_path(tmp_path: Path) -> None:
    good = Service.open(Settings(data_files=[SAMPLE]))
    holder = ServiceHolder(good)
    reloader = Reloader(Settings(build_dir=tmp_path / "nothing-here"), grace=0)
    reloader.attach(holder)
    try:
        with pytest.raises(ReloadError, match="nothing-here"):
            reloader.reload()
        assert holder.current is good
    finally:
        reloader.close()
        good.close()


def test_reload_swaps_then_retires_the_old_service_after_the_grace() -> None:
    settings = Settings(data_files=[SAMPLE], sparql_workers=1)
    old = Service.open(settings)
    old.sparql()
    holder = ServiceHolder(old)
    reloader = Reloader(settings, grace=0.5)
    reloader.attach(holder)
    try:
        report = reloader.reload()
        assert (report.triples_before, report.triples_after) == (55, 55)
        fresh = holder.current
        assert fresh is not old
        assert fresh._sparql is not None  # started before the swap, not on first use
        assert old._sparql is not None  # still open for requests already running
        deadline = time.monotonic() + 30
        while old._sparql is not None:
            assert time.monotonic() < deadline, "the retired service was never closed"
            time.sleep(0.05)
    finally:
        reloader.close()
        holder.current.close()


def test_close_retires_everything_at_once() -> None:
    settings = Settings(data_files=[SAMPLE], sparql_workers=1)
    holder = ServiceHolder(Service.open(settings))
    reloader = Reloader(settings, grace=3600)
    reloader.attach(holder)
    first = holder.current
    reloader.reload()
    reloader.close()
    assert first._sparql is None
    with pytest.raises(ReloadError, match="not running"):
        reloader.reload()
    holder.current.close()


def test_reload_before_the_service_is_open_is_refused() -> None:
    with pytest.raises(ReloadError, match="not running yet"):
        Reloader(Settings(data_files=[SAMPLE])).reload()


def test_grace_covers_a_queued_and_a_running_query() -> None:
    assert grace_seconds(Settings(query_timeout=10)) == 21.0


def test_admin_token_check() -> None:
    with pytest.raises(NotFoundError):
        check_admin_token(None, "anything")
    with pytest.raises(NotFoundError):
        check_admin_token("", "")
    for presented in (None, "", "secret ", "Secret", "secre", "secret\u00e9"):
        with pytest.raises(AuthenticationError):
            check_admin_token("secret", presented)
    check_admin_token("secret", "secret")
