"""Finding a work in sources: each file searched on its own (so files can go to any
scheduler), the hits put in source order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from collate.find.hits import Hit
from collate.find.hits_of import hits_in_page
from collate.find.index import WorkIndex
from collate.find.read import pages, source_files

CHUNK = 16  # files sent to a process at once
Mapper = Callable[[Callable, list[Path]], Iterable[tuple[Hit, ...]]]


@dataclass(frozen=True)
class Found:
    """The hits of a search, in source order, and the source files searched."""

    hits: tuple[Hit, ...]
    sources: tuple[str, ...]


def hits_in_file(index: WorkIndex, path: Path) -> tuple[Hit, ...]:
    """Return the hits in one source file, in the order they stand."""
    return tuple(hit for page in pages(path, str(path)) for hit in hits_in_page(page, index))


def serial(function: Callable, files: list[Path]) -> Iterable[tuple[Hit, ...]]:
    """Return the function's results over the files, one after the other in this process."""
    return map(function, files)


def processes(jobs: int) -> Mapper:
    """Return a mapper that runs the search in `jobs` processes of this machine, results in the files' order."""

    def mapper(function: Callable, files: list[Path]) -> Iterable[tuple[Hit, ...]]:
        """Yield the function's results over the files, computed by a pool of processes."""
        with ProcessPoolExecutor(jobs) as pool:
            yield from pool.map(function, files, chunksize=CHUNK)

    return mapper


def find(index: WorkIndex, paths: tuple[Path, ...], mapper: Mapper = serial) -> Found:
    """Return the hits of the work in the sources, file by file in sorted order.

    `mapper` runs hits_in_file over the files (in this process, or on a scheduler);
    whatever runs it, the hits come back in the same order.
    """
    files = list(source_files(paths))
    hits = tuple(hit for found in mapper(partial(hits_in_file, index), files) for hit in found)
    return Found(hits, tuple(str(path) for path in files))
