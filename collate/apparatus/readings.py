"""The readings of a run of places: the witnesses that print the same text, grouped once.

The TEI's `lem`/`rdg`, the HTML apparatus entry and the filters' reading numbers
all take these groups; each reading says how it differs from the base's.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("c", "C", "Very respectable comrade Stalin,"),
...                                         Witness("v", "V", "Respected comrade Stalin,"),
...                                         Witness("u", "U", "Respected comrade Stalin,"))))
>>> [(r.witnesses, r.text, str(r.difference)) for r in readings_of(collation, (0, 1, 2, 3), (0, 1, 2), 0)]
[((0,), 'Very respectable comrade Stalin,', 'None'), ((1, 2), 'Respected comrade Stalin,', 'substantive')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from collate.apparatus.differences import Mark, difference, differences, level_of, reading_form
from collate.apparatus.places import Collation
from collate.apparatus.terms import ACTIVE, PlaceType
from collate.tokens import Token


@dataclass(frozen=True)
class Reading:
    """What some witnesses print over a run of places, and how it differs from the base's reading."""

    witnesses: tuple[int, ...]
    tokens: tuple[Token, ...]
    difference: PlaceType | None = None  # None: the base's own reading, no difference, or no base here
    marks: tuple[Mark | None, ...] = ()  # per token, where the base quotes the passage
    lacks: tuple[tuple[int, str], ...] = ()  # (token position, the base's words lacking there)
    group: int = 0  # the readings with the same words (the same substantive reading) share a group, from 0
    subvariant: PlaceType | None = None  # how it differs from its group's first reading; None: it is the first

    @property
    def text(self) -> str:
        """Return the printed text on one line ('' for an omission)."""
        return printed(self.tokens)


def printed(tokens) -> str:
    """Return tokens as printed, every run of whitespace one space."""
    return " ".join("".join(t.text for t in tokens).split())


def tokens_over(collation: Collation, places: tuple[int, ...], w: int) -> tuple[Token, ...]:
    """Return a witness's tokens over a run of places."""
    return tuple(t for p in places for t in collation.places[p].cells[w].tokens)


def readings_of(collation: Collation, places: tuple[int, ...], order: tuple[int, ...],
                base: int | None) -> tuple[Reading, ...]:
    """Return the readings of the witnesses active over the places, in `order`, one per printed text."""
    groups: dict[str, list[int]] = {}
    for w in order:
        if collation.places[places[0]].cells[w].status in ACTIVE:
            groups.setdefault(printed(tokens_over(collation, places, w)), []).append(w)
    lemma = tokens_over(collation, places, base) if base is not None and any(
        base in ws for ws in groups.values()) else None
    return subvariants(collation, [compared(collation, tokens_over(collation, places, ws[0]), tuple(ws), lemma, base)
                                   for ws in groups.values()])


def subvariants(collation: Collation, readings: list[Reading]) -> tuple[Reading, ...]:
    """Return the readings, each with its group (the same words) and its difference from the group's first reading."""
    heads: dict[tuple[str, ...], Reading] = {}
    found = []
    for reading in readings:
        words = reading_form(reading.tokens, PlaceType.SUBSTANTIVE, collation.settings)
        head = heads.setdefault(words, reading)
        # readings that differ in printed spacing only differ in typography, like punctuation
        level = None if head is reading else (level_of(reading.tokens, head.tokens, collation.settings)
                                              or PlaceType.PUNCTUATION)
        found.append(replace(reading, group=list(heads).index(words), subvariant=level))
    return tuple(found)


def compared(collation: Collation, tokens, witnesses, lemma, base: int | None) -> Reading:
    """Return one reading, compared with the lemma's tokens (None where there is no lemma)."""
    if lemma is None or base in witnesses:
        return Reading(witnesses, tokens)
    marks, lacks = differences(tokens, lemma, collation.settings)
    return Reading(witnesses, tokens, difference(tokens, lemma, collation.settings), tuple(marks),
                   tuple(sorted(lacks.items())))
