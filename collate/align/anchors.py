"""Anchors: content words unique on both sides, chained by weight, the gaps searched again.

Like patience diff, but a chain is not the longest one: each anchor weighs more
when its neighbours match too, and a chain pays for every step that leaves the
diagonal, so a rare word from a later sentence cannot pull the alignment out of
line. Function words never anchor: the gap alignment places them.

>>> words = "secretary of the party this is perfectly true".split()
>>> columns = [frozenset({w}) for w in "secretary that is quite true yes i split the party".split()]
>>> anchor_pairs(words, columns, frozenset({"this", "is", "of", "the", "that", "i"}))
((0, 0), (7, 4))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

CONTEXT = 0.5  # an anchor whose neighbour matches too weighs this much more
FUNCTION_CONTEXT = 0.2  # or this much, where the neighbour is a function word
REACH = 3  # neighbours counted on each side
SKEW = 0.15 # the cost of each word by which a step leaves the diagonal
JUMP = 2.5  # the most a step can cost: a long omission or addition is one jump
WINDOW = 24  # steps are costed exactly from this many previous anchors
MIN_BOX = 4  # a box smaller than this on either side is left to the gap alignment

Box = tuple[int, int, int, int]


def anchor_pairs(words: Sequence[str], columns: Sequence[frozenset[str]], stop: frozenset[str],
                 anchored: bool = False) -> tuple[tuple[int, int], ...]:
    """Return anchors (i, c): words[i] in columns[c], increasing in both, searched box by box.

    `anchored`: both sides begin and end together (else the columns may reach
    beyond the words at either end, as around a fragment).
    """
    pairs: list[tuple[int, int]] = []
    boxes = [((0, len(words), 0, len(columns)), anchored, anchored)]
    while boxes:
        box, start, end = boxes.pop()
        found = chain(candidates(words, columns, box, stop), box, start, end)
        pairs.extend(found)
        lo_a, hi_a, lo_c, hi_c = box
        edges = [(lo_a - 1, lo_c - 1), *found, (hi_a, hi_c)]
        boxes.extend(((i + 1, i2, c + 1, c2), start or n > 0, end or n < len(found))
                     for n, ((i, c), (i2, c2)) in enumerate(zip(edges, edges[1:]))
                     if found and i2 - i > MIN_BOX and c2 - c > MIN_BOX)
    return tuple(sorted(pairs))


def candidates(words, columns, box: Box, stop) -> list[tuple[int, int, float]]:
    """Return (i, c, weight) for every content word found once in the box on each side."""
    lo_a, hi_a, lo_c, hi_c = box
    in_words = Counter(words[lo_a:hi_a])
    in_columns = Counter(key for c in range(lo_c, hi_c) for key in columns[c])
    where = {key: c for c in range(lo_c, hi_c) for key in columns[c] if in_columns[key] == 1}
    found = []
    for i in range(lo_a, hi_a):
        key = words[i]
        if key and key not in stop and in_words[key] == 1 and key in where:
            c = where[key]
            found.append((i, c, 1.0 + context(words, columns, i, c, stop)))
    return found


def cost(i0: int, c0: int, i: int, c: int) -> float:
    """Return the cost of a step from one anchor to the next: how far it leaves the diagonal."""
    return min(SKEW * abs((c - c0) - (i - i0)), JUMP)


def context(words, columns, i: int, c: int, stop) -> float:
    """Return the weight the matching neighbours of an anchor add: up to REACH on each side, while they match."""
    total = 0.0
    for step in (-1, 1):
        for d in range(step, step * (REACH + 1), step):
            if not (0 <= i + d < len(words) and 0 <= c + d < len(columns)) or words[i + d] not in columns[c + d]:
                break
            total += FUNCTION_CONTEXT if words[i + d] in stop else CONTEXT
    return total


def chain(found: list[tuple[int, int, float]], box: Box, start: bool, end: bool) -> list[tuple[int, int]]:
    """Return the heaviest chain of anchors increasing in both coordinates, steps costed.

    `start`/`end`: the box's corner is itself aligned, so the first (last) step is costed too.
    """
    if not found:
        return []
    lo_a, hi_a, lo_c, hi_c = box
    score, back = [0.0] * len(found), [-1] * len(found)
    best_before = PrefixMax(max(c for _, c, _ in found) + 2)
    for k, (i, c, weight) in enumerate(found):
        score[k], back[k] = weight - (cost(lo_a - 1, lo_c - 1, i, c) if start else 0.0), -1
        value, p = best_before.query(c)
        if p >= 0 and value - JUMP > 0:
            score[k], back[k] = weight + value - JUMP, p
        for p in range(max(0, k - WINDOW), k):
            i0, c0, _ = found[p]
            if c0 < c:
                step = score[p] - cost(i0, c0, i, c)
                if step + weight > score[k]:
                    score[k], back[k] = step + weight, p
        best_before.update(c + 1, score[k], k)
    final = [score[q] - (cost(found[q][0], found[q][1], hi_a, hi_c) if end else 0.0) for q in range(len(found))]
    k = max(range(len(found)), key=lambda q: (final[q], -q))
    pairs = []
    while k >= 0:
        pairs.append(found[k][:2])
        k = back[k]
    return pairs[::-1]


class PrefixMax:
    """A Fenwick tree of (best score, its index) over positions: the best at any position below c."""

    def __init__(self, size: int) -> None:
        self.size, self.tree = size, [(float("-inf"), -1)] * (size + 1)

    def update(self, at: int, value: float, index: int) -> None:
        """Record a value at a position (1-based)."""
        while at <= self.size:
            if value > self.tree[at][0]:
                self.tree[at] = (value, index)
            at += at & -at

    def query(self, below: int) -> tuple[float, int]:
        """Return the best (value, index) recorded at positions 1..below."""
        best = (float("-inf"), -1)
        while below > 0:
            best = max(best, self.tree[below], key=lambda pair: pair[0])
            below -= below & -below
        return best
