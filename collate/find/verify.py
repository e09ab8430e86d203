"""From chains to pieces: cut where the quoting author's own words break a quotation, drop
stray matches at the edges, weigh the evidence (quotation marks, a paragraph of its own,
the share of equal words) and keep what is a quotation.

>>> from collate.model import Witness, Work
>>> from collate.find.index import index_of
>>> from collate.find.search import chains
>>> index = index_of(Work("w", "W", (Witness("a", "A", "the doctors forbid giving Lenin political news. "
...                                  "If you consider that to preserve relations I must withdraw my words"),)))
>>> text = "He said ‘the doctors forbid giving Lenin news’, he meant no harm. If ‘to preserve relations I must withdraw’"
>>> words = source_words(text, 0, index.settings)
>>> [(text[piece.start:piece.end], piece.marks) for piece in pieces_of(words, chains(words, index)[0], index)]
[('the doctors forbid giving Lenin news', 2), ('to preserve relations I must withdraw', 2)]
"""

from __future__ import annotations

from dataclasses import dataclass

from collate.find.index import IndexedWitness, WorkIndex, is_content
from collate.find.search import Chain, cut_between
from collate.find.words import SourceWord, source_words  # noqa: F401 (the doctest reads it)

Pairs = tuple[tuple[int, int], ...]
QUOTE_REACH = 3  # unmatched words a piece may be widened by to reach its quotation mark
STRAY = 2  # most pairs of a cluster at a piece's edge that is dropped when far from the rest
STRAY_GAP = 5  # unmatched source words that set such a cluster apart
DENSE = 0.5  # share of matched words past a closing quotation mark that still continue the quotation
ALONE = 0.7
JOINERS = frozenset({"and", "or", "but", "nor"})  # share of its paragraph's words a piece printed as a paragraph of its own covers


@dataclass(frozen=True)
class Piece:
    """A stretch still in words: source words first..last, the witness pairs, and the evidence.

    `marks`: quotation marks around it (0, 1 or 2 sides); `alone`: a paragraph of its own;
    `content`: how many different content words it matched (Central Committee twice counts once).
    """

    witness: int
    first: int
    last: int
    pairs: Pairs
    start: int
    end: int
    marks: int
    alone: bool
    similarity: float
    content: int

    @property
    def weight(self) -> float:
        """Return the weight of its matched words: a different content word 1, any other word 1/2."""
        return self.content + (len(self.pairs) - self.content) / 2


def broken(words: tuple[SourceWord, ...], before: int, after: int) -> bool:
    """Return whether a quotation closes and another opens, with words between, between two matched words."""
    closes = next((n for n in range(before, after) if words[n].closes), None)
    return closes is not None and any(words[n].opens for n in range(closes + 2, after + 1))


def new_paragraph(words: tuple[SourceWord, ...], witness: IndexedWitness, previous: tuple[int, int],
                  pair: tuple[int, int]) -> bool:
    """Return whether the source starts a paragraph between two pairs where the witness does not."""
    return any(words[n].paragraph for n in range(previous[0] + 1, pair[0] + 1)) and not any(
        n in witness.paragraphs for n in range(previous[1] + 1, pair[1] + 1))


def split(words: tuple[SourceWord, ...], pairs: Pairs, witness: IndexedWitness) -> list[Pairs]:
    """Return a chain's runs between the places where the quoting author's words break it."""
    runs: list[list[tuple[int, int]]] = [[]]
    for n, pair in enumerate(pairs):
        if joiner(words, pair[0]):
            runs.append([])
            continue
        if runs[-1] and (broken(words, runs[-1][-1][0], pair[0]) or new_paragraph(words, witness, runs[-1][-1], pair)):
            runs.append([])
        runs[-1].append(pair)
    return [closed(words, opened(words, trimmed(tuple(run)))) for run in runs if run]


def joiner(words: tuple[SourceWord, ...], n: int) -> bool:
    """Return whether a word is the quoting author's `and` between two quotations: “…” and “…”."""
    return 0 < n < len(words) - 1 and words[n - 1].closes and words[n + 1].opens and words[n].key in JOINERS


def trimmed(run: Pairs) -> Pairs:
    """Return a run without the few stray pairs at either edge that stand far from the rest."""
    gaps = [n for n in range(1, len(run)) if run[n][0] - run[n - 1][0] > STRAY_GAP]
    if gaps and gaps[0] <= STRAY:
        return trimmed(run[gaps[0]:])
    if gaps and len(run) - gaps[-1] <= STRAY:
        return trimmed(run[:gaps[-1]])
    return run


