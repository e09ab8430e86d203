"""Near matches: inside a gap, pair the most similar words without reordering anything.

CollateX pairs unmatched words by rank; here each run of unmatched words
between exact matches is re-paired by edit similarity, in order, so that
spelling and near variants share a place.

>>> refine([(0, 0), (1, None), (2, 1)], ["very", "respectable", "comrade"], ["respected", "comrade"])
[(0, None), (1, 0), (2, 1)]
"""

from __future__ import annotations

from Levenshtein import ratio

MIN_SIMILARITY = 0.6
MAX_RUN = 24  # longer unmatched runs keep CollateX's pairing (the search is quadratic)


def refine(rows, a, b) -> list:
    """Return the rows with every unmatched run re-paired by similarity."""
    result, run = [], []
    for i, j in rows:
        if i is not None and j is not None and a[i] == b[j]:
            result.extend(repair(run, a, b))
            result.append((i, j))
            run = []
        else:
            run.append((i, j))
    return result + repair(run, a, b)


def repair(run, a, b) -> list:
    """Return one unmatched run re-paired, or as it was when nothing in it is similar."""
    left = [i for i, _ in run if i is not None]
    right = [j for _, j in run if j is not None]
    if not left or not right or len(left) > MAX_RUN or len(right) > MAX_RUN:
        return run
    pairs = similar_pairs([a[i] for i in left], [b[j] for j in right])
    if not pairs:
        return run
    rows, x, y = [], 0, 0
    for p, q in [*pairs, (len(left), len(right))]:
        rows.extend(rank_rows(left[x:p], right[y:q]))
        if p < len(left):
            rows.append((left[p], right[q]))
        x, y = p + 1, q + 1
    return rows


def rank_rows(left, right) -> list:
    """Return the rows of two unmatched runs paired by rank (as CollateX would)."""
    paired = min(len(left), len(right))
    return ([(left[k], right[k]) for k in range(paired)] + [(i, None) for i in left[paired:]]
            + [(None, j) for j in right[paired:]])


def similar_pairs(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """Return the order-keeping pairing with the greatest total similarity."""
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = ratio(left[i], right[j])
            paired = best[i + 1][j + 1] + score if score >= MIN_SIMILARITY else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        score = ratio(left[i], right[j])
        if score >= MIN_SIMILARITY and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
