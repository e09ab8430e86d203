"""Rows of the review page: places grouped, readings compared word by word with the base."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html import escape

from collate.apparatus import LEVELS, Collation, Place
from collate.tokens import FOOTNOTE, INSERTION, MARKS, WORD, Token

STRENGTH = ("transposition", "omission", "addition", *LEVELS)
MAX_ROW = 8  # places in one variant row


@dataclass(frozen=True)
class Row:
    """A run of places: all invariant (agreement) or all varying (one numbered variant)."""

    places: tuple[Place, ...]
    variant: int  # its number, 0 for agreement

    @property
    def type(self) -> str:
        """Return the strongest type among the row's places."""
        kinds = {p.type for p in self.places}
        return next(k for k in STRENGTH if k in kinds)

    def tokens(self, w: int) -> list[Token]:
        """Return what witness w prints over the row."""
        return [t for p in self.places for t in p.cells[w].tokens]

    def status(self, w: int) -> str:
        """Return the witness's status: present if it prints anything, else its first status."""
        statuses = [p.cells[w].status for p in self.places]
        return "present" if "present" in statuses else statuses[0]


def rows_of(collation: Collation) -> list[Row]:
    """Return the rows: runs of agreement collapsed, runs of variation numbered."""
    rows: list[Row] = []
    run: list[Place] = []
    number = 0
    for place in collation.places:
        varying = place.type != "invariant"
        if run and ((run[-1].type != "invariant") != varying or (varying and len(run) >= MAX_ROW)):
            number += run[-1].type != "invariant"
            rows.append(Row(tuple(run), number if run[-1].type != "invariant" else 0))
            run = []
        run.append(place)
    if run:
        number += run[-1].type != "invariant"
        rows.append(Row(tuple(run), number if run[-1].type != "invariant" else 0))
    return rows


def printed(tokens: list[Token]) -> str:
    """Return tokens as printed, whitespace collapsed."""
    return " ".join("".join(t.text for t in tokens).split())


def words(tokens: list[Token]) -> list[str]:
    """Return the normalized words of tokens."""
    return [t.norm for t in tokens if t.kind == WORD]


def mark_html(token: Token) -> str:
    """Return a quoting author's mark, shown as what it is."""
    body = escape(token.body)
    if token.kind == INSERTION:
        return f'<span class="ins" title="the quoting author’s insertion">{body}</span>'
    if token.kind == FOOTNOTE:
        return f'<sup class="fn" title="the quoting author’s footnote marker">{body}</sup>'
    return f'<span class="cutmark" title="the quoting author’s cut">{body}</span>'


def reading_html(tokens: list[Token], base: list[Token] | None) -> str:
    """Return a reading with the words that differ from the base highlighted."""
    if base is None:
        return "".join(token_html(t, "") for t in tokens)
    mine = [t for t in tokens if t.kind not in MARKS]
    theirs = [t for t in base if t.kind not in MARKS]
    style: dict[int, str] = {}
    matcher = difflib.SequenceMatcher(None, [t.norm for t in theirs], [t.norm for t in mine], autojunk=False)
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        for j in range(j0, j1):
            if op != "equal":
                style[id(mine[j])] = "sub" if mine[j].kind == WORD else "acc"
            elif mine[j].body != theirs[i0 + j - j0].body:
                style[id(mine[j])] = "acc"
    return "".join(token_html(t, style.get(id(t), "")) for t in tokens)


def token_html(token: Token, style: str) -> str:
    """Return one token, escaped, with its highlight and the space after it."""
    space = " " if token.text != token.body else ""
    if token.kind in MARKS:
        return mark_html(token) + space
    body = escape(token.body)
    if style == "sub":
        return f'<mark class="sub" title="differs from the base">{body}</mark>{space}'
    if style == "acc":
        return f'<span class="acc" title="spelling, case or punctuation differs">{body}</span>{space}'
    return body + space


def cell_html(row: Row, w: int, base: int) -> str:
    """Return a table cell's content: the reading, or its status said in words."""
    status = row.status(w)
    if status == "present":
        base_tokens = row.tokens(base) if w != base and row.status(base) == "present" else None
        return reading_html(row.tokens(w), base_tokens)
    return {"omitted": '<span class="om" title="omitted: quotes this passage but lacks these words">om.</span>',
            "cut": '<span class="cut" title="inside the quoting author’s cut">[…]</span>',
            "not-quoted": '<span class="nq" title="not quoted: outside what this witness quotes">—</span>'}[status]


def similarity(collation: Collation, a: int, b: int) -> tuple[float, int]:
    """Return the word similarity of two witnesses where both quote, and the places counted."""
    shared = [p for p in collation.places
              if p.cells[a].status in ("present", "omitted") and p.cells[b].status in ("present", "omitted")]
    left = [t.norm for p in shared for t in p.cells[a].tokens if t.kind == WORD]
    right = [t.norm for p in shared for t in p.cells[b].tokens if t.kind == WORD]
    if not left and not right:
        return 0.0, 0
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio(), len(shared)


def coverage(collation: Collation, w: int) -> float:
    """Return the share of places the witness quotes (not 'not-quoted')."""
    quoted = sum(p.cells[w].status != "not-quoted" for p in collation.places)
    return quoted / len(collation.places) if collation.places else 0.0
