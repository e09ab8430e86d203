"""From the pieces found in a page to hits: the best witness wherever several match,
neighbouring stretches of one quoting author gathered, kind and confidence given.

>>> from collate.model import Witness, Work
>>> from collate.find.index import index_of
>>> index = index_of(Work("w", "W", (Witness("a", "A", "Stalin is too rude, and this fault, entirely supportable "
...                                  "in relations among us Communists, becomes insupportable."),)))
>>> page = Page("s.txt", "Lenin added:\\n\\n“Stalin is too rude, and this fault … becomes insupportable.”\\n")
>>> [(hit.first_line, str(hit.kind), hit.stretches[0].text) for hit in hits_in_page(page, index)]
[(3, 'verbatim', 'Stalin is too rude, and this fault … becomes insupportable.')]
"""

from __future__ import annotations

from collate.find.hits import Hit, HitKind, Passage, Stretch
from collate.find.index import WorkIndex
from collate.find.page import Page
from collate.find.search import candidate_blocks, chains, region_words
from collate.find.verify import Piece, pieces_of
from collate.find.words import SourceWord

HIT_GAP = 40  # most words of the quoting author's own between two stretches of one hit
VERBATIM = 0.8
CLOSING = frozenset(".,;:!?")  # punctuation printed against a stretch's last word is part of it


def chosen(pieces: list[Piece]) -> list[Piece]:
    """Return the pieces that overlap no better one, in source order."""
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (-len(p.pairs), -p.similarity, p.first, p.witness)):
        if all(piece.last < other.first or piece.first > other.last for other in kept):
            kept.append(piece)
    return sorted(kept, key=lambda p: p.first)


def grouped(pieces: list[Piece], words: tuple[SourceWord, ...]) -> list[list[Piece]]:
    """Return the pieces gathered into hits: stretches of one paragraph at most HIT_GAP words apart."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and piece.first - groups[-1][-1].last <= HIT_GAP and not any(
                words[n].paragraph for n in range(groups[-1][-1].last + 1, piece.first + 1)):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def set_off(piece: Piece) -> bool:
    """Return whether the quoting author sets a piece off as a quotation: marks, or a paragraph of its own."""
    return piece.marks > 0 or piece.alone


def stretch_of(page: Page, piece: Piece) -> Stretch:
    """Return a piece as a stretch of the page's source."""
    end = piece.end
    while end < len(page.text) and page.text[end] in CLOSING:
        end += 1
    return Stretch(page.line_of(piece.start), page.line_of(end - 1), page.offset + piece.start,
                   page.offset + end, page.text[piece.start:end], piece.similarity, set_off(piece))


def passage_of(pieces: list[Piece], index: WorkIndex) -> Passage:
    """Return the passage of the work the hit covers, in the witness of its longest stretch."""
    witness = max(pieces, key=lambda p: len(p.pairs)).witness
    places = [j for piece in pieces if piece.witness == witness for _, j in piece.pairs]
    indexed = index.witnesses[witness]
    return Passage(indexed.id, min(places) + 1, max(places) + 1, indexed.opening[min(places)],
                   indexed.opening[max(places)])


def hit_of(page: Page, pieces: list[Piece], index: WorkIndex) -> Hit:
    """Return a group of pieces as a hit with its kind and confidence."""
    length = sum(piece.last - piece.first + 1 for piece in pieces)
    similarity = round(sum(p.similarity * (p.last - p.first + 1) for p in pieces) / length, 3)
    quoted = sum(p.last - p.first + 1 for p in pieces if set_off(p)) / length
    kind = HitKind.PARAPHRASE if not quoted else (
        HitKind.VERBATIM if similarity >= VERBATIM else HitKind.TRANSLATION)
    content = sum(piece.content for piece in pieces)
    confidence = round(min(1.0, 0.5 * similarity + 0.25 * quoted + 0.25 * min(1.0, content / 12)), 2)
    return Hit(page.source, tuple(stretch_of(page, piece) for piece in pieces), kind, confidence, similarity,
               passage_of(pieces, index))


def hits_in_page(page: Page, index: WorkIndex) -> list[Hit]:
    """Return the hits in one page of a source."""
    hits = []
    for run in candidate_blocks(page, index):
        words = region_words(run, index)
        pieces = [piece for chain in chains(words, index) for piece in pieces_of(words, chain, index)]
        hits += [hit_of(page, group, index) for group in grouped(chosen(pieces), words)]
    return hits
