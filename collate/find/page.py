"""A piece of a source as text, with the line and character offset it starts at.

>>> page = Page("a.txt", "one\\ntwo\\n\\nthree", 100, 7)
>>> page.line_of(page.text.index("three")), page.line_of(0)
(10, 7)
>>> [(block.start, block.text) for block in page.blocks()]
[(0, 'one\\ntwo'), (9, 'three')]
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import regex

BLANK = regex.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Block:
    """A paragraph of a page: the text between blank lines, and where it starts in the page."""

    start: int
    text: str


@dataclass(frozen=True)
class Page:
    """Text of a source from character `offset` on, whose first character is on line `line`.

    `lines` maps extracted text back to the file's lines where they differ (HTML, XML):
    pairs of (position in `text`, line of the file), sorted.
    """

    source: str
    text: str
    offset: int = 0
    line: int = 1
    lines: tuple[tuple[int, int], ...] = ()

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Return the positions in `text` where a line starts."""
        return (0, *(found.end() for found in regex.finditer(r"\r\n?|\n", self.text)))

    def line_of(self, position: int) -> int:
        """Return the file's 1-based line of a position in `text`."""
        if self.lines:
            index = bisect_right(self.lines, (position, float("inf"))) - 1
            known, line = self.lines[max(index, 0)]
            return line + self.text.count("\n", known, position)
        return self.line + bisect_right(self.line_starts, position) - 1

    def blocks(self) -> tuple[Block, ...]:
        """Return the paragraphs of the page with their positions."""
        found, start = [], 0
        for gap in BLANK.finditer(self.text):
            found.append(Block(start, self.text[start:gap.start()]))
            start = gap.end()
        found.append(Block(start, self.text[start:]))
        return tuple(block for block in found if block.text.strip())
