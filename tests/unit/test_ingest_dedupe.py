"""Near-duplicate marking (syndicated copies)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable

import pytest

from checker.ingest import dedupe
from checker.ingest.dedupe import jaccard, mark_duplicates, shingles, signature
from checker.ingest.fingerprint import comparable_words, fingerprint
from checker.models import Article

VOCABULARY = [f"word{i}" for i in range(400)]


def story(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(words))


def edited(text: str, changes: int, seed: int = 99) -> str:
    words = text.split()
    rng = random.Random(seed)
    for position in rng.sample(range(len(words)), changes):
        words[position] = "changed"
    return " ".join(words)


def article(name: str, text: str) -> Article:
    return Article(id=f"{name}#1", source=name, index=1, text=text, fingerprint=fingerprint(text))


def duplicates(articles: list[Article]) -> dict[str, str | None]:
    return {a.id: a.duplicate_of for a in mark_duplicates(articles)}


def count_verifications(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Patch the marker to record, per article verified, the candidates it verifies."""
    calls: list[list[int]] = []
    verify = dedupe._verified_root

    class CountedKept(dict[int, object]):
        def __getitem__(self, other: int) -> object:
            calls[-1].append(other)
            return super().__getitem__(other)

    def counted(
        mine: object, keys: object, buckets: object, roots: object, kept: dict[int, object]
    ) -> object:
        calls.append([])
        return verify(mine, keys, buckets, roots, CountedKept(kept))  # type: ignore[arg-type]

    monkeypatch.setattr(dedupe, "_verified_root", counted)
    return calls


def test_near_duplicate_with_a_few_words_changed_is_marked() -> None:
    original = story(1)
    copy = edited(original, 3)
    assert copy != original
    assert duplicates([article("a", original), article("b", copy)]) == {
        "a#1": None,
        "b#1": "a#1",
    }


def test_exact_copy_with_other_punctuation_and_case_is_marked() -> None:
    original = "Three US soldiers were killed. " + story(2)
    copy = original.upper().replace(".", "!")
    assert fingerprint(copy) == fingerprint(original)
    assert duplicates([article("a", original), article("b", copy)])["b#1"] == "a#1"


def test_different_articles_are_not_marked() -> None:
    result = duplicates([article("a", story(1)), article("b", story(2)), article("c", story(3))])
    assert set(result.values()) == {None}


def test_heavily_edited_copy_is_not_marked() -> None:
    original = story(4)
    rewrite = edited(original, 40)
    assert jaccard(shingles(original.split()), shingles(rewrite.split())) < 0.8
    assert duplicates([article("a", original), article("b", rewrite)])["b#1"] is None


def test_input_order_decides_the_original() -> None:
    original = story(5)
    copy = edited(original, 2)
    assert duplicates([article("copy", copy), article("orig", original)]) == {
        "copy#1": None,
        "orig#1": "copy#1",
    }


def test_a_cluster_points_at_its_earliest_article() -> None:
    first = story(6)
    second = edited(first, 2, seed=1)
    third = edited(second, 2, seed=2)
    other = story(7)
    result = duplicates(
        [article("x", other), article("a", first), article("b", second), article("c", third)]
    )
    assert result == {"x#1": None, "a#1": None, "b#1": "a#1", "c#1": "a#1"}


def test_exact_copy_of_a_duplicate_points_at_the_root() -> None:
    first = story(8)
    second = edited(first, 2)
    result = duplicates([article("a", first), article("b", second), article("c", second)])
    assert result == {"a#1": None, "b#1": "a#1", "c#1": "a#1"}


def test_very_short_articles_are_never_marked() -> None:
    short = "Sixteen people were killed in strikes near the Syrian border on Friday."
    assert len(comparable_words(short)) < dedupe.MIN_WORDS
    assert set(duplicates([article("a", short), article("b", short)]).values()) == {None}


def test_marking_keeps_order_and_other_fields() -> None:
    articles = [article("a", story(9)), article("b", story(9))]
    marked = mark_duplicates(articles)
    assert [a.id for a in marked] == ["a#1", "b#1"]
    assert marked[1].text == articles[1].text
    assert marked[1].fingerprint == articles[1].fingerprint
    assert marked[0] is articles[0]


def test_earlier_marks_are_recomputed() -> None:
    stale = article("a", story(10)).model_copy(update={"duplicate_of": "zzz#1"})
    assert mark_duplicates([stale])[0].duplicate_of is None


def test_fingerprint_is_stable_and_normalised() -> None:
    assert fingerprint("Three  soldiers, killed!") == fingerprint("three soldiers killed")
    # Defined, not incidental: fingerprints are stored and compared across runs.
    expected = hashlib.sha256(b"three soldiers killed").hexdigest()[:16]
    assert fingerprint("Three soldiers killed.") == expected == "6a1a2d015cc6300e"


def test_sketches_are_deterministic() -> None:
    words = story(11).split()
    assert signature(shingles(words)) == signature(shingles(list(words)))
    assert len(signature(shingles(words))) == dedupe.BINS


@pytest.mark.parametrize("changes", [0, 3, 10])
def test_similar_texts_share_lsh_bands(changes: int) -> None:
    original = story(12).split()
    copy = edited(" ".join(original), changes).split()
    bands_a = set(dedupe._band_keys(signature(shingles(original))))
    bands_b = set(dedupe._band_keys(signature(shingles(copy))))
    assert bands_a & bands_b


