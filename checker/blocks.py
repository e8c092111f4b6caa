"""Blocks: the parts of a batch that story clustering can handle apart.

Two articles can only end in one story when a chain of candidate pairs joins
them, and a candidate pair is two original articles sharing a distinctive
term (a name or place) found in 2 to ``df_cap`` articles of the batch. The
connected components of that graph (a union-find over each blocking term's
articles) are the blocks; a syndicated copy joins the block of its original.
Clustering any set of whole blocks with the batch's counts (``BatchStats``:
the number of originals and each term's document frequency, a sum of
per-part counters) gives exactly the stories the whole batch gives to those
articles, so blocks can be clustered on different machines and their
stories merged in the batch's order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from checker.disjoint import DisjointSet
from checker.models import Story
from checker.stories import WORD, BatchStats, Signature, StoryParams, stories, story_order


def batch_stats(signatures: Iterable[Signature]) -> BatchStats:
    """The originals among ``signatures`` and the number of them each term is found in."""
    df: Counter[str] = Counter()
    originals = 0
    for sig in signatures:
        if sig.duplicate_of:
            continue
        originals += 1
        df.update(sig.terms.keys())
    return BatchStats(originals=originals, df=dict(df))


def fold_stats(parts: Iterable[BatchStats]) -> BatchStats:
    """The counts of a batch from those of its parts (articles counted once each)."""
    df: Counter[str] = Counter()
    originals = 0
    for part in parts:
        originals += part.originals
        df.update(part.df)
    return BatchStats(originals=originals, df=dict(df))


def find_blocks(
    signatures: Sequence[Signature], stats: BatchStats, params: StoryParams | None = None
) -> list[list[int]]:
    """Indices of ``signatures`` in blocks, each ascending, blocks by their first index.

    One pass over each article's terms: an original joins the first earlier
    article that had a blocking term of its (linear in the terms).
    """
    params = params or StoryParams()
    index = {s.article: i for i, s in enumerate(signatures)}
    joined = DisjointSet(range(len(signatures)))
    first: dict[str, int] = {}
    for i, sig in enumerate(signatures):
        if sig.duplicate_of:
            root = index.get(sig.duplicate_of)
            if root is not None and not signatures[root].duplicate_of:
                joined.union(root, i)
            continue
        for term in sig.terms:
            if term[:2] == WORD or not 2 <= stats.df.get(term, 0) <= params.df_cap:
                continue
            seen = first.setdefault(term, i)
            if seen != i:
                joined.union(seen, i)
    return sorted((sorted(g) for g in joined.groups()), key=lambda g: g[0])


def pack(blocks: Sequence[Sequence[int]], parts: int) -> list[list[int]]:
    """Whole ``blocks`` packed into about ``parts`` partitions of about equal size.

    Blocks are taken in order; a partition is closed before a block would
    take it past its share of the articles (a block larger than a share is a
    partition of its own). Each partition's indices are ascending.
    """
    total = sum(len(b) for b in blocks)
    share = max(1, -(-total // max(1, parts)))
    out: list[list[int]] = []
    current: list[int] = []
    for block in blocks:
        if current and len(current) + len(block) > share:
            out.append(sorted(current))
            current = []
        current.extend(block)
    if current:
        out.append(sorted(current))
    return out


def part_stats(signatures: Iterable[Signature], stats: BatchStats) -> BatchStats:
    """The batch's counts cut down to the terms of ``signatures`` (what a partition needs)."""
    return BatchStats(
        originals=stats.originals,
        df={t: stats.df[t] for s in signatures for t in s.terms if t in stats.df},
    )


def partition_stories(
    signatures: Sequence[Signature], stats: BatchStats, params: StoryParams | None = None
) -> list[Story]:
    """The stories of a partition of whole blocks, clustered with the batch's counts."""
    return stories(signatures, params, stats)


def merge_stories(parts: Iterable[Sequence[Story]]) -> list[Story]:
    """The stories of every partition in the order a whole-batch run lists them."""
    return sorted((s for part in parts for s in part), key=story_order)


def stories_by_blocks(
    signatures: Sequence[Signature], parts: int, params: StoryParams | None = None
) -> list[Story]:
    """Stories of a batch clustered partition by partition in this process.

    The same steps a cluster runs (counts, blocks, partitions, merge), for
    tests and for measuring what blocking costs.
    """
    stats = batch_stats(signatures)
    partitions = pack(find_blocks(signatures, stats, params), parts)
    return merge_stories(
        partition_stories([signatures[i] for i in p], stats, params) for p in partitions
    )
