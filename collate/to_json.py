"""The alignment file: the collation as JSON (`output/WORK.json`)."""

from __future__ import annotations

import json
from dataclasses import asdict

from collate import __version__
from collate.apparatus.places import Cell, Collation
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


def to_json(collation: Collation) -> str:
    """Return the collation as deterministic, indented JSON text."""
    work = collation.work
    ids = [w.id for w in work.witnesses]
    document = {
        "work": work.id, "title": work.title, "author": work.author, "addressee": work.addressee,
        "date": work.date, "description": work.description, "language": work.language,
        "generator": f"collate {__version__}",
        "settings": collation.settings.as_record(),
        "reference": collation.reference,
        "witnesses": [witness_record(w) for w in work.witnesses],
        "placements": {ids[w]: [asdict(p) for p in plans] for w, plans in enumerate(collation.placements)},
        "table": [{"type": place.type, **({"transposition": place.transposition} if place.transposition else {}),
                   "cells": {ids[w]: cell_record(cell) for w, cell in enumerate(place.cells)}}
                  for place in collation.places],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
