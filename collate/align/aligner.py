"""Aligning the units of all witnesses into columns: one multiple alignment.

The most complete witness (most words; ties by id) lays down the first
columns. Every other witness, the likest to it first, has each stretch placed
inside the room its other stretches leave, and aligned to that region against
every word already in each column (not one word per column): scored whole when
small, else anchors of unique content words, then a scored alignment of each gap
between them. What it has beyond the columns becomes new columns that later
witnesses match.

>>> from collate.normalize import Settings
>>> from collate.tokens import tokenize
>>> def stretch(w, text): return units_of(tokenize(text, Settings()), w, 0)
>>> result = align([[stretch(0, "Very respectable comrade Stalin")], [stretch(1, "Respected comrade Stalin")]],
...                ("conquest", "volkogonov"))
>>> [tuple(" ".join(u.printed.strip() for u in cell) for cell in column) for column in result.columns]
[('Very', ''), ('respectable', 'Respected'), ('comrade', 'comrade'), ('Stalin', 'Stalin')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from collate.align.blocks import Block, block_like, block_placement
from collate.align.collatex import AlignmentError
from collate.align.gaps import stretch_ops
from collate.align.placement import ALIGNED, LOCAL, UNPLACED, WHOLE, Placement, Window, region
from collate.align.rooms import placed, taken
from collate.align.splice import like_words, splice_point
from collate.align.words import where, words_of
from collate.align.profile import Column as Profile
from collate.align.profile import Word
from collate.align.units import Unit, units_of  # noqa: F401  (units_of: for the doctest)


@dataclass(frozen=True)
class Alignment:
    """Columns in text order; each holds, per witness, the units it has there."""

    columns: tuple[tuple[tuple[Unit, ...], ...], ...]
    placements: tuple[tuple[Placement, ...], ...]
    reference: int


@dataclass
class Column:
    """A column while the alignment grows (internal, mutable): per witness, its units here."""

    units: dict[int, list[Unit]] = field(default_factory=dict)
    profile: Profile | None = None  # what the gap alignment knows of it, until a unit is added


def align(witnesses: Sequence[Sequence[Sequence[Unit]]], ids: Sequence[str]) -> Alignment:
    """Return the alignment of every witness's stretches of units."""
    reference = min(range(len(witnesses)), key=lambda w: (-sum(map(len, witnesses[w])), ids[w]))
    order = [reference, *by_likeness(witnesses, ids, reference)]
    words = {where(unit): word for stretches in witnesses for stretch in stretches for unit, word in words_of(stretch)}
    table = [Column({reference: [u]}) for stretch in witnesses[reference] for u in stretch]
    placements = {reference: reference_placements(witnesses[reference])}
    blocks: list[Block] = []
    for w in order[1:]:
        placements[w] = tuple(add_stretch(table, words, w, s, witnesses[w], blocks) for s in range(len(witnesses[w])))
    columns = tuple(tuple(tuple(c.units.get(w, ())) for w in range(len(witnesses))) for c in table)
    check_alignment(columns, witnesses)
    return Alignment(columns, tuple(placements[w] for w in range(len(witnesses))), reference)


def by_likeness(witnesses, ids: Sequence[str], reference: int) -> list[int]:
    """Return the other witnesses, the most like the first (shared word pairs) first; ties by id.

    Adding the likest first lets its agreements with the first witness settle
    before a freer translation guesses at them.
    """
    pairs = [{(a.key, b.key) for stretch in stretches for a, b in zip(stretch, stretch[1:])} for stretches in witnesses]
    mine = pairs[reference]
    return sorted((w for w in range(len(witnesses)) if w != reference),
                  key=lambda w: (-len(pairs[w] & mine) / max(1, len(pairs[w] | mine)), ids[w]))


def reference_placements(stretches: Sequence[Sequence[Unit]]) -> tuple[Placement, ...]:
    """Return the placements of the first witness's own stretches: each where it lies."""
    starts = [sum(map(len, stretches[:s])) for s in range(len(stretches) + 1)]
    return tuple(Placement(s, ALIGNED, starts[s], starts[s + 1], len(st), len(st)) for s, st in enumerate(stretches))


def profiles_of(columns: list[Column], words: dict[tuple[int, int, int], Word]) -> list[Profile]:
    """Return what the gap alignment knows of each column (kept on the columns until a unit is added)."""
    return [column.profile or profile(column, words) for column in columns]


def profile(column: Column, words: dict[tuple[int, int, int], Word]) -> Profile:
    """Return what the gap alignment knows of a column: its keys and boundaries (kept on the column)."""
    here = [words[where(u)] for units in column.units.values() for u in units]
    column.profile = Profile(frozenset(word.key for word in here if word.key), any(word.opens for word in here),
                   frozenset(word.closes for word in here if word.closes))
    return column.profile


