"""Spliced quotations: a stretch whose last sentences belong to another passage.

A quoting author may run two quotations together as one ("… with sufficient
caution. Stalin is too rude."). Where the stretch's last sentences match
nothing where its first ones stand, and match a later passage on their own,
the stretch is split at that sentence, its second part placed at its own
passage, and its placement marks the splice.

>>> from collate.align.profile import Column, Word
>>> words = [Word("with"), Word("caution", closes="sentence"), Word("stalin", opens=True), Word("is"), Word("rude")]
>>> columns = [Column(frozenset({k})) for k in ("with", "caution", "on", "the", "other")]
>>> splice_point(words, (("match", 0, 0), ("match", 1, 1), ("match", 2, 2), ("match", 3, 3), ("match", 4, 4)), columns)
2
"""

from __future__ import annotations

from collections.abc import Sequence

from collate.align.placement import MIN_SHARE
from collate.align.profile import Column, Op, Word, alike

MIN_TAIL = 3  # words: a shorter last sentence is not taken for another quotation
MIN_HEAD = 0.5  # the first part must stand where it is placed


def like_words(ops: Sequence[Op], words: Sequence[Word], columns: Sequence[Column]) -> list[bool]:
    """Return, per word, whether it stands in a column with the same, a similar or a compound word."""
    like = [False] * len(words)
    for kind, i, c in ops:
        if kind == "match" and alike(words[i], columns[c]):
            like[i] = True
    return like


def splice_point(words: Sequence[Word], ops: Sequence[Op], columns: Sequence[Column]) -> int | None:
    """Return the word where the stretch's trailing sentences stop matching its passage, or None."""
    like = like_words(ops, words, columns)
    for at in range(1, len(words) - MIN_TAIL + 1):
        head, tail = like[:at], like[at:]
        if words[at].opens and sum(tail) / len(tail) < MIN_SHARE and sum(head) / len(head) >= MIN_HEAD:
            return at
    return None
