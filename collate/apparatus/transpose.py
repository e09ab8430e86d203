"""Transpositions: a phrase one witness has elsewhere than another has it.

Found after alignment, for every pair of witnesses (the reference's pairs
first): a run of places where one has words the other lacks, matched to a run
where the other has nearly the same words and the first lacks them. A witness
lacks words where it omits them, or where it does not quote them although it
quotes on both sides (a fragment that moved a sentence to its end).
"""

from __future__ import annotations

import difflib

MIN_WORDS = 3
MIN_RATIO = 0.75


def find_transpositions(places, reference: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return pairs of place runs (moved here, missing there), each place in one pair at most."""
    count = len(places[0].cells) if places else 0
    spans = [span(places, w) for w in range(count)]
    pairs = sorted(((a, b) for a in range(count) for b in range(count) if a != b),
                   key=lambda pair: (reference not in pair, pair[1] != reference, pair))
    found, used = [], set()
    for w, other in pairs:
        added = runs(places, w, other, spans[other])
        missing = [(run, words(places, run, other)) for run in runs(places, other, w, spans[w])]
        for run in added:
            match = best_match(places, run, w, missing, used)
            if match:
                found.append((run, match))
                used.update(run + match)
    return sorted(found)


def span(places, w: int) -> tuple[int, int]:
    """Return the first and last place where witness w has words."""
    present = [p for p, place in enumerate(places) if place.cells[w].status == "present"]
    return (present[0], present[-1]) if present else (0, -1)


def runs(places, has: int, lacks: int, inside: tuple[int, int]) -> list[tuple[int, ...]]:
    """Return maximal runs of places where witness `has` is present and `lacks` lacks the words."""
    result, current = [], []
    for c, place in enumerate(places):
        status = place.cells[lacks].status
        lacking = status == "omitted" or (status == "not-quoted" and inside[0] < c < inside[1])
        if place.cells[has].status == "present" and lacking:
            current.append(c)
        elif current:
            result.append(tuple(current))
            current = []
    return result + ([tuple(current)] if current else [])


def words(places, run, w) -> list[str]:
    """Return the normalized words of witness `w` over a run of places."""
    return [t.norm for c in run for t in places[c].cells[w].tokens if t.kind == "word"]


def best_match(places, run, w, missing, used):
    """Return the missing run most like this added run, if alike enough."""
    mine = words(places, run, w)
    if len(mine) < MIN_WORDS or used.intersection(run):
        return None
    best, found = MIN_RATIO, None
    matcher = difflib.SequenceMatcher(None, b=mine, autojunk=False)
    for other, theirs in missing:
        matcher.set_seq1(theirs)
        # cheap upper bounds first: lengths, then shared words, then the real ratio
        if used.intersection(other) or matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
            continue
        if (ratio := matcher.ratio()) >= best:
            best, found = ratio, other
    return found
