"""The plain-Python similarities of small batches equal scikit-learn's, pair for pair."""

from __future__ import annotations

import random

import pytest

from checker import stories
from checker.stories import NAME, PLACE, WORD, Signature, StoryParams, candidate_pairs


def _batch(n: int, seed: int) -> list[Signature]:
    """Articles drawn from a few topics, each with its own names and places plus shared words."""
    rng = random.Random(seed)
    out: list[Signature] = []
    for i in range(n):
        topic = rng.randrange(max(2, n // 6))
        terms: dict[str, float] = {}
        for k in range(rng.randint(3, 12)):
            terms[f"{WORD}word{rng.randrange(60)}"] = float(rng.randint(1, 4))
            terms[f"{WORD}topic{topic}w{k % 4}"] = 1.0
        terms[f"{NAME}person{topic}"] = 2.0 * rng.randint(1, 3)
        terms[f"{PLACE}town{topic % 5}"] = 3.0
        if rng.random() < 0.3:
            terms[f"{NAME}common"] = 2.0
        out.append(Signature(article=f"a#{i}", terms=terms))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_path_equals_scikit_learn(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    batch = _batch(90, seed)
    params = StoryParams(df_cap=12)
    small = candidate_pairs(batch, params)
    monkeypatch.setattr(stories, "SMALL_BATCH", 0)
    large = candidate_pairs(batch, params)
    assert small, "the batch proposes candidate pairs"
    assert small == large


def test_stories_of_a_small_batch_are_those_of_the_large_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = _batch(60, 9)
    small = stories.cluster(batch)
    monkeypatch.setattr(stories, "SMALL_BATCH", 0)
    assert stories.cluster(batch) == small
    assert len(small) < len(batch), "some articles share a story"
