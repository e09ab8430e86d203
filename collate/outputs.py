"""The files a collation is written as: name -> bytes, rendered in memory."""

from __future__ import annotations

from collections.abc import Callable

from collate.apparatus.critical import apparatus_of
from collate.forked import started
from collate.html.page import html_page
from collate.model import CollateError, Work
from collate.pipeline import collate_work
from collate.tei.write import tei_document
from collate.to_json import json_document

DEFAULT = object()
STAGES = ("collating", "apparatus", "JSON", "TEI", "HTML")  # what outputs_of reports as it goes
BESIDE = 5_000  # places: past this the page is rendered in a child process beside the JSON and TEI


def lemma_of(work: Work, reference: str, base: str | None | object) -> str | None:
    """Return the lemma witness id: the chosen one, the reference by default, or None."""
    if base is DEFAULT:
        return reference
    if base is not None and base not in [w.id for w in work.witnesses]:
        known = ", ".join(w.id for w in work.witnesses)
        raise CollateError(f"{work.id}: --base {base!r} is not a witness of this work (witnesses: {known})")
    return base


def outputs_of(work: Work, base: str | None | object = DEFAULT, step: Callable[[str], object] = lambda stage: None,
               explicit_inactive: bool = False) -> dict[str, bytes]:
    """Return the output files of one work, by file name: one collation, one apparatus against the base.

    `step` is called with the name of each stage (STAGES) as it ends; `explicit_inactive`: the TEI wraps
    text where some witness is not active in an invariant app."""
    collation = collate_work(work)
    step("collating")
    lemma = lemma_of(work, collation.reference, base)
    apparatus = apparatus_of(collation, lemma)
    # The page always shows a base: with no lemma, the reference (the numbering is the same).
    page = apparatus if lemma is not None else apparatus_of(collation, collation.reference)
    step("apparatus")
    html = started(lambda: html_page(page).encode("utf-8"), fork=len(collation.places) > BESIDE)
    files = {f"{work.id}.json": json_document(apparatus).encode("utf-8")}
    step("JSON")
    files[f"{work.id}.tei.xml"] = tei_document(apparatus, explicit_inactive)
    step("TEI")
    files[f"{work.id}.html"] = html()
    step("HTML")
    return files
