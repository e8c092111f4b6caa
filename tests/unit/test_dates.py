"""Dates: absolute, partial, weekday-only and relative, and the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import analyse, lexicon
from checker.extract.published import with_published
from checker.models import Article, Mention
from checker.rulebook import Rulebook

WED = dt.date(2023, 10, 25)  # a Wednesday


def _dates(
    text: str,
    rulebook: Rulebook,
    published: dt.date | None = None,
    published_from: str | None = None,
) -> list[Mention]:
    article = Article(
        id="d#1",
        source="d",
        index=1,
        text=text,
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
    )
    return [m for m in analyse(article, rulebook).mentions if m.kind == "date"]


def _one(text: str, needle: str, rulebook: Rulebook, **kw: object) -> Mention:
    start = text.index(needle)
    end = start + len(needle)
    found = [m for m in _dates(text, rulebook, **kw) if m.span[0] < end and m.span[1] > start]  # type: ignore[arg-type]
    assert len(found) == 1, [(m.text, m.span) for m in found]
    m = found[0]
    assert text[m.span[0] : m.span[1]] == m.text
    return m


def _day(m: Mention) -> dt.date:
    assert m.date is not None
    assert m.date.start == m.date.end, m.date
    assert m.date.start is not None
    return m.date.start


# --- absolute -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "day"),
    [
        ("October 30, 2024", dt.date(2024, 10, 30)),
        ("25 October, 2023", dt.date(2023, 10, 25)),
        ("Oct. 7, 2023", dt.date(2023, 10, 7)),
        ("7 October 2023", dt.date(2023, 10, 7)),
        ("2023-10-07", dt.date(2023, 10, 7)),
    ],
)
def test_absolute_dates(stated: str, day: dt.date, rulebook: Rulebook) -> None:
    text = f"The fighting began on {stated} in the south."
    m = _one(text, stated, rulebook)
    assert stated in m.text
    assert _day(m) == day


def test_absolute_date_ignores_publication_date(rulebook: Rulebook) -> None:
    text = "The fighting began on Oct. 7, 2023 in the south."
    m = _one(text, "Oct. 7, 2023", rulebook, published=dt.date(2025, 1, 1))
    assert _day(m) == dt.date(2023, 10, 7)


def test_weekday_is_kept_with_an_absolute_date(rulebook: Rulebook) -> None:
    text = "It happened on Wednesday, 12 October 2023, at dawn."
    m = _one(text, "Wednesday, 12 October 2023", rulebook)
    assert m.weekday == "Wednesday"
    assert _day(m) == dt.date(2023, 10, 12)


def test_month_name_in_lower_case_is_not_a_date(rulebook: Rulebook) -> None:
    """ "may 5" in running text ("may" the verb) is not a date."""
    text = "They may 5 times a day call for help."
    assert _dates(text, rulebook) == []


# --- partial, resolved against the publication date -----------------------------------


def test_partial_date_takes_the_publication_year(rulebook: Rulebook) -> None:
    text = "The strike on October 20 killed four people."
    m = _one(text, "October 20", rulebook, published=WED, published_from="metadata")
    assert _day(m) == dt.date(2023, 10, 20)


def test_partial_date_shortly_after_publication_keeps_the_year(rulebook: Rulebook) -> None:
    text = "A vote is planned for October 30."
    m = _one(text, "October 30", rulebook, published=WED, published_from="metadata")
    assert _day(m) == dt.date(2023, 10, 30)


def test_partial_date_across_new_year_goes_back(rulebook: Rulebook) -> None:
    """A late-December date in an early-January article is last year's."""
    text = "The attack on December 28 killed two guards."
    m = _one(text, "December 28", rulebook, published=dt.date(2024, 1, 3))
    assert _day(m) == dt.date(2023, 12, 28)


def test_partial_date_far_after_publication_is_last_year(rulebook: Rulebook) -> None:
    """Nine months ahead is further, at twice the weight, than three months back."""
    text = "The siege of 12 December ended badly."
    m = _one(text, "12 December", rulebook, published=dt.date(2023, 3, 1))
    assert _day(m) == dt.date(2022, 12, 12)


def test_partial_date_weeks_after_publication_is_the_coming_one(rulebook: Rulebook) -> None:
    """Seven weeks ahead (twice: fourteen) is nearer than ten months back."""
    text = "The summit of 12 December is the next test."
    m = _one(text, "12 December", rulebook, published=WED, published_from="metadata")
    assert _day(m) == dt.date(2023, 12, 12)


def test_partial_date_without_publication_date_is_unresolved(rulebook: Rulebook) -> None:
    text = "The strike on October 20 killed four people."
    m = _one(text, "October 20", rulebook)
    assert m.date is None or not m.date.known


def test_month_only_is_the_whole_month(rulebook: Rulebook) -> None:
    text = "In October, the fighting spread."
    m = _one(text, "October", rulebook, published=WED, published_from="metadata")
    assert m.date is not None
    assert (m.date.start, m.date.end) == (dt.date(2023, 10, 1), dt.date(2023, 10, 31))


# --- weekday only ----------------------------------------------------------------------


