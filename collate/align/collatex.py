"""The one module that imports CollateX: aligns short runs of keys, returns plain tuples.

CollateX mutates the dicts it is given and returns its own objects; nothing of
either leaves this module. Every input position comes back exactly once, in order,
or AlignmentError is raised.

>>> collatex_rows((("very", "respectable", "comrade"), ("respected", "comrade")))
((0, 0), (1, None), (2, 1))
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from collatex import Collation, collate

from collate.model import CollateError


class AlignmentError(CollateError):
    """CollateX lost, duplicated or reordered a token."""


def collatex_rows(sides: Sequence[Sequence[str]]) -> tuple[tuple[int | None, ...], ...]:
    """Return CollateX's alignment of the key sequences as rows of positions (None: a gap)."""
    live = [s for s, keys in enumerate(sides) if keys]
    if len(live) < 2:
        return tuple(tuple(i if s == side else None for s in range(len(sides)))
                     for side in live for i in range(len(sides[side])))
    collation = Collation.create_from_dict({"witnesses": [
        {"id": f"w{s}", "tokens": [{"t": key or f"\x00{s}.{i}", "n": key or f"\x00{s}.{i}", "i": i}
                                   for i, key in enumerate(sides[s])]} for s in live]})
    table = json.loads(collate(collation, output="json", segmentation=False))["table"]
    columns = zip(*table)
    rows = tuple(tuple(cell_position(column[live.index(s)]) if s in live else None
                       for s in range(len(sides))) for column in columns)
    check_rows(rows, sides)
    return rows


def cell_position(cell: list[dict] | None) -> int | None:
    """Return the input position of the single token in a CollateX cell."""
    if not cell:
        return None
    if len(cell) != 1:
        raise AlignmentError(f"CollateX put {len(cell)} tokens of one witness in one column")
    return cell[0]["i"]


def check_rows(rows, sides) -> None:
    """Raise AlignmentError unless every side reads 0..n-1 down the rows."""
    for s, keys in enumerate(sides):
        read = [row[s] for row in rows if row[s] is not None]
        if read != list(range(len(keys))):
            raise AlignmentError(f"CollateX lost or reordered tokens of witness {s}: {read}")


def collatex_votes(words: Sequence[str], columns: Sequence[frozenset[str]]) -> frozenset[tuple[int, int]]:
    """Return the pairs (i, c) where CollateX sets words[i] with the same word of columns[c].

    The columns enter as witnesses of their own: the first has every column's
    first key, the next every column's second key, and so on; CollateX's variant
    graph then matches the new words against every word already aligned.
    """
    keyed = [sorted(column) for column in columns]
    depth = max(map(len, keyed), default=0)
    layers = [[(c, keys[k]) for c, keys in enumerate(keyed) if len(keys) > k] for k in range(depth)]
    if not words or not layers:
        return frozenset()
    witnesses = [{"id": "new", "tokens": [{"t": key or "\x00", "n": key or f"\x00{i}", "i": i} for i, key in enumerate(words)]}]
    witnesses += [{"id": f"c{k}", "tokens": [{"t": key, "n": key, "i": c} for c, key in layer]}
                  for k, layer in enumerate(layers)]
    table = json.loads(collate(Collation.create_from_dict({"witnesses": witnesses}), output="json",
                               segmentation=False))["table"]
    votes = set()
    for cells in zip(*table):
        new = cells[0][0] if cells[0] else None
        if new is not None:
            votes.update((new["i"], token["i"]) for cell in cells[1:] for token in cell or () if token["n"] == new["n"])
    return frozenset(votes)
