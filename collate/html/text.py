"""The reading text (the base with every place of variation numbered) and its classic apparatus."""

from __future__ import annotations

from lxml.html import HtmlElement
from lxml.html import builder as h

from collate.apparatus.critical import Apparatus
from collate.apparatus.places import Collation
from collate.apparatus.rows import Row
from collate.apparatus.terms import Status
from collate.html.cells import (LABELS, Nodes, is_active, joined, labels, separator, span, stretch_marks,
                                tokens_nodes, tokens_of)


def reading_text(apparatus: Apparatus) -> HtmlElement:
    """Return the base text, each row of variation a link to the table and a number linking to its entry."""
    parts: Nodes = []
    for row in apparatus.rows:
        parts += variant_text(apparatus, row) if row.number else agreed_text(apparatus, row)
    return h.DIV(h.CLASS("reading"), *parts)


def agreed_text(apparatus: Apparatus, row: Row) -> Nodes:
    """Return the text of a run of agreement: the base's, or, where it does not quote it, another's."""
    collation, guide = apparatus.collation, apparatus.guide
    if is_active(row, guide):
        return running_text(collation, row, guide) + separator(tokens_of(collation, row, guide)[-1], breaks=True)
    other = next(w for w in range(len(collation.work.witnesses)) if is_active(row, w))
    witnesses = collation.work.witnesses
    title = f"not quoted by {witnesses[guide].siglum}; the text of {witnesses[other].siglum}"
    return [span("supplied", "⟨", *running_text(collation, row, other), "⟩", title=title), " "]


def variant_text(apparatus: Apparatus, row: Row) -> Nodes:
    """Return a row of variation in the reading text: the base's words linked to the table, then its number."""
    collation, guide, n = apparatus.collation, apparatus.guide, row.number
    tokens = tokens_of(collation, row, guide)
    if not is_active(row, guide):
        cut = collation.places[row.places[0]].cells[guide].status == Status.CUT
        inner, after = ["[…]" if cut else f"[not in {collation.work.witnesses[guide].siglum}]"], [" "]
    elif not tokens:
        inner, after = [span("caret", "‸", title="the base has nothing here")], [" "]
    else:
        inner, after = running_text(collation, row, guide), separator(tokens[-1], breaks=True)
    kind = LABELS[row.type][1].split(":")[0]
    return [h.A(h.CLASS(f"lem type-{row.type}"), *inner, id=f"t{n}", href=f"#v{n}",
                title=f"variant {n} ({kind}): see the table"),
            h.SUP(h.CLASS(f"vn type-{row.type}"), h.A(str(n), href=f"#a{n}", title=f"apparatus entry {n}")),
            *after]


def running_text(collation: Collation, row: Row, w: int) -> Nodes:
    """Return a witness's running text over a row: line and paragraph breaks kept, stretches marked."""
    return tokens_nodes(tokens_of(collation, row, w), before=stretch_marks(collation, row, w), breaks=True)


def lemma(collation: Collation, row: Row, guide: int) -> Nodes:
    """Return the lemma: the base's words, or where it has none, 'after' its last word before."""
    tokens = tokens_of(collation, row, guide)
    if not is_active(row, guide):
        return [span("lem", f"[not in {collation.work.witnesses[guide].siglum}]")]
    if tokens:
        return [span("lem", *tokens_nodes(tokens, before=stretch_marks(collation, row, guide)))]
    before = collation.positions.word_before(row.places[0], guide)
    if before:
        return [span("where", "after"), " ", span("lem", before.body)]
    after = collation.positions.word_after(row.places[-1], guide)
    return [span("where", "before"), " ", span("lem", after.body)] if after else [span("lem", "‸")]


def sigla(collation: Collation, witnesses) -> Nodes:
    """Return the sigla of witnesses, each titled with the witness id."""
    named = [collation.work.witnesses[w] for w in witnesses]
    return joined([[span("sig", witness.siglum, title=witness.id)] for witness in named])


def shared_reading(collation: Collation, row: Row, witnesses) -> Nodes:
    """Return a reading on one line; where several witnesses share it, each stretch mark names its witness."""
    before: dict[int, Nodes] = {}
    for w in witnesses:
        for i, mark in stretch_marks(collation, row, w, named=len(witnesses) > 1).items():
            before[i] = before.get(i, []) + mark
    return tokens_nodes(tokens_of(collation, row, witnesses[0]), before=before)


def other_readings(apparatus: Apparatus, row: Row) -> list[Nodes]:
    """Return the readings that differ from the lemma, then the witnesses cut here, each with its sigla."""
    collation, guide = apparatus.collation, apparatus.guide
    base = row.reading_of(guide)
    items = []
    for reading in row.readings:
        if reading is base:
            continue
        if not reading.tokens:
            items.append([span("om", "om."), " ", *sigla(collation, reading.witnesses)])
            continue
        title = {"title": LABELS[reading.difference][1]} if reading.difference else {}
        prefix = [span("where", "add."), " "] if base is not None and not base.tokens else []
        items.append([*prefix, span("rdg", *shared_reading(collation, row, reading.witnesses), **title), " ",
                      *sigla(collation, reading.witnesses)])
    cut = cut_witnesses(apparatus, row)
    if cut:
        items.append([span("cutst", "… cut", title="cut by the quoting author"), " ", *sigla(collation, cut)])
    return items


def cut_witnesses(apparatus: Apparatus, row: Row) -> list[int]:
    """Return the witnesses, other than the base, whose quoting author cut the row's passage."""
    cells = apparatus.collation.places
    return [w for w in apparatus.order if w != apparatus.guide and not is_active(row, w)
            and any(cells[p].cells[w].status == Status.CUT for p in row.places)]


def entry(apparatus: Apparatus, row: Row) -> HtmlElement:
    """Return one apparatus entry: number, lemma ] readings with their sigla; om.; cuts; the lemma's sigla."""
    collation, guide, n = apparatus.collation, apparatus.guide, row.number
    items = other_readings(apparatus, row)
    readings = joined(items, "; ") or [span("small", "(no other reading)")]
    base = row.reading_of(guide)
    moved = [node for m in row.partners
             for node in (" ", h.A(f"⇄ {m}", href=f"#a{m}", title=f"the transposed words: entry {m}"))]
    return h.LI(h.CLASS(f"type-{row.type}"), h.A(h.CLASS("n"), str(n), href=f"#t{n}", title="in the reading text"),
                " ", *lemma(collation, row, guide), "] ", *readings, " ",
                span("lemwit", "lem. ", *sigla(collation, base.witnesses if base else (guide,)),
                     title="witnesses reading as the lemma"),
                " ", *labels(row), *moved, " ",
                h.A(h.CLASS("to-table"), "table ↑", href=f"#v{n}", title=f"row {n} of the variant table"), id=f"a{n}")


def apparatus_list(apparatus: Apparatus) -> HtmlElement:
    """Return the apparatus: one entry per row of variation, in text order."""
    if not apparatus.entries:
        return h.P(h.CLASS("caption"), "The witnesses agree throughout: there is no place of variation.")
    return h.OL(h.CLASS("apparatus"), *(entry(apparatus, row) for row in apparatus.entries))
