"""Aligning a run of words against a run of columns, each column holding every word aligned there.

A new witness is matched against every word already in a column, not against
one key per column: two witnesses that agree with each other but not with the
first witness share the column. Scores, highest first: the same word, a near
spelling, two words that both open or close a sentence, any other pair; a word
set in a column of its own, or a column left empty, costs a point.

>>> columns = [Column(frozenset({"fault", "defect"})), Column(frozenset({"quite", "though"}))]
>>> gap_ops([Word("defect"), Word("quite")], columns)
(('match', 0, 0), ('match', 1, 1))
>>> gap_ops([Word("is")], [Column(frozenset({"that"})), Column(frozenset({"is"}))], free_end=True)
(('skip', None, 0), ('match', 0, 1))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from Levenshtein import ratio

from collate.tables import FUNCTION_CLASSES, STOPWORDS

SAME_CONTENT, SAME_FUNCTION = 3.0, 1.5  # a function word matched alone weighs less
NEAR, MIN_NEAR, MIN_LENGTH = 2.0, 0.7, 4  # and/end, I/At: short words are alike by chance
PART = 1.6  # a word that is part of the other's compound
AKIN = 0.3  # two function words of one class: a weak match
SENTENCE, CLAUSE = 0.6, 0.3  # both open (or close) a sentence; both close a clause
OTHER = -0.9  # two unlike words in one column: better than a run of each, worse than a match nearby
OPEN, EXTEND = -1.0, -0.5  # a run of words in columns of their own, or of columns a witness leaves empty
VOTE = 0.25  # CollateX set the two equal words together: it decides between equal candidates
EDGE = -0.2  # an unlike pair at a fragment's free edge: a little worse than a word on its own
CROSS = -0.5  # a sentence end of the others left empty in the middle of a sentence of the witness's
CUT = -0.01  # a column left empty where the quoting author printed a cut
OPS = ("match", "skip", "word")
MAX_CELLS = 60_000  # a larger gap is first cut at its longest common runs (difflib)
Op = tuple[str, int | None, int | None]  # ("match", i, c), ("word", i, None), ("skip", None, c)


@dataclass(frozen=True)
class Word:
    """What the gap alignment knows of a word: its key and the boundaries around it."""

    key: str
    opens: bool = False  # a sentence begins with it
    closes: str = ""  # "sentence" or "clause" when punctuation ends one after it; "end" of a stretch
    cut_before: bool = False  # the quoting author cut something just before it


@dataclass(frozen=True)
class Column:
    """What the gap alignment knows of a column: every key in it, and its boundaries."""

    keys: frozenset[str]
    opens: bool = False
    closes: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 16)
def near(x: str, y: str) -> float:
    """Return the edit similarity of two content words long enough to compare, else 0."""
    if min(len(x), len(y)) < MIN_LENGTH or x in STOPWORDS or y in STOPWORDS:
        return 0.0
    score = ratio(x, y)
    return score if score >= MIN_NEAR else 0.0


def pair_score(word: Word, column: Column, exact_only: bool = False) -> float:
    """Return the score of setting a word in a column; `exact_only`: no near spellings."""
    if word.key and word.key in column.keys:
        return SAME_FUNCTION if word.key in STOPWORDS else SAME_CONTENT
    similar = 0.0 if exact_only else nearest(word.key, column.keys)
    if similar:
        return NEAR * similar
    if part_of(word.key, column.keys):
        return PART
    if akin(word.key, column.keys):
        return AKIN
    bonus = OTHER + (SENTENCE if word.opens and column.opens else 0.0)
    if word.closes and word.closes in column.closes:
        bonus += SENTENCE if word.closes == "sentence" else CLAUSE
    elif word.closes == "end" and "sentence" in column.closes or "end" in column.closes and word.closes == "sentence":
        bonus += CLAUSE
    return bonus


def alike(word: Word, column: Column) -> bool:
    """Return whether a column holds the word itself, a near spelling of it, or a compound it is part of."""
    return word.key in column.keys or bool(nearest(word.key, column.keys)) or part_of(word.key, column.keys)


@lru_cache(maxsize=1 << 16)
def akin(key: str, keys: frozenset[str]) -> bool:
    """Return whether a function word and one of a column's are of one class (this/that, a/the)."""
    return any(key in group and not group.isdisjoint(keys) for group in FUNCTION_CLASSES)


