"""The variant table's cells and every witness text on the page, as lxml nodes (escaped by construction).

A fragment of the page is a list of nodes: strings and elements, in order, to be
spread into a parent element (a string after an element becomes its tail).
"""

from __future__ import annotations

from itertools import groupby

from lxml.html import HtmlElement
from lxml.html import builder as h

from collate.apparatus.differences import Mark
from collate.apparatus.places import Collation
from collate.apparatus.readings import tokens_over
from collate.apparatus.rows import Row
from collate.apparatus.terms import TYPES, PlaceType, Status
from collate.tokens import CUT, FOOTNOTE, INSERTION, WORD, Token

Nodes = list  # of str and HtmlElement
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
HIGHLIGHTS = {  # a word's level of difference: the class of its highlight
    PlaceType.SUBSTANTIVE: "sub", PlaceType.SPELLING: "spell", PlaceType.CASE: "case",
    PlaceType.PUNCTUATION: "punct",
}
DIFFERENCE = {  # a word's level of difference: what its highlight's title says
    PlaceType.SUBSTANTIVE: "different word", PlaceType.SPELLING: "spelling differs",
    PlaceType.CASE: "case differs", PlaceType.PUNCTUATION: "punctuation or typography differs",
}
TOKEN_MARKS = {  # the quoting author's marks: (tag, class, title)
    INSERTION: ("span", "ins", "quoting author’s insertion"),
    FOOTNOTE: ("sup", "fn", "footnote marker"),
    CUT: ("span", "cut", "quoting author’s cut, as printed"),
}


def span(css: str, *children, **attributes: str) -> HtmlElement:
    """Return a span of a class."""
    return h.SPAN(h.CLASS(css), *children, **attributes)


def labels(row: Row) -> Nodes:
    """Return the type labels of a row: each main difference it shows, or its one kind of difference."""
    shown = [t for t in row.types if t in MAJOR] or [row.type]
    return [span(f"ty ty-{t}", LABELS[t][0], title=LABELS[t][1]) for t in shown]


def tokens_of(collation: Collation, row: Row, w: int) -> list[Token]:
    """Return a witness's tokens over a row."""
    return list(tokens_over(collation, row.places, w))


def is_active(row: Row, w: int) -> bool:
    """Return whether a witness quotes the row's passage (present or omitting there)."""
    return row.reading_of(w) is not None


def separator(token: Token, breaks: bool = False) -> Nodes:
    """Return the whitespace after a token: nothing, a space, or a line or paragraph break."""
    space = token.text[len(token.body):]
    if not space:
        return []
    if breaks and "\n" in space:
        return [span("pb") if space.count("\n") > 1 else h.BR()]
    return [" "]


def token_node(token: Token):
    """Return one token's printed body: the quoting author's marks shown as what they are."""
    if token.kind not in TOKEN_MARKS:
        return token.body
    tag, css, title = TOKEN_MARKS[token.kind]
    return h.E(tag, h.CLASS(css), token.body, title=title)


def mark_title(mark: Mark) -> str:
    """Return what a highlight's title says: the kind of difference and the base's words."""
    if mark.level == PlaceType.SUBSTANTIVE and not mark.base:
        return "not in the base"
    return f"{DIFFERENCE[mark.level]}; base: {mark.base or 'none'}"


def highlight(mark: Mark, children: Nodes) -> HtmlElement:
    """Return a run of tokens that differ from the base alike: a strong mark for other words, faint otherwise."""
    tag = "mark" if mark.level == PlaceType.SUBSTANTIVE else "span"
    return h.E(tag, h.CLASS(HIGHLIGHTS[mark.level]), *children, title=mark_title(mark))


def trimmed(nodes: Nodes) -> Nodes:
    """Return the nodes without the whitespace they end with."""
    while nodes and isinstance(nodes[-1], str) and not nodes[-1].strip():
        nodes = nodes[:-1]
    return nodes[:-1] + [nodes[-1].rstrip()] if nodes and isinstance(nodes[-1], str) else nodes


def tokens_nodes(tokens, marks=(), before=None, breaks: bool = False) -> Nodes:
    """Return tokens as nodes: neighbours with the same difference in one highlight, `before[i]` put before token i."""
    marks, before = marks or [None] * len(tokens), before or {}
    parts: Nodes = []
    group: Nodes | None = None
    for i, token in enumerate(tokens):
        mark = marks[i]
        parts += before.get(i, [])
        if mark and not (i and marks[i - 1] == mark and i not in before):
            group = []
        (parts if group is None else group).append(token_node(token))
        if mark and (i + 1 == len(tokens) or marks[i + 1] != mark or i + 1 in before):
            parts.append(highlight(mark, group))
            group = None
        (parts if group is None else group).extend(separator(token, breaks))
    if len(tokens) in before:
        parts += [" ", *before[len(tokens)]]
    return trimmed(parts)


def caret(lost: str) -> HtmlElement:
    """Return the mark of words of the base a witness lacks at this point."""
    return span("lack", "‸", title=f"lacks: {lost}")


