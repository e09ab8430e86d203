"""Stretches kept whole, and their copies: a copy of a misquotation stands where the misquotation stands.

A stretch that shares too few words with any passage is kept whole against the
passage it best matches (one reading, one place). A later witness's stretch
that copies it nearly word for word would otherwise find its words in that one
column and be spread word by word over the others' columns; it is kept whole in
the same columns instead, so that word-identical copies read as one reading.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from collate.align.placement import LOCAL, Placement
from collate.align.units import Unit

COPY = 0.8  # a stretch this like a stretch kept whole (difflib ratio of their words) is kept whole with it


@dataclass(frozen=True, eq=False)
class Block:
    """A stretch kept whole: its words, the first and last column of its passage, and its content words found."""

    keys: tuple[str, ...]
    first: object  # the Column objects themselves: their positions move as columns are inserted
    last: object
    matched: int
    content: int


def block_like(blocks: list[Block], keys: list[str], table, w: int) -> Block | None:
    """Return a stretch kept whole that this one copies (nearly word for word) where w is still free, or None."""
    for block in blocks:
        if difflib.SequenceMatcher(None, block.keys, keys, autojunk=False).ratio() >= COPY:
            first, last = table.index(block.first), table.index(block.last)
            if not any(w in column.units for column in table[first:last + 1]):
                return block
    return None


def block_placement(table, w: int, stretch: Sequence[Unit], block: Block, merge) -> Placement:
    """Return the placement of a stretch kept whole where the stretch it copies stands, having put it there (by `merge`).

    Its quality is the share of its words found among the words already in those columns.
    """
    first, last = table.index(block.first), table.index(block.last)
    found = {u.key for column in (table[first], table[last]) for units in column.units.values() for u in units}
    quality = round(sum(u.key in found for u in stretch) / len(stretch), 3)
    merge(table, w, stretch, [("in", first)] * (len(stretch) - 1) + [("in", last)])
    return Placement(stretch[0].stretch, LOCAL, first, last + 1, block.matched, block.content, quality)
