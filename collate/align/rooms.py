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


def placed(keys: list[str], columns: list[frozenset[str]], spans: list[tuple[int, int]], after: int = 0) -> Window:
    """Return a stretch's window: by content words, or where it has none in common, by any word.

    Between equal windows, the first at or after column `after` wins: a witness's
    stretches mostly follow the text's order, so a passage printed twice in the
    text is taken where the witness's previous stretch leaves off.
    """
    rooms = rooms_of(spans, len(columns))
    rooms = [room for room in rooms if room[1] > after] + [room for room in rooms if room[1] <= after]
    found = window(keys, columns, rooms, STOPWORDS)
    return found if found.matched else window(keys, columns, rooms, frozenset())


def taken(spans: list[tuple[int, int]], s: int, stretches, columns) -> list[tuple[int, int]]:
    """Return the columns stretch s must keep out of: those of w's placed stretches, and the
    passages its later stretches anchor on, unless they begin where s begins (the same passage)."""
    spans = list(spans)
    own = core([u.key for u in stretches[s]], columns, spans)
    for later in stretches[s + 1:]:
        theirs = core([u.key for u in later], columns, spans)
        if theirs and own and theirs[0] != own[0]:
            spans.append(theirs)
    return spans


def core(keys: list[str], columns: list[frozenset[str]], spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the first and last column of the passage a stretch would be aligned on word by word."""
    found = placed(keys, columns, spans)
    if found.status != ALIGNED or len(keys) > LONG:
        return (found.first, found.last) if found.status == ALIGNED else None
    start, end = region(keys, found)
    anchors = anchor_pairs(keys, columns[start:end], STOPWORDS)
    if not anchors:
        return None
    (i0, c0), (i1, c1) = anchors[0], anchors[-1]  # widened by the words outside the anchors
    return max(start, start + c0 - i0), min(end - 1, start + c1 + len(keys) - 1 - i1)
