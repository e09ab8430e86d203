"""Whether a run fits in memory: an estimate made before collating, and what the machine has.

Until book-scale witnesses are collated in bounded memory, a run that cannot fit is refused
before it starts rather than killed, or stopped by a MemoryError, halfway.
"""

from __future__ import annotations

import resource
from pathlib import Path

from collate.model import CollateError, Work

# Measured peak RSS of `collate compare` (Python 3.11, collatex 2.3): about 50 MB to start,
# then 625-850 bytes per character of witness text (0.05-0.4 MB of text, one or two long
# witnesses); the constants round both up.
BASE = 64 * 2**20
PER_CHARACTER = 1000


def check_fits(works: list[Work]) -> None:
    """Raise CollateError when a run is estimated to need more memory than the process can take."""
    needed, available = memory_needed(works), memory_available()
    if available is not None and needed > available:
        raise CollateError(f"this run needs about {describe(needed)} of memory and {describe(available)} is "
                           "available; collate fewer or shorter witnesses, or use --force to try anyway")


def memory_needed(works: list[Work]) -> int:
    """Return the bytes of memory a run collating these works is estimated to need."""
    return BASE + PER_CHARACTER * sum(len(witness.text) for work in works for witness in work.witnesses)


def memory_available() -> int | None:
    """Return the bytes of memory this process can still take: the least of the system's and its limits."""
    limits = [meminfo_available(), cgroup_available(), address_space_limit()]
    known = [limit for limit in limits if limit is not None]
    return min(known) if known else None


def meminfo_available() -> int | None:
    """Return MemAvailable from /proc/meminfo, in bytes (None where there is no /proc)."""
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
    except OSError:
        return None
    found = [line.split() for line in lines if line.startswith("MemAvailable:")]
    return int(found[0][1]) * 1024 if found else None


def cgroup_available() -> int | None:
    """Return what the process's cgroup (v2) lets it use beyond what it uses now, in bytes."""
    folder = Path("/sys/fs/cgroup")
    try:
        limit = (folder / "memory.max").read_text().strip()
        current = int((folder / "memory.current").read_text())
    except (OSError, ValueError):
        return None
    return None if limit == "max" else max(int(limit) - current, 0)


def address_space_limit() -> int | None:
    """Return the process's address-space limit (ulimit -v), in bytes, or None when unlimited."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def describe(count: int) -> str:
    """Return a byte count in megabytes, as messages show it."""
    return f"{count / 2**20:,.0f} MB"

