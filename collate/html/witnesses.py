"""The witness list of the HTML page: citations, coverage, closeness to the base, placements, heat map."""

from __future__ import annotations

from html import escape

from collate.apparatus.critical import Apparatus
from collate.apparatus.places import Collation
from collate.model import Witness

PLACEMENT_NOTES = {
    "aligned": "aligned word by word with the other witnesses",
    "local": "matched too few words to be aligned word by word: kept whole where it best matched",
    "unplaced": "matched no words of the other witnesses: kept whole at the end",
}


def percent(value: float | None) -> str:
    """Return a share as a whole percentage, or 'n/a'."""
    return "n/a" if value is None else f"{whole(value)}%"


def whole(value: float) -> str:
    """Return a share in percent, never rounded to 0 or 100 unless it is."""
    if 0 < value < 0.005:
        return "<1"
    return ">99" if 0.995 <= value < 1 else str(round(value * 100))


def citation_html(witness: Witness) -> str:
    """Return the one-line citation with the title in <cite>."""
    text, title = citation_text(witness), witness.citation.title
    at = text.find(title, len(witness.citation.author)) if title else -1
    if at < 0:
        return escape(text)
    return f"{escape(text[:at])}<cite>{escape(title)}</cite>{escape(text[at + len(title):])}"


def citation_text(witness: Witness) -> str:
    """Return the one-line citation as plain text (for title attributes)."""
    return str(witness.citation)


def placements_html(collation: Collation, w: int) -> str:
    """Return how each stretch of a witness was placed, local and unplaced ones marked."""
    plans = collation.placements[w] if w < len(collation.placements) else ()
    sources = collation.work.witnesses[w].sources
    items = []
    for plan in plans:
        source = sources[plan.stretch] if plan.stretch < len(sources) else None
        where = f"; {source.document}, line {source.line}" if source else ""
        note = (f"stretch {plan.stretch + 1}: {PLACEMENT_NOTES.get(plan.status, plan.status)}; "
                f"{plan.matched} of {plan.content} content words matched{where}")
        flag = "" if plan.status == "aligned" else " ⚠"
        label = f"{plan.stretch + 1}: {plan.status}{flag}" if len(plans) > 1 else f"{plan.status}{flag}"
        items.append(f'<li class="pl-{escape(plan.status)}" title="{escape(note)}">{escape(label)}</li>')
    return f'<ul class="placements">{"".join(items)}</ul>' if items else ""


def witness_table(apparatus: Apparatus) -> str:
    """Return the witness list: siglum, citation, translator, kind, coverage, similarity, placements."""
    collation, guide, sims = apparatus.collation, apparatus.guide, apparatus.similarity
    rows = []
    for w in apparatus.order:
        witness = collation.work.witnesses[w]
        quoted, cut = apparatus.coverage[w].quoted, apparatus.coverage[w].cut
        tags = (' <span class="tag">base</span>' if w == guide else "") + (
            ' <span class="tag ref" title="the most complete witness: the alignment’s reference">ref.</span>'
            if witness.id == collation.reference else "")
        attribution = witness.attribution_note or witness.attribution
        notes = (f'<details class="notes"><summary>notes</summary>{escape(witness.notes)}</details>'
                 if witness.notes else "")
        cut_note = f'<br><span class="small">incl. {percent(cut)} cut</span>' if cut else ""
        close = "—" if w == guide else percent(sims[guide][w])
        translator = (f"Translated by {escape(witness.translator)}." if witness.translator
                      else "Translator not named.")
        rows.append(
            f'<tr id="wit-{escape(witness.id)}"><th scope="row" class="sig">{escape(witness.siglum)}{tags}'
            f'<br><code class="small">{escape(witness.id)}</code></th>'
            f'<td class="cite">{citation_html(witness)} <span class="translator">{translator}</span>{notes}</td>'
            f'<td>{escape(witness.kind)}<br><span class="small" title="{escape(attribution)}">'
            f'{escape(witness.attribution)}</span></td>'
            f'<td class="num"><span class="bar" aria-hidden="true"><span style="width:{round(quoted * 100)}%">'
            f'</span></span>{percent(quoted)}{cut_note}</td>'
            f'<td class="num">{close}</td><td>{placements_html(collation, w)}</td></tr>')
    return ('<table class="witnesses"><thead><tr><th scope="col">Siglum, id</th>'
            '<th scope="col">Citation, translator</th><th scope="col">Kind, attribution</th>'
            '<th scope="col" title="share of the places of the collation the witness quotes (is not silent at)">'
            'Quotes</th><th scope="col" title="difflib ratio of normalized words against the base, over the '
            'places both quote">Similarity to base</th><th scope="col">Stretches placed</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def heat_cell(value: float | None, title: str) -> str:
    """Return one matrix cell: its number printed, its background shaded by it."""
    if value is None:
        return f'<td class="heat none" title="{escape(title)}">n/a</td>'
    lightness = round(97 - 55 * value)
    ink = "#fff" if lightness < 62 else "#1d1d1f"
    return (f'<td class="heat" style="background:hsl(205,65%,{lightness}%);color:{ink}" '
            f'title="{escape(title)}">{whole(value)}</td>')


def heat_map(apparatus: Apparatus) -> str:
    """Return the witness-by-witness similarity matrix, shaded as a heat map."""
    witnesses, order, sims = apparatus.collation.work.witnesses, apparatus.order, apparatus.similarity
    head = "".join(f'<th scope="col" title="{escape(citation_text(witnesses[w]))}">{escape(witnesses[w].siglum)}</th>'
                   for w in order)
    rows = []
    for a in order:
        cells = "".join(heat_cell(sims[a][b], f"{witnesses[a].siglum} and {witnesses[b].siglum}: "
                                  f"{percent(sims[a][b])} similar where both quote") for b in order)
        rows.append(f'<tr><th scope="row" title="{escape(citation_text(witnesses[a]))}">'
                    f'{escape(witnesses[a].siglum)}</th>{cells}</tr>')
    return (f'<table class="heatmap"><thead><tr><td></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
