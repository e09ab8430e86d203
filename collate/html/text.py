"""The reading text (the base with every place of variation numbered) and its classic apparatus."""

from __future__ import annotations

from html import escape

from collate.apparatus.places import Collation
from collate.apparatus.terms import Status
from collate.apparatus.critical import Apparatus
from collate.apparatus.rows import Row
from collate.html.rows import LABELS, is_active, labels_html, separator, stretch_marks, tokens_html, tokens_of
from collate.tokens import WORD


def reading_text(apparatus: Apparatus) -> str:
    """Return the base text, each row of variation a link to the table and a number linking to its entry."""
    collation, guide = apparatus.collation, apparatus.guide
    base = collation.work.witnesses[guide]
    parts = []
    for row in apparatus.rows:
        tokens = tokens_of(collation, row, guide)
        if not row.number:
            if is_active(row, guide):
                parts.append(text_html(collation, row, guide) + separator(tokens[-1], breaks=True))
            else:
                other = next(w for w in range(len(collation.work.witnesses)) if is_active(row, w))
                parts.append(f'<span class="supplied" title="not quoted by {escape(base.siglum)}; the text of '
                             f'{escape(collation.work.witnesses[other].siglum)}">⟨'
                             f'{text_html(collation, row, other)}⟩</span> ')
            continue
        n = row.number
        status = collation.places[row.places[0]].cells[guide].status
        if not is_active(row, guide):
            inner, after = (f'[{"…" if status == Status.CUT else "not in " + escape(base.siglum)}]', " ")
        elif not tokens:
            inner, after = '<span class="caret" title="the base has nothing here">‸</span>', " "
        else:
            inner, after = text_html(collation, row, guide), separator(tokens[-1], breaks=True)
        parts.append(f'<a class="lem type-{row.type}" id="t{n}" href="#v{n}" title="variant {n} '
                     f'({LABELS[row.type][1].split(":")[0]}): see the table">{inner}</a>'
                     f'<sup class="vn type-{row.type}"><a href="#a{n}" title="apparatus entry {n}">{n}</a></sup>'
                     f'{after}')
    return f'<div class="reading">{"".join(parts)}</div>'


def text_html(collation: Collation, row: Row, w: int) -> str:
    """Return a witness's running text over a row: line and paragraph breaks kept, stretches marked."""
    return tokens_html(tokens_of(collation, row, w), before=stretch_marks(collation, row, w), breaks=True)


def plain(collation: Collation, row: Row, w: int) -> str:
    """Return a witness's reading over a row on one line (for the apparatus), stretches marked."""
    return tokens_html(tokens_of(collation, row, w), before=stretch_marks(collation, row, w))


def lemma_html(collation: Collation, row: Row, guide: int) -> str:
    """Return the lemma: the base's words, or where it has none, 'after' its last word before."""
    tokens = tokens_of(collation, row, guide)
    if not is_active(row, guide):
        return f'<span class="lem">[not in {escape(collation.work.witnesses[guide].siglum)}]</span>'
    if tokens:
        return f'<span class="lem">{plain(collation, row, guide)}</span>'
    before = [t for p in range(row.places[0]) for t in collation.places[p].cells[guide].tokens if t.kind == WORD]
    if before:
        return f'<span class="where">after</span> <span class="lem">{escape(before[-1].body)}</span>'
    after = [t for p in range(row.places[-1] + 1, len(collation.places))
             for t in collation.places[p].cells[guide].tokens if t.kind == WORD]
    return (f'<span class="where">before</span> <span class="lem">{escape(after[0].body)}</span>' if after
            else '<span class="lem">‸</span>')


def sigla_html(collation: Collation, witnesses: list[int]) -> str:
    """Return the sigla of witnesses, each titled with the witness id."""
    return " ".join(f'<span class="sig" title="{escape(collation.work.witnesses[w].id)}">'
                    f'{escape(collation.work.witnesses[w].siglum)}</span>' for w in witnesses)


def plain_reading(collation: Collation, row: Row, witnesses) -> str:
    """Return a reading on one line; where several witnesses share it, each stretch mark names its witness."""
    before: dict[int, str] = {}
    for w in witnesses:
        for i, mark in stretch_marks(collation, row, w, named=len(witnesses) > 1).items():
            before[i] = before.get(i, "") + mark
    return tokens_html(tokens_of(collation, row, witnesses[0]), before=before)


def entry_html(apparatus: Apparatus, row: Row) -> str:
    """Return one apparatus entry: number, lemma ] readings with their sigla; om.; cuts; the lemma's sigla."""
    collation, guide = apparatus.collation, apparatus.guide
    lemma = row.reading_of(guide)
    addition = lemma is not None and not lemma.tokens
    items = []
    for reading in row.readings:
        if reading is lemma:
            continue
        if not reading.tokens:
            items.append(f'<span class="om">om.</span> {sigla_html(collation, reading.witnesses)}')
        else:
            prefix = '<span class="where">add.</span> ' if addition else ""
            title = f' title="{escape(LABELS[reading.difference][1])}"' if reading.difference else ""
            items.append(f'{prefix}<span class="rdg"{title}>'
                         f'{plain_reading(collation, row, reading.witnesses)}</span> '
                         f'{sigla_html(collation, reading.witnesses)}')
    cut = [w for w in apparatus.order if w != guide and not is_active(row, w)
           and any(collation.places[p].cells[w].status == Status.CUT for p in row.places)]
    if cut:
        items.append(f'<span class="cutst" title="cut by the quoting author">… cut</span> '
                     f'{sigla_html(collation, cut)}')
    n = row.number
    moved = "".join(f' <a href="#a{m}" title="the transposed words: entry {m}">⇄ {m}</a>' for m in row.partners)
    agree = lemma.witnesses if lemma else (guide,)
    return (f'<li id="a{n}" class="type-{row.type}"><a class="n" href="#t{n}" title="in the reading text">{n}</a> '
            f'{lemma_html(collation, row, guide)}] {"; ".join(items) or "<span class=small>(no other reading)</span>"}'
            f' <span class="lemwit" title="witnesses reading as the lemma">lem. {sigla_html(collation, agree)}</span>'
            f' {labels_html(row)}{moved}'
            f' <a class="to-table" href="#v{n}" title="row {n} of the variant table">table ↑</a></li>')


def apparatus_html(apparatus: Apparatus) -> str:
    """Return the apparatus: one entry per row of variation, in text order."""
    entries = "".join(entry_html(apparatus, row) for row in apparatus.entries)
    if not entries:
        return '<p class="caption">The witnesses agree throughout: there is no place of variation.</p>'
    return f'<ol class="apparatus">{entries}</ol>'
