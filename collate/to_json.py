"""The alignment file: the collation as JSON (`output/WORK.json`), with its numbered entries."""

from __future__ import annotations

import json
from dataclasses import asdict

from collate import __version__
from collate.apparatus.critical import Apparatus, apparatus_of
from collate.apparatus.places import Cell, Collation
from collate.apparatus.rows import Row
from collate.model import Witness


def witness_record(witness: Witness) -> dict:
    """Return a witness's metadata and citation, without its text."""
    record = asdict(witness)
    del record["text"]
    record["sources"] = [{k: v for k, v in source.items() if v is not None} for source in record["sources"]]
    return record


def cell_record(cell: Cell) -> dict:
    """Return one cell: status, and tokens with printed form, normalized form and kind."""
    record: dict = {"status": cell.status}
    if cell.tokens:
        record["stretch"] = cell.stretch
        record["tokens"] = [{"t": t.text, "n": t.norm, "kind": t.kind} for t in cell.tokens]
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
    """Return the places in text order, each with the number of the entry it belongs to, if any."""
    ids = apparatus.ids
    numbers = {p: row.number for row in apparatus.entries for p in row.places}
    return [{"type": place.type, **({"transposition": place.transposition} if place.transposition else {}),
             **({"entry": numbers[p]} if p in numbers else {}),
             "cells": {ids[w]: cell_record(cell) for w, cell in enumerate(place.cells)}}
            for p, place in enumerate(apparatus.collation.places)]


def to_json(collation: Collation, base: str | None = None) -> str:
    """Return the collation as JSON text; `base` is the lemma witness id, or None for no lemma."""
    return json_document(apparatus_of(collation, base))


def json_document(apparatus: Apparatus) -> str:
    """Return the apparatus as deterministic, indented JSON text."""
    collation = apparatus.collation
    work = collation.work
    document = {
        "work": work.id, "title": work.title, "author": work.author, "addressee": work.addressee,
        "date": work.date, "description": work.description, "language": work.language,
        "generator": f"collate {__version__}",
        "settings": collation.settings.as_record(),
        "reference": collation.reference,
        "base": None if apparatus.base is None else apparatus.ids[apparatus.base],
        "witnesses": [witness_record(w) for w in work.witnesses],
        "placements": {apparatus.ids[w]: [asdict(p) for p in plans] for w, plans in enumerate(collation.placements)},
        "table": table(apparatus),
        "entries": [entry_record(apparatus, row) for row in apparatus.entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
