"""Candidate search: the paragraphs of a page worth reading closely, and the chains of
words they share with each witness, in the same order in both.

>>> from collate.model import Witness, Work
>>> from collate.find.index import index_of
>>> index = index_of(Work("w", "W", (Witness("a", "A", "Stalin is too rude, and this fault is insupportable."),
...                                  Witness("b", "B", "Stalin is excessively rude."))))
>>> words = source_words("He wrote that Stalin is too rude, and this fault … insupportable.", 0, index.settings)
>>> [(chain.witness, chain.pairs) for chain in chains(words, index)]  # b: Stalin is … rude
... # doctest: +NORMALIZE_WHITESPACE
[(0, ((3, 0), (4, 1), (5, 2), (6, 3), (7, 4), (8, 5), (9, 6), (10, 8))),
 (1, ((3, 0), (4, 1), (6, 3)))]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from collate.find.index import IndexedWitness, WorkIndex, is_content, pairs
from collate.find.page import Block, Page
from collate.find.words import SourceWord, source_words

GAP = 12  # most words a chain may skip between two matches, in the source and in the witness,
DRIFT = 6  # or twice as many where both skip about as many (another translation's wording)
LEAST_CHAIN = 2


@dataclass(frozen=True)
class Chain:
    """Words of a source matched in order to words of one witness: (source word, witness word) pairs."""

    witness: int
    pairs: tuple[tuple[int, int], ...]


def candidate_blocks(page: Page, index: WorkIndex) -> Iterator[tuple[Block, ...]]:
    """Yield runs of consecutive paragraphs that share a telling pair of words with the work."""
    run: list[Block] = []
    for block in page.blocks():
        if not pairs(block.text.encode()).isdisjoint(index.pairs):
            run.append(block)
        elif run:
            yield tuple(run)
            run = []
    if run:
        yield tuple(run)


def region_words(run: tuple[Block, ...], index: WorkIndex) -> tuple[SourceWord, ...]:
    """Return the words of a run of paragraphs, placed in the page, each paragraph's first word marked."""
    found: list[SourceWord] = []
    for block in run:
        words = source_words(block.text, block.start, index.settings)
        found += [replace(words[0], paragraph=True), *words[1:]] if words else []
    return tuple(found)


def seeds(words: tuple[SourceWord, ...], witness: IndexedWitness) -> list[tuple[int, int]]:
    """Return the pairs of equal words: content words anywhere, function words beside another equal pair."""
    keys = witness.keys
    found = []
    for i, word in enumerate(words):
        for j in witness.places.get(word.key, ()):
            if is_content(word.key) or (i + 1 < len(words) and j + 1 < len(keys) and words[i + 1].key == keys[j + 1]) \
                    or (i > 0 and j > 0 and words[i - 1].key == keys[j - 1]):
                found.append((i, j))
    return found


def cuts_before(words: tuple[SourceWord, ...]) -> tuple[int, ...]:
    """Return, for each word, how many cuts the quoting author marked up to it."""
    counts, total = [], 0
    for word in words:
        total += word.cut
        counts.append(total)
    return tuple(counts)


def cut_between(words: tuple[SourceWord, ...], first: int, last: int) -> bool:
    """Return whether the quoting author marked a cut between two source words."""
    return any(words[n].cut for n in range(first + 1, last + 1))


def linked(pairs: list[tuple[int, int]], cuts: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """Return each pair's best chain length ending there and the pair before it in that chain.

    Two pairs link when both rise, by at most GAP + 1 in the source and in the witness
    (2 GAP + 1 when the two rises differ by at most DRIFT), or by any amount in the
    witness across a cut the quoting author marked.
    """
    score, back = [1] * len(pairs), [-1] * len(pairs)
    low = 0
    for k, (i, j) in enumerate(pairs):
        while pairs[low][0] < i - 2 * GAP - 1:
            low += 1
        for p in range(low, k):
            pi, pj = pairs[p]
            if pi < i and pj < j and score[p] >= score[k]:
                rise = max(i - pi, j - pj)
                if rise <= GAP + 1 or rise <= 2 * GAP + 1 and abs(i - pi - j + pj) <= DRIFT or (
                        cuts[i] > cuts[pi] and i - pi <= GAP + 1):
                    score[k], back[k] = score[p] + 1, p
    return score, back


def chains(words: tuple[SourceWord, ...], index: WorkIndex) -> list[Chain]:
    """Return the chains of at least LEAST_CHAIN pairs with each witness, longest first.

    A chain is followed back from the best end not yet used, and stops at a pair
    another chain took.
    """
    found, cuts = [], cuts_before(words)
    for w, witness in enumerate(index.witnesses):
        pairs = sorted(seeds(words, witness))
        score, back = linked(pairs, cuts)
        used: set[int] = set()
        for end in sorted(range(len(pairs)), key=lambda k: (-score[k], k)):
            chain = []
            while end >= 0 and end not in used:
                chain.append(end)
                end = back[end]
            used.update(chain)
            if len(chain) >= LEAST_CHAIN:
                found.append(Chain(w, tuple(pairs[k] for k in reversed(chain))))
    return found
