"""A stretch against its region: scored whole when small, else anchors and each gap between them scored.

Before the first anchor words pair from the anchor's side, and the region's
first columns are free to leave empty; after the last anchor likewise towards
the end: a fragment's region is wider than what it quotes. A gap too large to
score whole is first cut at its longest runs of equal words (difflib). Where a
word could go to more than one column, CollateX's variant graph of the gap
(every word already aligned there) votes for the pairs it matches.

>>> from collate.align.profile import Column, Word
>>> columns = [Column(frozenset({w})) for w in "stalin is too rude and this fault".split()]
>>> stretch_ops([Word(w) for w in "rude and this".split()], columns)[-4:]
(('match', 0, 3), ('match', 1, 4), ('match', 2, 5), ('skip', None, 6))
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence

from collate.align.anchors import anchor_pairs
from collate.align.collatex import collatex_votes
from collate.align.profile import MAX_CELLS, Column, Op, Word, gap_ops
from collate.tables import STOPWORDS

SCORED_WHOLE = 12_000  # words × columns: a stretch this small is scored without anchors
MAX_VOTED = 900  # CollateX's time grows with the square of a gap: larger gaps go without its votes


def stretch_ops(words: Sequence[Word], columns: Sequence[Column], whole: bool = False) -> tuple[Op, ...]:
    """Return the alignment of a stretch's words to its region's columns, as ops in order.

    `whole`: the stretch covers the region from end to end (else the region is
    wider than the stretch, and its first and last columns are free to leave empty).
    A stretch small enough is scored whole, without anchors: the best alignment
    under the scores, however the words are spread.
    """
    if len(words) * len(columns) <= SCORED_WHOLE:
        return gap(words, columns, not whole, not whole, False)
    anchors = anchor_pairs([w.key for w in words], [c.keys for c in columns], STOPWORDS, whole)
    edges = [(-1, -1), *anchors, (len(words), len(columns))]
    ops: list[Op] = []
    for n, ((i0, c0), (i1, c1)) in enumerate(zip(edges, edges[1:])):
        first, last = n == 0, n == len(edges) - 2
        cut_after = i1 < len(words) and words[i1].cut_before
        ops.extend(shifted(gap(words[i0 + 1:i1], columns[c0 + 1:c1], first and not whole,
                               (last and not whole) or cut_after, first and bool(anchors)), i0 + 1, c0 + 1))
        if not last:
            ops.append(("match", i1, c1))
    return tuple(ops)


def gap(words: Sequence[Word], columns: Sequence[Column], free_start: bool, free_end: bool,
        from_end: bool) -> tuple[Op, ...]:
    """Return one gap's ops; a gap too large to score whole is cut at its common runs first."""
    if len(words) * len(columns) <= MAX_CELLS:
        return gap_ops(words, columns, free_start, free_end, from_end, votes(words, columns))
    blocks = common_runs(words, columns)
    if not blocks:
        return tuple(("word", i, None) for i in range(len(words))) + tuple(
            ("skip", None, c) for c in range(len(columns)))
    ops: list[Op] = []
    edges = [(0, 0, 0), *blocks, (len(words), len(columns), 0)]
    for n, ((i0, c0, size), (i1, c1, _)) in enumerate(zip(edges, edges[1:])):
        ops.extend(shifted(gap(words[i0 + size:i1], columns[c0 + size:c1], free_start and n == 0,
                               free_end and n == len(edges) - 2, from_end and n == 0), i0 + size, c0 + size))
        ops.extend(("match", i1 + d, c1 + d) for d in range(edges[n + 1][2]))
    return tuple(ops)


def votes(words: Sequence[Word], columns: Sequence[Column]) -> frozenset[tuple[int, int]]:
    """Return CollateX's matches where a content word of the gap could go to more than one column, else none."""
    if len(words) < 2 or len(columns) < 2 or len(words) * len(columns) > MAX_VOTED:
        return frozenset()
    keys = [w.key for w in words if w.key and w.key not in STOPWORDS]
    found = Counter(key for column in columns for key in column.keys)
    if not any(found[key] > 1 for key in keys) and not any(n > 1 and found[key] for key, n in Counter(keys).items()):
        return frozenset()
    return collatex_votes([w.key for w in words], [c.keys for c in columns])


def common_runs(words: Sequence[Word], columns: Sequence[Column]) -> list[tuple[int, int, int]]:
    """Return difflib's matching blocks (i, c, size) of two or more words, each column read as its first key."""
    heads = [min(column.keys) if column.keys else "" for column in columns]
    matcher = difflib.SequenceMatcher(None, [w.key for w in words], heads, autojunk=False)
    return [tuple(block) for block in matcher.get_matching_blocks() if block.size >= 2]


def shifted(ops: Sequence[Op], di: int, dc: int) -> list[Op]:
    """Return ops with their positions moved by (di, dc)."""
    return [(kind, None if i is None else i + di, None if c is None else c + dc) for kind, i, c in ops]
