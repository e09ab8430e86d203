"""The TEI text body: parallel segmentation, one `app` per run of varying places.

A witness is active between its `witStart` and `witEnd` and outside the lacunae
its quoting author's cuts make (`lacunaStart`/`lacunaEnd`); every `app` accounts
for every active witness exactly once, an omission being an empty `rdg`.
"""

from __future__ import annotations

import regex
from lxml import etree

from collate.apparatus.differences import difference
from collate.apparatus.places import Collation
from collate.apparatus.terms import ACTIVE, PlaceType, Status
from collate.tokens import CUT, FOOTNOTE, INSERTION, Token

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SPACE = regex.compile(r"\s+")


def tei(name: str, **attributes: str) -> etree._Element:
    """Return a new TEI element with the attributes that are not empty."""
    return etree.Element(f"{{{TEI}}}{name}", {XML_ID if k == "xml_id" else k: v
                                              for k, v in attributes.items() if v}, nsmap={None: TEI})


def events(collation: Collation) -> list[list[tuple[str, str]]]:
    """Return, per place and witness, how its reading opens and closes (witStart, lacunaEnd...)."""
    places = collation.places
    table = [[("", "") for _ in places[0].cells] for _ in places]
    for w in range(len(places[0].cells)):
        spans = spans_of(collation, w)
        if None not in spans and len(set(spans)) == 1:
            continue  # active from first to last: no milestone needed
        for p, span in enumerate(spans):
            if span is None:
                continue
            before = spans[p - 1] if p else None
            after = spans[p + 1] if p + 1 < len(spans) else None
            status = lambda q: places[q].cells[w].status if 0 <= q < len(places) else ""
            opening = "" if before == span else ("lacunaEnd" if status(p - 1) == Status.CUT else "witStart")
            closing = "" if after == span else ("lacunaStart" if status(p + 1) == Status.CUT else "witEnd")
            table[p][w] = (opening, closing)
    return table


def spans_of(collation: Collation, w: int) -> list[int | None]:
    """Return per place the stretch the witness is quoting there, or None where inactive."""
    cells = [place.cells[w] for place in collation.places]
    first = next((c.stretch for c in cells if c.stretch is not None), 0)
    spans, current = [], first
    for cell in cells:
        current = cell.stretch if cell.stretch is not None else current
        spans.append(current if cell.status in ACTIVE else None)
    return spans


def needs_app(collation: Collation, table, p: int) -> bool:
    """Return whether a place must be an `app`: it varies, or a witness opens or closes there."""
    place = collation.places[p]
    printed = {SPACE.sub(" ", "".join(t.text for t in c.tokens)).strip() for c in place.cells if c.status == Status.PRESENT}
    return place.type != PlaceType.INVARIANT or len(printed) > 1 or any(o or c for o, c in table[p])


def groups_of(collation: Collation, table, breaks: set[int]) -> list[tuple[bool, list[int]]]:
    """Return runs of places: (is an app, places), an app run never crossing an opening or close."""
    groups: list[tuple[bool, list[int]]] = []
    for p in range(len(collation.places)):
        app = needs_app(collation, table, p)
        joins = groups and groups[-1][0] == app and (p - 1) not in breaks and \
            (not app or not any(c for _, c in table[p - 1]) and not any(o for o, _ in table[p]))
        if joins and not (app and collation.places[p].transposition != collation.places[p - 1].transposition):
            groups[-1][1].append(p)
        else:
            groups.append((app, [p]))
    return groups


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of parent (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def append_tokens(parent: etree._Element, tokens: tuple[Token, ...] | list[Token]) -> None:
    """Append printed tokens, the quoting author's marks as `supplied`, `ref` and `gap`."""
    for token in tokens:
        space = " " if token.text != token.body else ""
        if token.kind == INSERTION:
            child = tei("supplied", reason="quoting-author", rend="square-brackets")
            child.text = token.body[1:-1]
        elif token.kind == FOOTNOTE:
            child = tei("ref", type="footnote-marker", rend="square-brackets")
            child.text = token.body[1:-1].strip()
        elif token.kind == CUT:
            child = tei("gap", reason="cut", rend=token.body)
        else:
            append_text(parent, SPACE.sub(" ", token.body) + space)
            continue
        child.tail = space
        parent.append(child)



def reading_type(tokens, lemma, settings) -> str:
    """Return how a reading differs from the lemma ('' with no lemma, or no difference)."""
    return "" if lemma is None else difference(tokens, lemma, settings) or ""
