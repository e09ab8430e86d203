"""The TEI text body: the guide witness's paragraphs, one numbered `app` per entry of the apparatus.

Entry n is `<app xml:id="appN" n="N">`, as it is row n of the HTML and entry n of the
JSON; its readings are `appN-r1`, `appN-r2`… in document order. Where only a
witness's start or end (or a cut's lacuna, or a difference in spacing) falls at
a place where all agree, the TEI needs an `app` that is no entry: its id is
`placeP`, after the index P of its first place in the JSON table, and it has no
`@n`. With `explicit_inactive`, text where some witness is not active is such an
`app` too, of type invariant, whose one reading names the witnesses active there.

The space between words stands after `</app>`, as in the Guidelines' examples,
wherever every reading that goes on after the app ends with one. Each reading
with other words is a child of the app (the lemma first), followed by its
subvariants (the same words, printed otherwise), each in a `rdgGrp` typed by how
it differs from it (TC, "Subvariation in readings"): teiphy's trivial reading types
then fold a subvariant into its reading, and tools that read only `app/lem` and
`app/rdg` (the TEI Stylesheets) still show the lemma and every distinct reading.
"""

from __future__ import annotations

from itertools import count

from lxml import etree

from collate.apparatus.critical import Apparatus
from collate.apparatus.readings import Reading, readings_of
from collate.apparatus.rows import Row
from collate.apparatus.terms import ACTIVE, TYPES, Status
from collate.tei.elements import append_tokens, extra_groups, milestones_of, sub, tei


def body(apparatus: Apparatus, explicit_inactive: bool = False) -> etree._Element:
    """Return the body: the guide's paragraphs with an app at every place of variation."""
    milestones = milestones_of(apparatus)
    element = tei("body")
    paragraphs = [sub(element, "p")]
    last = len(apparatus.collation.places) - 1
    for places, child in segments(apparatus, milestones, explicit_inactive):
        if isinstance(child, list):
            append_tokens(paragraphs[-1], child)
        else:
            paragraphs[-1].append(child)
        if places[-1] in apparatus.breaks and places[-1] != last:
            paragraphs[-1].tail = "\n"
            paragraphs.append(sub(element, "p"))
    return element


def segments(apparatus: Apparatus, milestones, explicit_inactive: bool):
    """Yield (places, an app or the tokens of plain text) in text order."""
    for row in apparatus.rows:
        if row.number:
            yield row.places, app_element(apparatus, milestones, row, f"app{row.number}", str(row.number))
            continue
        for is_app, places in extra_groups(apparatus, milestones, row.places):
            if is_app or (explicit_inactive and not all_active(apparatus, places[0])):
                extra = Row(tuple(places), 0, row.types, readings_of(
                    apparatus.collation, tuple(places), apparatus.reading_order, apparatus.base))
                yield places, app_element(apparatus, milestones, extra, f"place{places[0]}", "")
            else:
                yield places, [t for p in places for t in invariant_tokens(apparatus, p)]


def all_active(apparatus: Apparatus, p: int) -> bool:
    """Return whether every witness quotes the place (none is outside its quotation or in a cut)."""
    return all(cell.status in ACTIVE for cell in apparatus.collation.places[p].cells)


def invariant_tokens(apparatus: Apparatus, p: int):
    """Return the tokens of an invariant place: the guide witness's, or the first present."""
    cells = apparatus.collation.places[p].cells
    return next(cell.tokens for cell in (cells[apparatus.guide], *cells) if cell.status == Status.PRESENT)


def app_element(apparatus: Apparatus, milestones, row: Row, xml_id: str, n: str) -> etree._Element:
    """Return one app: a reading per distinct text, every active witness in exactly one, the space after it."""
    app = tei("app", xml_id=xml_id, n=n, type=next(t for t in TYPES if t in row.types))
    app.tail = trailing_space(milestones, row)
    ids = (f"{xml_id}-r{k}" for k in count(1))
    for group in sorted({r.group for r in row.readings}):
        head, *subvariants = [r for r in row.readings if r.group == group]
        reading_element(apparatus, app, (head, next(ids)), milestones, row.places, app.tail)
        for reading in subvariants:
            # one rdgGrp each: the Versioning Machine prints a group's first rdg in every panel when it holds more
            group_element = sub(app, "rdgGrp", type=reading.subvariant)
            reading_element(apparatus, group_element, (reading, next(ids)), milestones, row.places, app.tail)
    return app


def trailing_space(milestones, row: Row) -> str:
    """Return ' ' when every reading a witness goes on after ends with a space (it then follows the app), else ''."""
    goes_on = [r for r in row.readings if r.tokens and any(not milestones[row.places[-1]][w][1] for w in r.witnesses)]
    return " " if goes_on and all(r.tokens[-1].text != r.tokens[-1].body for r in goes_on) else ""


def reading_element(apparatus: Apparatus, parent, numbered: tuple[Reading, str], milestones, places,
                    space: str) -> None:
    """Append a reading with its id as lem (the base's) or rdg, typed by its difference from the base."""
    reading, xml_id = numbered
    lemma = apparatus.base in reading.witnesses
    element = sub(parent, "lem" if lemma else "rdg", xml_id=xml_id, wit=witness_pointers(apparatus, reading),
                  type="" if lemma or apparatus.base is None else reading.difference or "")
    fill_reading(apparatus, element, reading, milestones, places, space)


def witness_pointers(apparatus: Apparatus, reading: Reading) -> str:
    """Return the @wit of a reading: a pointer to each of its witnesses."""
    return " ".join(f"#{apparatus.ids[w]}" for w in reading.witnesses)


def fill_reading(apparatus: Apparatus, element, reading: Reading, milestones, places, space: str) -> None:
    """Fill a reading: openings (witStart, lacunaEnd), the tokens (less a space that follows the app), closings."""
    shared, ids = len(reading.witnesses) > 1, apparatus.ids
    for w in reading.witnesses:
        opening = milestones[places[0]][w][0]
        if opening:
            sub(element, opening, wit=f"#{ids[w]}" if shared else "",
                n=str(apparatus.spans[w][places[0]] + 1) if opening == "witStart" else "")
    closings = [(w, milestones[places[-1]][w][1]) for w in reading.witnesses if milestones[places[-1]][w][1]]
    # a witness that stops here keeps its space inside: it reads nothing after the app until it opens again
    append_tokens(element, reading.tokens, final_space=not space or bool(closings))
    for w, closing in closings:
        sub(element, closing, wit=f"#{ids[w]}" if shared else "")