@pytest.mark.parametrize("source", ["metadata", "dateline"])
@pytest.mark.parametrize(
    ("weekday", "day"),
    [
        ("Saturday", dt.date(2023, 10, 21)),
        ("Wednesday", dt.date(2023, 10, 25)),
        ("Thursday", dt.date(2023, 10, 19)),
    ],
)
def test_weekday_with_known_date_is_on_or_before(
    source: str, weekday: str, day: dt.date, rulebook: Rulebook
) -> None:
    text = f"The strike on {weekday} hit the base."
    m = _one(text, weekday, rulebook, published=WED, published_from=source)
    assert m.weekday == weekday
    assert _day(m) == day
    assert _day(m).weekday() == lexicon(rulebook).weekdays[weekday.lower()]


@pytest.mark.parametrize(
    ("weekday", "day"),
    [
        ("Saturday", dt.date(2023, 10, 28)),
        ("Wednesday", dt.date(2023, 10, 25)),
        ("Tuesday", dt.date(2023, 10, 31)),
    ],
)
def test_weekday_with_inferred_date_is_on_or_after(
    weekday: str, day: dt.date, rulebook: Rulebook
) -> None:
    text = f"The strike on {weekday} hit the base."
    m = _one(text, weekday, rulebook, published=WED, published_from="inferred")
    assert _day(m) == day


def test_last_weekday_is_strictly_before(rulebook: Rulebook) -> None:
    text = "The strike last Wednesday hit the base."
    m = _one(text, "Wednesday", rulebook, published=WED, published_from="metadata")
    assert _day(m) == dt.date(2023, 10, 18)


def test_weekday_without_publication_date_is_unresolved(rulebook: Rulebook) -> None:
    m = _one("The strike on Saturday hit the base.", "Saturday", rulebook)
    assert m.date is None or not m.date.known


# --- relative ---------------------------------------------------------------------------


def test_yesterday(rulebook: Rulebook) -> None:
    m = _one("The strike yesterday hit the base.", "yesterday", rulebook, published=WED)
    assert _day(m) == dt.date(2023, 10, 24)


def test_last_week(rulebook: Rulebook) -> None:
    m = _one("The strike last week hit the base.", "last week", rulebook, published=WED)
    assert m.date is not None and m.date.start is not None and m.date.end is not None
    assert m.date.end < WED
    assert m.date.start <= WED - dt.timedelta(days=7) <= m.date.end
    assert m.date.start >= WED - dt.timedelta(days=14)


def test_days_ago(rulebook: Rulebook) -> None:
    m = _one("The strike two days ago hit the base.", "two days ago", rulebook, published=WED)
    assert m.date is not None and m.date.start is not None and m.date.end is not None
    assert m.date.start <= dt.date(2023, 10, 23) <= m.date.end
    assert m.date.end < WED


def test_relative_without_publication_date_is_unresolved(rulebook: Rulebook) -> None:
    m = _one("The strike yesterday hit the base.", "yesterday", rulebook)
    assert m.date is None or not m.date.known


# --- publication date -----------------------------------------------------------------------


def _published(text: str, rulebook: Rulebook, **kw: object) -> Article:
    article = Article(id="p#1", source="p", index=1, text=text, **kw)  # type: ignore[arg-type]
    return with_published(article, lexicon(rulebook))


def test_dateline_near_the_top(rulebook: Rulebook) -> None:
    text = (
        "Strikes hit bases in Iraq\n"
        "25 October, 2023\n"
        "The strikes on Oct. 20, 2023 killed 16 people, officials said.\n"
    )
    article = _published(text, rulebook)
    assert article.published == dt.date(2023, 10, 25)
    assert article.published_from == "dateline"


def test_dateline_with_published_label_and_time(rulebook: Rulebook) -> None:
    text = "Strikes hit bases\nPublished on 25 October, 2023 at 10:30\nBody text here.\n"
    article = _published(text, rulebook)
    assert (article.published, article.published_from) == (dt.date(2023, 10, 25), "dateline")


def test_inferred_from_latest_full_date(rulebook: Rulebook) -> None:
    text = (
        "Strikes hit bases in Iraq\n"
        "The war began on Oct. 7, 2023. By October 20, 2023 many had died. "
        "On Oct. 12, 2023 the first convoy left.\n"
    )
    article = _published(text, rulebook)
    assert article.published == dt.date(2023, 10, 20)
    assert article.published_from == "inferred"


def test_no_date_at_all(rulebook: Rulebook) -> None:
    article = _published("Strikes hit bases\nThe strike on Saturday killed 16.\n", rulebook)
    assert article.published is None
    assert article.published_from is None


def test_metadata_wins(rulebook: Rulebook) -> None:
    text = "Strikes hit bases\n25 October, 2023\nBody text.\n"
    article = _published(text, rulebook, published=dt.date(2024, 1, 1), published_from="metadata")
    assert (article.published, article.published_from) == (dt.date(2024, 1, 1), "metadata")


def test_a_sentence_with_a_date_is_not_a_dateline(rulebook: Rulebook) -> None:
    text = (
        "Strikes hit bases\n"
        "The strikes on 20 October, 2023 killed 16 people, officials said.\n"
        "Talks resumed on 22 October, 2023.\n"
    )
    article = _published(text, rulebook)
    assert article.published == dt.date(2023, 10, 22)
    assert article.published_from == "inferred"
