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
