"""The files a collation is written as: name -> bytes, rendered in memory."""

from __future__ import annotations

from collate.apparatus.critical import apparatus_of
from collate.html.page import html_page
from collate.model import CollateError, Work
from collate.pipeline import collate_work
from collate.tei.write import tei_document
from collate.to_json import json_document

DEFAULT = object()


def lemma_of(work: Work, reference: str, base: str | None | object) -> str | None:
    """Return the lemma witness id: the chosen one, the reference by default, or None."""
    if base is DEFAULT:
        return reference
    if base is not None and base not in [w.id for w in work.witnesses]:
        known = ", ".join(w.id for w in work.witnesses)
        raise CollateError(f"{work.id}: --base {base!r} is not a witness of this work (witnesses: {known})")
    return base


def outputs_of(work: Work, base: str | None | object = DEFAULT, explicit_inactive: bool = False) -> dict[str, bytes]:
    """Return the output files of one work, by file name: one collation, one apparatus against the base.

    `explicit_inactive`: the TEI wraps text where some witness is not active in an invariant app.
    """
    collation = collate_work(work)
    lemma = lemma_of(work, collation.reference, base)
    apparatus = apparatus_of(collation, lemma)
    # The page always shows a base: with no lemma, the reference (the numbering is the same).
    page = apparatus if lemma is not None else apparatus_of(collation, collation.reference)
    return {f"{work.id}.json": json_document(apparatus).encode("utf-8"),
            f"{work.id}.tei.xml": tei_document(apparatus, explicit_inactive),
            f"{work.id}.html": html_page(page).encode("utf-8")}
