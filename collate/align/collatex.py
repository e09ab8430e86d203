"""The one module that imports CollateX: collates a gap, returns plain tuples.

CollateX mutates the dicts it is given and returns its own objects; nothing of
either leaves this module. Every input position comes back exactly once, in order,
or AlignmentError is raised.

>>> sorted(collatex_votes(["the", "cat", "and", "the", "dog"], [frozenset({k}) for k in "the dog and the cat".split()]))
[(0, 0), (2, 2), (3, 3)]
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from collatex import Collation, collate

from collate.model import CollateError


class AlignmentError(CollateError):
    """CollateX lost, duplicated or reordered a token."""


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
    check_table(table, witnesses)
    votes = set()
    for cells in zip(*table):
        new = cells[0][0] if cells[0] else None
        if new is not None:
            votes.update((new["i"], token["i"]) for cell in cells[1:] for token in cell or () if token["n"] == new["n"])
    return frozenset(votes)


def check_table(table: list, witnesses: list[dict]) -> None:
    """Raise AlignmentError unless every witness's tokens come back once each, in order."""
    for row, witness in zip(table, witnesses):
        read = [token["i"] for cell in row for token in cell or ()]
        if read != [token["i"] for token in witness["tokens"]]:
            raise AlignmentError(f"CollateX lost or reordered tokens of witness {witness['id']}: {read}")
