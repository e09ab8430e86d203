"""Placing a separately quoted stretch where it best matches the text aligned so far.

A stretch is placed by its content words, independently of where it stands in
its file: the window of the spine holding most of its distinct content words
wins. A stretch that matches too little (a misquotation) is kept whole.

>>> spine = "i will not further characterize the other members stalin is too rude".split()
>>> place_stretch(0, ("stalin", "is", "too", "rude"), spine, positions_of(spine, frozenset({"is", "too"})),
...               frozenset({"is", "too"}))
Placement(stretch=0, status='aligned', start=8, end=12, matched=2, content=2)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

ALIGNED, LOCAL, UNPLACED = "aligned", "local", "unplaced"
MIN_SHARE = 0.34  # of a stretch's distinct content words, to align it word by word
# (and two of them, or half of a stretch that has fewer than four)
WHOLE = 0.6  # a stretch this long relative to the spine is aligned against all of it
MAX_OCCURRENCES = 200


@dataclass(frozen=True)
class Placement:
    """Where a stretch goes: aligned word by word over [start, end), or kept whole at start."""

    stretch: int
    status: str
    start: int
    end: int
    matched: int
    content: int


def positions_of(spine: Sequence[str], stop: frozenset[str]) -> dict[str, list[int]]:
    """Return the spine positions of every content key."""
    positions: dict[str, list[int]] = defaultdict(list)
    for at, key in enumerate(spine):
        if key and key not in stop:
            positions[key].append(at)
    return positions


def content_words(keys: Sequence[str], stop: frozenset[str]) -> list[str]:
    """Return the distinct content keys of a stretch (all keys if it has only function words)."""
    distinct = [key for key in dict.fromkeys(keys) if key]
    return [key for key in distinct if key not in stop] or distinct


def place_stretch(stretch: int, keys: Sequence[str], spine: Sequence[str],
                  positions: dict[str, list[int]], stop: frozenset[str]) -> Placement:
    """Return the placement of one stretch's keys on the spine."""
    content = content_words(keys, stop)
    if len(keys) >= WHOLE * len(spine):
        return Placement(stretch, ALIGNED, 0, len(spine), len(content), len(content))
    events = sorted((at, key) for key in content for at in positions.get(key, ())[:MAX_OCCURRENCES])
    score, first, last, matched = best_window(events, max(8, int(len(keys) * 1.5) + 4))
    if score == 0:
        return Placement(stretch, UNPLACED, len(spine), len(spine), 0, len(content))
    if score / len(content) < MIN_SHARE or (score < 2 and score / len(content) < 0.5):
        return Placement(stretch, LOCAL, last + 1, last + 1, score, len(content))
    lead = next(i for i, key in enumerate(keys) if key in matched)
    tail = next(i for i, key in enumerate(reversed(keys)) if key in matched)
    return Placement(stretch, ALIGNED, max(0, first - lead), min(len(spine), last + 1 + tail),
                     score, len(content))


def best_window(events: list[tuple[int, str]], width: int) -> tuple[int, int, int, set[str]]:
    """Return (distinct keys, first and last position, keys) of the richest window of events."""
    counts: Counter[str] = Counter()
    best, left, score = (0, 0, 0, set()), 0, 0
    for right, (at, key) in enumerate(events):
        counts[key] += 1
        score += counts[key] == 1
        while at - events[left][0] >= width:
            counts[events[left][1]] -= 1
            score -= counts[events[left][1]] == 0
            left += 1
        if score > best[0]:
            best = (score, events[left][0], at, {k for _, k in events[left:right + 1]})
    return best
