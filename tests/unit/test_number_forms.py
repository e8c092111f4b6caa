"""The forms of numbers news uses, and the numbers that are never values.

Every sentence here is written for the test from general reporting patterns.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import analyse
from checker.extract.not_values import year_range
from checker.models import Article, Mention
from checker.rulebook import Rulebook

VALUE_KINDS = ("count", "money", "percent", "quantity")


def _mentions(text: str, rulebook: Rulebook) -> list[Mention]:
    article = Article(id="f#1", source="f", index=1, text=text)
    return analyse(article, rulebook).mentions


def _covering(text: str, needle: str, rulebook: Rulebook) -> list[Mention]:
    start = text.index(needle)
    end = start + len(needle)
    return [m for m in _mentions(text, rulebook) if m.span[0] < end and m.span[1] > start]


def _value(text: str, needle: str, rulebook: Rulebook) -> Mention:
    found = [m for m in _covering(text, needle, rulebook) if m.kind in VALUE_KINDS]
    assert len(found) == 1, [(m.kind, m.text) for m in found]
    return found[0]


def _bounds(m: Mention) -> tuple[float | None, float | None]:
    assert m.interval is not None
    return m.interval.low, m.interval.high


# --- fractions and rates ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "low", "high"),
    [
        ("A third of the wells have run dry.", "A third", 33.33, 33.33),
        ("Two-thirds of the voters backed it.", "Two-thirds", 66.67, 66.67),
        ("Half of the buildings were damaged.", "Half", 50, 50),
        ("Roughly half the crew were foreign.", "Roughly half", 45, 55),
        ("More than half of the province is held.", "More than half", 51, None),
        ("A quarter of the workforce was laid off.", "A quarter", 25, 25),
        ("Three-quarters of those asked said no.", "Three-quarters", 75, 75),
        ("One in five children is underweight.", "One in five", 20, 20),
        ("Three out of ten homes lack water.", "Three out of ten", 30, 30),
        ("Prices fell by a fifth last year.", "a fifth", 20, 20),
        ("The bank cut rates by a quarter of a point.", "a quarter of a point", 0.25, 0.25),
    ],
)
def test_fractions_and_rates_are_percentages(
    text: str, needle: str, low: float, high: float | None, rulebook: Rulebook
) -> None:
    m = _value(text, needle, rulebook)
    assert m.kind == "percent"
    got_low, got_high = _bounds(m)
    assert got_low == pytest.approx(low)
    if high is None:
        assert got_high is None
    else:
        assert got_high == pytest.approx(high)


@pytest.mark.parametrize(
    "text",
    [
        "A third man was seen running from the scene.",
        "The visitors scored early in the second half.",
        "The striker limped off at half-time.",
        "Half a dozen boats left the harbour.",
    ],
)
def test_ordinals_and_halves_that_are_not_fractions(text: str, rulebook: Rulebook) -> None:
    assert [m.text for m in _mentions(text, rulebook) if m.kind == "percent"] == []


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("The notes pay 6 3/8% a year.", "6 3/8", 6.375),
        ("The bonds yield 3/4% more.", "3/4", 0.75),
        ("Shares closed at 12 1/2 on Friday.", "12 1/2", 12.5),
    ],
)
def test_digit_fractions(text: str, needle: str, value: float, rulebook: Rulebook) -> None:
    m = _value(text, needle, rulebook)
    assert m.interval is not None and m.interval.low == pytest.approx(value)
    assert m.text.startswith(needle)


def test_a_date_written_with_a_slash_is_no_fraction(rulebook: Rulebook) -> None:
    found = _covering("The vote was held on 3/4 this year.", "3/4", rulebook)
    assert all(m.interval is None or m.interval.low != 0.75 for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Profit fell for two quarters.",
        "Sales slowed in the first two quarters of the year.",
        "Growth picked up in the last half of the decade.",
    ],
)
def test_a_years_quarters_are_no_fraction(text: str, rulebook: Rulebook) -> None:
    assert [m for m in _mentions(text, rulebook) if m.kind == "percent"] == []


def test_a_change_and_a_level_are_no_range(rulebook: Rulebook) -> None:
    text = "Shares in the bank rose 4 to 112 on Friday."
    assert [_bounds(m) for m in _mentions(text, rulebook) if m.kind == "count"] == [
        (4, 4),
        (112, 112),
    ]
    assert _bounds(_value("The toll could be 30 to 40 people.", "30 to 40", rulebook)) == (30, 40)


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        ("He was one of 13 Cubans trying to cross 90 miles of sea.", "13", "count"),
        ("It struck at a depth of 35 kilometres at 4:17 a.m.", "35", "quantity"),
    ],
)
def test_a_made_up_compound_unit_is_dropped(
    text: str, needle: str, kind: str, rulebook: Rulebook
) -> None:
    assert _value(text, needle, rulebook).kind == kind


def test_a_fraction_is_not_also_an_ordinal(rulebook: Rulebook) -> None:
    kinds = [m.kind for m in _covering("A third of the wells.", "third", rulebook)]
    assert kinds == ["percent"]


def test_a_rate_never_reads_a_year(rulebook: Rulebook) -> None:
    text = "Incidents fell from 412 in 2020 to 305 in 2022."
    assert _value(text, "412", rulebook).kind == "count"
    assert [m.kind for m in _covering(text, "2020", rulebook)] == ["year"]


# --- vague amounts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "low", "high"),
    [
        ("Several soldiers were hurt.", "Several", 3, 9),
        ("A few shops reopened.", "A few", 2, 5),
        ("A handful of climbers reached the top.", "A handful", 3, 6),
        ("Several hundred people gathered.", "Several hundred", 300, 900),
        ("A few dozen protesters stayed.", "A few dozen", 24, 60),
        ("Tens of thousands marched.", "Tens of thousands", 20000, 99999),
        ("Hundreds of thousands lost power.", "Hundreds of thousands", 200000, 999999),
    ],
)
def test_vague_amounts_are_intervals(
    text: str, needle: str, low: int, high: int, rulebook: Rulebook
) -> None:
    assert _bounds(_value(text, needle, rulebook)) == (low, high)


# --- money ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "low", "high", "unit"),
    [
        ("The firm paid $2.4M to settle.", "$2.4M", 2_400_000, 2_400_000, "dollar"),
        ("The club paid £3m for him.", "£3m", 3_000_000, 3_000_000, "pound sterling"),
        ("The bank set aside €1.5bn.", "€1.5bn", 1_500_000_000, 1_500_000_000, "euro"),
        ("It sold for HK$800m.", "HK$800m", 800_000_000, 800_000_000, "hong kong dollar"),
        ("Losses topped more than $5 million.", "more than $5 million", 5_000_001, None, "dollar"),
        ("They want about $1 million.", "about $1 million", 900_000, 1_100_000, "dollar"),
        ("Damage came to ₹300 crore.", "₹300 crore", 3_000_000_000, 3_000_000_000, None),
    ],
)
def test_money_with_scales_signs_and_hedges(
    text: str, needle: str, low: int, high: int | None, unit: str | None, rulebook: Rulebook
) -> None:
    m = _value(text, needle, rulebook)
    assert m.kind == "money"
    assert _bounds(m) == (low, high)
    assert m.text == needle
    if unit is not None:
        assert m.unit == unit


# --- ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "kind", "low", "high"),
    [
        ("Gunmen killed between ten and fifty men.", "between ten and fifty", "count", 10, 50),
        ("Support is between 40 and 45 per cent.", "between 40 and 45", "percent", 40, 45),
        ("Prices will rise 2 to 3 per cent.", "2 to 3", "percent", 2, 3),
        ("They drove from 120 to 150 miles.", "from 120 to 150", "quantity", 120, 150),
        ("The virus killed 2,000-3,000 cattle.", "2,000-3,000", "count", 2000, 3000),
    ],
)
def test_ranges(text: str, needle: str, kind: str, low: int, high: int, rulebook: Rulebook) -> None:
    m = _value(text, needle, rulebook)
    assert (m.kind, *_bounds(m)) == (kind, low, high)


@pytest.mark.parametrize(
    ("text", "needle", "low", "high"),
    [
        ("Temperatures fell to -12 degrees.", "-12", -12, -12),
        ("The index closed at minus 3 points.", "minus 3", -3, -3),
        ("Growth was about -5 percent.", "about -5", -7, -3),
        ("Readings ranged from -5 to 10.", "from -5 to 10", -5, 10),
    ],
)
def test_negative_numbers(text: str, needle: str, low: int, high: int, rulebook: Rulebook) -> None:
    m = _value(text, needle, rulebook)
    assert _bounds(m) == (low, high)
    assert m.text.startswith(needle)


def test_a_hyphen_inside_a_word_or_range_is_no_minus(rulebook: Rulebook) -> None:
    assert _bounds(_value("Rescuers saved 30-40 people.", "30-40", rulebook)) == (30, 40)
    assert [m.kind for m in _covering("Delegates met at COP-28 talks.", "28", rulebook)] == [
        "other"
    ]


def test_three_hundred_and_twelve_is_one_number(rulebook: Rulebook) -> None:
    m = _value("It displaced three hundred and twelve families.", "three", rulebook)
    assert _bounds(m) == (312, 312)


def test_over_before_a_duration_places_it_in_time(rulebook: Rulebook) -> None:
    m = _value("The panel heard 23 witnesses over six days.", "six", rulebook)
    assert (m.kind, *_bounds(m)) == ("quantity", 6, 6)
    assert m.hedge is None


# --- numbers that are never values ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "kind", "label"),
    [
        ("The hosts won 3-1 after extra time.", "3-1", "other", "score"),
        ("They were 2-0 down at the break.", "2-0", "other", "score"),
        ("The bill passed 52-48.", "52-48", "other", "score"),
        ("The vote passed by 301 to 287.", "301 to 287", "other", "score"),
        ("Call the desk on 555-0142 today.", "555-0142", "other", "phone"),
        ("Ring 0800 123 4567 for help.", "0800 123 4567", "other", "phone"),
        ("The line, +44 20 7946 0000, is open.", "+44 20 7946 0000", "other", "phone"),
        ("Veterans of the war of '58 met.", "'58", "year", None),
        # The date reader takes the decade with its article, the TimeML way.
        ("It has not flooded like this since the 1990s.", "the 1990s", "year", "decade"),
        ("The law passed in the 2015-16 session.", "2015-16", "year", None),
        ("Filed under news/2024/07/ at noon.", "2024/07", "other", "month"),
        (
            "See https://example.org/2024/07/toll-201 now.",
            "https://example.org/2024/07/toll-201",
            "other",
            "url",
        ),
    ],
)
def test_labelled_non_values(
    text: str, needle: str, kind: str, label: str | None, rulebook: Rulebook
) -> None:
    found = _covering(text, needle, rulebook)
    assert [(m.kind, m.text, m.label) for m in found] == [(kind, needle, label)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The attack on Tower 22 killed three.", "22"),
        ("It grounded its Boeing 737 fleet.", "737"),
        ("Leaders of the G7 met.", "G7"),
        ("Machines running Windows 11 get it.", "11"),
        ("The FTSE 100 closed lower.", "100"),
        ("The Pac-12 signed a deal.", "12"),
        ("It left the Fortune 500 list.", "500"),
        ("See paragraph 12 of the ruling.", "12"),
        ("The boy, 14, was taken to hospital.", "14"),
        ("The minister, 58, resigned.", "58"),
        ("The girls, both 16, were hurt.", "16"),
        ("The men, aged between 19 and 24, were held.", "19"),
        ("The wall is 10m high.", "10"),
        ("A similar attack in 2019 killed 40 people.", "2019"),
        ("The blast happened at 3.30pm near the gate.", "3.30pm"),
        ("The first shots came at 11.15am.", "11.15am"),
    ],
)
def test_numbers_that_are_never_values(text: str, needle: str, rulebook: Rulebook) -> None:
    assert [m.text for m in _covering(text, needle, rulebook) if m.kind in VALUE_KINDS] == []


def test_a_rise_by_a_range_is_no_tally(rulebook: Rulebook) -> None:
    m = _value("Fares rose by 10 to 20 dollars.", "10 to 20", rulebook)
    assert _bounds(m) == (10, 20)


def test_a_score_is_not_a_range_but_a_rising_pair_is(rulebook: Rulebook) -> None:
    assert _value("Rescuers saved 30-40 people.", "30-40", rulebook).kind == "count"
    assert [m.label for m in _covering("City beat United 4-2.", "4-2", rulebook)] == ["score"]


def test_a_year_and_month_is_no_span_of_years() -> None:
    assert year_range("2024-01") is None


@pytest.mark.parametrize(
    ("surface", "start", "end"),
    [("'58", 1958, 1958), ("'22", 2022, 2022), ("1990s", 1990, 1999), ("2015-16", 2015, 2016)],
)
def test_year_forms_carry_their_years(surface: str, start: int, end: int) -> None:
    years = year_range(surface)
    assert years is not None and years.start == dt.date(start, 1, 1)
    assert years.end == dt.date(end, 12, 31)


# --- quantulum3's known misreadings on news ------------------------------------------------


def test_a_place_with_a_number_is_no_quantity(rulebook: Rulebook) -> None:
    text = "In 2019 the firm bought 5 acres near Tower 22."
    assert [m for m in _covering(text, "22", rulebook) if m.kind in VALUE_KINDS] == []


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        # quantulum3 alone reads "three U" as three atomic mass units.
        ("Three U.S. soldiers were hurt 20 miles from the base.", "Three", "count"),
        # ... "a key" as a thousand exayears.
        ("A key witness saw the truck drive 30 km north.", "A key", None),
        # ... "third day" as a third of a day.
        ("On the third day the convoy covered 40 miles.", "third", "ordinal"),
        # ... years as bare quantities, and "3.30pm" as picometres.
        ("In 2019 the firm bought 5 acres near Tower 22.", "2019", "year"),
        ("At 3.30pm the tanker spilled 2,000 barrels.", "3.30pm", "time"),
    ],
)
def test_quantulum_misreadings_stay_fixed(
    text: str, needle: str, kind: str | None, rulebook: Rulebook
) -> None:
    found = _covering(text, needle, rulebook)
    assert [m.kind for m in found] == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        ("The fire burned 4,000 hectares.", "4,000", "hectare"),
        ("The island lies 200 nautical miles out.", "200", "nautical mile"),
        ("A 6,500-tonne ship sank.", "6,500", "tonne"),
        ("It flew at 35,000 feet.", "35,000", "foot"),
    ],
)
def test_units_quantulum_misses_or_needs_a_cue_for(
    text: str, needle: str, unit: str, rulebook: Rulebook
) -> None:
    m = _value(text, needle, rulebook)
    assert (m.kind, m.unit) == ("quantity", unit)


@pytest.mark.parametrize(
    ("text", "needle", "kind", "unit"),
    [
        ("The convoy drove 40 km north.", "40 km", "quantity", "kilometre"),
        ("A 12-kilometre stretch of road was shut.", "12-kilometre", "quantity", "kilometre"),
        ("Winds reached 90 miles per hour.", "90 miles per hour", "quantity", "mile per hour"),
        ("The wall stood 8 metres high.", "8 metres", "quantity", "metre"),
        ("Police seized 250 kilograms of cocaine.", "250 kilograms", "quantity", "kilogram"),
        ("The pledge came to 3 million dollars.", "3 million dollars", "money", "dollar"),
        ("Fares rose to 40 euros.", "40 euros", "money", "euro"),
        # A unit of several words hyphenated into an adjective.
        ("The 9,000-square-metre hall burned.", "9,000-square-metre", "quantity", "square metre"),
        ("They patrol a 50-nautical-mile strip.", "50-nautical-mile", "quantity", "nautical mile"),
    ],
)
def test_common_units_are_read_from_the_rules_table(
    text: str,
    needle: str,
    kind: str,
    unit: str,
    rulebook: Rulebook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_quantulum(*_args: object) -> tuple[()]:
        raise AssertionError("quantulum3 was asked about a sentence the table reads")

    monkeypatch.setattr("checker.extract.quantities", no_quantulum)
    m = _value(text, needle, rulebook)
    assert (m.kind, m.unit, m.text) == (kind, unit, needle)


@pytest.mark.parametrize(
    "text",
    [
        # A currency sign read with its number (behind a hedge too) is no cue.
        "The fund paid nearly $40 million to 12 families.",
        # A unit word hidden inside another word is no cue.
        "Relatives of the 30 massacre victims met 12 Britons at 3 shipyards.",
        # A unit word inside a table unit read with its number ("miles" of "miles per hour").
        "The car hit 90 miles per hour and 12 people were hurt.",
        "A 2,000-square-foot shop burned and 12 people were hurt.",
        # A scale word of the number itself is no unit.
        "Some 6.8 lakh people gathered; 12 were hurt.",
    ],
)
def test_sentences_with_nothing_left_for_quantulum_skip_it(
    text: str, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_quantulum(*_args: object) -> tuple[()]:
        raise AssertionError("quantulum3 was asked about a sentence with no cue left")

    monkeypatch.setattr("checker.extract.quantities", no_quantulum)
    assert _value(text, "12", rulebook).kind == "count"


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        # Not in the table, so still quantulum3's: an ambiguous word, a word between.
        ("The parcel weighed 10 pounds.", "10 pounds", "pound-mass"),
        ("The tank holds 30 cubic metres.", "30 cubic metres", "cubic metre"),
    ],
)
def test_units_outside_the_table_still_go_to_quantulum(
    text: str, needle: str, unit: str, rulebook: Rulebook
) -> None:
    m = _value(text, needle, rulebook)
    assert (m.kind, m.unit, m.text) == ("quantity", unit, needle)


def test_a_sentence_with_a_table_unit_and_a_rare_one_still_goes_to_quantulum(
    rulebook: Rulebook,
) -> None:
    text = "The crew sailed 40 km carrying 10 pounds of gear."
    assert _value(text, "40 km", rulebook).unit == "kilometre"
    # quantulum3 reads the pounds as money or weight by the context; either way
    # it was asked, and took the unit word into the mention.
    assert _value(text, "10 pounds", rulebook).text == "10 pounds"


# --- counts the judgment stage leans on ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "low", "high"),
    [
        ("Between 10 and 50 people were killed.", "Between 10 and 50", 10, 50),
        ("The army sent 1,700 troops.", "1,700", 1700, 1700),
        ("They killed 13 children, four women and two men.", "two", 2, 2),
        ("Rescuers found the bodies of 78 people.", "78", 78, 78),
        ("Years after the war ended, 80,000 people are missing.", "80,000", 80000, 80000),
        ("In Kabul, 12,000 people marched.", "12,000", 12000, 12000),
        ("Hospitals reported fewer than 100 casualties.", "fewer than 100", 0, 99),
        ("The 1,200-strong battalion moved in.", "1,200", 1200, 1200),
        ("The army said 300-plus fighters gave up.", "300", 300, None),
        ("More than two dozen were treated.", "More than two dozen", 25, None),
        ("The firm shed 2.5m jobs.", "2.5m", 2_500_000, 2_500_000),
        ("It left a hundred thousand people homeless.", "a hundred thousand", 100_000, 100_000),
        ("Infections climbed to 4.2k.", "4.2k", 4200, 4200),
    ],
)
def test_counts_in_reporting_patterns(
    text: str, needle: str, low: int, high: int, rulebook: Rulebook
) -> None:
    m = _value(text, needle, rulebook)
    assert (m.kind, *_bounds(m)) == ("count", low, high)
