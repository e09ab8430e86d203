"""The witness list of the HTML page: citations, coverage, closeness to the base, placements, heat map."""

from __future__ import annotations

from lxml.html import HtmlElement
from lxml.html import builder as h

from collate.apparatus.critical import Apparatus
from collate.apparatus.places import Collation
from collate.html.cells import Nodes, span
from collate.model import Witness

PLACEMENT_NOTES = {
    "aligned": "aligned word by word with the other witnesses",
    "local": "matched too few words to be aligned word by word: kept whole where it best matched",
    "unplaced": "matched no words of the other witnesses: kept whole at the end",
}
# Under this share of its words beside a like word of another witness, a stretch's alignment is doubtful.
LOW_QUALITY = 0.5
HEADINGS = (  # the witness list's columns: (heading, what it means)
    ("Siglum, id", ""), ("Citation, translator", ""), ("Kind, attribution", ""),
    ("Quotes", "share of the places of the collation the witness quotes (is not silent at)"),
    ("Similarity to base", "share of the aligned word pairs agreeing with the base, over the places both quote"),
    ("Stretches placed", ""),
)


def percent(value: float | None) -> str:
    """Return a share as a whole percentage, or 'n/a'."""
    return "n/a" if value is None else f"{whole(value)}%"


def whole(value: float) -> str:
    """Return a share in percent, never rounded to 0 or 100 unless it is."""
    if 0 < value < 0.005:
        return "<1"
    return ">99" if 0.995 <= value < 1 else str(round(value * 100))


def citation(witness: Witness) -> Nodes:
    """Return the one-line citation with the title in <cite>."""
    text, title = str(witness.citation), witness.citation.title
    at = text.find(title, len(witness.citation.author)) if title else -1
    if at < 0:
        return [text]
    return [text[:at], h.CITE(title), text[at + len(title):]]


def placements(collation: Collation, w: int) -> Nodes:
    """Return how each stretch of a witness was placed and how well it aligned, doubtful ones marked."""
    plans = collation.placements[w] if w < len(collation.placements) else ()
    sources = collation.work.witnesses[w].sources
    items = [placement_item(plan, sources[plan.stretch] if plan.stretch < len(sources) else None, len(plans) > 1)
             for plan in plans]
    return [h.UL(h.CLASS("placements"), *items)] if items else []


def placement_item(plan, source, numbered: bool) -> HtmlElement:
    """Return one stretch's placement: its status, its quality, and a warning in words where either is doubtful."""
    where = f"; {source.document}, line {source.line}" if source else ""
    note = (f"stretch {plan.stretch + 1}: {PLACEMENT_NOTES.get(plan.status, plan.status)}; "
            f"{plan.matched} of {plan.content} content words matched; {whole(plan.quality)}% of its words stand "
            f"beside the same or a similar word of another witness{where}")
    flag = "" if plan.status == "aligned" else " ⚠"
    label = f"{plan.stretch + 1}: {plan.status}{flag}" if numbered else f"{plan.status}{flag}"
    low = [" ", span("low", "⚠ low: check by hand")] if plan.quality < LOW_QUALITY else []
    spliced = [" · ", span("spliced", f"⚠ two quotations run together: split before word {plan.splice + 1}, "
                                      "each part at its own passage")] if plan.splice is not None else []
    return h.LI(h.CLASS(f"pl-{plan.status}"), label, " · ", span("quality", f"{whole(plan.quality)}% alike"),
                *low, *spliced, title=note)


def tags(apparatus: Apparatus, w: int) -> Nodes:
    """Return the tags after a siglum: base, and ref. for the alignment's reference."""
    found: Nodes = [" ", span("tag", "base")] if w == apparatus.guide else []
    if apparatus.collation.work.witnesses[w].id == apparatus.collation.reference:
        found += [" ", span("tag ref", "ref.", title="the most complete witness: the alignment’s reference")]
    return found


def witness_row(apparatus: Apparatus, w: int) -> HtmlElement:
    """Return one witness: siglum, citation, translator, kind, coverage, similarity to the base, placements."""
    witness, share = apparatus.collation.work.witnesses[w], apparatus.coverage[w]
    notes = [h.DETAILS(h.CLASS("notes"), h.SUMMARY("notes"), witness.notes)] if witness.notes else []
    cut = [h.BR(), span("small", f"incl. {percent(share.cut)} cut")] if share.cut else []
    close = "—" if w == apparatus.guide else percent(apparatus.similarity[apparatus.guide][w])
    translator = f"Translated by {witness.translator}." if witness.translator else "Translator not named."
    bar = span("bar", h.SPAN(style=f"width:{round(share.quoted * 100)}%"), **{"aria-hidden": "true"})
    return h.TR(
        h.TH(h.CLASS("sig"), witness.siglum, *tags(apparatus, w), h.BR(), h.CODE(h.CLASS("small"), witness.id),
             scope="row"),
        h.TD(h.CLASS("cite"), *citation(witness), " ", span("translator", translator), *notes),
        h.TD(witness.kind, h.BR(), span("small", witness.attribution,
                                        title=witness.attribution_note or witness.attribution)),
        h.TD(h.CLASS("num"), bar, percent(share.quoted), *cut), h.TD(h.CLASS("num"), close),
        h.TD(*placements(apparatus.collation, w)), id=f"wit-{witness.id}")


def witness_table(apparatus: Apparatus) -> HtmlElement:
    """Return the witness list, the base first."""
    head = [h.TH(name, scope="col", **({"title": title} if title else {})) for name, title in HEADINGS]
    return h.TABLE(h.CLASS("witnesses"), h.THEAD(h.TR(*head)),
                   h.TBODY(*(witness_row(apparatus, w) for w in apparatus.order)))


def heat_cell(value: float | None, title: str) -> HtmlElement:
    """Return one matrix cell: its number printed, its background shaded by it."""
    if value is None:
        return h.TD(h.CLASS("heat none"), "n/a", title=title)
    lightness = round(97 - 55 * value)
    ink = "#fff" if lightness < 62 else "#1d1d1f"
    return h.TD(h.CLASS("heat"), whole(value), style=f"background:hsl(205,65%,{lightness}%);color:{ink}", title=title)


def heat_map(apparatus: Apparatus) -> HtmlElement:
    """Return the witness-by-witness similarity matrix, shaded as a heat map."""
    witnesses, order, sims = apparatus.collation.work.witnesses, apparatus.order, apparatus.similarity
    head = [h.TH(witnesses[w].siglum, scope="col", title=str(witnesses[w].citation)) for w in order]
    rows = [h.TR(h.TH(witnesses[a].siglum, scope="row", title=str(witnesses[a].citation)),
                 *(heat_cell(sims[a][b], f"{witnesses[a].siglum} and {witnesses[b].siglum}: "
                                         f"{percent(sims[a][b])} similar where both quote") for b in order))
            for a in order]
    return h.TABLE(h.CLASS("heatmap"), h.THEAD(h.TR(h.TD(), *head)), h.TBODY(*rows))
