"""Candidate pairs of story clustering: the lists, and the order edges are taken in."""

from __future__ import annotations

import heapq

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import stories
from checker.stories import Pairs, StoryParams, candidate_pairs
from tests.story_batch import signatures

# Few distinct similarities, so that many pairs tie and the tie-break counts.
_SIMS = st.dictionaries(
    st.tuples(st.integers(0, 40), st.integers(0, 40)).filter(lambda p: p[0] < p[1]),
    st.sampled_from([0.0, 0.05, 0.06, 0.25, 0.5, 1.0]),
    max_size=200,
)


def _heap_order(sims: dict[tuple[int, int], float], link: float) -> list[tuple[int, int]]:
    heap = [(-v, i, j) for (i, j), v in sims.items() if v >= link]
    heapq.heapify(heap)
    return [heapq.heappop(heap)[1:] for _ in range(len(heap))]


@settings(max_examples=200)
@given(_SIMS)
def test_edges_are_taken_as_a_heap_would_pop_them(sims: dict[tuple[int, int], float]) -> None:
    assert stories.strongest_first(Pairs.of(sims), 0.06) == _heap_order(sims, 0.06)


@settings(max_examples=100)
@given(_SIMS)
def test_many_pairs_sorted_with_numpy_come_in_the_same_order(
    sims: dict[tuple[int, int], float],
) -> None:
    pairs = Pairs.of(sims)
    expected = stories.strongest_first(pairs, 0.06)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stories, "_SORT_IN_PYTHON", -1)
        assert stories.strongest_first(pairs, 0.06) == expected


def test_the_lists_hold_the_mapping_s_pairs_in_its_order() -> None:
    sigs = [s for s in signatures(400) if not s.duplicate_of]
    assert len(sigs) > stories.SMALL_BATCH  # the sparse-matrix path
    pairs = candidate_pairs(sigs, StoryParams())
    sims = pairs.similarities()
    assert sims
    assert Pairs.of(sims) == pairs
    assert list(sims) == list(zip(pairs.firsts, pairs.seconds, strict=True))
    assert list(sims.values()) == pairs.values
    assert all(i < j for i, j in sims)


def test_renumbered_pairs_keep_their_similarities() -> None:
    pairs = Pairs([0, 1], [1, 2], [0.5, 0.25])
    moved = pairs.renumbered([10, 20, 30])
    assert (moved.firsts, moved.seconds, moved.values) == ([10, 20], [20, 30], [0.5, 0.25])


def test_a_batch_forms_the_same_stories_whichever_way_its_edges_are_sorted() -> None:
    sigs = signatures(400)
    found = []
    for threshold in (-1, 10**9):  # every pair sorted with NumPy, then in plain Python
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(stories, "_SORT_IN_PYTHON", threshold)
            found.append(stories.cluster(sigs))
    assert found[0] == found[1]
    assert len(found[0]) < len(sigs)
