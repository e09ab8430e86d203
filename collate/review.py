"""The HTML review page: one self-contained file, readable with scripts off, escaped throughout."""

from __future__ import annotations

import json
from html import escape

from collate import __version__
from collate.apparatus import Collation
from collate.review_rows import Row, cell_html, coverage, printed, reading_html, rows_of, similarity
from collate.review_style import LEGEND, SCRIPT, STYLE

FILTERED = ("punctuation", "case", "spelling", "editorial")


def to_html(collation: Collation, base: str | None = None) -> str:
    """Return the review page of a collation; `base` is the witness compared against (default: reference)."""
    ids = [w.id for w in collation.work.witnesses]
    b = ids.index(base or collation.reference)
    order = [b, *(w for w in range(len(ids)) if w != b)]
    rows = rows_of(collation)
    parts = [head(collation), witnesses_section(collation, b, order), filters(collation, order),
             table_section(collation, rows, b, order), reading_section(collation, rows, b, order)]
    return "\n".join(["<!DOCTYPE html>", '<html lang="en">', *parts, f"<script>{SCRIPT}</script>",
                      "</body></html>", ""])


def head(collation: Collation) -> str:
    """Return the document head and the page header: the work and the settings used."""
    work = collation.work
    settings = collation.settings.as_record()
    table = settings.pop("regularizations")
    described = "".join(f"<dt>{escape(k)}</dt><dd>{escape(json.dumps(v))}</dd>" for k, v in settings.items())
    pairs = ", ".join(f"{escape(k)} → {escape(v)}" for k, v in table.items())
    return (f'<head><meta charset="utf-8"><title>{escape(work.title)}: collation</title>'
            f'<meta name="generator" content="collate {__version__}"><style>{STYLE}</style></head><body>'
            f"<header><h1>{escape(work.title)}</h1><p class=meta>{escape(work.date)}"
            f"{' · ' + escape(work.author) if work.author else ''}"
            f"{' to ' + escape(work.addressee) if work.addressee else ''}</p>"
            f"<p>{escape(work.description)}</p>"
            f"<details><summary>Settings used (collate {__version__})</summary><dl>{described}</dl>"
            f"<p class=small>Regularizations: {pairs}</p></details></header>")


def witnesses_section(collation: Collation, b: int, order: list[int]) -> str:
    """Return the witness list and the similarity matrix shaded as a heat map."""
    work = collation.work
    lines = []
    for w in order:
        witness = work.witnesses[w]
        placed = [p.status for p in collation.placements[w] if p.status != "aligned"]
        closeness = "base" if w == b else f"{similarity(collation, w, b)[0]:.0%}"
        lines.append(f"<tr><th>{escape(witness.siglum)}</th><td>{escape(str(witness.citation))}"
                     f"{'<br><span class=small>' + escape(witness.notes) + '</span>' if witness.notes else ''}</td>"
                     f"<td>{escape(witness.translator) or '—'}</td><td>{escape(witness.kind)}"
                     f"{' (attribution ' + escape(witness.attribution) + ')' if witness.attribution != 'certain' else ''}"
                     f"{''.join(' <em>stretch kept whole: ' + escape(s) + '</em>' for s in placed)}</td>"
                     f"<td class=num>{coverage(collation, w):.0%}</td><td class=num>{closeness}</td></tr>")
    head_row = "".join(f"<th>{escape(work.witnesses[w].siglum)}</th>" for w in order)
    matrix = "".join(f"<tr><th>{escape(work.witnesses[a].siglum)}</th>" + "".join(heat(collation, a, c) for c in order)
                     + "</tr>" for a in order)
    return (f"<section id=witnesses><h2>Witnesses</h2><table class=wits><tr><th>Siglum</th><th>Citation</th>"
            f"<th>Translator</th><th>Kind</th><th>Quotes</th><th>Similarity to base</th></tr>{''.join(lines)}</table>"
            f"<h3>Similarity where both quote</h3><table class=matrix><tr><th></th>{head_row}</tr>{matrix}</table>"
            "</section>")


def heat(collation: Collation, a: int, c: int) -> str:
    """Return a matrix cell: the similarity printed and shaded (darker: closer)."""
    if a == c:
        return '<td class="num self">—</td>'
    ratio, shared = similarity(collation, a, c)
    if not shared:
        return '<td class=num title="no passage quoted by both">n/a</td>'
    light = 97 - int(ratio * 45)
    ink = "#fff" if light < 65 else "#000"
    return f'<td class=num style="background:hsl(210,60%,{light}%);color:{ink}">{ratio:.0%}</td>'


