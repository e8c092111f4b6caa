"""Story vectors: the sparse path has scikit-learn's bits, the plain-Python path its pairs."""

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
def test_small_path_equals_the_sparse_path(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    batch = _batch(90, seed)
    params = StoryParams(df_cap=12)
    small = candidate_pairs(batch, params).similarities()
    monkeypatch.setattr(stories, "SMALL_BATCH", 0)
    large = candidate_pairs(batch, params).similarities()
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


@pytest.mark.parametrize(("seed", "power"), [(1, 2.0), (2, 1.0), (3, 1.5)])
def test_sparse_vectors_have_the_bits_of_scikit_learn(seed: int, power: float) -> None:
    np = pytest.importorskip("numpy")
    feature_extraction = pytest.importorskip("sklearn.feature_extraction")
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    batch = _batch(120, seed)
    vectorizer = feature_extraction.DictVectorizer(sort=True)
    counts = vectorizer.fit_transform([s.terms for s in batch])
    model = feature_extraction.text.TfidfTransformer(
        sublinear_tf=True, smooth_idf=True, norm=None
    ).fit(counts)
    expected = model.transform(counts)
    if power != 1.0:
        expected = expected.multiply(np.power(model.idf_, power - 1.0)).tocsr()
    expected = preprocessing.normalize(expected).tocsr()
    df, tfidf, distinctive = stories._vectors(batch, StoryParams(idf_power=power))
    assert tfidf.data.tobytes() == expected.data.tobytes()
    assert (tfidf.indices == expected.indices).all()
    assert (tfidf.indptr == expected.indptr).all()
    assert df.tolist() == np.asarray((counts > 0).sum(axis=0)).ravel().tolist()
    names = vectorizer.feature_names_
    assert distinctive.tolist() == [not n.startswith(WORD) for n in names]


@pytest.mark.parametrize("seed", [4, 5])
def test_both_ways_of_working_out_similarities_give_the_same_bits(seed: int) -> None:
    np = pytest.importorskip("numpy")
    batch = _batch(200, seed)
    _df, tfidf, _distinctive = stories._vectors(batch, StoryParams())
    rows, cols = np.triu_indices(len(batch), k=1)
    pairs = np.stack([rows, cols], axis=1)[::7]
    by_pairs = stories._similarities_by_pairs(tfidf, pairs)
    by_product = stories._similarities_by_product(tfidf, pairs)
    assert by_pairs.tobytes() == by_product.tobytes()


def test_similarities_by_product_read_in_blocks_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    np = pytest.importorskip("numpy")
    batch = _batch(150, 6)
    _df, tfidf, _distinctive = stories._vectors(batch, StoryParams())
    rows, cols = np.triu_indices(len(batch), k=1)
    pairs = np.stack([rows, cols], axis=1)
    whole = stories._similarities_by_product(tfidf, pairs)
    monkeypatch.setattr(stories, "_DENSE_CELLS", 1000)
    assert stories._similarities_by_product(tfidf, pairs).tobytes() == whole.tobytes()
