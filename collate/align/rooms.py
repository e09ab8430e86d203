"""The room a stretch may take: where its witness's other stretches are not, placed or still to come.

One witness's stretches never interleave: a stretch keeps out of the columns
its witness's placed stretches span, and out of the passages its later
stretches anchor on (unless both match the same passage).
"""

from __future__ import annotations

from collate.align.anchors import anchor_pairs
from collate.align.placement import ALIGNED, Window, region, rooms_of, window
from collate.tables import STOPWORDS

LONG = 400  # a stretch this long has the window of its words for its passage: anchors would cost more than they tell


def placed(keys: list[str], columns: list[frozenset[str]], spans: list[tuple[int, int]],
           after: int | None = None) -> Window:
    """Return a stretch's window: by content words, or where it has none in common, by any word.

    `after`: where the witness's previous stretch ends (see placement.window).
    """
    rooms = rooms_of(spans, len(columns))
    if after is not None:  # rooms after the previous stretch first: among equals, the first wins
        rooms = [room for room in rooms if room[1] > after] + [room for room in rooms if room[1] <= after]
    found = window(keys, columns, rooms, STOPWORDS, after)
    return found if found.matched else window(keys, columns, rooms, frozenset(), after)


def taken(spans: list[tuple[int, int]], s: int, stretches, columns, after: int | None) -> list[tuple[int, int]]:
    """Return the columns stretch s must keep out of: those of w's placed stretches, and the
    passages its later stretches anchor on, unless they begin where s begins (the same passage).

    Each later stretch is sought after the one before it, as the witness prints them."""
    spans = list(spans)
    own = core([u.key for u in stretches[s]], columns, spans, after)
    previous = own
    for later in stretches[s + 1:]:
        theirs = core([u.key for u in later], columns, spans, previous[1] + 1 if previous else after)
        if theirs and own and theirs[0] != own[0]:
            spans.append(theirs)
        previous = theirs or previous
    return spans


def core(keys: list[str], columns: list[frozenset[str]], spans: list[tuple[int, int]],
         after: int | None) -> tuple[int, int] | None:
    """Return the first and last column of the passage a stretch would be aligned on word by word."""
    found = placed(keys, columns, spans, after)
    if found.status != ALIGNED or len(keys) > LONG:
        return (found.first, found.last) if found.status == ALIGNED else None
    start, end = region(keys, found)
    anchors = anchor_pairs(keys, columns[start:end], STOPWORDS)
    if not anchors:
        return None
    (i0, c0), (i1, c1) = anchors[0], anchors[-1]  # widened by the words outside the anchors
    return max(start, start + c0 - i0), min(end - 1, start + c1 + len(keys) - 1 - i1)