def add_stretch(table: list[Column], words: dict[tuple[int, int, int], Word], w: int, s: int,
                stretches: Sequence[Sequence[Unit]], blocks: list[Block]) -> Placement:
    """Return where stretch s of witness w went, having put its units into the table."""
    stretch = stretches[s]
    profiles = profiles_of(table, words)
    keys, columns = [u.key for u in stretch], [p.keys for p in profiles]
    placed_spans = spans_of(table, w)
    spans = list(placed_spans.values())
    if (block := block_like(blocks, keys, table, w)) is not None:
        return block_placement(table, w, stretch, block, merge)
    after = placed_spans[s - 1][1] + 1 if s - 1 in placed_spans else None
    found = placed(keys, columns, taken(spans, s, stretches, columns, after), after)
    if found.status == UNPLACED:
        table.insert(found.room[1], Column({w: list(stretch)}))
        return Placement(s, UNPLACED, found.room[1], found.room[1], 0, found.content, 0.0)
    whole = len(keys) >= WHOLE * len(table)
    start, end = found.room if whole else region(keys, found)
    stretch_words = [words[where(u)] for u in stretch]
    ops = stretch_ops(stretch_words, profiles[start:end], whole)
    at = None if whole or found.status != ALIGNED else splice_point(stretch_words, ops, profiles[start:end])
    targets = targets_of(ops, start)
    if at is not None and tail_window(keys[at:], columns, spans, targets[:at]):
        return spliced(table, words, w, (stretch, at), (start, end), found)
    if found.status == LOCAL and not whole:
        targets = kept_whole(targets, (start, end))
        if targets[0][0] == "in":
            blocks.append(Block(tuple(keys), table[targets[0][1]], table[targets[-1][1]], found.matched, found.content))
    merge(table, w, stretch, targets)
    quality = share_matched(ops, stretch_words, profiles[start:end])
    return Placement(s, ALIGNED if whole else found.status, start, end, found.matched, found.content, quality)


def tail_window(keys: list[str], columns, spans, head: list[tuple[str, int]]) -> Window | None:
    """Return where a stretch's spliced tail matches on its own, after its head; None if nowhere."""
    found = placed(keys, columns, [*spans, (0, max(c for _, c in head))])
    return found if found.status == ALIGNED else None


def spliced(table, words, w: int, split: tuple[Sequence[Unit], int], bounds: tuple[int, int],
            found: Window) -> Placement:
    """Return the placement of a spliced stretch: its head aligned in its region, its tail at its own passage."""
    (stretch, at), (start, end) = split, bounds
    head_quality = set_part(table, words, w, stretch[:at], (start, end))
    spans = spans_of(table, w)
    head_end = spans.pop(stretch[0].stretch)[1]
    profiles = profiles_of(table, words)
    tail_keys = [u.key for u in stretch[at:]]
    tail = placed(tail_keys, [p.keys for p in profiles], [*spans.values(), (0, head_end)])
    tail_quality = set_part(table, words, w, stretch[at:], region(tail_keys, tail))
    quality = round((head_quality * at + tail_quality * (len(stretch) - at)) / len(stretch), 3)
    return Placement(stretch[0].stretch, ALIGNED, start, end, found.matched, found.content, quality, at)


def set_part(table, words, w: int, part: Sequence[Unit], bounds: tuple[int, int]) -> float:
    """Return how well a part of a stretch aligned to the columns [start, end), having put it there."""
    start, end = bounds
    profiles = profiles_of(table[start:end], words)
    part_words = [words[where(u)] for u in part]
    ops = stretch_ops(part_words, profiles, False)
    merge(table, w, part, targets_of(ops, start))
    return share_matched(ops, part_words, profiles)


def spans_of(table: list[Column], w: int) -> dict[int, tuple[int, int]]:
    """Return, per stretch of witness w already placed, its first and last column."""
    spans: dict[int, tuple[int, int]] = {}
    for c, column in enumerate(table):
        for unit in column.units.get(w, ()):
            first = spans.get(unit.stretch, (c, c))[0]
            spans[unit.stretch] = (first, c)
    return spans


def targets_of(ops, start: int) -> list[tuple[str, int]]:
    """Return per unit ("in", column) or ("after", column): where the ops put it (columns absolute)."""
    targets: list[tuple[str, int]] = []
    last = start - 1
    for kind, i, c in ops:
        if kind == "match":
            targets.append(("in", start + c))
        elif kind == "word":
            targets.append(("after", last))
        if c is not None:
            last = start + c
    return targets


def kept_whole(targets: list[tuple[str, int]], bounds: tuple[int, int]) -> list[tuple[str, int]]:
    """Return targets that keep a stretch whole against the passage it stands for.

    The passage runs from its first matched column, moved back by the words before
    it, to its last, moved on by the words after; the stretch stands in its first
    column, its last word in its last, so that one place of variation covers it.
    """
    matched = [at for at, (kind, _) in enumerate(targets) if kind == "in"]
    if not matched:
        return [("after", targets[0][1])] * len(targets)
    first = max(bounds[0], targets[matched[0]][1] - matched[0])
    last = min(bounds[1] - 1, targets[matched[-1]][1] + len(targets) - 1 - matched[-1])
    return [("in", first)] * (len(targets) - 1) + [("in", last)]


def merge(table: list[Column], w: int, stretch: Sequence[Unit], targets: list[tuple[str, int]]) -> None:
    """Put a stretch's units into the columns they align with, and new columns after the ones named."""
    inserts: dict[int, list[Column]] = defaultdict(list)
    for unit, (kind, c) in zip(stretch, targets):
        if kind == "in":
            table[c].units.setdefault(w, []).append(unit)
            table[c].profile = None
        else:
            inserts[c].append(Column({w: [unit]}))
    for at in sorted(inserts, reverse=True):
        table[at + 1:at + 1] = inserts[at]


def share_matched(ops, stretch_words: list[Word], profiles: list[Profile]) -> float:
    """Return the share of a stretch's words set in a column with the same or a similar word."""
    like = like_words(ops, stretch_words, profiles)
    return round(sum(like) / len(like), 3) if like else 1.0


def check_alignment(columns, witnesses) -> None:
    """Raise AlignmentError unless every stretch reads back whole and in order."""
    for w, stretches in enumerate(witnesses):
        read: dict[int, list[Unit]] = defaultdict(list)
        for column in columns:
            for unit in column[w]:
                read[unit.stretch].append(unit)
        for s, stretch in enumerate(stretches):
            if read.get(s, []) != list(stretch):
                raise AlignmentError(f"witness {w} stretch {s}: units lost, duplicated or reordered")
