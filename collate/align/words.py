"""What the gap alignment knows of each unit: its key, and the sentence and clause boundaries around it.

>>> from collate.normalize import Settings
>>> from collate.tokens import tokenize
>>> from collate.align.units import units_of
>>> [(w.key, w.opens, w.closes) for _, w in words_of(units_of(tokenize("the party C.C. This matter", Settings()), 0, 0))]
[('the', False, ''), ('party', False, ''), ('c', False, ''), ('c', False, 'sentence'), ('this', True, ''), \
('matter', False, 'end')]
"""

from __future__ import annotations

from collections.abc import Sequence

from collate.align.profile import Word
from collate.align.units import Unit


def words_of(stretch: Sequence[Unit]) -> list[tuple[Unit, Word]]:
    """Return each unit with what the gap alignment knows of it: key, and the boundaries around it."""
    result, cut = [], False
    opens = bool(stretch) and starts_capital(stretch[0])  # a quotation that begins a sentence
    for at, unit in enumerate(stretch):
        closes = boundary(unit, stretch[at + 1] if at + 1 < len(stretch) else None) or (
            "end" if at + 1 == len(stretch) else "")  # where the quotation ends, a sentence may
        result.append((unit, Word(unit.key, opens, closes, cut or unit.opens_cut)))
        opens, cut = closes == "sentence", unit.closes_cut
    return result


def starts_capital(unit: Unit) -> bool:
    """Return whether a unit's word begins with a capital letter."""
    return unit.tokens[unit.word_at].body[:1].isupper()


def boundary(unit: Unit, following: Unit | None) -> str:
    """Return "sentence" or "clause" where the punctuation after a unit ends one, else ""."""
    after = "".join(t.body for t in unit.tokens[unit.word_at + 1:] if t.kind == "punct")
    if any(mark in after for mark in ".!?"):
        initial = len(unit.key) == 1 and (following is None or len(following.key) == 1)
        return "" if initial else "sentence"  # the first C. of "C. C." is an abbreviation
    if "\n" in unit.tokens[-1].text and following is not None and starts_capital(following):
        return "sentence"  # a heading, a salutation or a date line
    return "clause" if any(mark in after for mark in ",;:") else ""


def where(unit: Unit) -> tuple[int, int, int]:
    """Return a unit's witness, stretch and position: its identity, cheap to hash."""
    return unit.witness, unit.stretch, unit.index
