"""Mark near-duplicate articles (syndicated copies) with ``duplicate_of``.

Two articles are duplicates when their comparable text (see fingerprint.py) is
identical, or when the Jaccard similarity of their word 5-gram shingle sets is
at least ``THRESHOLD``. Each copy points at the first article of its cluster
by (source, index), whatever order the inputs were given in. Very short articles are never marked.

Candidates come from MinHash with LSH banding, so the work is near-linear:
no article is compared with all others. The sketch is one-permutation MinHash
(one hash per shingle, the minimum per bin) with optimal densification for
empty bins, which keeps the per-article cost linear in its length. Every
candidate pair is then verified by the exact Jaccard similarity. All hashes
are blake2b with fixed keys, so results never depend on the process.
"""

from __future__ import annotations

import functools
import hashlib
import struct
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from checker.ingest.fingerprint import comparable_words, words_fingerprint
from checker.models import Article

THRESHOLD = 0.8
SHINGLE_WORDS = 5
MIN_WORDS = 20
BINS = 64
BANDS = 16
ROWS = BINS // BANDS
# Verifying at most this many candidates per article, and keeping at most this
# many articles per LSH bucket, bounds the work even when many articles share
# long passages (e.g. a common footer).
MAX_CANDIDATES = 32
MAX_BUCKET = 64

EMPTY_BIN = 1 << 64
_PROBE_STEPS = 4 * BINS
# Below this many words read, the sketches are worked out in plain Python;
# from there on with NumPy, whose import (about 0.1 s) then pays for itself.
NUMPY_AFTER_WORDS = 100_000


def _hash64(data: bytes, key: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, key=key).digest(), "big")


@functools.cache
def _probe(bin_index: int, step: int) -> int:
    """The bin an empty bin borrows from at ``step`` of its fixed probe sequence.

    Worked out when first needed (a probe usually ends at its first step),
    not for every bin and step when the module is imported.
    """
    return _hash64(struct.pack(">II", bin_index, step), b"factcheck-densify") % BINS


_MASK = (1 << 64) - 1
BASE = 0x100000001B3
_BASE_TOP = pow(BASE, SHINGLE_WORDS - 1, 1 << 64)
MIX = 0x9E3779B97F4A7C15
_BIN_BITS = (BINS - 1).bit_length()
VALUE_BITS = 64 - _BIN_BITS
VALUE_MASK = (1 << VALUE_BITS) - 1
_WORD_HASHES_KEPT = 1 << 16


