"""Running the search on a dask.distributed cluster (the optional `dask` extra): the index
is sent to every worker once, each source file is one task, and the results come back
in the files' order, so the hits are the same as on one machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from collate.find.hits import FindError, Hit

TIMEOUT = "10s"  # how long to wait for the scheduler to answer
BATCH = 64  # files in flight per worker at once: enough to keep it busy, never the whole library


def client_for(address: str):
    """Return a dask.distributed client connected to the scheduler, or raise FindError."""
    try:
        from distributed import Client
    except ImportError:
        raise FindError(f"--scheduler {address}: dask is not installed (pip install -e '.[dask]')") from None
    try:
        return Client(address, timeout=TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise FindError(f"--scheduler {address}: no dask scheduler answers there ({error})") from None


def dask_mapper(address: str) -> Callable[[Callable, list[Path]], Iterable[tuple[Hit, ...]]]:
    """Return a mapper that runs a partial(hits_in_file, index) over files on the cluster at `address`."""
    client = client_for(address)

    def mapper(function: partial, files: list[Path]) -> Iterable[tuple[Hit, ...]]:
        """Yield the function's results over the files, computed on the cluster, in the files' order."""
        index = client.scatter(function.args[0], broadcast=True)
        step = BATCH * max(len(client.scheduler_info()["workers"]), 1)
        try:
            for start in range(0, len(files), step):
                futures = client.map(function.func, [index] * len(files[start:start + step]),
                                     files[start:start + step], pure=False)
                yield from client.gather(futures)
        finally:
            client.close()

    return mapper
