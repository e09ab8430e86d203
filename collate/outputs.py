"""The files a collation is written as: name -> bytes, rendered in memory."""

from __future__ import annotations

from collate.model import CollateError, Work
from collate.pipeline import collate_work
from collate.to_json import to_json
from collate.html.page import to_html
from collate.tei.write import to_tei

DEFAULT = object()


def lemma_of(work: Work, reference: str, base: str | None | object) -> str | None:
    """Return the lemma witness id: the chosen one, the reference by default, or None."""
    if base is DEFAULT:
        return reference
    if base is not None and base not in [w.id for w in work.witnesses]:
        known = ", ".join(w.id for w in work.witnesses)
        raise CollateError(f"{work.id}: --base {base!r} is not a witness of this work (witnesses: {known})")
    return base


def outputs_of(work: Work, base: str | None | object = DEFAULT) -> dict[str, bytes]:
    """Return the output files of one work, by file name."""
    collation = collate_work(work)
    lemma = lemma_of(work, collation.reference, base)
    return {f"{work.id}.json": to_json(collation).encode("utf-8"),
            f"{work.id}.tei.xml": to_tei(collation, lemma),
            f"{work.id}.html": to_html(collation, lemma).encode("utf-8")}
