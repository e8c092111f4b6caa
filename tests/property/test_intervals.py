"""Interval semantics, for every hedge kind and many numbers (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import lexicon
from checker.extract.numbers import hedge_interval
from checker.models import Interval
from checker.rulebook import load_rulebook

LEX = lexicon(load_rulebook())
KINDS = ["exact", "at_least", "more_than", "nearly", "about", "up_to", "fewer_than"]
SETTINGS = settings(max_examples=200, deadline=None)

numbers = st.integers(min_value=1, max_value=10**9)
bounds = st.one_of(st.none(), st.integers(min_value=-1000, max_value=1000))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Interval(low=low, high=high)


def _inside(inner: tuple[float, float | None], outer: tuple[float, float | None]) -> bool:
    lo_ok = inner[0] >= outer[0]
    if outer[1] is None:
        return lo_ok
    return lo_ok and inner[1] is not None and inner[1] <= outer[1]


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(n=numbers)
def test_hedge_intervals_are_well_formed(kind: str, n: int) -> None:
    literal, likely = hedge_interval(kind, n, LEX)
    for low, high in (literal, likely):
        assert low is not None
        assert low >= 0
        if high is not None:
            assert low <= high
    assert _inside(likely, literal)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(n=numbers)
def test_hedge_interval_relation_to_n(kind: str, n: int) -> None:
    (low, high), _ = hedge_interval(kind, n, LEX)
    if kind in ("exact", "at_least", "about", "up_to"):
        assert low <= n and (high is None or n <= high)
    if kind in ("more_than",):
        assert low > n and high is None
    if kind in ("nearly", "fewer_than"):
        assert high is not None and high < n
    if kind in ("at_least", "more_than"):
        assert high is None
    if kind in ("up_to", "fewer_than"):
        assert low == 0


@SETTINGS
@given(n=numbers)
def test_exact_is_a_point(n: int) -> None:
    assert hedge_interval("exact", n, LEX) == ((n, n), (n, n))


@SETTINGS
@given(n=numbers)
def test_hedge_order(n: int) -> None:
    """fewer than n < n < more than n; nearly n stays below n."""
    fewer, _ = hedge_interval("fewer_than", n, LEX)
    more, _ = hedge_interval("more_than", n, LEX)
    nearly, _ = hedge_interval("nearly", n, LEX)
    assert fewer[1] is not None and fewer[1] < more[0]
    assert nearly[1] is not None and nearly[1] < more[0]


@SETTINGS
@given(a=intervals(), b=intervals())
def test_overlaps_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@SETTINGS
@given(a=intervals())
def test_overlaps_reflexive(a: Interval) -> None:
    assert a.overlaps(a)
    assert a.gap(a) == 0


@SETTINGS
@given(a=intervals(), b=intervals())
def test_gap_zero_iff_overlap(a: Interval, b: Interval) -> None:
    gap = a.gap(b)
    assert gap == b.gap(a)
    assert (gap == 0) == a.overlaps(b)
    assert gap >= 0


@SETTINGS
@given(a=intervals(), value=st.integers(min_value=-2000, max_value=2000))
def test_contains_agrees_with_overlap(a: Interval, value: int) -> None:
    assert a.contains(value) == a.overlaps(Interval(low=value, high=value))


@SETTINGS
@given(a=intervals(), b=intervals(), value=st.integers(min_value=-2000, max_value=2000))
def test_common_value_means_overlap(a: Interval, b: Interval, value: int) -> None:
    if a.contains(value) and b.contains(value):
        assert a.overlaps(b)


@SETTINGS
@given(a=intervals())
def test_label_is_nonempty(a: Interval) -> None:
    assert a.label()
