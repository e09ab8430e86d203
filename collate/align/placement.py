"""Placing a separately quoted stretch where it best matches the columns aligned so far.

A stretch is placed by its content words, independently of where it stands in
its file: the window of columns holding most of its distinct content words
wins, inside the room that the witness's other stretches leave free (one
witness's stretches never interleave). The region it is then aligned to is
measured in its own words and generous at both edges; the alignment trims it.

>>> columns = [frozenset({w}) for w in "i will not further characterize the other members stalin is too rude".split()]
>>> window(("stalin", "is", "too", "rude"), columns, [(0, 12)], frozenset({"is", "too"}))
Window(matched=2, content=2, first=8, last=11, room=(0, 12))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How a stretch was placed."""

    ALIGNED = "aligned"  # word by word over its region
    LOCAL = "local"  # too few words in common: kept whole against the passage it best matches
    UNPLACED = "unplaced"  # nothing in common: kept whole after everything


ALIGNED, LOCAL, UNPLACED = Status.ALIGNED, Status.LOCAL, Status.UNPLACED
MIN_SHARE = 0.34  # of a stretch's distinct content words, to align it word by word
# (and two of them, or half of a stretch that has fewer than four)
WHOLE = 0.6  # a stretch this long relative to the columns is aligned against all its room
TIE = 0.001  # the weight of a function word in placing a stretch: it only breaks ties
PAIR = 0.01  # the weight of two neighbouring words found next to each other
ORDER_MARGIN = 1.1  # a window before the witness's previous stretch must find this much more
TIES_UP_TO = 400  # words: a longer stretch's place is never a tie
MAX_OCCURRENCES = 200  # a word found more often than this does not place a stretch


@dataclass(frozen=True)
class Placement:
    """Where a stretch went: its status, columns [start, end), content words matched, and how well it aligned.

    `quality` is the share of the stretch's words that stand in a column with the
    same or a similar word of another witness. `splice`: where a stretch that runs
    two quotations together was split, the position of the first word of the
    second, which stands at its own passage.
    """

    stretch: int
    status: str
    start: int
    end: int
    matched: int
    content: int
    quality: float = 1.0
    splice: int | None = None


@dataclass(frozen=True)
class Window:
    """The richest window of columns for a stretch: distinct content words found, first and last column."""

    matched: int
    content: int
    first: int
    last: int
    room: tuple[int, int]

    @property
    def status(self) -> Status:
        """Return whether the stretch is aligned word by word, kept whole, or unplaced."""
        if not self.matched:
            return UNPLACED
        if self.matched / self.content < MIN_SHARE or (self.matched < 2 and self.matched / self.content < 0.5):
            return LOCAL
        return ALIGNED


def content_words(keys: Sequence[str], stop: frozenset[str]) -> list[str]:
    """Return the distinct content keys of a stretch (all keys if it has only function words)."""
    distinct = [key for key in dict.fromkeys(keys) if key]
    return [key for key in distinct if key not in stop] or distinct


def window(keys: Sequence[str], columns: Sequence[frozenset[str]], rooms: list[tuple[int, int]],
           stop: frozenset[str], after: int | None = None) -> Window:
    """Return the window of columns, inside one room, holding most of the stretch's content words.

    Its function words, then its pairs of neighbouring words, break ties: "that
    power" goes where "that" stands next to "power". With `after` (where the
    witness's previous stretch ends), a window before it must be clearly better:
    a witness's stretches mostly follow the text's order, and a passage printed
    twice is then taken where the witness goes on.
    """
    content = content_words(keys, stop)
    following: dict[str, set[str]] = {}
    for a, b in zip(keys, keys[1:]) if len(keys) <= TIES_UP_TO else ():
        following.setdefault(a, set()).add(b)
    weights = {key: TIE for key in keys if key and len(keys) <= TIES_UP_TO} \
        | {f"{a} {b}": PAIR for a in following for b in following[a]} | {key: 1.0 for key in content}
    width = 2 * len(keys) + 8
    last = max(rooms, key=lambda room: room[1], default=(0, 0))  # where a stretch matching nothing goes
    best = Window(0, len(content), last[1], last[1], last)
    score = 0.0
    for room in rooms:
        events = [(c, key) for c in range(*room) for key in columns[c] & weights.keys()]
        events += [(c, f"{a} {b}") for c, a in events for b in following.get(a, ())
                   if c + 1 < room[1] and b in columns[c + 1]]
        events.sort()
        common = Counter(key for _, key in events)
        events = [(c, key) for c, key in events if common[key] <= MAX_OCCURRENCES]
        found, start, end = richest(events, width, weights)
        weighed = found / ORDER_MARGIN if after is not None and room[1] <= after else found
        if weighed > score + TIE / 2 and int(found + TIE / 2):
            score, best = weighed, Window(int(found + TIE / 2), len(content), start, end, room)
    return best


def richest(events: list[tuple[int, str]], width: int, weights: dict[str, float]) -> tuple[float, int, int]:
    """Return (weight of the distinct keys, first and last column) of the window of events that weighs most."""
    counts: Counter[str] = Counter()
    best, left, score = (0.0, 0, 0), 0, 0.0
    for at, key in events:
        counts[key] += 1
        score += weights[key] if counts[key] == 1 else 0.0
        while at - events[left][0] >= width:
            counts[events[left][1]] -= 1
            score -= weights[events[left][1]] if counts[events[left][1]] == 0 else 0.0
            left += 1
        if score > best[0] + TIE / 2:
            best = (score, events[left][0], at)
    return best


def region(keys: Sequence[str], found: Window) -> tuple[int, int]:
    """Return the columns [start, end) a stretch is aligned to: its window, widened by its own length."""
    margin = len(keys) + 4
    return max(found.room[0], found.first - margin), min(found.room[1], found.last + 1 + margin)


def rooms_of(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Return the runs of columns [start, end) that no span (first, last column) of the witness covers."""
    rooms, at = [], 0
    for first, last in sorted(spans):
        if first > at:
            rooms.append((at, first))
        at = max(at, last + 1)
    if at < size or not rooms:
        rooms.append((at, size))
    return rooms
