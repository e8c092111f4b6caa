"""The shingle hashes and MinHash bins of dedupe.py, worked out with NumPy.

NumPy's uint64 arithmetic wraps modulo 2**64 exactly as dedupe.py's Python
integers masked to 64 bits do, so every value here equals the one of the
plain Python loops; only the time differs. This module imports NumPy, so
dedupe.py imports it only once a batch is large enough to pay for that.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Sequence

import numpy as np
from numpy.typing import NDArray

from checker.ingest.dedupe import (
    BASE,
    BINS,
    EMPTY_BIN,
    MIX,
    SHINGLE_WORDS,
    VALUE_BITS,
    VALUE_MASK,
)

_BASE = np.uint64(BASE)
_MIX = np.uint64(MIX)
_VALUE_BITS = np.uint64(VALUE_BITS)
_VALUE_MASK = np.uint64(VALUE_MASK)
_UNSET = np.iinfo(np.uint64).max


def shingles_and_bins(
    words: Sequence[str], word_hash: Callable[[str], int]
) -> tuple[NDArray[np.uint64], list[int]]:
    """The 5-gram hashes of a text's words (with any repeats) and their minimum
    per MinHash bin, given the hash of each word.

    Bins no 5-gram falls in hold ``EMPTY_BIN``. Needs at least ``SHINGLE_WORDS`` words.
    """
    hashes = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
    count = len(hashes) - SHINGLE_WORDS + 1
    # Horner's rule over each window of words, as the rolling hash works it out.
    values = hashes[:count].copy()
    for offset in range(1, SHINGLE_WORDS):
        values *= _BASE
        values += hashes[offset : offset + count]
    mixed = values * _MIX
    slots = (mixed >> _VALUE_BITS).astype(np.intp)
    bins = np.full(BINS, _UNSET, dtype=np.uint64)
    np.minimum.at(bins, slots, mixed & _VALUE_MASK)
    found = [EMPTY_BIN if value == _UNSET else value for value in bins.tolist()]
    return values, found


class SortedShingles:
    """An article's distinct shingles as a sorted NumPy array.

    Counting the shingles shared with another article is a binary search of
    each of theirs in these, with no Python set made of either.
    """

    def __init__(self, found: NDArray[np.uint64]) -> None:
        """The distinct values of ``found``."""
        # Sorting and dropping repeats by hand: np.unique costs five times more
        # on arrays of this size.
        ordered = np.sort(found)
        first = np.empty(len(ordered), dtype=bool)
        first[:1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        self._sorted = ordered[first]

    def __len__(self) -> int:
        """How many distinct shingles there are."""
        return len(self._sorted)

    def shared_with(self, theirs: Collection[int]) -> int:
        """How many of the distinct shingles ``theirs`` are among these."""
        if isinstance(theirs, array):
            values = np.frombuffer(theirs, dtype=np.uint64)
        else:
            values = np.fromiter(theirs, dtype=np.uint64, count=len(theirs))
        places = np.searchsorted(self._sorted, values)
        np.minimum(places, len(self._sorted) - 1, out=places)
        return int(np.count_nonzero(self._sorted[places] == values))

    def packed(self) -> array[int]:
        """The shingles, 8 bytes each, for keeping."""
        kept = array("Q")
        kept.frombytes(self._sorted.tobytes())
        return kept
