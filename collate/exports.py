"""Exports for other tools: the variant table as CSV for spreadsheets, and each witness's text.

Both only format what the apparatus and the collation hold: a CSV row per numbered
entry (one column per witness, the base first), and each witness read back from the
table, its stretches in its file's order.

>>> from collate.apparatus.critical import apparatus_of
>>> from collate.model import Witness, Work
>>> from collate.pipeline import collate_work
>>> collation = collate_work(Work("t", "t", (Witness("c", "C", "Very respectable comrade Stalin,"),
...                                          Witness("v", "V", "Respected comrade Stalin,"))))
>>> print(to_csv(apparatus_of(collation, "c")), end="")
entry,type,c,v
1,omission,Very respectable,Respected
"""

from __future__ import annotations

import csv
import io

from collate.apparatus.critical import Apparatus
from collate.apparatus.places import Collation
from collate.apparatus.readings import printed, tokens_over
from collate.apparatus.terms import Status

SEPARATOR = "\n* * *\n"  # between a witness's stretches, as in its file


def to_csv(apparatus: Apparatus) -> str:
    """Return the numbered entries as CSV: entry, type, then each witness's reading or its status."""
    collation, ids = apparatus.collation, apparatus.ids
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["entry", "type", *(ids[w] for w in apparatus.order)])
    for row in apparatus.entries:
        writer.writerow([row.number, row.type, *(cell_text(collation, row.places, w) for w in apparatus.order)])
    return table.getvalue()


def cell_text(collation: Collation, places: tuple[int, ...], w: int) -> str:
    """Return a witness's reading over an entry's places, or what it has instead: om., (cut), (not quoted)."""
    tokens = tokens_over(collation, places, w)
    if tokens:
        return printed(tokens)
    statuses = {collation.places[p].cells[w].status for p in places}
    if Status.CUT in statuses:
        return "(cut)"
    return "om." if Status.OMITTED in statuses else "(not quoted)"


def to_text(collation: Collation) -> str:
    """Return each witness's text read back from the collation, under a heading with its siglum and id."""
    return "\n".join(f"== {witness.siglum} ({witness.id}) ==\n{witness_text(collation, w)}\n"
                     for w, witness in enumerate(collation.work.witnesses))


def witness_text(collation: Collation, w: int) -> str:
    """Return one witness's stretches read across the table, in its file's order."""
    stretches: dict[int, list[str]] = {}
    for place in collation.places:
        cell = place.cells[w]
        if cell.tokens:
            stretches.setdefault(cell.stretch, []).append("".join(t.text for t in cell.tokens))
    return SEPARATOR.join("".join(stretches[s]).strip() for s in sorted(stretches))