def category(cell) -> str:
    """Return how a cell is shown: text (present or omitted), cut or not quoted."""
    return {Status.CUT: "cut", Status.NOT_QUOTED: "nq"}.get(cell.status, "text")


def status_mark(kind: str) -> HtmlElement:
    """Return what a cell shows where the witness has no text: omitted, cut or not quoted."""
    if kind == "om":
        return span("om", "om.", title="omitted: this witness quotes the passage but has nothing here")
    if kind == "cut":
        return span("cutst", span("cutmark", "…"), " cut", title="cut by the quoting author: not quoted here")
    return span("nqmark", "—", title="not quoted")


def joined(fragments: list[Nodes], separator: str = " ") -> Nodes:
    """Return fragments one after another, the separator between two."""
    return [node for i, fragment in enumerate(fragments) for node in ([separator] if i else []) + fragment]


def variant_cell(collation: Collation, row: Row, w: int) -> tuple[str, Nodes]:
    """Return (classes, content) of a witness's cell in a row of variation."""
    cells = [collation.places[p].cells[w] for p in row.places]
    tokens, reading = tokens_of(collation, row, w), row.reading_of(w)
    before = stretch_marks(collation, row, w)
    for i, lost in reading.lacks if reading else ():
        before[i] = before.get(i, []) + [caret(lost), " "]
    marks = reading.marks if reading else ()
    fragments, at, kinds = [], 0, []
    for kind, run in groupby(cells, key=category):
        count = sum(len(c.tokens) for c in run)
        kinds.append(kind if kind != "text" or count else "om")
        if kinds[-1] != "text":
            fragments.append([status_mark(kinds[-1])])
            continue
        end = at + count
        here = {i - at: mark for i, mark in before.items() if at <= i < end or i == end == len(tokens)}
        fragments.append(tokens_nodes(tokens[at:end], marks[at:end], here))
        at = end
    return " ".join(sorted(set(kinds) - {"text"})), joined(fragments)


def stretch_marks(collation: Collation, row: Row, w: int, named: bool = False) -> dict[int, Nodes]:
    """Return, by token index in the row, marks where a separately quoted stretch of the witness begins.

    ‖ where the witness goes on from another of its stretches; ⚠ where the stretch matched
    too few words to be aligned word by word and was kept whole (local or unplaced); `named`
    adds the witness's siglum (for a row that all witnesses share).
    """
    siglum = f" {collation.work.witnesses[w].siglum}" if named else ""
    plans = {plan.stretch: plan for plan in (collation.placements[w] if w < len(collation.placements) else ())}
    previous, marks, at = collation.positions.previous_stretch(row.places[0], w), {}, 0
    for p in row.places:
        here = collation.places[p].cells[w]
        if not here.tokens:
            continue
        mark: Nodes = []
        if previous is not None and here.stretch != previous:
            title = (f"a separately quoted stretch begins here ({here.stretch + 1} of {len(plans)} of "
                     f"{collation.work.witnesses[w].siglum})")
            mark += [" ", span("st", f"‖{siglum}", title=title), " "]
        plan = plans.get(here.stretch)
        if (plan and plan.status != "aligned" and here.stretch != previous
                and collation.positions.first_of_stretch(p, w)):
            mark += [unaligned(plan, siglum), " "]
        if mark:
            marks[at] = mark
        previous, at = here.stretch, at + len(here.tokens)
    return marks


def unaligned(plan, siglum: str) -> HtmlElement:
    """Return the ⚠ mark of a stretch kept whole rather than aligned word by word."""
    return span("unaligned", f"⚠ {plan.status}{siglum}",
                title=f"stretch {plan.stretch + 1} matched too few words to be aligned word by word "
                      f"({plan.status}): kept whole where it fits best")


def reading_numbers(row: Row, order) -> str:
    """Return, per column, the index of the witness's reading in the row ('-' where it does not quote it)."""
    return " ".join(next((str(i) for i, r in enumerate(row.readings) if w in r.witnesses), "-") for w in order)


def agreement_text(collation: Collation, row: Row, guide: int, keep: int = 14) -> Nodes:
    """Return the shared text of a run of agreement (its middle elided when long), stretch marks before it."""
    active = [w for w in range(len(collation.work.witnesses)) if is_active(row, w)]
    w = guide if guide in active else (active or [guide])[0]
    starts = [node for v in active for node in stretch_marks(collation, row, v, named=True).get(0, [])]
    tokens = tokens_of(collation, row, w)
    words = [i for i, t in enumerate(tokens) if t.kind == WORD]
    if len(words) <= 3 * keep:
        return starts + tokens_nodes(tokens)
    head, middle, tail = tokens[:words[keep]], tokens[words[keep]:words[-keep]], tokens[words[-keep]:]
    hidden = " ".join("".join(t.text for t in middle).split())
    count = sum(t.kind == WORD for t in middle)
    return [*starts, *tokens_nodes(head), " ", span("elided", f"[… {count} more words …]", title=hidden), " ",
            *tokens_nodes(tail)]
