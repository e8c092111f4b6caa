"""TF-IDF cosine similarity of candidate article pairs, in plain Python, for small batches.

Story clustering (``checker.stories``) uses SciPy's sparse matrices for its
vectors; for a batch of a few dozen articles importing SciPy costs more than
the arithmetic. This module computes
the same numbers with the same formulas as ``TfidfTransformer(sublinear_tf=True,
smooth_idf=True)`` followed by an l2 normalisation, so a small batch gives the
stories a large one would.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

# Similarities are rounded to this many decimals by both paths, so that the
# last bits of floating-point sums (which differ with summation order) never
# decide between two equally strong merges.
DECIMALS = 12


def candidate_similarities(
    rows: Sequence[Mapping[str, float]],
    distinctive: Callable[[str], bool],
    *,
    df_cap: int,
    idf_power: float,
    batch: tuple[int, Mapping[str, int]] | None = None,
    min_articles: int = 0,
) -> dict[tuple[int, int], float]:
    """Cosine similarity of every pair of ``rows`` that share a distinctive, rare term.

    A term blocks (proposes pairs) when ``distinctive(term)`` and it is found in
    2 to ``df_cap`` rows; every term counts in the similarity. Weights are
    ``(1 + ln count) * idf ** idf_power`` with ``idf = ln((1 + n) / (1 + df)) + 1``.
    ``batch``: the rows are a part of a batch of this many rows, whose
    document frequencies are given (for at least every term of the part).
    ``n`` is at least ``min_articles`` (see ``StoryParams.idf_min_articles``).
    """
    n = len(rows)
    df: Mapping[str, int]
    if batch is None:
        counted: dict[str, int] = defaultdict(int)
        for row in rows:
            for term in row:
                counted[term] += 1
        df = counted
    else:
        n, whole = batch
        df = {t: whole[t] for row in rows for t in row}
    n = max(n, min_articles)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    weight = {t: v * v ** (idf_power - 1.0) for t, v in idf.items()}
    vectors: list[dict[str, float]] = []
    for row in rows:
        vec = {t: (math.log(c) + 1.0) * weight[t] for t, c in row.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors.append({t: v / norm for t, v in vec.items()} if norm else vec)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for term in row:
            if distinctive(term) and 2 <= df[term] <= df_cap:
                postings[term].append(i)
    pairs = {(a, b) for members in postings.values() for a in members for b in members if a < b}
    sims: dict[tuple[int, int], float] = {}
    for i, j in sorted(pairs):
        left, right = vectors[i], vectors[j]
        if len(right) < len(left):
            left, right = right, left
        value = math.fsum(v * right[t] for t, v in left.items() if t in right)
        sims[(i, j)] = round(value, DECIMALS)
    return sims
