"""Where each witness has words among the places: found once, so that no output rescans the text.

A row's neighbours (the base's word before an addition, the stretch a witness quoted
last) are looked up by bisection in these lists instead of by walking the places.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("a", "A", "one two three"), Witness("b", "B", "one three"))))
>>> positions = collation.positions
>>> positions.word_before(1, 1).body, positions.word_after(1, 1).body, positions.previous_stretch(1, 1)
('one', 'three', 0)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from collate.tokens import WORD, Token


@dataclass(frozen=True)
class Positions:
    """Per witness: the places where it has tokens, where it has words, and where each stretch begins."""

    places: tuple  # the collation's places
    tokened: tuple[tuple[int, ...], ...]  # per witness, the places where it has tokens, in order
    worded: tuple[tuple[int, ...], ...]  # per witness, the places where it has words, in order
    starts: tuple[dict[int, int], ...]  # per witness: stretch -> the first place holding its tokens

    def previous_stretch(self, p: int, w: int) -> int | None:
        """Return the stretch of the witness's last tokens before place p, or None."""
        at = bisect_left(self.tokened[w], p)
        return self.places[self.tokened[w][at - 1]].cells[w].stretch if at else None

    def word_before(self, p: int, w: int) -> Token | None:
        """Return the witness's last word before place p, or None."""
        at = bisect_left(self.worded[w], p)
        return last_word(self.places[self.worded[w][at - 1]].cells[w].tokens) if at else None

    def word_after(self, p: int, w: int) -> Token | None:
        """Return the witness's first word after place p, or None."""
        at = bisect_right(self.worded[w], p)
        if at == len(self.worded[w]):
            return None
        return next(t for t in self.places[self.worded[w][at]].cells[w].tokens if t.kind == WORD)

    def first_of_stretch(self, p: int, w: int) -> bool:
        """Return whether place p holds the first tokens of the witness's stretch there."""
        return self.starts[w].get(self.places[p].cells[w].stretch) == p


def last_word(tokens: tuple[Token, ...]) -> Token:
    """Return the last word among tokens that hold one."""
    return next(t for t in reversed(tokens) if t.kind == WORD)


def positions_of(places: tuple, count: int) -> Positions:
    """Return the positions of `count` witnesses among the places, in one pass over them."""
    tokened: list[list[int]] = [[] for _ in range(count)]
    worded: list[list[int]] = [[] for _ in range(count)]
    starts: list[dict[int, int]] = [{} for _ in range(count)]
    for p, place in enumerate(places):
        for w, cell in enumerate(place.cells):
            if cell.tokens:
                tokened[w].append(p)
                starts[w].setdefault(cell.stretch, p)
                if any(t.kind == WORD for t in cell.tokens):
                    worded[w].append(p)
    return Positions(places, tuple(map(tuple, tokened)), tuple(map(tuple, worded)), tuple(starts))
