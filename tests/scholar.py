"""A scholar's view of a collation: one row per place, a witness's reading or its status."""

from __future__ import annotations

from collate import Collation
from collate import Witness, Work
from collate import collate_work

MARK = {"omitted": "om.", "cut": "(cut)", "not-quoted": "-"}


def collated(*texts: str, kinds: tuple[str, ...] = ()) -> Collation:
    """Return the collation of texts as witnesses w0, w1, … (complete unless kinds say)."""
    kinds = kinds or ("complete",) * len(texts)
    return collate_work(Work("t", "t", tuple(Witness(f"w{i}", f"W{i}", text, kind=kind)
                                             for i, (text, kind) in enumerate(zip(texts, kinds)))))


def rows(collation: Collation) -> list[tuple[str, ...]]:
    """Return (type, reading or status mark per witness) for every place."""
    return [(place.type, *("".join(t.text for t in cell.tokens).strip() if cell.tokens else MARK[cell.status]
                           for cell in place.cells)) for place in collation.places]


def collapsed(text: str) -> str:
    """Return text with every run of whitespace made one space."""
    return " ".join(text.split())


def witness_text(collation: Collation, w: int) -> list[str]:
    """Return a witness's stretches read across the table, in printed order."""
    stretches: dict[int, str] = {}
    for place in collation.places:
        cell = place.cells[w]
        if cell.tokens:
            stretches[cell.stretch] = stretches.get(cell.stretch, "") + "".join(t.text for t in cell.tokens)
    return [stretches[s].strip() for s in sorted(stretches)]
