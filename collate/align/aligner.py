"""Aligning the units of all witnesses into columns: anchors first, then CollateX.

The most complete witness (most words; ties by id) lays down the spine. Each
other witness, largest first, has each stretch placed on the spine, aligned to
its region by unique anchors with CollateX between them, and what it has beyond
the spine inserted as new columns that later witnesses can match.

>>> from collate.normalize import Settings
>>> from collate.tokens import tokenize
>>> def stretch(w, text): return units_of(tokenize(text, Settings()), w, 0)
>>> result = align([[stretch(0, "Very respectable comrade Stalin")], [stretch(1, "Respected comrade Stalin")]],
...                ("conquest", "volkogonov"), Settings())
>>> [tuple(" ".join(u.printed.strip() for u in cell) for cell in column) for column in result.columns]
[('Very', ''), ('respectable', 'Respected'), ('comrade', 'comrade'), ('Stalin', 'Stalin')]
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from collate.align.anchors import anchor_pairs
from collate.align.collatex import AlignmentError, collatex_rows
from collate.align.near import rank_rows, refine
from collate.normalize import Settings
from collate.align.placement import ALIGNED, Placement, place_stretch, positions_of
from collate.tables import STOPWORDS
from collate.align.units import Unit, units_of  # noqa: F401  (units_of: for the doctest)

Row = tuple[int | None, int | None]


@dataclass(frozen=True)
class Alignment:
    """Columns in text order; each holds, per witness, the units it has there."""

    columns: tuple[tuple[tuple[Unit, ...], ...], ...]
    placements: tuple[tuple[Placement, ...], ...]
    reference: int


@dataclass
class Column:
    """A column of the spine while it grows (internal, mutable)."""

    key: str
    units: dict[int, list[Unit]] = field(default_factory=dict)


def align(witnesses: Sequence[Sequence[Sequence[Unit]]], ids: Sequence[str], settings: Settings) -> Alignment:
    """Return the alignment of every witness's stretches of units."""
    order = sorted(range(len(witnesses)), key=lambda w: (-sum(map(len, witnesses[w])), ids[w]))
    reference = order[0]
    spine = [Column(u.key, {reference: [u]}) for stretch in witnesses[reference] for u in stretch]
    placements = {reference: reference_placements(witnesses[reference])}
    for w in order[1:]:
        spine, placements[w] = add_witness(spine, w, witnesses[w], settings)
    columns = tuple(tuple(tuple(c.units.get(w, ())) for w in range(len(witnesses))) for c in spine)
    check_alignment(columns, witnesses)
    return Alignment(columns, tuple(placements[w] for w in range(len(witnesses))), reference)


def reference_placements(stretches: Sequence[Sequence[Unit]]) -> tuple[Placement, ...]:
    """Return the placements of the spine's own stretches: each where it lies."""
    starts = [sum(map(len, stretches[:s])) for s in range(len(stretches) + 1)]
    return tuple(Placement(s, ALIGNED, starts[s], starts[s + 1], len(st), len(st))
                 for s, st in enumerate(stretches))


def add_witness(spine: list[Column], w: int, stretches, settings) -> tuple[list[Column], tuple[Placement, ...]]:
    """Return the spine with witness `w` aligned into it, and where its stretches went."""
    keys = [column.key for column in spine]
    positions = positions_of(keys, STOPWORDS)
    inserts: dict[int, list[Column]] = defaultdict(list)
    claimed: set[int] = set()
    plans = []
    for s, stretch in enumerate(stretches):
        plan = place_stretch(s, [u.key for u in stretch], keys, positions, STOPWORDS)
        plans.append(plan)
        if plan.status != ALIGNED:
            inserts[plan.start - 1].append(Column("", {w: list(stretch)}))
            continue
        cuts = frozenset(i for i, u in enumerate(stretch) if u.closes_cut or (i + 1 < len(stretch) and stretch[i + 1].opens_cut))
        rows = pair_rows([u.key for u in stretch], keys[plan.start:plan.end], settings, cuts)
        merge_rows(spine, inserts, claimed, plan.start, stretch, rows)
    grown = list(inserts.get(-1, ()))
    for at, column in enumerate(spine):
        grown.append(column)
        grown.extend(inserts.get(at, ()))
    return grown, tuple(plans)


def merge_rows(spine, inserts, claimed, start, stretch, rows) -> None:
    """Put a stretch's units into the spine columns they align with, or queue new columns."""
    last = start - 1
    for i, j in rows:
        column = None if j is None else start + j
        last = last if column is None else column
        if i is None:
            continue
        unit = stretch[i]
        if column is not None and column not in claimed:
            spine[column].units[unit.witness] = [unit]
            claimed.add(column)
        else:
            inserts[last].append(Column(unit.key, {unit.witness: [unit]}))


def pair_rows(a: Sequence[str], b: Sequence[str], settings: Settings, cuts: frozenset[int] = frozenset()) -> list[Row]:
    """Return the alignment of key sequences a and b as rows (i, j): anchors, then gaps.

    `cuts` holds the positions of a after which the quoting author cut something.
    """
    anchors = anchor_pairs(a, b, STOPWORDS, settings.anchor_ngram)
    edges = [(-1, -1), *anchors, (len(a), len(b))]
    rows: list[Row] = []
    for (i0, j0), (i1, j1) in zip(edges, edges[1:]):
        gap_cuts = frozenset(i - i0 - 1 for i in cuts if i0 < i < i1 - 1)
        rows.extend(gap_rows(a[i0 + 1:i1], b[j0 + 1:j1], (i0 + 1, j0 + 1), settings, i0 in cuts, gap_cuts))
        if i1 < len(a):
            rows.append((i1, j1))
    return rows


def gap_rows(a, b, offsets: tuple[int, int], settings: Settings, after_cut: bool,
             cuts: frozenset[int] = frozenset()) -> list[Row]:
    """Return the rows of one gap between anchors: CollateX for short gaps, difflib for long.

    A cut printed inside the gap splits it: what precedes the cut pairs from the
    left, what follows from the right, and the spine between is what was cut.
    """
    off_a, off_b = offsets
    if cuts:
        k = min(cuts) + 1
        m = max(0, len(b) - (len(a) - k))
        return (gap_rows(a[:k], b[:m], offsets, settings, after_cut)
                + gap_rows(a[k:], b[m:], (off_a + k, off_b + m), settings, True,
                           frozenset(c - k for c in cuts if c >= k)))
    if not a or not b or (len(a) == 1 and len(b) == 1):
        pairs = rank_rows(range(len(a)), range(len(b)))
    elif max(len(a), len(b)) > settings.collatex_max_gap:
        pairs = difflib_rows(a, b)
    elif set(a).isdisjoint(b):  # nothing for CollateX to match: it would pair by rank
        pairs = refine(rank_rows(range(len(a)), range(len(b))), a, b, after_cut)
    else:
        pairs = refine(collatex_rows((a, b)), a, b, after_cut)
    return [(None if i is None else i + off_a, None if j is None else j + off_b) for i, j in pairs]


def difflib_rows(a, b) -> list[Row]:
    """Return rows from difflib's opcodes: equal and replaced words paired in order."""
    rows: list[Row] = []
    for _, i0, i1, j0, j1 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        paired = min(i1 - i0, j1 - j0)
        rows.extend((i0 + d, j0 + d) for d in range(paired))
        rows.extend((i, None) for i in range(i0 + paired, i1))
        rows.extend((None, j) for j in range(j0 + paired, j1))
    return rows


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
