"""Relative dates by calendar units (the TimeML conventions), each with its granularity."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import analyse
from checker.extract.calendar_units import shifted, unit_range, week_range
from checker.models import Article, DateRange, Mention
from checker.rulebook import Rulebook

WED = dt.date(2023, 10, 25)  # a Wednesday in ISO week 43 (16-22 October is week 42)
D = dt.date


def _mentions(text: str, rulebook: Rulebook, published: dt.date | None) -> list[Mention]:
    article = Article(
        id="u#1",
        source="u",
        index=1,
        text=text,
        published=published,
        published_from="metadata" if published else None,
    )
    return [m for m in analyse(article, rulebook).mentions if m.kind in ("date", "year")]


def _date(
    text: str, stated: str, rulebook: Rulebook, published: dt.date | None = WED
) -> DateRange | None:
    found = [m for m in _mentions(text, rulebook, published) if m.text == stated]
    assert len(found) == 1, [(m.text, m.date) for m in _mentions(text, rulebook, published)]
    return found[0].date


def _is(rng: DateRange | None, start: dt.date, end: dt.date, granularity: str) -> None:
    assert rng is not None
    assert (rng.start, rng.end, rng.granularity) == (start, end, granularity)


# --- weeks, months, years ---------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "start", "end"),
    [
        ("this week", D(2023, 10, 23), D(2023, 10, 29)),
        ("last week", D(2023, 10, 16), D(2023, 10, 22)),
        ("next week", D(2023, 10, 30), D(2023, 11, 5)),
        ("earlier this week", D(2023, 10, 23), D(2023, 10, 29)),
    ],
)
def test_weeks_are_iso_weeks(rulebook: Rulebook, stated: str, start: dt.date, end: dt.date) -> None:
    _is(_date(f"The talks stalled {stated}.", stated, rulebook), start, end, "week")


def test_last_week_in_the_first_days_of_january_is_in_december(rulebook: Rulebook) -> None:
    rng = _date("The plant closed last week.", "last week", rulebook, D(2021, 1, 5))
    _is(rng, D(2020, 12, 28), D(2021, 1, 3), "week")


@pytest.mark.parametrize(
    ("stated", "start", "end"),
    [
        ("this month", D(2023, 10, 1), D(2023, 10, 31)),
        ("last month", D(2023, 9, 1), D(2023, 9, 30)),
        ("earlier this month", D(2023, 10, 1), D(2023, 10, 31)),
        ("next month", D(2023, 11, 1), D(2023, 11, 30)),
    ],
)
def test_months_are_calendar_months(
    rulebook: Rulebook, stated: str, start: dt.date, end: dt.date
) -> None:
    _is(_date(f"Prices rose {stated}.", stated, rulebook), start, end, "month")


def test_last_month_in_january_is_last_december(rulebook: Rulebook) -> None:
    rng = _date("Prices rose last month.", "last month", rulebook, D(2024, 1, 10))
    _is(rng, D(2023, 12, 1), D(2023, 12, 31), "month")


@pytest.mark.parametrize(
    ("stated", "year"),
    [
        ("last year", 2022),
        ("this year", 2023),
        ("next year", 2024),
        ("early next year", 2024),
        ("late last year", 2022),
        ("the current fiscal year", 2023),
        ("three years ago", 2020),
        ("a year ago", 2022),
    ],
)
def test_years_are_calendar_years(rulebook: Rulebook, stated: str, year: int) -> None:
    _is(_date(f"The mine shut {stated}.", stated, rulebook), D(year, 1, 1), D(year, 12, 31), "year")


def test_weeks_and_months_ago_are_that_week_and_that_month(rulebook: Rulebook) -> None:
    text = "The ban began two weeks ago and the strike four months ago."
    _is(_date(text, "two weeks ago", rulebook), D(2023, 10, 9), D(2023, 10, 15), "week")
    _is(_date(text, "four months ago", rulebook), D(2023, 6, 1), D(2023, 6, 30), "month")


def test_days_ago_is_that_day(rulebook: Rulebook) -> None:
    _is(
        _date("It sank 10 days ago.", "10 days ago", rulebook),
        D(2023, 10, 15),
        D(2023, 10, 15),
        "day",
    )


@pytest.mark.parametrize(
    ("stated", "day"),
    [("today", D(2023, 10, 25)), ("yesterday", D(2023, 10, 24)), ("tomorrow", D(2023, 10, 26))],
)
def test_day_words(rulebook: Rulebook, stated: str, day: dt.date) -> None:
    _is(_date(f"The court rules {stated}.", stated, rulebook), day, day, "day")


# --- months by name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "year", "month"),
    [
        ("The dam broke last June.", "last June", 2023, 6),
        ("The dam broke early last June.", "early last June", 2023, 6),
        ("The dam broke last November.", "last November", 2022, 11),
        ("The dam broke last October.", "last October", 2022, 10),
        ("The dam broke in June last year.", "June last year", 2022, 6),
        ("The dam opens next March.", "next March", 2024, 3),
        ("The vote is this December.", "this December", 2023, 12),
    ],
)
def test_month_with_last_next_or_this(
    rulebook: Rulebook, text: str, stated: str, year: int, month: int
) -> None:
    rng = _date(text, stated, rulebook)
    assert rng is not None and rng.start == D(year, month, 1) and rng.granularity == "month"


def test_month_alone_in_the_past_is_the_latest_such_month(rulebook: Rulebook) -> None:
    rng = _date("The dam broke in June.", "June", rulebook)
    _is(rng, D(2023, 6, 1), D(2023, 6, 30), "month")


def test_month_alone_told_in_the_future_is_the_coming_one(rulebook: Rulebook) -> None:
    rng = _date("The court will rule in March.", "March", rulebook)
    _is(rng, D(2024, 3, 1), D(2024, 3, 31), "month")


def test_month_after_a_past_tense_verb_stays_in_the_past(rulebook: Rulebook) -> None:
    """November is a week away, but "were taken" tells of last November."""
    rng = _date("Hostages were taken in November.", "November", rulebook)
    _is(rng, D(2022, 11, 1), D(2022, 11, 30), "month")


# --- quarters, halves and seasons --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "start", "end"),
    [
        ("Third-quarter profit fell.", "Third-quarter", D(2023, 7, 1), D(2023, 9, 30)),
        ("Profit fell in the third quarter.", "the third quarter", D(2023, 7, 1), D(2023, 9, 30)),
        ("Profit fell in the first quarter.", "the first quarter", D(2023, 1, 1), D(2023, 3, 31)),
        ("Profit fell in Q2 2021.", "Q2 2021", D(2021, 4, 1), D(2021, 6, 30)),
        (
            "Profit fell in the fourth quarter of 2019.",
            "the fourth quarter of 2019",
            D(2019, 10, 1),
            D(2019, 12, 31),
        ),
        (
            "Profit fell in last year's fourth quarter.",
            "last year's fourth quarter",
            D(2022, 10, 1),
            D(2022, 12, 31),
        ),
        ("Sales grow this quarter.", "this quarter", D(2023, 10, 1), D(2023, 12, 31)),
    ],
)
def test_quarters_are_three_months(
    rulebook: Rulebook, text: str, stated: str, start: dt.date, end: dt.date
) -> None:
    _is(_date(text, stated, rulebook), start, end, "quarter")


def test_a_quarter_told_in_the_future_long_after_its_namesake_is_next_years(
    rulebook: Rulebook,
) -> None:
    rng = _date("Sales will pick up in the first quarter.", "the first quarter", rulebook)
    _is(rng, D(2024, 1, 1), D(2024, 3, 31), "quarter")


def test_first_half_is_six_months(rulebook: Rulebook) -> None:
    rng = _date("Exports fell in the first half.", "the first half", rulebook)
    _is(rng, D(2023, 1, 1), D(2023, 6, 30), "half")


@pytest.mark.parametrize(
    ("stated", "published", "start", "end"),
    [
        ("last summer", WED, D(2023, 6, 1), D(2023, 8, 31)),
        ("last summer", D(2023, 7, 10), D(2022, 6, 1), D(2022, 8, 31)),
        ("this winter", D(2024, 1, 15), D(2023, 12, 1), D(2024, 2, 29)),
        ("next spring", WED, D(2024, 3, 1), D(2024, 5, 31)),
        ("this summer", WED, D(2023, 6, 1), D(2023, 8, 31)),
        ("this winter", WED, D(2023, 12, 1), D(2024, 2, 29)),
        ("next summer", D(2023, 7, 10), D(2024, 6, 1), D(2024, 8, 31)),
    ],
)
def test_seasons_are_their_months(
    rulebook: Rulebook, stated: str, published: dt.date, start: dt.date, end: dt.date
) -> None:
    rng = _date(f"The river flooded {stated}.", stated, rulebook, published)
    _is(rng, start, end, "season")


# --- the quarter the text last named ---------------------------------------------------


def test_the_quarter_and_a_year_ago_follow_the_quarter_named_before(rulebook: Rulebook) -> None:
    text = (
        "The bank reported third-quarter profit of $5 million. "
        "In the quarter, fees rose, up from $4 million a year ago."
    )
    _is(_date(text, "the quarter", rulebook), D(2023, 7, 1), D(2023, 9, 30), "quarter")
    _is(_date(text, "a year ago", rulebook), D(2022, 7, 1), D(2022, 9, 30), "quarter")


def test_year_earlier_period_is_the_named_quarter_a_year_back(rulebook: Rulebook) -> None:
    text = "Sales in the second quarter rose from the year-earlier period."
    rng = _date(text, "the year-earlier period", rulebook)
    _is(rng, D(2022, 4, 1), D(2022, 6, 30), "quarter")


def test_the_latest_quarter_is_the_last_one_ended(rulebook: Rulebook) -> None:
    text = "Fourth-quarter sales look weak, after a loss in the latest quarter."
    _is(_date(text, "the latest quarter", rulebook), D(2023, 7, 1), D(2023, 9, 30), "quarter")


# --- weekdays and tense ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "day"),
    [
        ("The envoy arrived on Monday.", "Monday", D(2023, 10, 23)),
        ("The envoy will arrive on Monday.", "Monday", D(2023, 10, 30)),
        ("On Friday, the envoy will meet the rebels.", "Friday", D(2023, 10, 27)),
        ("The envoy arrived last Wednesday.", "last Wednesday", D(2023, 10, 18)),
        ("The envoy arrives next Thursday.", "next Thursday", D(2023, 10, 26)),
        ("The envoy is due to arrive as early as Saturday.", "Saturday", D(2023, 10, 28)),
        # The day's own happening is past, whatever the sentence will do after it.
        (
            "The state will declare a disaster zone after Monday night's flood killed four.",
            "Monday",
            D(2023, 10, 23),
        ),
        ("The state will hold Monday's vote as planned.", "Monday's", D(2023, 10, 30)),
    ],
)
def test_weekday_is_the_nearest_one_in_its_tense(
    rulebook: Rulebook, text: str, stated: str, day: dt.date
) -> None:
    _is(_date(text, stated, rulebook), day, day, "day")


def test_future_word_in_another_clause_does_not_move_a_weekday(rulebook: Rulebook) -> None:
    text = "Rebels will keep fighting, the army said Tuesday."
    _is(_date(text, "Tuesday", rulebook), D(2023, 10, 24), D(2023, 10, 24), "day")


def test_a_wrong_weekday_keeps_its_date(rulebook: Rulebook) -> None:
    """The weekday does not move the date: the mismatch stays for the D001 finding."""
    text = "The blast on Tuesday, 25 October 2023 killed three."
    found = [m for m in _mentions(text, rulebook, WED) if m.weekday]
    assert len(found) == 1
    assert found[0].weekday == "Tuesday"
    _is(found[0].date, D(2023, 10, 25), D(2023, 10, 25), "day")


# --- years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "start", "end", "granularity"),
    [
        ("The plant opened in 2010.", "2010", D(2010, 1, 1), D(2010, 12, 31), "year"),
        ("The camp dates from the 1990s.", "the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
        ("It was a hit in the '80s.", "the '80s", D(1980, 1, 1), D(1989, 12, 31), "decade"),
        ("The '58 flood was worse.", "'58", D(1958, 1, 1), D(1958, 12, 31), "year"),
        ("The '05 flood was worse.", "'05", D(2005, 1, 1), D(2005, 12, 31), "year"),
        ("Work stopped in mid-2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("Since 2014 prices fell.", "2014", D(2014, 1, 1), D(2014, 12, 31), "year"),
        (
            "He left in nineteen ninety-six.",
            "nineteen ninety-six",
            D(1996, 1, 1),
            D(1996, 12, 31),
            "year",
        ),
    ],
)
def test_year_mentions_carry_their_interval(
    rulebook: Rulebook, text: str, stated: str, start: dt.date, end: dt.date, granularity: str
) -> None:
    _is(_date(text, stated, rulebook), start, end, granularity)


def test_both_years_of_a_span_are_years(rulebook: Rulebook) -> None:
    text = "Output doubled between 2015 and 2019."
    _is(_date(text, "2015", rulebook), D(2015, 1, 1), D(2015, 12, 31), "year")
    _is(_date(text, "2019", rulebook), D(2019, 1, 1), D(2019, 12, 31), "year")


def test_a_quotation_opening_on_a_number_is_not_a_year(rulebook: Rulebook) -> None:
    assert [m.text for m in _mentions("'20 dead,' the mayor said.", rulebook, WED)] == []


def test_named_days(rulebook: Rulebook) -> None:
    text = "Shops shut on Christmas Day and reopened after Thanksgiving."
    published = D(2024, 1, 9)
    _is(_date(text, "Christmas Day", rulebook, published), D(2023, 12, 25), D(2023, 12, 25), "day")
    _is(_date(text, "Thanksgiving", rulebook, published), D(2023, 11, 23), D(2023, 11, 23), "day")


# --- unresolvable stays unresolved --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Profit fell from a year earlier.", "a year earlier"),
        ("The town was rebuilt five years later.", "five years later"),
    ],
)
def test_expressions_anchored_elsewhere_stay_unresolved(
    rulebook: Rulebook, text: str, stated: str
) -> None:
    assert _date(text, stated, rulebook) is None


@pytest.mark.parametrize("stated", ["last week", "this month", "next year", "yesterday"])
def test_relative_dates_without_publication_date_stay_unresolved(
    rulebook: Rulebook, stated: str
) -> None:
    assert _date(f"It happened {stated}.", stated, rulebook, None) is None


def test_a_season_alone_is_not_a_date(rulebook: Rulebook) -> None:
    assert [m.text for m in _mentions("Summer is hot here.", rulebook, WED)] == []


def test_a_month_name_before_a_surname_is_not_a_month(rulebook: Rulebook) -> None:
    assert [m.text for m in _mentions("April Ross told the inquiry.", rulebook, WED)] == []


def test_may_alone_is_not_a_month(rulebook: Rulebook) -> None:
    assert [m.text for m in _mentions("May the talks succeed.", rulebook, WED)] == []


# --- calendar arithmetic --------------------------------------------------------------------


def test_week_range_keeps_iso_weeks_across_the_new_year() -> None:
    rng = week_range(D(2021, 1, 1))  # a Friday in ISO week 53 of 2020
    assert (rng.start, rng.end) == (D(2020, 12, 28), D(2021, 1, 3))


def test_unit_range_moves_quarters_across_years() -> None:
    rng = unit_range("quarter", D(2024, 2, 10), -1)
    assert (rng.start, rng.end, rng.granularity) == (D(2023, 10, 1), D(2023, 12, 31), "quarter")


def test_shifted_keeps_the_end_of_february() -> None:
    rng = shifted(DateRange(start=D(2024, 2, 1), end=D(2024, 2, 29), granularity="month"), -1)
    assert rng is not None and (rng.start, rng.end) == (D(2023, 2, 1), D(2023, 2, 28))


# --- dates anchored to the date last named -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "start", "end", "granularity"),
    [
        (
            "The dam broke on 3 March 2021 and the town was rebuilt that year.",
            "that year",
            D(2021, 1, 1),
            D(2021, 12, 31),
            "year",
        ),
        (
            "The dam broke on 3 March 2021 and the town flooded the following month.",
            "the following month",
            D(2021, 4, 1),
            D(2021, 4, 30),
            "month",
        ),
        (
            "The dam broke on 3 March 2021; rescuers arrived the next morning.",
            "the next morning",
            D(2021, 3, 4),
            D(2021, 3, 4),
            "day",
        ),
    ],
)
def test_reference_phrases_count_from_the_date_last_named(
    rulebook: Rulebook, text: str, stated: str, start: dt.date, end: dt.date, granularity: str
) -> None:
    _is(_date(text, stated, rulebook), start, end, granularity)


def test_that_day_needs_a_day_to_count_from(rulebook: Rulebook) -> None:
    """A year is too coarse to give "that day" its day: it stays unresolved."""
    text = "The dam broke in 2021 and the town flooded that day."
    assert _date(text, "that day", rulebook) is None


def test_the_year_period_is_the_quarter_last_named_in_that_year(rulebook: Rulebook) -> None:
    text = "Third-quarter sales rose to $9 million from $7 million in the 2022 period."
    _is(_date(text, "the 2022 period", rulebook), D(2022, 7, 1), D(2022, 9, 30), "quarter")


def test_second_day_of_a_pair_is_a_date(rulebook: Rulebook) -> None:
    text = "The summit meets on November 6 and 7."
    _is(_date(text, "7", rulebook), D(2023, 11, 7), D(2023, 11, 7), "day")


def test_a_count_after_a_date_is_not_a_second_day(rulebook: Rulebook) -> None:
    text = "On November 6 and 7 people were hurt."
    assert [m.text for m in _mentions(text, rulebook, WED)] == ["November 6"]


def test_year_closing_its_clause_after_in_is_a_year_with_its_number(rulebook: Rulebook) -> None:
    found = [m for m in _mentions("Both sides objected in 1995, the court said.", rulebook, WED)]
    assert [(m.kind, m.text, m.value) for m in found] == [("year", "1995", 1995)]


def test_participle_after_be_is_not_the_past(rulebook: Rulebook) -> None:
    """ "to be paid" is no past tense: the December 14 seven weeks on, not last year's."""
    text = "The dividend, to be paid Dec. 14, rose."
    _is(_date(text, "Dec. 14", rulebook), D(2023, 12, 14), D(2023, 12, 14), "day")


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Sales for the year rose 4%.", "the year"),
        ("It was the wettest month of the year.", "the year"),
        ("Output for the full year fell.", "the full year"),
    ],
)
def test_for_the_year_is_the_publication_year(rulebook: Rulebook, text: str, stated: str) -> None:
    _is(_date(text, stated, rulebook), D(2023, 1, 1), D(2023, 12, 31), "year")


@pytest.mark.parametrize(
    "text",
    [
        "Sales for the year ended June 30 rose.",
        "Sales were lower in the year before.",
        "Costs rose over the years.",
    ],
)
def test_the_year_tied_to_another_is_not_this_year(rulebook: Rulebook, text: str) -> None:
    assert [m.text for m in _mentions(text, rulebook, WED) if "year" in m.text] == []
