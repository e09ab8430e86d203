"""The variant table of a book-length work: its rows embedded once as data, drawn by the page's script.

A page of tens of thousands of rows takes a browser many seconds to lay out. Past `LONG`
rows the table's body is left empty and every row is carried, already rendered by lxml,
in one JSON data island; `book.js` draws the rows near the screen as the reader scrolls,
and offers a table of contents by the base's paragraphs, a box to go to row of variation N
and a search for a word in any witness. Short works keep the full table, readable with
scripts off.
"""

from __future__ import annotations

import json

from lxml.html import HtmlElement
from lxml.html import builder as h
from lxml.html import tostring

from collate.apparatus.critical import Apparatus
from collate.apparatus.rows import Row
from collate.html.cells import Nodes, is_active, tokens_of
from collate.html.table import agreement_row, column_head, variant_row
from collate.tokens import WORD

LONG = 2_000  # rows: past this the table is drawn on demand
CONTENTS_WORDS = 8  # words of a paragraph's opening shown in the table of contents


def is_long(apparatus: Apparatus) -> bool:
    """Return whether the work is long enough for its rows to be drawn on demand."""
    return len(apparatus.rows) > LONG


def row_id(row: Row, r: int) -> str:
    """Return the id of a row of the table: v{entry} for a row of variation, g{index} for agreement."""
    return f"v{row.number}" if row.number else f"g{r}"


def island(apparatus: Apparatus) -> HtmlElement:
    """Return the data island: every row's HTML, its classes and reading numbers, and each entry's row."""
    rows = [variant_row(apparatus, row) if row.number else agreement_row(apparatus, row, r)
            for r, row in enumerate(apparatus.rows)]
    document = {"rows": [tostring(without_marks(row), encoding="unicode") for row in rows],
                "kinds": [row.get("class") for row in rows],
                "readings": [row.get("data-r", "") for row in rows],
                "entries": [r for r, row in enumerate(apparatus.rows) if row.number]}
    # "</" written as "<\/" (the same string in JSON), so no text can close the script element
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return h.SCRIPT(text, type="application/json", id="book-rows")


def without_marks(row: HtmlElement) -> HtmlElement:
    """Return a row with its not-quoted cells left empty: the style sheet draws their mark (so that a
    witness quoting little costs a few bytes a row, not a mark and two titles)."""
    for cell in row.xpath('td[@title="not quoted"]'):
        classes = cell.get("class")
        cell.clear()
        cell.set("class", classes)
    return row


def book_table(apparatus: Apparatus) -> HtmlElement:
    """Return the variant table with its head only: the script draws the body from the data island."""
    order = apparatus.order
    heads = [column_head(apparatus, c, w) for c, w in enumerate(order)]
    return h.TABLE(h.CLASS("variants book"), h.COLGROUP(h.COL(h.CLASS("rl")), *(h.COL() for _ in order)),
                   h.THEAD(h.TR(h.TH("Row", scope="col"), *heads)), id="variant-table")


def finder() -> HtmlElement:
    """Return the boxes to go to a row of variation and to search for a word in any witness."""
    return h.FORM(h.CLASS("finder"),
                  h.LABEL("Go to row of variation ", h.INPUT(type="number", min="1", id="goto", size="6")),
                  h.LABEL(" Find a word ", h.INPUT(type="search", id="find", size="18")),
                  h.SPAN(id="found", **{"aria-live": "polite"}), id="finder", onsubmit="return false")


def contents(apparatus: Apparatus) -> HtmlElement:
    """Return the table of contents: a link to the first row of each of the base's paragraphs."""
    items = [h.LI(h.A(opening(apparatus, row), href=f"#{row_id(row, r)}")) for r, row in paragraph_starts(apparatus)]
    return h.DETAILS(h.CLASS("contents"), h.SUMMARY(f"Contents: {len(items)} paragraphs of the base"),
                     h.OL(*items))


def paragraph_starts(apparatus: Apparatus) -> list[tuple[int, Row]]:
    """Return the rows (index, row) that open a paragraph of the guide: the first, and each after a line break."""
    return [(r, row) for r, row in enumerate(apparatus.rows)
            if r == 0 or apparatus.rows[r - 1].places[-1] in apparatus.breaks]


def opening(apparatus: Apparatus, row: Row) -> str:
    """Return the first words of the guide's text at a row (another witness's where it does not quote it)."""
    w = next((v for v in apparatus.order if is_active(row, v)), apparatus.guide)
    words = [t.body for t in tokens_of(apparatus.collation, row, w) if t.kind == WORD][:CONTENTS_WORDS]
    return " ".join(words) + " …" if words else "…"


def book_section(apparatus: Apparatus) -> Nodes:
    """Return what a long work's table adds: the finder, the contents, the empty table and its data."""
    note = h.NOSCRIPT(h.P("This collation is long: its rows are drawn by the page's script. "
                          "Without scripts, read the JSON or TEI file written beside this page."))
    return [note, finder(), contents(apparatus), book_table(apparatus), island(apparatus)]
