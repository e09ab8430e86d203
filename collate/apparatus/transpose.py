"""Transpositions: a phrase a witness has elsewhere than the reference witness has it.

Found after alignment: a run of places where a witness has words the reference
omits, matched to a run where the reference has nearly the same words and the
witness omits them.
"""

from __future__ import annotations

import difflib

MIN_WORDS = 3
MIN_RATIO = 0.75


def find_transpositions(places, reference: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return pairs of place runs (moved here, missing there), each place in one pair at most."""
    found, used = [], set()
    for w in range(len(places[0].cells) if places else 0):
        if w == reference:
            continue
        added = runs(places, w, reference)
        missing = [(run, words(places, run, reference)) for run in runs(places, reference, w)]
        for run in added:
            match = best_match(places, run, w, missing, used)
            if match:
                found.append((run, match))
                used.update(run + match)
    return sorted(found)


def runs(places, has: int, lacks: int) -> list[tuple[int, ...]]:
    """Return maximal runs of places where witness `has` is present and `lacks` omits."""
    result, current = [], []
    for c, place in enumerate(places):
        if place.cells[has].status == "present" and place.cells[lacks].status == "omitted":
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
