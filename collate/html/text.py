"""The reading text (the base with every place of variation numbered) and its classic apparatus."""

from __future__ import annotations

from html import escape

from collate.apparatus.places import Collation
from collate.apparatus.terms import Status
from collate.html.rows import (LABELS, Row, is_active, labels_html, partners_of, separator, stretch_marks,
                               tokens_html, tokens_of)
from collate.tokens import WORD


def reading_text(collation: Collation, rows: list[Row], guide: int) -> str:
    """Return the base text, each row of variation a link to the table and a number linking to its entry."""
    base = collation.work.witnesses[guide]
    parts = []
    for row in rows:
        tokens = tokens_of(collation, row, guide)
        if not row.number:
            if is_active(collation, row, guide):
                parts.append(text_html(collation, row, guide) + separator(tokens[-1], breaks=True))
            else:
                other = next(w for w in range(len(collation.work.witnesses)) if is_active(collation, row, w))
                parts.append(f'<span class="supplied" title="not quoted by {escape(base.siglum)}; the text of '
                             f'{escape(collation.work.witnesses[other].siglum)}">⟨'
                             f'{text_html(collation, row, other)}⟩</span> ')
            continue
        n = row.number
        status = collation.places[row.places[0]].cells[guide].status
        if not is_active(collation, row, guide):
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
    if not is_active(collation, row, guide):
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


def entry_html(collation: Collation, row: Row, guide: int, order: list[int], partners: list[int]) -> str:
    """Return one apparatus entry: number, lemma ] readings with their sigla; om.; cuts; the lemma's sigla."""
    lemma_tokens = tokens_of(collation, row, guide)
    addition = is_active(collation, row, guide) and not lemma_tokens
    readings: dict[str, list[int]] = {}
    agree, cut = [guide], []
    for w in order[1:]:
        if not is_active(collation, row, w):
            if any(collation.places[p].cells[w].status == Status.CUT for p in row.places):
                cut.append(w)
            continue
        tokens = tokens_of(collation, row, w)
        if is_active(collation, row, guide) and [t.body for t in tokens] == [t.body for t in lemma_tokens]:
            agree.append(w)
        else:
            readings.setdefault(plain(collation, row, w) if tokens else "", []).append(w)
    items = []
    for text, ws in readings.items():
        if not text:
            items.append(f'<span class="om">om.</span> {sigla_html(collation, ws)}')
        else:
            prefix = '<span class="where">add.</span> ' if addition else ""
            items.append(f'{prefix}<span class="rdg">{text}</span> {sigla_html(collation, ws)}')
    if cut:
        items.append(f'<span class="cutst" title="cut by the quoting author">… cut</span> '
                     f'{sigla_html(collation, cut)}')
    n = row.number
    moved = "".join(f' <a href="#a{m}" title="the transposed words: entry {m}">⇄ {m}</a>' for m in partners)
    return (f'<li id="a{n}" class="type-{row.type}"><a class="n" href="#t{n}" title="in the reading text">{n}</a> '
            f'{lemma_html(collation, row, guide)}] {"; ".join(items) or "<span class=small>(no other reading)</span>"}'
            f' <span class="lemwit" title="witnesses reading as the lemma">lem. {sigla_html(collation, agree)}</span>'
            f' {labels_html(row)}{moved}'
            f' <a class="to-table" href="#v{n}" title="row {n} of the variant table">table ↑</a></li>')


def apparatus(collation: Collation, rows: list[Row], guide: int, order: list[int]) -> str:
    """Return the apparatus: one entry per row of variation, in text order."""
    partners = partners_of(rows)
    entries = "".join(entry_html(collation, row, guide, order, partners.get(row.number, []))
                      for row in rows if row.number)
    if not entries:
        return '<p class="caption">The witnesses agree throughout: there is no place of variation.</p>'
    return f'<ol class="apparatus">{entries}</ol>'
