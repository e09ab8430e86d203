"""The critical apparatus: a collation read against its base, every fact a reader sees computed once.

The collation is made once; the base (the lemma witness) is chosen afterwards, and
everything relative to it (the numbered entries, the readings' differences, the
order of the columns) is computed here for that base. JSON, TEI and HTML only
format an `Apparatus`.
"""

from __future__ import annotations

from dataclasses import dataclass

from collate.apparatus.places import Collation
from collate.apparatus.rows import Row, breaks_of, rows_of, spans_of
from collate.apparatus.stats import Coverage, coverage, similarities
from collate.model import CollateError


@dataclass(frozen=True)
class Apparatus:
    """A collation against a base: its rows (numbered entries and agreement), coverage and similarity."""

    collation: Collation
    base: int | None  # the lemma witness; None: no lemma, every reading a rdg
    guide: int  # whose text runs between the entries: the base, else the alignment's reference
    order: tuple[int, ...]  # the witnesses as the columns show them, the guide first
    rows: tuple[Row, ...]
    spans: tuple[tuple[int | None, ...], ...]  # per witness and place: the stretch it quotes, None if inactive
    breaks: frozenset[int]  # the places after which the guide's text breaks the line
    coverage: tuple[Coverage, ...]  # per witness
    similarity: tuple[tuple[float | None, ...], ...]  # per pair of witnesses, where both quote

    @property
    def entries(self) -> tuple[Row, ...]:
        """Return the numbered places of variation, in text order (entry n is entries[n - 1])."""
        return tuple(row for row in self.rows if row.number)

    @property
    def reading_order(self) -> tuple[int, ...]:
        """Return the order of the readings in an entry: the base's first, or the work's with no lemma."""
        return reading_order(self.order, self.base)

    @property
    def ids(self) -> list[str]:
        """Return the witness ids, in the work's order."""
        return [w.id for w in self.collation.work.witnesses]


def reading_order(order: tuple[int, ...], base: int | None) -> tuple[int, ...]:
    """Return the order of the readings in an entry: the base's first, or the work's with no lemma."""
    return order if base is not None else tuple(sorted(order))


def base_index(collation: Collation, base: str | None) -> int | None:
    """Return the index of the base witness (None for none), or raise CollateError for an unknown id."""
    ids = [w.id for w in collation.work.witnesses]
    if base is not None and base not in ids:
        raise CollateError(f"{collation.work.id}: base {base!r} is not a witness of this work "
                           f"(witnesses: {', '.join(ids)})")
    return None if base is None else ids.index(base)


def apparatus_of(collation: Collation, base: str | None) -> Apparatus:
    """Return the apparatus of a collation against a base witness id (None: no lemma)."""
    lemma = base_index(collation, base)
    guide = lemma if lemma is not None else [w.id for w in collation.work.witnesses].index(collation.reference)
    count = len(collation.work.witnesses)
    order = (guide, *(w for w in range(count) if w != guide))
    spans, breaks = tuple(spans_of(collation, w) for w in range(count)), breaks_of(collation, guide)
    rows = rows_of(collation, spans, breaks, reading_order(order, lemma), lemma)
    return Apparatus(collation, lemma, guide, order, rows, spans, breaks,
                     tuple(coverage(collation, w) for w in range(count)), similarities(collation, order))
