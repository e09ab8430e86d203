"""The files a collation is written as: name -> bytes, rendered in memory."""

from __future__ import annotations

from collate.model import Work
from collate.pipeline import collate_work
from collate.to_json import to_json


def outputs_of(work: Work, base: str | None = None) -> dict[str, bytes]:
    """Return the output files of one work, by file name."""
    collation = collate_work(work)
    return {f"{work.id}.json": to_json(collation).encode("utf-8")}
