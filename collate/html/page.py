"""The review page (`output/WORK.html`): one self-contained HTML file, readable with scripts off.

Header and settings, the witnesses with their closeness to the base and to each
other, the variant table (witnesses as columns, the base first), and the base's
reading text with a numbered apparatus, all linked both ways. The page is built
as lxml elements, so every text is escaped by construction; the same collation
always gives the same string.

>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> page = to_html(collate_work(Work("t", "A test", (Witness("a", "A", "One <script> two"),
...                                                  Witness("b", "B", "One three")))))
>>> page.startswith("<!DOCTYPE html>"), "<script> two" in page, "&lt;script&gt;" in page
(True, False, True)
"""

from __future__ import annotations

from lxml.html import HtmlElement
from lxml.html import builder as h
from lxml.html import tostring

from collate import __version__
from collate.apparatus.critical import Apparatus, apparatus_of
from collate.apparatus.places import Collation
from collate.html.book import book_section, is_long
from collate.html.cells import Nodes
from collate.html.style import page_css, script
from collate.html.table import variant_section
from collate.html.text import apparatus_list, reading_text
from collate.html.witnesses import heat_map, witness_table

WITNESSES_CAPTION = (
    "“Quotes”: the share of the collation’s places the witness quotes. “Similarity”: the share of the word "
    "pairs aligned between two witnesses, where both quote, whose normalized words agree (100 = the same words). "
    "Stretches kept whole rather than aligned word by word are marked ⚠. "
    "“Alike”: the share of a stretch’s words that stand in a column with the same or a similar word of another "
    "witness; under 50% the stretch is marked “low: check by hand”, since so few of its words agree with another "
    "witness that its alignment is doubtful.")
READING_CAPTION = (
    "The base text; every place of variation is underlined and numbered. The underlined words lead to the row "
    "of the variant table, the number to the apparatus entry, whose number leads back here.")
APPARATUS_CAPTION = (
    "Lemma (the base’s reading) ] the other readings with their sigla; “om.” a witness that quotes the passage "
    "but lacks it; “… cut” one whose quoting author cut it; “lem.” the witnesses that read as the base. "
    "Witnesses that do not quote a passage are not named.")
SECTIONS = (("witnesses", "Witnesses"), ("similarity", "Similarity"), ("variants", "Variant table"),
            ("reading", "Reading text"), ("apparatus-head", "Apparatus"))


def to_html(collation: Collation, base: str | None = None) -> str:
    """Return the collation as a complete HTML document; `base` is the lemma witness id (default: the reference)."""
    return html_page(apparatus_of(collation, base or collation.reference))


def html_page(apparatus: Apparatus) -> str:
    """Return the apparatus as a complete HTML document."""
    work = apparatus.collation.work
    title = f"{work.title} — collation of {len(work.witnesses)} witnesses"
    viewport = h.META(name="viewport", content="width=device-width, initial-scale=1")
    head = h.HEAD(*lines(h.META(charset="utf-8"), viewport, h.META(name="generator", content=f"collate {__version__}"),
                         h.TITLE(title), h.STYLE(page_css(len(work.witnesses), is_long(apparatus)))))
    body = h.BODY(*lines(header(apparatus), main(apparatus), footer(apparatus), h.SCRIPT(script(is_long(apparatus)))))
    page = h.HTML(*lines(head, body), lang="en")
    return tostring(page, doctype="<!DOCTYPE html>", encoding="unicode") + "\n"


def lines(*elements: HtmlElement) -> Nodes:
    """Return elements each on its own line of the page's source."""
    return [node for element in elements for node in ("\n", element)] + ["\n"]


def main(apparatus: Apparatus) -> HtmlElement:
    """Return the page's sections: witnesses, variant table, and, for a work that is not long, reading text
    with apparatus (a long work's table is drawn on demand; its text and apparatus are in the TEI file)."""
    witnesses = section("witnesses", "Witnesses", h.P(h.CLASS("caption"), WITNESSES_CAPTION),
                        witness_table(apparatus), h.H3("Similarity of the witnesses where both quote (%)",
                                                       id="similarity"), heat_map(apparatus))
    if is_long(apparatus):
        return h.E("main", *lines(witnesses, section("variants", "Variant table",
                                                     *variant_section(apparatus, book_section(apparatus)))))
    base = apparatus.collation.work.witnesses[apparatus.guide].siglum
    return h.E("main", *lines(
        witnesses, section("variants", "Variant table", *variant_section(apparatus)),
        section("reading", f"Reading text of {base} with apparatus", h.P(h.CLASS("caption"), READING_CAPTION),
                reading_text(apparatus), h.H3("Apparatus", id="apparatus-head"),
                h.P(h.CLASS("caption"), APPARATUS_CAPTION), apparatus_list(apparatus))))


def section(anchor: str, heading: str, *content) -> HtmlElement:
    """Return a page section with its heading."""
    return h.E("section", "\n", h.H2(heading), "\n", *content, "\n", id=anchor)


def header(apparatus: Apparatus) -> HtmlElement:
    """Return the page header: the work, its date, what it is, and the settings used."""
    work = apparatus.collation.work
    who = " to ".join(part for part in (work.author, work.addressee) if part)
    parts = [part for part in (work.date, who, f"original language: {work.language}" if work.language else "")
             if part]
    meta = [node for part in parts for node in (part, " · ")] + ["work id ", h.CODE(work.id)]
    description = [h.P(h.CLASS("desc"), work.description)] if work.description else []
    shown = SECTIONS[:3] if is_long(apparatus) else SECTIONS
    navigation = h.E("nav", *(h.A(name, href=f"#{anchor}") for anchor, name in shown), **{"aria-label": "sections"})
    return h.E("header", h.CLASS("page"), *lines(
        h.P(h.CLASS("kicker"), "Collation of quoted versions"), h.H1(work.title), h.P(h.CLASS("meta"), *meta),
        *description, settings(apparatus), navigation))


def footer(apparatus: Apparatus) -> HtmlElement:
    """Return the footer: what made the page, from which work, against which base."""
    work = apparatus.collation.work
    return h.E("footer", f"Generated by collate {__version__} from the witnesses of the work ", h.CODE(work.id),
               f". Base (lemma) witness: {work.witnesses[apparatus.guide].siglum}.")


def setting_value(value) -> str:
    """Return a setting's value as text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def settings(apparatus: Apparatus) -> HtmlElement:
    """Return the settings used, as a compact definition list; the regularization table folded."""
    collation = apparatus.collation
    record = collation.settings.as_record()
    table = record.pop("regularizations", {})
    base = collation.work.witnesses[apparatus.guide]
    reference = collation.work.witness(collation.reference)
    items = [("base (lemma) witness", f"{base.siglum} ({base.id})"),
             ("alignment reference", f"{reference.siglum} ({reference.id}), the most complete"),
             *((name.replace("_", " "), setting_value(value)) for name, value in record.items())]
    terms = [node for name, value in items for node in (h.DT(name), h.DD(value))]
    if table:
        pairs = [h.TR(h.TD(str(k)), h.TD(f"→ {v}")) for k, v in table.items()]
        terms += [h.DT("regularizations"), h.DD(h.CLASS("wide"), h.DETAILS(
            h.SUMMARY(f"{len(table)} variant forms read as their regular form"), h.TABLE(h.CLASS("regs"), *pairs)))]
    return h.DL(h.CLASS("settings"), *terms)
