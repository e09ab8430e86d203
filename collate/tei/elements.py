"""The TEI body's building blocks: elements, the quoting author's marks, and where witnesses open and close.

A witness is active between its `witStart` and `witEnd` and outside the lacunae
its quoting author's cuts make (`lacunaStart`/`lacunaEnd`); every `app` accounts
for every active witness exactly once, an omission being an empty `rdg`.
"""

from __future__ import annotations

import regex
from lxml import etree

from collate.apparatus.critical import Apparatus
from collate.apparatus.readings import printed
from collate.apparatus.terms import Status
from collate.tokens import CUT, FOOTNOTE, INSERTION, Token

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SPACE = regex.compile(r"\s+")


def tei(name: str, **attributes: str) -> etree._Element:
    """Return a new TEI element with the attributes that are not empty."""
    return etree.Element(f"{{{TEI}}}{name}", {XML_ID if k == "xml_id" else k: v
                                              for k, v in attributes.items() if v}, nsmap={None: TEI})


def sub(parent, name: str, text: str = "", **attributes: str) -> etree._Element:
    """Return a new TEI child element holding `text`."""
    child = tei(name, **attributes)
    child.text = text or None
    parent.append(child)
    return child


def milestones_of(apparatus: Apparatus) -> list[list[tuple[str, str]]]:
    """Return, per place and witness, the milestones that open and close its reading there (witStart...)."""
    places = apparatus.collation.places
    milestones = [[("", "") for _ in places[0].cells] for _ in places]
    for w, spans in enumerate(apparatus.spans):
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
            milestones[p][w] = (opening, closing)
    return milestones


def needs_app(apparatus: Apparatus, milestones, p: int) -> bool:
    """Return whether a place outside the entries needs an `app`: for a milestone, or for words spaced apart."""
    cells = apparatus.collation.places[p].cells
    return len({printed(c.tokens) for c in cells if c.status == Status.PRESENT}) > 1 or any(
        o or c for o, c in milestones[p])


def extra_groups(apparatus: Apparatus, milestones, places: tuple[int, ...]) -> list[tuple[bool, list[int]]]:
    """Return a run of agreement as (is an app, places): an app never crossing an opening, close or line break."""
    groups: list[tuple[bool, list[int]]] = []
    for p in places:
        app = needs_app(apparatus, milestones, p)
        joins = groups and groups[-1][0] == app and (p - 1) not in apparatus.breaks and \
            (not app or not any(c for _, c in milestones[p - 1]) and not any(o for o, _ in milestones[p]))
        if joins:
            groups[-1][1].append(p)
        else:
            groups.append((app, [p]))
    return groups


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of parent (or as its text)."""
    try:
        last = parent[-1]  # found from the end at once; len(parent) counts every child (quadratic)
    except IndexError:
        parent.text = (parent.text or "") + text
        return
    last.tail = (last.tail or "") + text


def append_tokens(parent: etree._Element, tokens, final_space: bool = True) -> None:
    """Append printed tokens (the last without its space unless `final_space`), the quoting author's marks as elements.

    An insertion is `supplied`, a footnote marker `ref`, a printed cut `ellipsis`.
    """
    for at, token in enumerate(tokens):
        space = " " if token.text != token.body and (final_space or at < len(tokens) - 1) else ""
        child = mark_element(token)
        if child is None:
            append_text(parent, SPACE.sub(" ", token.body) + space)
            continue
        child.tail = space or None
        parent.append(child)


def mark_element(token: Token) -> etree._Element | None:
    """Return the element of one of the quoting author's marks, or None for a printed token."""
    if token.kind == INSERTION:
        child = tei("supplied", reason="quoting-author", rend="square-brackets")
        child.text = token.body[1:-1]
    elif token.kind == FOOTNOTE:
        child = tei("ref", type="footnote-marker", rend="square-brackets")
        child.text = token.body[1:-1].strip()
    elif token.kind == CUT:
        # the quoting author's printed cut: an omission marked in the source, not the encoder's gap
        child = tei("ellipsis")
        sub(child, "metamark", token.body, function="ellipsis")
    else:
        return None
    return child
