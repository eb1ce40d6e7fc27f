"""Per-core busy time from /proc/stat, to show how the two cores were used."""

from __future__ import annotations

from pathlib import Path

_STAT = Path("/proc/stat")


def snapshot() -> dict[int, tuple[int, int]]:
    """Core number to (busy jiffies, total jiffies); empty where /proc is absent."""
    if not _STAT.is_file():
        return {}
    found: dict[int, tuple[int, int]] = {}
    for line in _STAT.read_text(encoding="ascii").splitlines():
        name, *values = line.split()
        if name.startswith("cpu") and name[3:].isdigit():
            ticks = [int(v) for v in values]
            idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
            found[int(name[3:])] = (sum(ticks) - idle, sum(ticks))
    return found


def busy(before: dict[int, tuple[int, int]],
         after: dict[int, tuple[int, int]]) -> dict[int, float]:
    """Fraction of time each core was busy between two snapshots."""
    shares: dict[int, float] = {}
    for core, (b1, t1) in after.items():
        b0, t0 = before.get(core, (0, 0))
        shares[core] = (b1 - b0) / (t1 - t0) if t1 > t0 else 0.0
    return shares
