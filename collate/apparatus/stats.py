"""How much of the work each witness quotes, and how alike two witnesses are where both quote.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("a", "A", "one two three four"),
...                                         Witness("b", "B", "one two three five"))))
>>> similarity(collation, 0, 1), coverage(collation, 1)
(0.75, Coverage(quoted=1.0, cut=0.0))
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from collate.apparatus.places import Collation
from collate.apparatus.terms import ACTIVE, Status
from collate.tokens import WORD


@dataclass(frozen=True)
class Coverage:
    """The shares of the collation's places a witness quotes (is not not-quoted at) and cuts."""

    quoted: float
    cut: float


def coverage(collation: Collation, w: int) -> Coverage:
    """Return the share of places a witness quotes and the share its quoting author cut."""
    statuses = [place.cells[w].status for place in collation.places]
    total = len(statuses) or 1
    return Coverage(sum(s != Status.NOT_QUOTED for s in statuses) / total, statuses.count(Status.CUT) / total)


def similarity(collation: Collation, a: int, b: int) -> float | None:
    """Return difflib's ratio of the normalized words of two witnesses over the places both quote."""
    both = [place for place in collation.places if place.cells[a].status in ACTIVE and place.cells[b].status in ACTIVE]
    words = [[t.norm for place in both for t in place.cells[w].tokens if t.kind == WORD] for w in (a, b)]
    if not any(words):
        return None
    return difflib.SequenceMatcher(None, *words, autojunk=False).ratio()


def similarities(collation: Collation, order: tuple[int, ...]) -> tuple[tuple[float | None, ...], ...]:
    """Return the similarity of every pair of witnesses (by witness index), each pair once, in `order`."""
    found: dict[tuple[int, int], float | None] = {}
    for i, a in enumerate(order):
        found[a, a] = 1.0 if any(p.cells[a].tokens for p in collation.places) else None
        for b in order[i + 1:]:
            found[a, b] = found[b, a] = similarity(collation, a, b)
    return tuple(tuple(found[a, b] for b in range(len(order))) for a in range(len(order)))
