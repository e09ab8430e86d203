"""How much of the work each witness quotes, and how alike two witnesses are where both quote.

Both are read off the alignment, once, in linear passes over the places; the JSON and the page show them.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("a", "A", "one two three four"),
...                                         Witness("b", "B", "one two three five"))))
>>> similarities(collation, (0, 1))[0][1], coverage(collation, 1)
(0.75, Coverage(quoted=1.0, cut=0.0))
"""

from __future__ import annotations

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


def similarity(words: list[tuple[str, ...] | None], others: list[tuple[str, ...] | None]) -> float | None:
    """Return the share of aligned word pairs that agree, over the places both witnesses quote.

    At each place both quote, the two witnesses' words pair off in order; a word facing no word
    is a pair that disagrees. None where both quote no words in common places."""
    pairs = agree = 0
    for mine, theirs in zip(words, others):
        if mine is None or theirs is None:
            continue
        if mine == theirs:  # most places: no need to pair word by word
            pairs, agree = pairs + len(mine), agree + len(mine)
        else:
            pairs += max(len(mine), len(theirs))
            agree += sum(a == b for a, b in zip(mine, theirs))
    return agree / pairs if pairs else None


def place_words(collation: Collation, w: int) -> list[tuple[str, ...] | None]:
    """Return per place a witness's normalized words, or None where it does not quote the place."""
    return [tuple(t.norm for t in place.cells[w].tokens if t.kind == WORD) if place.cells[w].status in ACTIVE
            else None for place in collation.places]


def similarities(collation: Collation, order: tuple[int, ...]) -> tuple[tuple[float | None, ...], ...]:
    """Return the similarity of every pair of witnesses (by witness index), each pair computed once."""
    words = [place_words(collation, w) for w in range(len(order))]
    found: dict[tuple[int, int], float | None] = {}
    for i, a in enumerate(order):
        found[a, a] = 1.0 if any(p.cells[a].tokens for p in collation.places) else None
        for b in order[i + 1:]:
            found[a, b] = found[b, a] = similarity(words[a], words[b])
    return tuple(tuple(found[a, b] for b in range(len(order))) for a in range(len(order)))
