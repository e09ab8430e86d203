"""The collated places: every aligned place with each witness's status, tokens and the place's type.

The statuses and types are the `Status` and `PlaceType` of `collate.apparatus.terms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from collate.align.aligner import Alignment
from collate.model import Work
from collate.normalize import Settings
from collate.align.placement import Placement
from collate.tokens import Token
from collate.apparatus.differences import reading_form, seen
from collate.apparatus.positions import Positions, positions_of
from collate.apparatus.terms import LEVELS, PlaceType, Status
from collate.apparatus.transpose import find_transpositions

PRESENT, OMITTED, CUT, NOT_QUOTED = Status.PRESENT, Status.OMITTED, Status.CUT, Status.NOT_QUOTED


@dataclass(frozen=True)
class Cell:
    """What one witness has at one place."""

    status: Status
    tokens: tuple[Token, ...] = ()
    stretch: int | None = None


@dataclass(frozen=True)
class Place:
    """One aligned place: its variant type and one cell per witness, in the work's order."""

    type: PlaceType
    cells: tuple[Cell, ...]
    transposition: int | None = None


@dataclass(frozen=True)
class Collation:
    """A work collated: its places in text order, and how it was done."""

    work: Work
    settings: Settings
    reference: str
    places: tuple[Place, ...]
    placements: tuple[tuple[Placement, ...], ...]

    @cached_property
    def positions(self) -> Positions:
        """Return where each witness has words among the places (found on first use, then kept)."""
        return positions_of(self.places, len(self.work.witnesses))


def collation_of(work: Work, settings: Settings, alignment: Alignment) -> Collation:
    """Return the apparatus of an alignment: statuses, types and transpositions."""
    statuses = [witness_statuses(alignment, w, witness.kind == "complete")
                for w, witness in enumerate(work.witnesses)]
    places = [Place(place_type(column, [s[c] for s in statuses], alignment.reference, settings),
                    tuple(cell(units, s[c]) for units, s in zip(column, statuses)))
              for c, column in enumerate(alignment.columns)]
    for group, (first, second) in enumerate(find_transpositions(places, alignment.reference), start=1):
        for c in (*first, *second):
            places[c] = Place(PlaceType.TRANSPOSITION, places[c].cells, group)
    return Collation(work, settings, work.witnesses[alignment.reference].id, tuple(places),
                     alignment.placements)


def cell(units, status: Status) -> Cell:
    """Return a witness's cell from its units at a place."""
    if not units:
        return Cell(status)
    tokens = units[0].tokens if len(units) == 1 else tuple(chain.from_iterable(u.tokens for u in units))
    return Cell(status, tuple(tokens), units[0].stretch)


def witness_statuses(alignment: Alignment, w: int, complete: bool) -> list[Status]:
    """Return the status of witness `w` at every column; a complete witness covers them all."""
    statuses = [PRESENT if column[w] else NOT_QUOTED for column in alignment.columns]
    splices = {p.stretch: p.splice for p in alignment.placements[w] if p.splice is not None}
    by_stretch: dict[tuple[int, bool], list[int]] = {}  # the two parts of a spliced stretch apart
    for c, column in enumerate(alignment.columns):
        for unit in column[w][:1]:
            part = unit.stretch in splices and unit.index >= splices[unit.stretch]
            by_stretch.setdefault((unit.stretch, part), []).append(c)
    if complete:
        statuses = [PRESENT if status == PRESENT else OMITTED for status in statuses]
    for columns in by_stretch.values():
        for here, there in zip(columns, columns[1:]):
            cut = alignment.columns[here][w][-1].closes_cut or alignment.columns[there][w][0].opens_cut
            for between in range(here + 1, there):
                if statuses[between] != PRESENT:
                    statuses[between] = CUT if cut or statuses[between] == CUT else OMITTED
    return statuses


def place_type(column, statuses: list[Status], reference: int, settings: Settings) -> PlaceType:
    """Return the variant type of a place."""
    present = [units for units, status in zip(column, statuses) if status == PRESENT]
    if OMITTED in statuses:
        return omission_or_addition(statuses, reference)
    readings = [[t for u in units for t in u.tokens] for units in present]
    if len({tuple(seen(t) for t in reading) for reading in readings}) == 1:
        return PlaceType.INVARIANT  # the finest comparison first: most places agree
    for level in LEVELS[:-1]:
        if len({reading_form(r, level, settings) for r in readings}) > 1:
            return level
    return PlaceType.INVARIANT


def omission_or_addition(statuses: list[Status], reference: int) -> PlaceType:
    """Return omission when the reference (or, where it is silent, most) has words here."""
    if statuses[reference] in (PRESENT, OMITTED):
        return PlaceType.OMISSION if statuses[reference] == PRESENT else PlaceType.ADDITION
    return PlaceType.OMISSION if statuses.count(PRESENT) >= statuses.count(OMITTED) else PlaceType.ADDITION

