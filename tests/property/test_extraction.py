"""Extraction and normalisation never raise, and every span points at its words (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import analyse
from checker.models import Article
from checker.normalise import normalise
from checker.rulebook import load_rulebook

BOOK = load_rulebook()
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "at least 16",
    "more than 6,000 people were killed",
    "Wednesday, 12 October",
    "between 30 and 40",
    "30-40",
    "nearly 500 wounded",
    "about a dozen soldiers",
    "dozens of civilians",
    "three U.S. troops",
    "killed",
    "in Iraq",
    "Syria's",
    "Britain-based",
    "on Saturday",
    "last week",
    "Oct. 7, 2023",
    "25 October, 2023",
    "2016",
    "10:30",
    "5 p.m.",
    "60-year-old",
    "who is now 29",
    "Tower 22",
    "COVID-19",
    "$2.5 million",
    "1.2k",
    "twenty-five",
    "three hundred",
    "the death toll rose to",
    "so far",
    "according to the health ministry",
    "1.",
    "U.S.",
    "Gaza",
    "Akashat",
    "“",
    "”",
    "—",
    "é",
    "٣",
    "½",
]
SEPARATORS = [" ", ", ", ". ", " — ", "; ", "-", "\t", ". The ", "(", ")"]
NEWLINES = "\n"
LINE_BREAKS = ["\n", "\n\n", "\n \n"]

fragment_line = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(SEPARATORS),
        st.text(alphabet=st.characters(exclude_characters=NEWLINES), max_size=8),
    ),
    max_size=25,
).map(" ".join)


@st.composite
def fragment_text(draw: st.DrawFn) -> str:
    """Lines of fragments. Each line ends in a word: a number at the end of one line
    followed by a month name on the next is a known, reported date-across-lines issue."""
    lines = draw(st.lists(fragment_line, min_size=1, max_size=5))
    breaks = draw(st.lists(st.sampled_from(LINE_BREAKS), min_size=len(lines), max_size=len(lines)))
    return "".join(f"{line} end.{brk}" for line, brk in zip(lines, breaks, strict=True))


any_text = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("0123456789,.-:$%\n ")),
    ),
    max_size=300,
)

published = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
)
published_from = st.sampled_from(["metadata", "dateline", "inferred"])


def _check(text: str, pub: dt.date | None, source: str) -> None:
    article = Article(
        id="prop#1",
        source="prop",
        index=1,
        text=text,
        published=pub,
        published_from=source if pub else None,  # type: ignore[arg-type]
    )
    analysis = analyse(article, BOOK)
    for m in analysis.mentions:
        assert 0 <= m.span[0] <= m.span[1] <= len(text)
        assert text[m.span[0] : m.span[1]] == m.text, m
        if m.interval is not None and m.interval.low is not None and m.interval.high is not None:
            assert m.interval.low <= m.interval.high, m
        if m.date is not None and m.date.known:
            assert m.date.start is not None and m.date.end is not None
            assert m.date.start <= m.date.end, m
    for s in analysis.sentences:
        assert text[s.start : s.end] == s.text
    facts = normalise(analysis, BOOK)
    assert len({f.id for f in facts}) == len(facts)
    for f in facts:
        assert text[f.span[0] : f.span[1]] == f.stated, f
        assert text[f.sentence_span[0] : f.sentence_span[1]] == f.sentence, f
        assert f.sentence_span[0] <= f.span[0] <= f.span[1] <= f.sentence_span[1], f
        assert f.article == article.id


@SETTINGS
@given(text=any_text, pub=published, source=published_from)
def test_arbitrary_text(text: str, pub: dt.date | None, source: str) -> None:
    _check(text, pub, source)


@SETTINGS
@given(text=fragment_text(), pub=published, source=published_from)
def test_fragment_text(text: str, pub: dt.date | None, source: str) -> None:
    _check(text, pub, source)


@settings(max_examples=100, deadline=None)
@given(
    hedge=st.sampled_from(["", "at least ", "more than ", "nearly ", "about ", "up to ", "some "]),
    n=st.integers(min_value=1, max_value=999_999),
    noun=st.sampled_from(["people", "civilians", "soldiers", "militants"]),
)
def test_hedged_count_sentence(hedge: str, n: int, noun: str) -> None:
    """A plain casualty sentence always yields the killed fact with the number as written."""
    number = f"{n:,}"
    text = f"Officials said {hedge}{number} {noun} were killed in the strike."
    article = Article(id="h#1", source="h", index=1, text=text)
    facts = [f for f in normalise(analyse(article, BOOK), BOOK) if f.metric == "killed"]
    assert len(facts) == 1
    fact = facts[0]
    assert fact.stated == f"{hedge}{number} {noun}"
    assert fact.interval.contains(n) or hedge in ("more than ", "nearly ")
    if not hedge:
        assert (fact.interval.low, fact.interval.high) == (n, n)
