"""What `collate find` prints and writes, as plain data and text: the table, the JSON
record, and the witness files and `work.toml` entries of new hits. No file is touched here.

>>> stretch = Stretch(64, 64, 10, 40, "If you consider that I must take back", 0.9, True)
>>> hit = Hit("seeds/002.txt", (stretch,), HitKind.VERBATIM, 0.9, 0.9, Passage("bullock1992", 1, 8, "If", "back"))
>>> print(table_line(hit, None))
seeds/002.txt:64  verbatim     0.90  0.90  bullock1992 1-8  If you consider that I must take back
>>> print(witness_entry(hit, "found-002-000064-000064", "F1", 20))
... # doctest: +NORMALIZE_WHITESPACE
[[witness]]
id = "found-002-000064-000064"
siglum = "F1"
kind = "fragment"
attribution = "unknown"
notes = "Found by collate find: verbatim, confidence 0.9, similarity 0.9; words 1-8 of bullock1992."
<BLANKLINE>
[[witness.source]]
document = "002.txt"
line = 64
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import regex

from collate.find.hits import Hit, HitKind, Passage, Stretch  # noqa: F401 (the doctest reads Passage, Stretch)
from collate.model import Work

PREVIEW = 60
NOT_NAME = regex.compile(r"[^\p{L}\p{N}_.\-]+")


def lines_of(first: int, last: int) -> str:
    """Return a line range as people write it: 54, or 23-47."""
    return str(first) if first == last else f"{first}-{last}"


def table_line(hit: Hit, known: str | None) -> str:
    """Return one hit as a line of the table: where, kind, confidence, similarity, passage, text."""
    text = " … ".join(" ".join(stretch.text.split()) for stretch in hit.stretches)
    text = text if len(text) <= PREVIEW else text[:PREVIEW - 1] + "…"
    passage = f"{hit.passage.witness} {hit.passage.first_word}-{hit.passage.last_word}"
    where = f"{hit.source}:{lines_of(hit.first_line, hit.last_line)}"
    return (f"{where}  {hit.kind:<11}  {hit.confidence:.2f}  {hit.similarity:.2f}  {passage}  {text}"
            + (f"  [witness {known}]" if known else ""))


def source_lines(work: Work) -> dict[str, set[tuple[str, int, int]]]:
    """Return each witness's sources as (file name, first line, last line) triples."""
    return {witness.id: {(Path(source.document).name, source.line, source.last_line or source.line)
                         for source in witness.sources} for witness in work.witnesses}


def known_witness(hit: Hit, sources: dict[str, set[tuple[str, int, int]]]) -> str | None:
    """Return the id of the witness that already stands at the hit's source and lines, or None."""
    name = Path(hit.source).name
    places = {(name, stretch.first_line, stretch.last_line) for stretch in hit.stretches}
    return next((witness for witness, known in sources.items() if places <= known), None)


def hit_record(hit: Hit, known: str | None) -> dict:
    """Return a hit as JSON-ready data."""
    return {"source": hit.source, "first_line": hit.first_line, "last_line": hit.last_line, "start": hit.start,
            "end": hit.end, "kind": str(hit.kind), "confidence": hit.confidence, "similarity": hit.similarity,
            "passage": asdict(hit.passage), "witness": known,
            "stretches": [asdict(stretch) for stretch in hit.stretches]}


def json_text(work: Work, hits: list[Hit], known: list[str | None], sources: int) -> str:
    """Return the JSON document of a run."""
    record = {"work": work.id, "sources": sources, "hits": [hit_record(h, k) for h, k in zip(hits, known)]}
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def witness_id(hit: Hit) -> str:
    """Return the id a new witness gets: `found-`, the source's name, its first and last line (fixed width)."""
    stem = NOT_NAME.sub("-", Path(hit.source).stem).strip("-.") or "source"
    return f"found-{stem}-{hit.first_line:06d}-{hit.last_line:06d}"


def witness_kind(hit: Hit, words: int) -> str:
    """Return a new witness's kind: paraphrase, complete (nearly all the matched witness's words) or fragment."""
    if hit.kind == HitKind.PARAPHRASE:
        return "paraphrase"
    covered = hit.passage.last_word - hit.passage.first_word + 1
    return "complete" if covered >= 0.9 * words else "fragment"


def witness_entry(hit: Hit, new_id: str, siglum: str, words: int) -> str:
    """Return the `work.toml` text of a new witness: its table and one source table per stretch."""
    notes = (f"Found by collate find: {hit.kind}, confidence {hit.confidence}, similarity {hit.similarity}; "
             f"words {hit.passage.first_word}-{hit.passage.last_word} of {hit.passage.witness}.")
    lines = ["[[witness]]", f"id = {json.dumps(new_id)}", f"siglum = {json.dumps(siglum)}",
             f'kind = "{witness_kind(hit, words)}"', 'attribution = "unknown"', f"notes = {json.dumps(notes)}"]
    for stretch in hit.stretches:
        lines += ["", "[[witness.source]]", f"document = {json.dumps(Path(hit.source).name, ensure_ascii=False)}",
                  f"line = {stretch.first_line}"]
        lines += [f"last_line = {stretch.last_line}"] if stretch.last_line != stretch.first_line else []
    return "\n".join(lines) + "\n"


def witness_text(hit: Hit) -> str:
    """Return a new witness file's text: the stretches as printed, `* * *` between them."""
    return "\n* * *\n".join(stretch.text.strip() for stretch in hit.stretches) + "\n"
