"""Stories clustered block by block, with the batch's counts, are the whole batch's stories."""

from __future__ import annotations

import dataclasses

import pytest
import story_batch  # tests/story_batch.py (tests/ is on sys.path)

from checker import stories
from checker.blocks import (
    batch_stats,
    find_blocks,
    fold_stats,
    pack,
    part_stats,
    stories_by_blocks,
)
from checker.stories import NAME, PLACE, WORD, Signature, StoryParams


def _sig(article: str, *terms: str, duplicate_of: str | None = None) -> Signature:
    return Signature(article=article, terms=dict.fromkeys(terms, 1.0), duplicate_of=duplicate_of)


@pytest.mark.parametrize(("size", "parts"), [(90, 1), (90, 4), (400, 1), (400, 2), (400, 7)])
def test_stories_by_blocks_equal_the_whole_batch(size: int, parts: int) -> None:
    batch = story_batch.signatures(size)
    whole = stories.stories(batch)
    assert stories_by_blocks(batch, parts) == whole
    assert len(find_blocks(batch, batch_stats(batch))) > parts, "the batch has many blocks"
    assert any(len(s.articles) > 1 for s in whole), "some articles share a story"


def test_order_of_signatures_does_not_change_the_stories() -> None:
    batch = story_batch.signatures(200)
    assert stories_by_blocks(list(reversed(batch)), 3) == stories.stories(batch)


def test_blocks_join_articles_through_chains_of_rare_names() -> None:
    batch = [
        _sig("a#1", f"{NAME}anna", f"{WORD}river"),
        _sig("a#2", f"{NAME}anna", f"{PLACE}harbour"),
        _sig("a#3", f"{PLACE}harbour", f"{WORD}river"),
        _sig("a#4", f"{WORD}river"),
        _sig("a#5", f"{NAME}bruno"),
        _sig("a#6", duplicate_of="a#4"),
        _sig("a#7", duplicate_of="a#6"),
        _sig("a#8", f"{NAME}bruno"),
    ]
    stats = batch_stats(batch)
    assert stats.originals == 6
    # Ordinary words never block, however rare; a copy joins its original,
    # a copy of a copy stands alone (as in stories.cluster).
    assert find_blocks(batch, stats) == [[0, 1, 2], [3, 5], [4, 7], [6]]


def test_a_name_in_too_many_articles_does_not_block() -> None:
    batch = [_sig(f"a#{i}", f"{NAME}capital", f"{NAME}only{i % 3}") for i in range(9)]
    blocks = find_blocks(batch, batch_stats(batch), StoryParams(df_cap=5))
    assert blocks == [[0, 3, 6], [1, 4, 7], [2, 5, 8]]


def test_folded_counts_are_the_whole_batch_counts() -> None:
    batch = story_batch.signatures(120)
    parts = [batch[:50], batch[50:51], batch[51:]]
    assert fold_stats(batch_stats(p) for p in parts) == batch_stats(batch)


def test_pack_keeps_blocks_whole_and_sizes_even() -> None:
    blocks = [[0, 4], [1], [2, 3, 9], [5, 6], [7], [8]]
    partitions = pack(blocks, 3)
    assert partitions == [[0, 1, 4], [2, 3, 9], [5, 6, 7, 8]]
    assert pack(blocks, 1) == [list(range(10))]
    assert pack([], 4) == []


def test_part_counts_cover_the_part_and_no_more() -> None:
    batch = [_sig("a#1", f"{NAME}x", f"{WORD}y"), _sig("a#2", f"{NAME}x"), _sig("a#3", f"{NAME}z")]
    part = part_stats(batch[:1], batch_stats(batch))
    assert part.originals == 3
    assert part.df == {f"{NAME}x": 2, f"{WORD}y": 1}


def test_idf_has_the_bits_of_scikit_learn() -> None:
    np = pytest.importorskip("numpy")
    text = pytest.importorskip("sklearn.feature_extraction.text")
    counts = np.array([[1, 0, 2, 0], [0, 0, 1, 3], [4, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 1]])
    model = text.TfidfTransformer(smooth_idf=True).fit(counts)
    df = (counts > 0).sum(axis=0)
    assert stories.idf(df, len(counts)).tobytes() == model.idf_.tobytes()


def test_a_part_is_weighed_by_the_whole_batch() -> None:
    batch = story_batch.signatures(400)
    stats = batch_stats(batch)
    block = find_blocks(batch, stats)[3]
    members = [batch[i] for i in block]
    originals_of_batch = [b for b in batch if not b.duplicate_of]
    whole = stories.candidate_pairs(originals_of_batch, StoryParams()).similarities()
    rows = [i for i, b in enumerate(batch) if not b.duplicate_of]
    where = {batch[i].article: k for k, i in enumerate(rows)}
    part = stories.candidate_pairs(members, StoryParams(), stats).similarities()
    originals = [m for m in members if not m.duplicate_of]
    assert part, "the block proposes pairs"
    for (i, j), value in part.items():
        key = (where[originals[i].article], where[originals[j].article])
        assert whole[key] == value
    # Weighed by its own counts instead, the same block gives other numbers.
    alone = stories.candidate_pairs(
        [dataclasses.replace(m) for m in originals], StoryParams(), batch_stats(originals)
    ).similarities()
    assert alone != part
