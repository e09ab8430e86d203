"""The variant table: a column per witness (the base first), a row per run of places, with filters and legend."""

from __future__ import annotations

from copy import deepcopy

from lxml.html import HtmlElement
from lxml.html import builder as h

from collate.apparatus.critical import Apparatus
from collate.apparatus.rows import Row
from collate.apparatus.terms import TYPES, PlaceType
from collate.html.cells import (LABELS, Nodes, agreement_text, is_active, labels, reading_numbers, span,
                                variant_cell)
from collate.html.style import FILTERED

LEGEND = (  # (the mark as the table shows it, what it means)
    (h.MARK(h.CLASS("sub"), "word", title="different word"), " different word (substantive)"),
    (span("spell", "word"), " same word, spelling or case differs"),
    (span("punct", ","), " punctuation differs"),
    (span("lack", "‸"), " lacks words of the base (hover to read them)"),
    (span("om", "om."), " omitted: quotes the passage, lacks this"),
    (span("cutst", span("cutmark", "…"), " cut"), " cut by the quoting author"),
    (span("cut", "…"), " cut as printed"),
    (span("ins", "[us]"), " quoting author’s insertion"),
    (h.SUP(h.CLASS("fn"), "[1]"), " footnote marker"),
    (span("nqmark", "—"), " not quoted (grey)"),
    (span("st", "‖"), " a separately quoted stretch begins"),
    (span("unaligned", "⚠ local"), " stretch kept whole, not aligned word by word"),
)


def variant_section(apparatus: Apparatus, drawn: Nodes | None = None) -> Nodes:
    """Return the caption, the filters, the legend and the variant table (`drawn`: a long work's, drawn by script)."""
    count = len(apparatus.entries)
    base = apparatus.collation.work.witnesses[apparatus.guide].siglum
    caption = h.P(h.CLASS("caption"), f"{count} rows of variation, in text order; the passages where every "
                  "witness that quotes them agrees are folded into grey rows. Differences are marked against the "
                  f"base ({base}). The numbers lead to the reading text.")
    if drawn:
        return [caption, filters(apparatus), *legend(), *drawn]
    return [caption, filters(apparatus), h.NOSCRIPT(h.P("The filters need scripts; every row is shown.")),
            *legend(), variant_table(apparatus)]


def filters(apparatus: Apparatus) -> HtmlElement:
    """Return the filters: hide rows of a minor type, show or hide each witness's column."""
    witnesses = apparatus.collation.work.witnesses
    types = [h.LABEL(h.INPUT(type="checkbox", id=f"hide-{t}", **{"data-type": t}), f" {t}-only") for t in FILTERED]
    columns = [h.LABEL(h.INPUT(type="checkbox", id=f"show-w{c}", checked="checked", **{"data-col": str(c)}),
                       f" {witnesses[w].siglum}", title=str(witnesses[w].citation))
               for c, w in enumerate(apparatus.order)]
    return h.FORM(h.CLASS("filters"), h.FIELDSET(h.LEGEND("Hide rows"), *types),
                  h.FIELDSET(h.LEGEND("Show witnesses"), *columns),
                  h.SPAN(f"{len(apparatus.entries)} rows of variation", id="shown"), id="filters",
                  onsubmit="return false")


def legend() -> Nodes:
    """Return the legend of the marks and of the row types."""
    marks = [h.LI(deepcopy(mark), meaning) for mark, meaning in LEGEND]  # an element has one parent
    types = [h.LI(span(f"ty ty-{t}", LABELS[t][0]), f" {LABELS[t][1]}") for t in TYPES]
    return [h.UL(h.CLASS("legend"), *marks, **{"aria-label": "legend"}),
            h.UL(h.CLASS("legend"), *types, **{"aria-label": "row types"})]


def column_head(apparatus: Apparatus, c: int, w: int) -> HtmlElement:
    """Return a witness's column heading: siglum and id, the base marked."""
    witness, base = apparatus.collation.work.witnesses[w], w == apparatus.guide
    return h.TH(h.CLASS(f"w{c} base" if base else f"w{c}"), span("sig", witness.siglum),
                span("wid", witness.id + (" · base" if base else "")), scope="col", title=str(witness.citation))


def variant_table(apparatus: Apparatus) -> HtmlElement:
    """Return the variant table: a column per witness (the base first), a row per run of places."""
    order = apparatus.order
    rows = [variant_row(apparatus, row) if row.number else agreement_row(apparatus, row, r)
            for r, row in enumerate(apparatus.rows)]
    heads = [column_head(apparatus, c, w) for c, w in enumerate(order)]
    return h.TABLE(h.CLASS("variants"), h.COLGROUP(h.COL(h.CLASS("rl")), *(h.COL() for _ in order)),
                   h.THEAD(h.TR(h.TH("Row", scope="col"), *heads)), h.TBODY(*rows), id="variant-table")


def agreement_row(apparatus: Apparatus, row: Row, r: int) -> HtmlElement:
    """Return a grey row where every witness that quotes the passage agrees, saying who they are."""
    witnesses, order = apparatus.collation.work.witnesses, apparatus.order
    who = [witnesses[w].siglum for w in order if is_active(row, w)]
    label, meaning = ("only", f"only {who[0]} quotes this passage") if len(who) == 1 else (
        "same", LABELS[PlaceType.INVARIANT][1])
    return h.TR(h.CLASS("agree"), h.TH(h.CLASS("rl"), span("ty ty-invariant", label, title=meaning), scope="row"),
                h.TD(span("who small", "all" if len(who) == len(order) else " ".join(who),
                          title="witnesses quoting this passage"),
                     *agreement_text(apparatus.collation, row, apparatus.guide), colspan=str(len(order))), id=f"g{r}")


def variant_row(apparatus: Apparatus, row: Row) -> HtmlElement:
    """Return one row of variation: number, type labels, links, and a cell per witness."""
    n, guide = row.number, apparatus.guide
    also = [t for t in row.types[1:] if t != PlaceType.INVARIANT]
    title = LABELS[row.type][1] + (f"; also: {', '.join(also)}" if also else "")
    moved = [h.A(f"⇄ {m}", href=f"#v{m}", title=f"the transposed words: row {m}") for m in row.partners]
    cells = []
    for c, w in enumerate(apparatus.order):
        kinds, content = variant_cell(apparatus.collation, row, w)
        classes = " ".join(part for part in (f"w{c}", "base" if w == guide else "", kinds) if part)
        cells.append(h.TD(h.CLASS(classes), *content, **({"title": "not quoted"} if kinds == "nq" else {})))
    head = h.TH(h.CLASS("rl"), h.A(h.CLASS("n"), str(n), href=f"#t{n}", title=f"variant {n} in the reading text"),
                span("tys", *labels(row), title=title),
                span("x", h.A("app.", href=f"#a{n}", title=f"apparatus entry {n}"), *moved), scope="row")
    return h.TR(h.CLASS(f"var type-{row.type}" + "".join(f" has-{t}" for t in also)), head, *cells,
                id=f"v{n}", **{"data-r": reading_numbers(row, apparatus.order)})
