"""Finding a work in sources: each file searched on its own (so files can go to any
scheduler), the hits put in source order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from collate.find.hits import Hit
from collate.find.hits_of import hits_in_page
from collate.find.index import WorkIndex
from collate.find.read import pages, source_files

Mapper = Callable[[Callable, Iterable], Iterable]


def hits_in_file(index: WorkIndex, path: Path) -> tuple[Hit, ...]:
    """Return the hits in one source file, in the order they stand."""
    return tuple(hit for page in pages(path, str(path)) for hit in hits_in_page(page, index))


def find(index: WorkIndex, paths: tuple[Path, ...], mapper: Mapper = map) -> Iterator[Hit]:
    """Yield the hits of the work in the sources, file by file in sorted order.

    `mapper` runs hits_in_file over the files (the built-in map, or a scheduler's);
    whatever runs it, the hits come back in the same order.
    """
    files = list(source_files(paths))
    for hits in mapper(lambda path: hits_in_file(index, path), files):
        yield from hits
