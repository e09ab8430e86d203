"""The variant table's cells: a witness's reading over a row, its differences from the base marked."""

from __future__ import annotations

from html import escape
from itertools import groupby

from collate.apparatus.differences import Mark
from collate.apparatus.places import Collation
from collate.apparatus.rows import Row
from collate.apparatus.terms import TYPES, PlaceType, Status
from collate.tokens import CUT, FOOTNOTE, INSERTION, WORD, Token

LABELS = {  # type: (short label, what it means)
    PlaceType.TRANSPOSITION: ("transp.", "transposition: words that stand elsewhere in another witness"),
    PlaceType.OMISSION: ("om.", "omission: words the base has and a witness lacks"),
    PlaceType.ADDITION: ("add.", "addition: words a witness has and the base lacks"),
    PlaceType.SUBSTANTIVE: ("subst.", "substantive: different words"),
    PlaceType.SPELLING: ("spell.", "spelling only: the same words spelled or transliterated differently"),
    PlaceType.CASE: ("case", "case only: capital and small letters differ"),
    PlaceType.PUNCTUATION: ("punct.", "punctuation only (including quotation marks and typography)"),
    PlaceType.EDITORIAL: ("edit.", "editorial only: only the quoting authors' marks differ ([…], [us], [1])"),
    PlaceType.INVARIANT: ("same", "no difference among the witnesses that quote this passage"),
}
MAJOR = TYPES[:TYPES.index(PlaceType.SUBSTANTIVE) + 1]
HIGHLIGHTS = {  # a word's level of difference: (class of its highlight)
    PlaceType.SUBSTANTIVE: "sub", PlaceType.SPELLING: "spell", PlaceType.CASE: "case",
    PlaceType.PUNCTUATION: "punct",
}
DIFFERENCE = {  # a word's level of difference: what its highlight's title says
    PlaceType.SUBSTANTIVE: "different word", PlaceType.SPELLING: "spelling differs",
    PlaceType.CASE: "case differs", PlaceType.PUNCTUATION: "punctuation or typography differs",
}
OM = '<span class="om" title="omitted: this witness quotes the passage but has nothing here">om.</span>'
CUT_CELL = ('<span class="cutst" title="cut by the quoting author: not quoted here">'
            '<span class="cutmark">…</span> cut</span>')
NOT_QUOTED_MARK = '<span class="nqmark" title="not quoted">—</span>'


def labels_html(row: Row) -> str:
    """Return the type labels of a row: each main difference it shows, or its one kind of difference."""
    shown = [t for t in row.types if t in MAJOR] or [row.type]
    return "".join(f'<span class="ty ty-{t}" title="{escape(LABELS[t][1])}">{LABELS[t][0]}</span>' for t in shown)


def tokens_of(collation: Collation, row: Row, w: int) -> list[Token]:
    """Return a witness's tokens over a row."""
    return [t for p in row.places for t in collation.places[p].cells[w].tokens]


def is_active(row: Row, w: int) -> bool:
    """Return whether a witness quotes the row's passage (present or omitting there)."""
    return row.reading_of(w) is not None


def separator(token: Token, breaks: bool = False) -> str:
    """Return the HTML for the whitespace after a token: a space, or a line or paragraph break."""
    space = token.text[len(token.body):]
    if not space:
        return ""
    if breaks and "\n" in space:
        return '<span class="pb"></span>' if space.count("\n") > 1 else "<br>"
    return " "


def token_html(token: Token) -> str:
    """Return one token's printed body as HTML: the quoting author's marks shown as what they are."""
    body = escape(token.body)
    if token.kind == INSERTION:
        return f'<span class="ins" title="quoting author’s insertion">{body}</span>'
    if token.kind == FOOTNOTE:
        return f'<sup class="fn" title="footnote marker">{body}</sup>'
    if token.kind == CUT:
        return f'<span class="cut" title="quoting author’s cut, as printed">{body}</span>'
    return body


def tokens_html(tokens, marks=None, before=None, breaks: bool = False) -> str:
    """Return tokens as HTML: neighbours with the same difference in one mark, `before[i]` put before token i."""
    marks = marks or [None] * len(tokens)
    before = before or {}
    parts: list[str] = []
    for i, token in enumerate(tokens):
        mark = marks[i]
        parts.append(before.get(i, ""))
        if mark and not (i and marks[i - 1] == mark and i not in before):
            tag = "mark" if mark.level == PlaceType.SUBSTANTIVE else "span"
            parts.append(f'<{tag} class="{HIGHLIGHTS[mark.level]}" title="{escape(mark_title(mark))}">')
        parts.append(token_html(token))
        if mark and (i + 1 == len(tokens) or marks[i + 1] != mark or i + 1 in before):
            parts.append("</mark>" if mark.level == PlaceType.SUBSTANTIVE else "</span>")
        parts.append(separator(token, breaks))
    if len(tokens) in before:
        parts.append(" " + before[len(tokens)])
    return "".join(parts).rstrip()


