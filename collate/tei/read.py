"""Reading any parallel-segmentation TEI: rebuild one witness's text, check the apparatus.

Parsing never expands entities nor fetches anything.
"""

from __future__ import annotations

import regex
from lxml import etree

from collate.model import CollateError

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
OPENS, CLOSES = ("witStart", "lacunaEnd"), ("witEnd", "lacunaStart")
SPACE = regex.compile(r"[ \t\r\n]+")
SEPARATOR = "\n* * *\n"
READINGS = tuple(f"{{{NS['t']}}}{name}" for name in ("lem", "rdg"))
MARKS = ("gap", "supplied", "ref")
SKIPPED = ("", "note", "witDetail", "listTranspose", "lem", "rdg", "rdgGrp")


def parse(source: bytes, name: str) -> etree._ElementTree:
    """Return the parsed document, or raise CollateError naming the file and line."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.ElementTree(etree.fromstring(source, parser))
    except etree.XMLSyntaxError as error:
        raise CollateError(f"{name}:{error.lineno}: not well-formed XML: {error.msg}") from None


def local(element) -> str:
    """Return an element's name without its namespace ('' for comments)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def pointers(element) -> list[str]:
    """Return the witness ids an element's @wit names (without '#')."""
    return [p.removeprefix("#") for p in element.get("wit", "").split()]


def concerns(element, witness: str) -> bool:
    """Return whether a milestone applies to the witness (no @wit: the reading's witnesses)."""
    return element.get("wit") is None or witness in pointers(element)


def witness_ids(tree) -> list[str]:
    """Return the xml:ids of the witnesses in listWit, in order."""
    return [w.get(XML_ID) for w in tree.iterfind(".//t:listWit//t:witness", NS) if w.get(XML_ID)]


def rebuild(tree, witness: str) -> str:
    """Return a witness's text from the body: stretches in their printed order, `* * *` between."""
    if witness not in witness_ids(tree):
        raise CollateError(f"no witness {witness!r} in listWit (witnesses: {', '.join(witness_ids(tree))})")
    body = tree.find(".//t:text//t:body", NS)
    if body is None:
        raise CollateError("no text/body: not a TEI text")
    starts = [m for m in body.iterfind(".//t:witStart", NS) if reading_has(m, witness)]
    state = {"active": not starts, "stretches": [[0, []]]}
    walk(body, witness, state)
    return SEPARATOR.join(text for text in stretch_texts(state["stretches"]) if text) + "\n"


def stretch_texts(pieces: list) -> list[str]:
    """Return each stretch's text, in the order of their numbers; pieces of one stretch in document order."""
    joined: dict[int, list[str]] = {}
    for number, parts in sorted(pieces, key=lambda piece: piece[0]):  # stable: document order within a number
        joined.setdefault(number, []).append("".join(parts))
    return [SPACE.sub(" ", " ".join(parts)).strip() for parts in joined.values()]


def reading_has(milestone, witness: str) -> bool:
    """Return whether a milestone inside a reading belongs to the witness."""
    reading = next((a for a in milestone.iterancestors() if local(a) in ("lem", "rdg")), None)
    return reading is not None and witness in pointers(reading) and concerns(milestone, witness)


def walk(element, witness: str, state: dict) -> None:
    """Append the witness's text under `element` to the state's current stretch."""
    emit = state["stretches"][-1][1].append
    if state["active"] and element.text:
        emit(element.text)
    for child in element:
        visit(child, witness, state)
        if state["active"] and child.tail:
            state["stretches"][-1][1].append(child.tail)


def visit(child, witness: str, state: dict) -> None:
    """Handle one child: choose the witness's reading, follow milestones, print marks."""
    name = local(child)
    if name == "app":
        reading = next((r for r in child.iter(*READINGS) if witness in pointers(r)), None)
        if reading is not None:
            walk(reading, witness, state)
    elif name in OPENS + CLOSES:
        if concerns(child, witness):
            opening(child, state) if name in OPENS else state.update(active=False)
    elif name in MARKS:
        if state["active"]:
            mark(child, state)
    elif name not in SKIPPED:
        walk(child, witness, state)


def opening(milestone, state: dict) -> None:
    """Make the witness active; a witStart begins a new stretch numbered by its @n."""
    state["active"] = True
    if local(milestone) == "witStart":
        number = milestone.get("n", str(len(state["stretches"])))
        if not number.isdigit():
            raise CollateError(f"line {milestone.sourceline}: witStart n={number!r} is not a stretch number")
        state["stretches"].append([int(number), []])


def mark(child, state: dict) -> None:
    """Print one of the quoting author's marks: a gap by its @rend, others in brackets."""
    text = child.get("rend", "") if local(child) == "gap" else "".join(child.itertext())
    if child.get("rend") == "square-brackets":
        text = f"[{text}]"
    state["stretches"][-1][1].append(text)