@lru_cache(maxsize=1 << 16)
def part_of(key: str, keys: frozenset[str]) -> bool:
    """Return whether a word is part of a column's compound, or a compound has a column's word.

    A compound regularized to two words ("Secretary-General" to "general
    secretary") meets either of them.
    """
    for other in keys:
        short, long = sorted((key, other), key=len)
        if " " in long and short in long.split() and short not in STOPWORDS:
            return True
    return False


@lru_cache(maxsize=1 << 16)
def nearest(key: str, keys: frozenset[str]) -> float:
    """Return the greatest edit similarity of a word to any of a column's words (0 if none is near)."""
    if len(key) < MIN_LENGTH or key in STOPWORDS:
        return 0.0
    return max((near(key, other) for other in keys), default=0.0)


def gap_ops(words: Sequence[Word], columns: Sequence[Column], free_start: bool = False,
            free_end: bool = False, from_end: bool = False,
            votes: frozenset[tuple[int, int]] = frozenset()) -> tuple[Op, ...]:
    """Return the best alignment of words to columns as ops in order.

    `free_start`/`free_end`: columns left empty before the first or after the last
    word cost nothing (a fragment's region is wider than what it quotes).
    `from_end`: among equal alignments, pair words nearest the end.
    `votes`: pairs (i, c) that CollateX matched, preferred among equal words.
    """
    n, m = len(words), len(columns)
    if from_end:
        flipped = frozenset((n - 1 - i, m - 1 - c) for i, c in votes)
        ops = gap_ops(words[::-1], columns[::-1], free_end, free_start, False, flipped)
        return tuple((kind, None if i is None else n - 1 - i, None if c is None else m - 1 - c)
                     for kind, i, c in reversed(ops))
    if not words or not columns:
        return tuple(("word", i, None) for i in range(len(words))) + tuple(
            ("skip", None, c) for c in range(len(columns)))
    if n == m == 1 and not (free_start or free_end):  # one word for one column: any pair beats two gaps
        return (("match", 0, 0),)
    return traceback(Scores(words, columns, (free_start, free_end), votes), free_start)