def mark_title(mark: Mark) -> str:
    """Return what a highlight's title says: the kind of difference and the base's words."""
    if mark.level == PlaceType.SUBSTANTIVE and not mark.base:
        return "not in the base"
    return f"{DIFFERENCE[mark.level]}; base: {mark.base or 'none'}"


def caret(lost: str) -> str:
    """Return the mark of words of the base a witness lacks at this point."""
    return f'<span class="lack" title="lacks: {escape(lost)}">‸</span>'


def category(cell) -> str:
    """Return how a cell is shown: text (present or omitted), cut or not quoted."""
    return {Status.CUT: "cut", Status.NOT_QUOTED: "nq"}.get(cell.status, "text")


def cell_html(collation: Collation, row: Row, w: int) -> tuple[str, str]:
    """Return (classes, inner HTML) of a witness's cell in a row of variation."""
    cells = [collation.places[p].cells[w] for p in row.places]
    tokens = tokens_of(collation, row, w)
    reading, before = row.reading_of(w), stretch_marks(collation, row, w)
    marks = reading.marks if reading else ()
    for i, lost in reading.lacks if reading else ():
        before[i] = before.get(i, "") + caret(lost) + " "
    parts, at, kinds = [], 0, []
    for kind, run in groupby(cells, key=category):
        kinds.append(kind)
        if kind != "text":
            parts.append(CUT_CELL if kind == "cut" else NOT_QUOTED_MARK)
            continue
        count = sum(len(c.tokens) for c in run)
        if not count:
            parts.append(OM)
            kinds[-1] = "om"
            continue
        end = at + count
        here = {i - at: mark for i, mark in before.items() if at <= i < end or i == end == len(tokens)}
        parts.append(tokens_html(tokens[at:end], marks and marks[at:end], here))
        at = end
    return " ".join(sorted(set(kinds) - {"text"})), " ".join(parts)


def stretch_marks(collation: Collation, row: Row, w: int, named: bool = False) -> dict[int, str]:
    """Return, by token index in the row, marks where a separately quoted stretch of the witness begins.

    ‖ where the witness goes on from another of its stretches; ⚠ where the stretch matched
    too few words to be aligned word by word and was kept whole (local or unplaced); `named`
    adds the witness's siglum (for a row that all witnesses share).
    """
    siglum = f" {escape(collation.work.witnesses[w].siglum)}" if named else ""
    plans = {plan.stretch: plan for plan in (collation.placements[w] if w < len(collation.placements) else ())}
    previous = next((collation.places[p].cells[w].stretch for p in range(row.places[0] - 1, -1, -1)
                     if collation.places[p].cells[w].tokens), None)
    marks, at = {}, 0
    for p in row.places:
        cell = collation.places[p].cells[w]
        if not cell.tokens:
            continue
        mark, plan = "", plans.get(cell.stretch)
        if previous is not None and cell.stretch != previous:
            mark += (f' <span class="st" title="a separately quoted stretch begins here ({cell.stretch + 1} of '
                     f'{len(plans)} of {escape(collation.work.witnesses[w].siglum)})">‖{siglum}</span> ')
        if plan and plan.status != "aligned" and cell.stretch != previous and not any(
                collation.places[q].cells[w].stretch == cell.stretch and collation.places[q].cells[w].tokens
                for q in range(p)):
            mark += (f'<span class="unaligned" title="stretch {plan.stretch + 1} matched too few words to be '
                     f'aligned word by word ({plan.status}): kept whole where it fits best">'
                     f'⚠ {escape(plan.status)}{siglum}</span> ')
        if mark:
            marks[at] = mark
        previous, at = cell.stretch, at + len(cell.tokens)
    return marks


def reading_numbers(row: Row, order) -> str:
    """Return, per column, the index of the witness's reading in the row ('-' where it does not quote it)."""
    return " ".join(next((str(i) for i, r in enumerate(row.readings) if w in r.witnesses), "-") for w in order)


def agreement_html(collation: Collation, row: Row, guide: int, keep: int = 14) -> str:
    """Return the shared text of a run of agreement (its middle elided when long), stretch marks before it."""
    active = [w for w in range(len(collation.work.witnesses)) if is_active(row, w)]
    w = guide if guide in active else (active or [guide])[0]
    starts = "".join(stretch_marks(collation, row, v, named=True).get(0, "") for v in active)
    tokens = tokens_of(collation, row, w)
    words = [i for i, t in enumerate(tokens) if t.kind == WORD]
    if len(words) <= 3 * keep:
        return starts + tokens_html(tokens)
    head, tail = tokens[:words[keep]], tokens[words[-keep]:]
    middle = tokens[words[keep]:words[-keep]]
    hidden = " ".join("".join(t.text for t in middle).split())
    count = sum(t.kind == WORD for t in middle)
    return (f'{starts}{tokens_html(head)} <span class="elided" title="{escape(hidden)}">[… {count} more words …]'
            f'</span> {tokens_html(tail)}')
