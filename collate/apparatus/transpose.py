"""Transpositions: a phrase one witness has elsewhere than another has it.

Found after alignment, for every pair of witnesses (the reference's pairs
first): a run of places where one has words the other lacks, matched to a run
where the other has nearly the same words and the first lacks them. A witness
lacks words where it omits them, or where it does not quote them although it
quotes on both sides (a fragment that moved a sentence to its end).
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from collate.tables import STOPWORDS

MIN_WORDS = 3
MIN_RATIO = 0.75


def find_transpositions(places, reference: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return pairs of place runs (moved here, missing there), each place in one pair at most."""
    count = len(places[0].cells) if places else 0
    statuses = [[place.cells[w].status for place in places] for w in range(count)]
    present = [{c for c, status in enumerate(column) if status == "present"} for column in statuses]
    lacking = [lacks(column, span(column)) for column in statuses]
    pairs = sorted(((a, b) for a in range(count) for b in range(count) if a != b),
                   key=lambda pair: (reference not in pair, pair[1] != reference, pair))
    found, used = [], set()
    for w, other in pairs:
        missing = Missing([(run, words(places, run, other)) for run in runs(present[other] & lacking[w])])
        for run in runs(present[w] & lacking[other]):
            match = missing.best_match(words(places, run, w), run, used)
            if match:
                found.append((run, match))
                used.update(run + match)
    return sorted(found)


def span(statuses: list[str]) -> tuple[int, int]:
    """Return the first and last place where a witness has words."""
    present = [p for p, status in enumerate(statuses) if status == "present"]
    return (present[0], present[-1]) if present else (0, -1)


def lacks(statuses: list[str], inside: tuple[int, int]) -> set[int]:
    """Return the places where a witness lacks words: it omits them, or does not quote them inside its span."""
    return {c for c, status in enumerate(statuses)
            if status == "omitted" or (status == "not-quoted" and inside[0] < c < inside[1])}


def runs(places: set[int]) -> list[tuple[int, ...]]:
    """Return the maximal runs of consecutive places among these (where one has words the other lacks)."""
    result: list[list[int]] = []
    for c in sorted(places):
        if result and result[-1][-1] == c - 1:
            result[-1].append(c)
        else:
            result.append([c])
    return [tuple(run) for run in result]


def words(places, run, w) -> list[str]:
    """Return the normalized words of witness `w` over a run of places."""
    return [t.norm for c in run for t in places[c].cells[w].tokens if t.kind == "word"]


class Missing:
    """The runs one witness lacks, indexed by their content words so that a search looks only at likely ones."""

    def __init__(self, missing: list[tuple[tuple[int, ...], list[str]]]) -> None:
        self.missing = [(run, theirs) for run, theirs in missing if len(theirs) >= MIN_WORDS]
        self.index: dict[str, list[int]] = defaultdict(list)
        for at, (_, theirs) in enumerate(self.missing):
            for word in set(content(theirs)):
                self.index[word].append(at)

    def best_match(self, mine: list[str], run: tuple[int, ...], used: set[int]) -> tuple[int, ...] | None:
        """Return the missing run most like these added words, if alike enough."""
        if len(mine) < MIN_WORDS or used.intersection(run):
            return None
        best, found = MIN_RATIO, None
        matcher = difflib.SequenceMatcher(None, b=mine, autojunk=False)
        for at in sorted({at for word in set(content(mine)) for at in self.index.get(word, ())}):
            other, theirs = self.missing[at]
            matcher.set_seq1(theirs)
            # cheap upper bounds first: lengths, then shared words, then the real ratio
            if used.intersection(other) or matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
                continue
            if (ratio := matcher.ratio()) >= best:
                best, found = ratio, other
        return found


def content(words: list[str]) -> list[str]:
    """Return the content words of a run (all its words if it has none)."""
    return [word for word in words if word not in STOPWORDS] or words
