"""Anchors: matches of normalized words that are unique on both sides, longest first.

Like patience diff: unique n-grams are chained in order, the gaps between them
searched again with shorter n-grams, down to single rare words. Function words
never anchor on their own, so they cannot pull content words out of line.

>>> a = "the doctors forbid giving lenin political information".split()
>>> b = "the doctors have forbidden us to give ilich political information".split()
>>> anchor_pairs(a, b, frozenset({"the", "to", "us"}), 3)
((0, 0), (1, 1), (5, 8), (6, 9))
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence


def anchor_pairs(a: Sequence[str], b: Sequence[str], stop: frozenset[str], longest: int) -> tuple[tuple[int, int], ...]:
    """Return (i, j) pairs with a[i] == b[j], increasing in both, found by unique n-grams."""
    pairs: list[tuple[int, int]] = []
    gaps = [(0, len(a), 0, len(b))]
    while gaps:
        lo_a, hi_a, lo_b, hi_b = gaps.pop()
        found = anchors_in(a, b, (lo_a, hi_a, lo_b, hi_b), stop, longest)
        pairs.extend(found)
        edges = [(lo_a - 1, lo_b - 1), *found, (hi_a, hi_b)]
        gaps.extend((i + 1, i2, j + 1, j2) for (i, j), (i2, j2) in zip(edges, edges[1:])
                    if found and i2 > i + 1 and j2 > j + 1)
    return tuple(sorted(pairs))


def anchors_in(a, b, box, stop, longest) -> list[tuple[int, int]]:
    """Return the anchored pairs inside one box, with the longest n-grams that give any."""
    lo_a, hi_a, lo_b, hi_b = box
    for size in range(min(longest, hi_a - lo_a, hi_b - lo_b), 0, -1):
        starts = unique_common(a, b, box, size, stop)
        if starts:
            chain = increasing_chain(starts)
            return extend(a, b, box, chain, size)
    return []


def unique_common(a, b, box, size, stop) -> list[tuple[int, int]]:
    """Return start pairs of n-grams of `size` that occur once in each side of the box."""
    lo_a, hi_a, lo_b, hi_b = box
    grams_a = grams(a, lo_a, hi_a, size)
    grams_b = grams(b, lo_b, hi_b, size)
    count_a, count_b = Counter(g for g, _ in grams_a), Counter(g for g, _ in grams_b)
    where_b = {g: j for g, j in grams_b if count_b[g] == 1}
    return [(i, where_b[g]) for g, i in grams_a
            if count_a[g] == 1 and g in where_b and any(w and w not in stop for w in g)]


def grams(words, lo: int, hi: int, size: int) -> list[tuple[tuple[str, ...], int]]:
    """Return every n-gram of `size` in words[lo:hi] with its start."""
    return [(tuple(words[i:i + size]), i) for i in range(lo, hi - size + 1)]


def increasing_chain(starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest chain of pairs increasing in both coordinates (patience sorting)."""
    starts = sorted(starts)
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(starts)
    for k, (_, j) in enumerate(starts):
        pos = bisect_left(tails, j)
        back[k] = tail_at[pos - 1] if pos else -1
        tails[pos:pos + 1] = [j]
        tail_at[pos:pos + 1] = [k]
    chain, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(starts[k])
        k = back[k]
    return chain[::-1]


def extend(a, b, box, chain, size) -> list[tuple[int, int]]:
    """Return every word pair of the chained n-grams, grown over equal neighbours."""
    lo_a, hi_a, lo_b, hi_b = box
    pairs: list[tuple[int, int]] = []
    for i, j in chain:
        back, ahead = 0, size
        while i - back > lo_a and j - back > lo_b and a[i - back - 1] and a[i - back - 1] == b[j - back - 1]:
            back += 1
        while i + ahead < hi_a and j + ahead < hi_b and a[i + ahead] and a[i + ahead] == b[j + ahead]:
            ahead += 1
        pairs.extend((i + d, j + d) for d in range(-back, ahead))
    return monotone(pairs)


def monotone(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return pairs with any that would break strict increase in both coordinates dropped."""
    kept: list[tuple[int, int]] = []
    for i, j in pairs:
        if not kept or (i > kept[-1][0] and j > kept[-1][1]):
            kept.append((i, j))
    return kept