class _WordHashes(dict[str, int]):
    """blake2b hashes of words, worked out once each (up to ``_WORD_HASHES_KEPT`` kept)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _WORD_HASHES_KEPT:
            self.clear()
        value = _hash64(word.encode("utf-8"), b"factcheck-word")
        self[word] = value
        return value


_WORD_HASHES = _WordHashes()


def word_hashes(words: Sequence[str]) -> list[int]:
    """The 64-bit blake2b hash of each word."""
    return list(map(_WORD_HASHES.__getitem__, words))


def shingles(words: Sequence[str]) -> frozenset[int]:
    """The hashed word 5-grams of ``words`` (see ``comparable_words``).

    Each 5-gram hash is a polynomial over blake2b word hashes, rolled along
    the text so that every word is hashed once.
    """
    if len(words) < SHINGLE_WORDS:
        return frozenset()
    hashes = word_hashes(words)
    value = 0
    for word_hash in hashes[:SHINGLE_WORDS]:
        value = (value * BASE + word_hash) & _MASK
    found = [value]
    for first, word_hash in zip(hashes, hashes[SHINGLE_WORDS:], strict=False):
        value = ((value - first * _BASE_TOP) * BASE + word_hash) & _MASK
        found.append(value)
    return frozenset(found)


def _bins(hashes: frozenset[int]) -> list[int]:
    """The minimum of the shingles per MinHash bin (``EMPTY_BIN`` for none)."""
    bins = [EMPTY_BIN] * BINS
    for shingle in hashes:
        # Multiply-shift: the top bits pick the bin, the rest is the value.
        mixed = (shingle * MIX) & _MASK
        slot = mixed >> VALUE_BITS
        rest = mixed & VALUE_MASK
        if rest < bins[slot]:
            bins[slot] = rest
    return bins


def _densified(bins: list[int]) -> tuple[int, ...]:
    """The sketch: each empty bin borrows from a filled one along its probe sequence."""
    if EMPTY_BIN not in bins:  # the usual case for an article of a few hundred words
        return tuple(bins)
    sketch = list(bins)
    for slot in range(BINS):
        if bins[slot] != EMPTY_BIN:
            continue
        for step in range(_PROBE_STEPS):
            source = _probe(slot, step)
            if bins[source] != EMPTY_BIN:
                # Mixing in the step keeps borrowed values apart from real ones.
                sketch[slot] = bins[source] * _PROBE_STEPS + step
                break
    return tuple(sketch)


def signature(hashes: frozenset[int]) -> tuple[int, ...]:
    """The one-permutation MinHash sketch of a shingle set (``BINS`` values)."""
    return _densified(_bins(hashes))


def _band_keys(sketch: tuple[int, ...]) -> list[int]:
    """The LSH bucket keys of a sketch: the hash of each band's number and ``ROWS`` values.

    A hash rather than the tuple it hashes: one int instead of a tuple of
    five held for every band of every article read (a tenth of a large
    batch's memory while it is read). Python's hash of a tuple of ints is the
    same in every run; two bands that hash alike only add a candidate, which
    is then verified.
    """
    # zip over one iterator, ROWS times: consecutive runs of ROWS values.
    rows = [iter(sketch)] * ROWS
    return [hash(band) for band in zip(range(BANDS), *rows, strict=False)]


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """The Jaccard similarity of two sets (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def mark_duplicates(articles: list[Article]) -> list[Article]:
    """The articles, in the same order, with ``duplicate_of`` set on near-duplicates.

    An article is a duplicate of the first article of its cluster by (source,
    index), so the order the inputs were given in never decides which copy is
    the original; originals, and articles under ``MIN_WORDS`` words, get
    ``duplicate_of = None``.
    """
    canonical = sorted(range(len(articles)), key=lambda i: (articles[i].source, articles[i].index))
    marked = _mark_in_order([articles[i] for i in canonical])
    result: list[Article] = list(articles)
    for position, index in enumerate(canonical):
        result[index] = marked[position]
    return result


def _mark_in_order(articles: list[Article]) -> list[Article]:
    """``mark_duplicates`` for articles already in their canonical order."""
    marker = Deduper()
    return [marker.mark(article) for article in articles]


class Shingles(Protocol):
    """An article's distinct shingles, as the marker keeps and verifies them."""

    def __len__(self) -> int:
        """How many distinct shingles there are."""
        ...

    def shared_with(self, theirs: Collection[int]) -> int:
        """How many of the distinct shingles ``theirs`` are among these."""
        ...

    def packed(self) -> array[int]:
        """The shingles, 8 bytes each, for keeping."""
        ...


class _PlainShingles:
    """Shingles as a Python set (the plain path of small batches)."""

    def __init__(self, found: frozenset[int]) -> None:
        self._found = found

    def __len__(self) -> int:
        return len(self._found)

    def shared_with(self, theirs: Collection[int]) -> int:
        return len(self._found.intersection(theirs))

    def packed(self) -> array[int]:
        return array("Q", self._found)


class Deduper:
    """Marks near-duplicates one article at a time, for articles that come in
    their canonical order (by source, then index), e.g. as they are read.

    Only what later articles are compared against is kept: fingerprints, LSH
    buckets of article numbers, and the shingles of each bucketed article (8
    bytes each, about the size of its text; the caller may let the text go).
    Working an older candidate's shingles out again from its text instead
    (keeping only the most recent ones) made a batch of many similar articles,
    rewrites of one wire story, quadratic: each new rewrite worked out again
    the shingles of up to ``MAX_CANDIDATES`` older ones.
    """

    def __init__(self) -> None:
        """An empty marker: no article seen yet."""
        self._ids: list[str] = []
        self._roots: list[int | None] = []
        self._by_fingerprint: dict[str, int] = {}
        self._buckets: dict[int, list[int]] = defaultdict(list)
        self._kept: dict[int, array[int]] = {}
        self._words_read = 0

    def mark(self, article: Article) -> Article:
        """``article`` with ``duplicate_of`` set to the first article of its cluster, or None."""
        index = len(self._ids)
        self._ids.append(article.id)
        self._roots.append(None)
        words = comparable_words(article.text)
        if len(words) < MIN_WORDS:
            return _with_duplicate_of(article, None)
        digest = article.fingerprint or words_fingerprint(words)
        if digest in self._by_fingerprint:
            earlier = self._by_fingerprint[digest]
            root = self._roots[earlier]
            self._roots[index] = earlier if root is None else root
        else:
            self._by_fingerprint[digest] = index
            mine, sketch = self._sketch(words)
            keys = _band_keys(sketch)
            self._roots[index] = _verified_root(mine, keys, self._buckets, self._roots, self._kept)
            self._bucket(index, mine, keys)
        root = self._roots[index]
        return _with_duplicate_of(article, None if root is None else self._ids[root])

    def _sketch(self, words: Sequence[str]) -> tuple[Shingles, tuple[int, ...]]:
        """The shingles of ``words`` and their MinHash sketch."""
        self._words_read += len(words)
        if self._words_read < NUMPY_AFTER_WORDS and "numpy" not in sys.modules:
            mine = shingles(words)
            return _PlainShingles(mine), signature(mine)
        from checker.ingest.minhash_numpy import SortedShingles, shingles_and_bins

        found, bins = shingles_and_bins(words, _WORD_HASHES.__getitem__)
        return SortedShingles(found), _densified(bins)

    def _bucket(self, index: int, mine: Shingles, keys: Sequence[int]) -> None:
        bucketed = False
        for key in keys:
            bucket = self._buckets[key]
            if len(bucket) < MAX_BUCKET:
                bucket.append(index)
                bucketed = True
        if bucketed:
            self._kept[index] = mine.packed()


def _verified_root(
    mine: Shingles,
    keys: Sequence[int],
    buckets: dict[int, list[int]],
    roots: Sequence[int | None],
    kept: Mapping[int, Collection[int]],
) -> int | None:
    """The earliest cluster root among the verified near-duplicates of a shingle set.

    ``kept`` holds the distinct shingles of each bucketed earlier article. Their
    Jaccard similarity with ``mine`` is at most the ratio of the smaller set's
    size to the larger's, so a pair whose sizes are too far apart is never
    intersected; the others are, without making a set of the earlier shingles.
    The candidates are verified in the order of their roots, so the first
    near-duplicate found has the earliest root and the rest need no verifying
    (a syndicated copy of a story rewritten many times has some twenty
    candidates).
    """
    hits: Counter[int] = Counter()
    for key in keys:
        bucket = buckets.get(key)
        if bucket:
            hits.update(bucket)
    if not hits:
        return None
    ranked = sorted(hits, key=lambda other: (-hits[other], other))[:MAX_CANDIDATES]
    size = len(mine)
    by_root = sorted((other if roots[other] is None else roots[other], other) for other in ranked)
    for root, other in by_root:
        theirs = kept[other]
        count = len(theirs)
        small, large = (size, count) if size <= count else (count, size)
        if not small or small / large < THRESHOLD:
            continue
        shared = mine.shared_with(theirs)
        if shared / (size + count - shared) >= THRESHOLD:
            return root
    return None


def _with_duplicate_of(article: Article, duplicate_of: str | None) -> Article:
    if article.duplicate_of == duplicate_of:
        return article
    return article.model_copy(update={"duplicate_of": duplicate_of})
