"""The TEI text body: the guide witness's paragraphs, one numbered `app` per entry of the apparatus.

Entry n is `<app xml:id="appN" n="N">`, as it is row n of the HTML and entry n of the
JSON. Where only a witness's start or end (or a cut's lacuna, or a difference in
spacing) falls at a place where all agree, the TEI needs an `app` that is no
entry: its id is `placeP`, after the index P of its first place in the JSON table,
and it has no `@n`.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from collate.apparatus.critical import Apparatus
from collate.apparatus.readings import readings_of
from collate.apparatus.rows import Row
from collate.apparatus.terms import TYPES, Status
from collate.tei.elements import append_tokens, extra_groups, milestones_of, sub, tei


def body(apparatus: Apparatus) -> etree._Element:
    """Return the body: the guide's paragraphs with an app at every place of variation."""
    milestones = milestones_of(apparatus)
    element = tei("body")
    paragraphs = [sub(element, "p")]
    last = len(apparatus.collation.places) - 1
    for places, child in segments(apparatus, milestones):
        if isinstance(child, list):
            append_tokens(paragraphs[-1], child)
        else:
            paragraphs[-1].append(child)
        if places[-1] in apparatus.breaks and places[-1] != last:
            paragraphs[-1].tail = "\n"
            paragraphs.append(sub(element, "p"))
    transpositions(element, apparatus)
    return element


def segments(apparatus: Apparatus, milestones):
    """Yield (places, an app or the tokens of plain text) in text order."""
    for row in apparatus.rows:
        if row.number:
            yield row.places, app_element(apparatus, milestones, row, f"app{row.number}", str(row.number))
            continue
        for is_app, places in extra_groups(apparatus, milestones, row.places):
            if is_app:
                extra = Row(tuple(places), 0, row.types, readings_of(
                    apparatus.collation, tuple(places), apparatus.reading_order, apparatus.base))
                yield places, app_element(apparatus, milestones, extra, f"place{places[0]}", "")
            else:
                yield places, [t for p in places for t in invariant_tokens(apparatus, p)]


def invariant_tokens(apparatus: Apparatus, p: int):
    """Return the tokens of an invariant place: the guide witness's, or the first present."""
    cells = apparatus.collation.places[p].cells
    return next(cell.tokens for cell in (cells[apparatus.guide], *cells) if cell.status == Status.PRESENT)


def transpositions(element, apparatus: Apparatus) -> None:
    """Append the listTranspose: the apps of each transposition, linked."""
    transposed: dict[int, list[str]] = defaultdict(list)
    for row in apparatus.entries:
        if row.transposition:
            transposed[row.transposition].append(f"#app{row.number}")
    if transposed:
        listing = sub(element, "listTranspose")
        for group in sorted(transposed):
            transpose = sub(listing, "transpose")
            for target in transposed[group]:
                sub(transpose, "ptr", target=target)


def app_element(apparatus: Apparatus, milestones, row: Row, xml_id: str, n: str) -> etree._Element:
    """Return one app: a reading per distinct text, every active witness in exactly one."""
    app = tei("app", xml_id=xml_id, n=n, type=next(t for t in TYPES if t in row.types))
    ids = apparatus.ids
    for reading in row.readings:
        lemma = apparatus.base in reading.witnesses
        element = sub(app, "lem" if lemma else "rdg", wit=" ".join(f"#{ids[w]}" for w in reading.witnesses),
                      type="" if lemma or apparatus.base is None else reading.difference or "")
        fill_reading(apparatus, element, reading, milestones, row.places)
    return app


def fill_reading(apparatus: Apparatus, element, reading, milestones, places) -> None:
    """Fill a reading: openings (witStart, lacunaEnd), the tokens, then closings."""
    shared, ids = len(reading.witnesses) > 1, apparatus.ids
    for w in reading.witnesses:
        opening = milestones[places[0]][w][0]
        if opening:
            sub(element, opening, wit=f"#{ids[w]}" if shared else "",
                n=str(apparatus.spans[w][places[0]] + 1) if opening == "witStart" else "")
    append_tokens(element, reading.tokens)
    for w in reading.witnesses:
        closing = milestones[places[-1]][w][1]
        if closing:
            sub(element, closing, wit=f"#{ids[w]}" if shared else "")
