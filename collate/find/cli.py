"""The `collate find` command's work, for the click layer in collate/cli.py: search,
then the table's lines, the JSON file and the new witnesses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from collate.find.index import index_of
from collate.find.report import json_text, known_witness, source_lines, table_line
from collate.find.run import find, processes, serial
from collate.find.write import add_witnesses, write_whole
from collate.model import Work


def run_find(root: Path, work: Work, sources: tuple[Path, ...], json_file: Path | None, write: bool,
             scheduler: str | None, jobs: int = 1) -> Iterator[str]:
    """Search the sources for the work; yield the lines to print, writing what was asked for."""
    mapper = processes(jobs) if jobs > 1 else serial
    if scheduler:
        from collate.find.cluster import dask_mapper
        mapper = dask_mapper(scheduler)
    found = find(index_of(work), sources, mapper)
    known = [known_witness(hit, source_lines(work)) for hit in found.hits]
    yield from (table_line(hit, witness) for hit, witness in zip(found.hits, known))
    new = [hit for hit, witness in zip(found.hits, known) if witness is None]
    yield (f"{len(found.hits)} hit(s) of {work.id} in {len(found.sources)} source(s), "
           f"{len(found.hits) - len(new)} already witnesses")
    if json_file:
        write_whole(json_file, json_text(work, list(found.hits), known, len(found.sources)))
        yield f"wrote {json_file}"
    if write and new:
        yield from (f"wrote {path}" for path in add_witnesses(root, work, new))