class Scores:
    """The best score of aligning words[i:] to columns[c:], after a match, a skipped column or a lone word.

    Gaps are affine: a run of skipped columns (an omission) or of lone words (an
    addition) costs one opening and a little per word, so a clause left out is one event.
    """

    def __init__(self, words: Sequence[Word], columns: Sequence[Column], free: tuple[bool, bool],
                 votes: frozenset[tuple[int, int]]) -> None:
        self.words, self.columns, self.votes = words, columns, votes
        n, m = len(words), len(columns)
        free_start, free_end = free
        self.edges = {i for i, free_edge in ((0, free_start), (n - 1, free_end)) if free_edge}
        present = frozenset().union(*(column.keys for column in columns))
        # leaving empty a column that ends a sentence, in the middle of one of the witness's own
        self.crossing = [CROSS if "sentence" in column.closes else 0.0 for column in columns]
        self.level = [0.0] * len(columns)
        self.exact_only = [word.key in present for word in words]  # the word itself is here: no near spelling
        self.after = {state: [[0.0] * (m + 1) for _ in range(n + 1)] for state in OPS}
        for state in OPS:
            table = self.after[state]
            for c in range(m - 1, -1, -1):
                table[n][c] = 0.0 if free_end else run_cost(state == "skip", m - c)
            for i in range(n - 1, -1, -1):
                table[i][m] = run_cost(state == "word", n - i)
        for i in range(n - 1, -1, -1):
            self.fill(i)

    def fill(self, i: int) -> None:
        """Fill row i of the three tables from row i + 1 (the inner loop: kept flat for speed)."""
        match, skip, word = self.after["match"], self.after["skip"], self.after["word"]
        diagonal, below, here, below_word, here_word = match[i + 1], skip[i], match[i], word[i + 1], word[i]
        opens = CUT if self.words[i].cut_before else OPEN
        extends = CUT if self.words[i].cut_before else EXTEND
        crossing = self.crossing if not (self.words[i].opens or self.words[i].cut_before) else self.level
        pairs = self.row(i)
        for c in range(len(self.columns) - 1, -1, -1):
            paired = pairs[c] + diagonal[c + 1]
            skipped, lone = below[c + 1] + crossing[c], below_word[c]
            gap_open, gap_on, word_open, word_on = opens + skipped, extends + skipped, OPEN + lone, EXTEND + lone
            lone_best = word_open if word_open > paired else paired
            here[c] = gap_open if gap_open > lone_best else lone_best
            below[c] = gap_on if gap_on > lone_best else lone_best
            other = word_on if word_on > paired else paired
            here_word[c] = gap_open if gap_open > other else other

    def row(self, i: int) -> list[float]:
        """Return the scores of setting words[i] in each column."""
        return [self.pair(i, c) for c in range(len(self.columns))]

    def pair(self, i: int, c: int) -> float:
        """Return the score of setting words[i] in columns[c], CollateX's vote included.

        At a fragment's free edge an unlike pair is a guess: the word stands alone rather.
        A near spelling stands for a word only where the word itself is nowhere in the gap.
        """
        score = pair_score(self.words[i], self.columns[c], self.exact_only[i]) + (VOTE if (i, c) in self.votes else 0.0)
        return score + EDGE if score <= 0 and i in self.edges else score

    def moves(self, state: str, i: int, c: int) -> list[tuple[str, float]]:
        """Return each next op from (i, c) after `state`, with the best score it leads to."""
        skip = CUT if self.words[i].cut_before else EXTEND if state == "skip" else OPEN
        crossing = self.crossing if not (self.words[i].opens or self.words[i].cut_before) else self.level
        return [("match", self.pair(i, c) + self.after["match"][i + 1][c + 1]),
                ("skip", skip + crossing[c] + self.after["skip"][i][c + 1]),
                ("word", (EXTEND if state == "word" else OPEN) + self.after["word"][i + 1][c])]


def run_cost(extends: bool, length: int) -> float:
    """Return the cost of a run of gaps of this length, opened now or extending one."""
    return (EXTEND if extends else OPEN) + EXTEND * (length - 1)


def traceback(scores: Scores, free_start: bool) -> tuple[Op, ...]:
    """Return the ops of the best path: among equals, words paired early, but before the first
    like pair, unlike words late (a heading pairs nothing; the word before the match does)."""
    n, m = len(scores.words), len(scores.columns)
    after = scores.after
    start = max(range(m + 1), key=lambda c: (after["match"][0][c], -c)) if free_start else 0
    ops: list[Op] = [("skip", None, c) for c in range(start)]
    i, c, state, matched = 0, start, "match", False
    while i < n and c < m:
        target = after[state][i][c]
        moves = scores.moves(state, i, c)
        if not matched and not alike(scores.words[i], scores.columns[c]):  # unlike words: next to the first match
            moves = moves[1:] + moves[:1]
        state = next(op for op, value in moves if close(value, target))
        ops.append((state, i if state != "skip" else None, c if state != "word" else None))
        matched = matched or (state == "match" and alike(scores.words[i], scores.columns[c]))
        i, c = i + (state != "skip"), c + (state != "word")
    ops.extend(("word", k, None) for k in range(i, n))
    ops.extend(("skip", None, k) for k in range(c, m))
    return tuple(ops)


def close(x: float, y: float) -> bool:
    """Return whether two scores are equal up to rounding."""
    return abs(x - y) < 1e-9