def test_band_keys_are_the_same_in_every_process() -> None:
    # Bucket keys are hashes: they must not depend on the process's hash seed.
    import os
    import subprocess
    import sys

    words = story(12).split()
    script = (
        "import sys; from checker.ingest import dedupe as d; "
        "print(d._band_keys(d.signature(d.shingles(sys.argv[1].split()))))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script, " ".join(words)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{dedupe._band_keys(signature(shingles(words)))}\n"}
    assert len(set(dedupe._band_keys(signature(shingles(words))))) == dedupe.BANDS


def test_candidates_are_bounded_per_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    # Many identical near-copies must not make every article a candidate of every other.
    monkeypatch.setattr(dedupe, "MAX_BUCKET", 3)
    base = story(13)
    articles = [article(f"n{i}", edited(base, 1, seed=i)) for i in range(10)]
    result = duplicates(articles)
    assert result["n0#1"] is None
    assert all(result[f"n{i}#1"] == "n0#1" for i in range(1, 10))


def test_a_copy_of_an_article_read_long_before_is_still_found() -> None:
    articles = [article(f"k{i:03d}", story(20 + i)) for i in range(300)]
    articles.append(article("z", edited(story(20), 1, seed=3)))
    found = duplicates(articles)
    assert found["z#1"] == "k000#1"
    assert sum(v is not None for v in found.values()) == 1


def test_each_article_is_shingled_once_however_many_rewrites_share_its_bands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rewrites of one story (a tenth of the words changed): candidates of each
    # other by their bands, yet no near-duplicates. Verifying each against the
    # earlier ones must not shingle those again.
    from checker.ingest import minhash_numpy

    shingled: list[int] = []
    plain, numpy_path = dedupe.shingles, minhash_numpy.shingles_and_bins

    def counted_plain(words: list[str]) -> frozenset[int]:
        shingled.append(len(words))
        return plain(words)

    def counted_numpy(words: list[str], hashes: Callable[[str], int]) -> object:
        shingled.append(len(words))
        return numpy_path(words, hashes)

    monkeypatch.setattr(dedupe, "shingles", counted_plain)
    monkeypatch.setattr(minhash_numpy, "shingles_and_bins", counted_numpy)
    verified = count_verifications(monkeypatch)
    base = story(7)
    articles = [article(f"r{i:03d}", edited(base, 30, seed=i)) for i in range(120)]
    found = duplicates(articles)
    assert sum(map(len, verified)) > len(articles)  # many candidate pairs were verified
    assert len(shingled) == len(articles)
    assert all(v is None for v in found.values())


@pytest.mark.parametrize("words", [5, 6, 40, 300])
def test_numpy_sketch_equals_the_plain_one(words: int) -> None:
    from checker.ingest.minhash_numpy import shingles_and_bins

    text = story(30 + words, words).split()
    found, bins = shingles_and_bins(text, dedupe._WORD_HASHES.__getitem__)
    assert frozenset(found.tolist()) == shingles(text)
    assert dedupe._densified(bins) == signature(shingles(text))


def test_numpy_shingles_count_what_they_share_as_sets_do() -> None:
    from array import array

    from checker.ingest.minhash_numpy import SortedShingles, shingles_and_bins

    text = story(50).split()
    other = edited(" ".join(text), 30).split()
    found, _ = shingles_and_bins(text, dedupe._WORD_HASHES.__getitem__)
    mine = SortedShingles(found)
    theirs = shingles(other)
    expected = len(shingles(text) & theirs)
    assert 0 < expected < len(theirs)
    assert len(mine) == len(shingles(text))
    assert mine.shared_with(theirs) == expected
    assert mine.shared_with(array("Q", theirs)) == expected
    assert mine.shared_with(mine.packed()) == len(mine)


def test_marks_are_the_same_before_and_after_numpy_takes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [article(f"p{i}", story(40 + i)) for i in range(4)]
    articles += [article(f"q{i}", edited(story(40 + i), 2, seed=i)) for i in range(4)]
    plain = duplicates(articles)
    monkeypatch.setattr(dedupe, "NUMPY_AFTER_WORDS", 0)
    assert duplicates(articles) == plain
    assert plain["q2#1"] == "p2#1"


def test_ascii_and_unicode_texts_split_into_the_same_words() -> None:
    assert comparable_words("Ten_000 killed, 3.5 km—north") == (
        "ten",
        "000",
        "killed",
        "3",
        "5",
        "km",
        "north",
    )
    assert comparable_words("Ten_000 killed, 3.5 km-north") == comparable_words(
        "Ten_000 killed, 3.5 km—north"
    )
    assert comparable_words("Straße ÉTÉ") == ("strasse", "été")


def test_a_copy_stops_verifying_at_the_candidate_with_the_earliest_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rewrites of one story (no near-duplicates of each other), then a copy of
    # the first: every rewrite is a candidate of the copy, yet the original
    # has the earliest root, so it is verified first and the rest need not be.
    verified = count_verifications(monkeypatch)
    base = story(11)
    articles = [article(f"r{i:03d}", edited(base, 30, seed=i)) for i in range(20)]
    articles.append(article("z-copy", edited(articles[0].text, 3, seed=500)))
    found = duplicates(articles)
    assert found["z-copy#1"] == "r000#1"
    assert verified[-1] == [0]  # the copy's candidates: only the original was verified
    assert all(found[a.id] is None for a in articles[:-1])