def filters(collation: Collation, order: list[int]) -> str:
    """Return the filter controls (they work with scripts; without, every row shows)."""
    kinds = "".join(f'<label><input type=checkbox data-hide-type="{k}"> hide {k}-only</label>' for k in FILTERED)
    wits = "".join(f'<label><input type=checkbox checked data-witness="{w}"> '
                   f'{escape(collation.work.witnesses[w].siglum)}</label>' for w in order)
    return (f'<nav class=filters><noscript>Filters need scripts; every row is shown.</noscript>'
            f"<span>{kinds}</span><span>Show: {wits}</span></nav>")


def table_section(collation: Collation, rows: list[Row], b: int, order: list[int]) -> str:
    """Return the variant table: base first, agreement collapsed, variation numbered."""
    sigla = "".join(f'<th class="w{w}" title="{escape(str(collation.work.witnesses[w].citation))}">'
                    f"{escape(collation.work.witnesses[w].siglum)}{' (base)' if w == b else ''}</th>" for w in order)
    body = "".join(table_row(row, b, order) for row in rows)
    return (f"<section id=table><h2>Variant table</h2>{LEGEND}<table class=variants><thead><tr><th>#</th>"
            f"<th>Type</th>{sigla}</tr></thead><tbody>{body}</tbody></table></section>")


def table_row(row: Row, b: int, order: list[int]) -> str:
    """Return one row of the variant table."""
    if not row.variant:
        shared = printed(next((row.tokens(w) for w in order if row.status(w) == "present"), []))
        words = shared.split()
        short = shared if len(words) <= 16 else " ".join(words[:7]) + " … " + " ".join(words[-7:])
        return (f'<tr class="agree"><td></td><td>agree</td><td colspan="{len(order)}" title="{escape(shared)}">'
                f"{escape(short)}</td></tr>")
    cells = "".join(f'<td class="w{w} {row.status(w)}">{cell_html(row, w, b)}</td>' for w in order)
    n = row.variant
    return (f'<tr id="r{n}" class="type-{row.type}"><td><a href="#a{n}" title="to the apparatus">{n}</a></td>'
            f"<td>{row.type}</td>{cells}</tr>")


def reading_section(collation: Collation, rows: list[Row], b: int, order: list[int]) -> str:
    """Return the base text with numbered places of variation, and the apparatus beneath it."""
    sigla = [w.siglum for w in collation.work.witnesses]
    text, entries = [], []
    for row in rows:
        base_text = reading_html(row.tokens(b), None) if row.status(b) == "present" else ""
        if not row.variant:
            text.append(base_text)
            continue
        n = row.variant
        text.append(f'<span class="var" id="t{n}"><a class=num href="#a{n}">{n}</a>{base_text or "⁺"}</span> ')
        entries.append(f'<li id="a{n}" class="type-{row.type}"><a href="#r{n}" title="to the table">{n}</a> '
                       f"{apparatus_entry(row, b, order, sigla)} <a href=\"#t{n}\" title=\"to the text\">↑</a></li>")
    return (f"<section id=reading><h2>Reading text ({escape(sigla[b])}) with apparatus</h2>"
            f"<div class=text>{''.join(text)}</div><ol class=apparatus>{''.join(entries)}</ol></section>")


def apparatus_entry(row: Row, b: int, order: list[int], sigla: list[str]) -> str:
    """Return a classic entry: lemma] reading sigla; reading sigla (om. for an omission)."""
    lemma = printed(row.tokens(b)) if row.status(b) == "present" else "om." if row.status(b) == "omitted" else "—"
    readings: dict[str, list[str]] = {}
    for w in order[1:]:
        status = row.status(w)
        if status in ("present", "omitted"):
            reading = printed(row.tokens(w)) if status == "present" else "om."
            if reading != lemma:
                readings.setdefault(reading, []).append(sigla[w])
    listed = "; ".join(f"{escape(r)} <span class=sig>{escape(' '.join(s))}</span>" for r, s in readings.items())
    return f"<span class=lem>{escape(lemma)}</span>] {listed or '<em>marks of the quoting authors only</em>'}"
