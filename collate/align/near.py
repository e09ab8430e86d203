"""Near matches: inside a gap, pair the most similar words without reordering anything.

CollateX pairs unmatched words by rank; here each run of unmatched words
between exact matches is re-paired by edit similarity, in order, so that
spelling and near variants share a place.

>>> refine([(0, 0), (1, None), (2, 1)], ["very", "respectable", "comrade"], ["respected", "comrade"])
[(0, None), (1, 0), (2, 1)]
"""

from __future__ import annotations

from Levenshtein import ratio

from collate.tables import STOPWORDS

MIN_SIMILARITY = 0.7
MIN_LENGTH = 4  # and/end, I/At: short words are too alike by chance
MAX_RUN = 24  # longer unmatched runs keep CollateX's pairing (the search is quadratic)


def refine(rows, a, b, after_cut: bool = False) -> list:
    """Return the rows with every unmatched run re-paired by similarity.

    Unmatched words before the first similar pair are paired from the right, next
    to what follows; so is a whole gap that opens after the quoting author's cut.
    """
    result, run = [], []
    for i, j in rows:
        if i is not None and j is not None and a[i] == b[j]:
            result.extend(repair(run, a, b, after_cut and not result))
            result.append((i, j))
            run = []
        else:
            run.append((i, j))
    return result + repair(run, a, b, after_cut and not result)


def repair(run, a, b, after_cut: bool) -> list:
    """Return one unmatched run re-paired by similarity, the rest by rank."""
    left = [i for i, _ in run if i is not None]
    right = [j for _, j in run if j is not None]
    if not left or not right or len(left) > MAX_RUN or len(right) > MAX_RUN:
        return run
    pairs = similar_pairs([a[i] for i in left], [b[j] for j in right])
    rows, x, y = [], 0, 0
    for n, (p, q) in enumerate([*pairs, (len(left), len(right))]):
        rows.extend(rank_rows(left[x:p], right[y:q], from_end=n == 0 and (bool(pairs) or after_cut)))
        if p < len(left):
            rows.append((left[p], right[q]))
        x, y = p + 1, q + 1
    return rows


def rank_rows(left, right, from_end: bool = False) -> list:
    """Return the rows of two unmatched runs paired by rank, from the start or from the end."""
    paired = min(len(left), len(right))
    if from_end:
        lone = [(i, None) for i in left[:len(left) - paired]] + [(None, j) for j in right[:len(right) - paired]]
        return lone + list(zip(left[len(left) - paired:], right[len(right) - paired:]))
    return ([(left[k], right[k]) for k in range(paired)] + [(i, None) for i in left[paired:]]
            + [(None, j) for j in right[paired:]])


def similar(x: str, y: str) -> float:
    """Return the edit similarity of two content words long enough to compare, else 0."""
    if min(len(x), len(y)) < MIN_LENGTH or x in STOPWORDS or y in STOPWORDS:
        return 0.0
    return ratio(x, y)


def similar_pairs(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """Return the order-keeping pairing with the greatest total similarity."""
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = similar(left[i], right[j])
            paired = best[i + 1][j + 1] + score if score >= MIN_SIMILARITY else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        score = similar(left[i], right[j])
        if score >= MIN_SIMILARITY and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
