"""What `collate find` reports: hits, their stretches and the passage of the work they cover.

>>> stretch = Stretch(54, 54, 310, 352, "Very respectable comrade Stalin,", 0.93, True)
>>> hit = Hit("002.txt", (stretch,), HitKind.VERBATIM, 0.97, 0.93, Passage("conquest1991", 1, 4, "Very", "Stalin"))
>>> (hit.first_line, hit.last_line, hit.start, hit.end, str(hit.kind))
(54, 54, 310, 352, 'verbatim')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from collate.model import CollateError


class FindError(CollateError):
    """A source that cannot be searched (unreadable, not text), named with the problem."""


class HitKind(StrEnum):
    """How a hit renders the work: its very words, another translation, or a retelling."""

    VERBATIM = "verbatim"
    TRANSLATION = "translation"
    PARAPHRASE = "paraphrase"


@dataclass(frozen=True)
class Stretch:
    """One run of the work's words in a source, lines 1-based, offsets in characters."""

    first_line: int
    last_line: int
    start: int
    end: int
    text: str
    similarity: float
    quoted: bool


@dataclass(frozen=True)
class Passage:
    """The words of the work a hit covers, counted (1-based) in the witness it matched best."""

    witness: str
    first_word: int
    last_word: int
    opening: str
    closing: str


@dataclass(frozen=True)
class Hit:
    """A quotation of the work in a source: one or more stretches of one quoting author."""

    source: str
    stretches: tuple[Stretch, ...]
    kind: HitKind
    confidence: float
    similarity: float
    passage: Passage

    @property
    def first_line(self) -> int:
        """Return the line the first stretch starts on."""
        return self.stretches[0].first_line

    @property
    def last_line(self) -> int:
        """Return the line the last stretch ends on."""
        return self.stretches[-1].last_line

    @property
    def start(self) -> int:
        """Return the character offset where the first stretch starts."""
        return self.stretches[0].start

    @property
    def end(self) -> int:
        """Return the character offset just after the last stretch."""
        return self.stretches[-1].end
