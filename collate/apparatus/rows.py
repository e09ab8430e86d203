"""The places of variation, numbered: one number names one entry in the JSON, the TEI and the HTML.

A row is a run of consecutive places shown and encoded as one: a numbered entry
where the readings vary (or a quoting author cut), a run of agreement (number 0)
elsewhere. An entry keeps the same witnesses active and each in the same stretch
throughout, and never crosses a line break of the base's text, so that the TEI can
encode it as one `app` inside one paragraph.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("c", "C", "Very respectable comrade Stalin,"),
...                                         Witness("v", "V", "Respected comrade Stalin,"))))
>>> spans = [spans_of(collation, w) for w in (0, 1)]
>>> [(row.number, str(row.type), row.places) for row in rows_of(collation, spans, breaks_of(collation, 0), (0, 1), 0)]
[(1, 'omission', (0, 1)), (0, 'invariant', (2, 3))]
"""

from __future__ import annotations

from dataclasses import dataclass

from collate.apparatus.places import Collation, Place
from collate.apparatus.readings import Reading, readings_of
from collate.apparatus.terms import ACTIVE, TYPES, PlaceType, Status


@dataclass(frozen=True)
class Row:
    """A run of places shown as one: numbered when it varies, 0 when all that quote it agree."""

    places: tuple[int, ...]
    number: int
    types: tuple[PlaceType, ...]  # every type among its places, strongest first
    readings: tuple[Reading, ...]  # of the witnesses active here, the base's first
    transposition: int | None = None
    partners: tuple[int, ...] = ()  # the numbers of the other rows of its transposition

    @property
    def type(self) -> PlaceType:
        """Return the strongest variant type of the row's places."""
        return self.types[0]

    def reading_of(self, w: int) -> Reading | None:
        """Return a witness's reading, or None where it does not quote the passage."""
        return next((r for r in self.readings if w in r.witnesses), None)


def spans_of(collation: Collation, w: int) -> tuple[int | None, ...]:
    """Return per place the stretch a witness is quoting there, or None where it is inactive."""
    cells = [place.cells[w] for place in collation.places]
    current = next((c.stretch for c in cells if c.stretch is not None), 0)
    spans = []
    for cell in cells:
        current = cell.stretch if cell.stretch is not None else current
        spans.append(current if cell.status in ACTIVE else None)
    return tuple(spans)


def breaks_of(collation: Collation, guide: int) -> frozenset[int]:
    """Return the places after which the guide's text breaks the line."""
    return frozenset(p for p, place in enumerate(collation.places)
                     if place.cells[guide].tokens and "\n" in place.cells[guide].tokens[-1].text)


def varies(place: Place) -> bool:
    """Return whether a place is a place of variation: readings differ, or a quoting author cut it."""
    return place.type != PlaceType.INVARIANT or any(c.status == Status.CUT for c in place.cells)


def run_key(collation: Collation, spans, p: int) -> tuple:
    """Return what consecutive places share to form one row."""
    place = collation.places[p]
    variation = varies(place)
    stretches = tuple(s[p] for s in spans) if variation else tuple(c.stretch for c in place.cells)
    return variation, tuple(c.status in ACTIVE for c in place.cells), place.transposition, stretches


def runs_of(collation: Collation, spans, breaks: frozenset[int]) -> list[tuple[bool, list[int]]]:
    """Return the runs of places (varies, places); a run of variation never crosses a line break."""
    runs: list[tuple[tuple, list[int]]] = []
    for p in range(len(collation.places)):
        key = run_key(collation, spans, p)
        if runs and runs[-1][0] == key and not (key[0] and p - 1 in breaks):
            runs[-1][1].append(p)
        else:
            runs.append((key, [p]))
    return [(key[0], places) for key, places in runs]


def rows_of(collation: Collation, spans, breaks: frozenset[int], order: tuple[int, ...],
            base: int | None) -> tuple[Row, ...]:
    """Return the rows in text order, the runs of variation numbered from 1; readings in `order`.

    `spans` are the witnesses' `spans_of`, `breaks` the guide's `breaks_of`.
    """
    rows, number = [], 0
    for variation, places in runs_of(collation, spans, breaks):
        number += variation
        kinds = {collation.places[p].type for p in places}
        if variation and kinds == {PlaceType.INVARIANT}:
            kinds = {PlaceType.EDITORIAL}  # only a quoting author's cut makes it vary
        rows.append(Row(tuple(places), number if variation else 0, tuple(t for t in TYPES if t in kinds),
                        readings_of(collation, tuple(places), order, base),
                        collation.places[places[0]].transposition))
    return with_partners(rows)


def with_partners(rows: list[Row]) -> tuple[Row, ...]:
    """Return the rows, each numbered row of a transposition knowing the numbers of the others."""
    groups: dict[int, list[int]] = {}
    for row in rows:
        if row.number and row.transposition:
            groups.setdefault(row.transposition, []).append(row.number)
    return tuple(Row(row.places, row.number, row.types, row.readings, row.transposition,
                     tuple(n for n in groups.get(row.transposition, ()) if n != row.number) if row.number else ())
                 for row in rows)