def opened(words: tuple[SourceWord, ...], run: Pairs) -> Pairs:
    """Return a run that starts where its quotation opens, without the few matches before the mark
    (the quoting author's lead-in happens to share a word or two)."""
    first = run[0][0]
    if any(words[m].opens for m in range(max(first - QUOTE_REACH, 0), first + 1)):
        return run  # they stand inside a quotation that opens before them
    for n, (_, (k, _)) in enumerate(zip(run, run[1:]), start=1):
        if n > STRAY + 1:
            break
        if any(words[m].opens for m in range(run[n - 1][0] + 1, k + 1)):
            return run[n:]
    return run


def closed(words: tuple[SourceWord, ...], run: Pairs) -> Pairs:
    """Return a run that ends where its quotation closes when few of the words after the close match,
    or few words follow: the quoting author's words go on there (his paraphrase after a quotation)."""
    for n, ((i, _), (k, _)) in enumerate(zip(run, run[1:])):
        close = next((m for m in range(i, k) if words[m].closes and not words[m + 1].opens), None)
        if close is not None and (len(run) - n - 1 <= STRAY or len(run) - n - 1 < DENSE * (run[-1][0] - close)):
            return run[:n + 1]
    return run


def widened(words: tuple[SourceWord, ...], first: int, last: int) -> tuple[int, int, int]:
    """Return the run's first and last word, widened to quotation marks close by, and how many sides have one."""
    opening = next((n for n in range(first, max(first - QUOTE_REACH, 0) - 1, -1) if words[n].opens), None)
    closing = next((n for n in range(last, min(last + QUOTE_REACH, len(words) - 1) + 1) if words[n].closes), None)
    if opening is not None and any(words[n].closes for n in range(opening, first)):
        opening = None
    if closing is not None and any(words[n].opens for n in range(last + 1, closing + 1)):
        closing = None
    return (first if opening is None else opening, last if closing is None else closing,
            (opening is not None) + (closing is not None))


def alone(words: tuple[SourceWord, ...], first: int, last: int) -> bool:
    """Return whether words first..last make up most of the paragraphs they stand in."""
    start = next(n for n in range(first, -1, -1) if words[n].paragraph or n == 0)
    end = next((n for n in range(last + 1, len(words)) if words[n].paragraph), len(words))
    return last - first + 1 >= ALONE * (end - start)


def witness_span(words: tuple[SourceWord, ...], run: Pairs) -> int:
    """Return how many witness words a run covers, not counting those the quoting author marked as cut."""
    return 1 + sum(1 if cut_between(words, i, k) else l - j for (i, j), (k, l) in zip(run, run[1:]))


def piece_of(words: tuple[SourceWord, ...], witness: int, run: Pairs) -> Piece:
    """Return a run of pairs as a piece, widened to its quotation marks and weighed."""
    first, last, marks = widened(words, run[0][0], run[-1][0])
    span = (last - first + 1) + witness_span(words, run)
    content = len({words[i].key for i, _ in run if is_content(words[i].key)})
    return Piece(witness, first, last, run, words[first].start, words[last].end, marks, alone(words, first, last),
                 round(min(1.0, 2 * len(run) / span), 3), content)


def kept(piece: Piece) -> bool:
    """Return whether a piece is evidence enough of a quotation: the more marks, the fewer words needed."""
    length = piece.last - piece.first + 1
    if piece.marks == 2 and length <= 6:  # a short quotation must be the work's words nearly all through
        return piece.content >= 2 and len(piece.pairs) >= 0.75 * length
    if piece.marks == 2 or piece.alone and piece.marks:  # another translation, set off as a quotation
        return piece.weight >= 5 and piece.similarity >= 0.2 or piece.content >= 3 and piece.similarity >= 0.5
    if piece.alone:  # a paragraph of its own: a block quotation, or every word of it the work's
        return piece.content >= 3 and piece.similarity >= 0.3 or whole(piece)
    if piece.marks == 1:
        return piece.content >= 3 and piece.similarity >= 0.8 or piece.content >= 4 and piece.similarity >= 0.6
    return piece.content >= 4 and len(piece.pairs) >= 8 and piece.similarity >= 0.5


def whole(piece: Piece) -> bool:
    """Return whether a piece is a paragraph of three words or more, all of them the work's, in its order."""
    return piece.content >= 2 and len(piece.pairs) == piece.last - piece.first + 1 >= 3 and piece.similarity == 1


def pieces_of(words: tuple[SourceWord, ...], chain: Chain, index: WorkIndex) -> list[Piece]:
    """Return the pieces of a chain that are quotations."""
    runs = split(words, chain.pairs, index.witnesses[chain.witness])
    return [piece for piece in (piece_of(words, chain.witness, run) for run in runs if enough(words, run))
            if kept(piece)]


def enough(words: tuple[SourceWord, ...], run: Pairs) -> bool:
    """Return whether a run has a content word and another match, as every quotation (weighing it costs more)."""
    return len(run) >= 2 and any(is_content(words[i].key) for i, _ in run)
