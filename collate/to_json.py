"""The alignment file: the collation as JSON (`output/WORK.json`), with its numbered entries.

Its size grows with the text, not with places × witnesses: a place lists the cells of the
witnesses that quote it only, and where each witness is not quoted is written once, as runs
of places (`not_quoted`). The long lists (`table`, `entries`) hold one record per line.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from collate import __version__
from collate.apparatus.critical import Apparatus, apparatus_of
from collate.apparatus.places import Cell, Collation
from collate.apparatus.terms import Status
from collate.apparatus.rows import Row
from collate.model import Witness


def witness_record(witness: Witness) -> dict:
    """Return a witness's metadata and citation, without its text."""
    record = asdict(witness)
    del record["text"]
    record["sources"] = [{k: v for k, v in source.items() if v is not None} for source in record["sources"]]
    return record


def cell_record(cell: Cell) -> dict:
    """Return one cell: status, and tokens, each [printed form, normalized form, kind]."""
    record: dict = {"status": cell.status}
    if cell.tokens:
        record["stretch"] = cell.stretch
        record["tokens"] = [[t.text, t.norm, t.kind] for t in cell.tokens]
    return record


def entry_record(apparatus: Apparatus, row: Row) -> dict:
    """Return one numbered entry: its places, types, transposition partners and readings."""
    ids = apparatus.ids
    record = {"n": row.number, "first": row.places[0], "last": row.places[-1], "type": row.type,
              "types": list(row.types)}
    if row.partners:
        record["partners"] = list(row.partners)
    record["readings"] = [{"witnesses": [ids[w] for w in reading.witnesses], "text": reading.text,
                           **({"lemma": True} if apparatus.base in reading.witnesses else {}),
                           **({"type": reading.difference} if reading.difference else {}),
                           "group": reading.group, **({"subvariant": reading.subvariant} if reading.subvariant else {})}
                          for reading in row.readings]
    return record


def table(apparatus: Apparatus) -> list[dict]:
    """Return the places in text order: each one's entry number, if any, and the cells of the witnesses quoting it."""
    ids = apparatus.ids
    numbers = {p: row.number for row in apparatus.entries for p in row.places}
    return [{"type": place.type, **({"transposition": place.transposition} if place.transposition else {}),
             **({"entry": numbers[p]} if p in numbers else {}),
             "cells": {ids[w]: cell_record(cell) for w, cell in enumerate(place.cells)
                       if cell.status != Status.NOT_QUOTED}}
            for p, place in enumerate(apparatus.collation.places)]


def not_quoted(collation: Collation, w: int) -> list[list[int]]:
    """Return the runs of places a witness does not quote, each as [first, last]."""
    runs: list[list[int]] = []
    for p, place in enumerate(collation.places):
        if place.cells[w].status != Status.NOT_QUOTED:
            continue
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return runs


def figures(apparatus: Apparatus) -> dict:
    """Return each witness's coverage and its similarity to every other, by witness id."""
    ids = apparatus.ids
    return {"coverage": {ids[w]: asdict(share) for w, share in enumerate(apparatus.coverage)},
            "similarity": {ids[a]: {ids[b]: value for b, value in enumerate(row) if b != a}
                           for a, row in enumerate(apparatus.similarity)}}


def to_json(collation: Collation, base: str | None = None) -> str:
    """Return the collation as JSON text; `base` is the lemma witness id, or None for no lemma."""
    return json_document(apparatus_of(collation, base))


def json_document(apparatus: Apparatus) -> str:
    """Return the apparatus as deterministic JSON text: indented, the table and entries one record a line."""
    collation = apparatus.collation
    work = collation.work
    head = {
        "work": work.id, "title": work.title, "author": work.author, "addressee": work.addressee,
        "date": work.date, "description": work.description, "language": work.language,
        "generator": f"collate {__version__}",
        "settings": collation.settings.as_record(),
        "reference": collation.reference,
        "base": None if apparatus.base is None else apparatus.ids[apparatus.base],
        "witnesses": [witness_record(w) for w in work.witnesses],
        "placements": {apparatus.ids[w]: [asdict(p) for p in plans] for w, plans in enumerate(collation.placements)},
        **figures(apparatus),
        "not_quoted": {witness_id: not_quoted(collation, w) for w, witness_id in enumerate(apparatus.ids)},
    }
    lists = {"table": table(apparatus), "entries": [entry_record(apparatus, row) for row in apparatus.entries]}
    body = ",\n".join(f' "{name}": {one_per_line(records)}' for name, records in lists.items())
    return json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ",\n" + body + "\n}\n"


def one_per_line(records: list[dict]) -> str:
    """Return a JSON list with one record on each line."""
    if not records:
        return "[]"
    return "[\n" + ",\n".join("  " + json.dumps(record, ensure_ascii=False) for record in records) + "\n ]"
