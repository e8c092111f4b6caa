"""The benchmark's batch builder (benchmarks/corpus.py): varied real text, built fast."""

from __future__ import annotations

import re
from types import ModuleType

import bench_module  # tests/bench_module.py (tests/ is on sys.path)
import pytest


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return bench_module.load("corpus")


def _text(corpus: ModuleType) -> str:
    varier = corpus.Varier(1)
    place = varier.places[0]
    month = varier.months[0]
    return (
        f"On {varier.weekdays[0]}, 12 {month} 2019, {place} said 345 people left "
        f"{place}-based camps; {place}s and x{place} are not the place."
    )


def test_a_varied_text_draws_its_numbers_months_and_places_anew(corpus: ModuleType) -> None:
    varier = corpus.Varier(1)
    text = _text(corpus)
    varied = varier.vary(text)
    assert varied != text
    assert re.findall(r"\d+", varied) != re.findall(r"\d+", text)
    assert [len(n) for n in re.findall(r"\d+", varied)] == [2, 4, 3]
    # Words that only contain a place's name are left alone.
    assert f"{varier.places[0]}s and x{varier.places[0]}" in varied


def test_the_fast_word_lookup_varies_as_the_alternation_of_every_name(
    corpus: ModuleType,
) -> None:
    fast = corpus.Varier(7)
    slow = corpus.Varier(7)
    words = [*slow.months, *slow.weekdays, *slow.places]
    slow.word_re = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    assert fast.word_re is not slow.word_re
    for _ in range(5):
        text = _text(corpus)
        assert fast.vary(text) == slow.vary(text)
