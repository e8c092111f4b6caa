"""Numbers in text: digits, words, vague amounts, ranges, hedges, and what is not a count.

The hedge table is the one in DESIGN ("Values are intervals"); every case here
is a small hand-written sentence, never seed text.
"""

from __future__ import annotations

import pytest

from checker.extract import analyse, lexicon
from checker.extract.numbers import hedge_interval
from checker.models import Article, Mention
from checker.rulebook import Rulebook


def _mentions(text: str, rulebook: Rulebook) -> list[Mention]:
    article = Article(id="n#1", source="n", index=1, text=text)
    return analyse(article, rulebook).mentions


def _numeric(text: str, rulebook: Rulebook) -> list[Mention]:
    return [m for m in _mentions(text, rulebook) if m.interval is not None]


def _only(text: str, rulebook: Rulebook) -> Mention:
    found = _numeric(text, rulebook)
    assert len(found) == 1, [(m.kind, m.text) for m in found]
    return found[0]


def _bounds(interval: object) -> tuple[object, object]:
    assert interval is not None
    return interval.low, interval.high  # type: ignore[attr-defined]


def _covering(text: str, needle: str, rulebook: Rulebook) -> list[Mention]:
    """Mentions whose span overlaps the first occurrence of ``needle``."""
    start = text.index(needle)
    end = start + len(needle)
    return [m for m in _mentions(text, rulebook) if m.span[0] < end and m.span[1] > start]


# --- digits and words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "value"),
    [
        ("Officials counted 1,234 people.", "1,234", 1234),
        ("Officials counted 12,345,678 people.", "12,345,678", 12345678),
        ("The average was 5.5 people.", "5.5", 5.5),
        ("Officials counted 1,234.5 people.", "1,234.5", 1234.5),
        ("Officials counted 7 people.", "7", 7),
    ],
)
def test_digits_with_separators_and_decimals(
    text: str, stated: str, value: float, rulebook: Rulebook
) -> None:
    m = _only(text, rulebook)
    assert m.kind == "count"
    assert m.text == stated
    assert m.value == value
    assert _bounds(m.interval) == (value, value)
    assert text[m.span[0] : m.span[1]] == stated


@pytest.mark.parametrize(
    ("text", "stated", "value"),
    [
        ("Police found three people.", "three", 3),
        ("Police found twenty-five people.", "twenty-five", 25),
        ("Police found three hundred people.", "three hundred", 300),
        ("Police found a dozen people.", "a dozen", 12),
        ("Police found 2.5 million people.", "2.5 million", 2_500_000),
        ("Police found 1.2k people.", "1.2k", 1200),
        ("Police found Twelve people.", "Twelve", 12),
    ],
)
def test_number_words_and_scales(text: str, stated: str, value: int, rulebook: Rulebook) -> None:
    m = _only(text, rulebook)
    assert m.kind == "count"
    assert m.text == stated
    assert m.value == value
    assert _bounds(m.interval) == (value, value)
    assert _bounds(m.likely) == (value, value)


@pytest.mark.parametrize(
    ("text", "stated", "low", "high"),
    [
        ("Police found dozens of people.", "dozens", 24, 99),
        ("Police found hundreds of people.", "hundreds", 200, 999),
        ("Police found thousands of people.", "thousands", 2000, 9999),
    ],
)
def test_vague_amounts(text: str, stated: str, low: int, high: int, rulebook: Rulebook) -> None:
    m = _only(text, rulebook)
    assert m.kind == "count"
    assert m.text.startswith(stated)
    assert _bounds(m.interval) == (low, high)
    assert _bounds(m.likely) == (low, high)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Police found between 30 and 40 people.", "between 30 and 40"),
        ("Police found 30-40 people.", "30-40"),
        ("Police found 30 to 40 people.", "30 to 40"),
    ],
)
def test_ranges(text: str, stated: str, rulebook: Rulebook) -> None:
    m = _only(text, rulebook)
    assert m.kind == "count"
    assert m.text == stated
    assert _bounds(m.interval) == (30, 40)
    assert _bounds(m.likely) == (30, 40)


def test_range_needs_rising_ends(rulebook: Rulebook) -> None:
    """ "40-30" is not a range [30, 40] (and never an inverted interval)."""
    for m in _numeric("Police found 40-30 people.", rulebook):
        assert m.interval is not None
        if m.interval.low is not None and m.interval.high is not None:
            assert m.interval.low <= m.interval.high
        assert _bounds(m.interval) != (30, 40)


# --- hedges (DESIGN table) ------------------------------------------------------


HEDGES = [
    ("16", (16, 16), (16, 16)),
    ("at least 16", (16, None), (16, None)),
    ("no fewer than 16", (16, None), (16, None)),
    ("more than 6,000", (6001, None), (6001, 6999)),
    ("over 6,000", (6001, None), (6001, 6999)),
    ("over 30", (31, None), (31, 39)),
    ("nearly 500", (450, 499), (450, 499)),
    ("almost 500", (450, 499), (450, 499)),
    ("about 20", (18, 22), (18, 22)),
    ("around 20", (18, 22), (18, 22)),
    ("some 20", (18, 22), (18, 22)),
    ("roughly 20", (18, 22), (18, 22)),
    ("up to 30", (0, 30), (0, 30)),
    ("as many as 30", (0, 30), (0, 30)),
    ("fewer than 30", (0, 29), (0, 29)),
    ("a dozen", (12, 12), (12, 12)),
    ("about a dozen", (10, 14), (10, 14)),
    ("between 30 and 40", (30, 40), (30, 40)),
]


@pytest.mark.parametrize(("stated", "literal", "likely"), HEDGES, ids=[h[0] for h in HEDGES])
def test_hedge_intervals_in_a_sentence(
    stated: str,
    literal: tuple[int, int | None],
    likely: tuple[int, int | None],
    rulebook: Rulebook,
) -> None:
    text = f"Officials said {stated} people were counted."
    m = _only(text, rulebook)
    assert m.kind == "count"
    assert m.text == stated
    assert m.span == (text.index(stated), text.index(stated) + len(stated))
    assert _bounds(m.interval) == literal
    assert _bounds(m.likely) == likely


def test_hedge_is_recorded(rulebook: Rulebook) -> None:
    m = _only("Officials said at least 16 people were counted.", rulebook)
    assert m.hedge == "at least"
    assert _only("Officials said 16 people were counted.", rulebook).hedge is None


@pytest.mark.parametrize(
    ("kind", "n", "literal", "likely"),
    [
        ("exact", 16, (16, 16), (16, 16)),
        ("at_least", 16, (16, None), (16, None)),
        ("more_than", 6000, (6001, None), (6001, 6999)),
        ("more_than", 30, (31, None), (31, 39)),
        ("more_than", 7, (8, None), (8, 16)),
        ("nearly", 500, (450, 499), (450, 499)),
        ("about", 20, (18, 22), (18, 22)),
        ("about", 1000, (900, 1100), (900, 1100)),
        ("up_to", 30, (0, 30), (0, 30)),
        ("fewer_than", 30, (0, 29), (0, 29)),
    ],
)
def test_hedge_interval_function(
    kind: str,
    n: int,
    literal: tuple[int, int | None],
    likely: tuple[int, int | None],
    rulebook: Rulebook,
) -> None:
    assert hedge_interval(kind, n, lexicon(rulebook)) == (literal, likely)


def test_hedge_factors_come_from_rules(rulebook: Rulebook) -> None:
    """Changing rules/hedges.yaml factors changes the intervals (nothing hard-coded)."""
    factors = rulebook.hedges.factors.model_copy(update={"nearly_low": 0.5, "about_rel": 0.5})
    hedges = rulebook.hedges.model_copy(update={"factors": factors})
    other = rulebook.model_copy(update={"hedges": hedges})
    lex = lexicon(other)
    assert hedge_interval("nearly", 500, lex)[0] == (250, 499)
    assert hedge_interval("about", 20, lex)[0] == (10, 30)


# --- not counts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("He arrived in 2016 with his family.", "2016"),
        ("No soldier has died there since 2020.", "2020"),
        ("The company was founded in 1998.", "1998"),
    ],
)
def test_years_are_years(text: str, needle: str, rulebook: Rulebook) -> None:
    found = _covering(text, needle, rulebook)
    assert found, "the year is not recognised at all"
    assert all(m.kind != "count" for m in found)
    assert any(m.kind in ("year", "date") for m in found)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The sirens started at 10:30 and stopped.", "10:30"),
        ("The sirens started at 5 p.m. and stopped.", "5 p.m."),
        ("The sirens started at 5pm and stopped.", "5pm"),
        ("The sirens started at 11:45 PM and stopped.", "11:45 PM"),
    ],
)
def test_times_are_times(text: str, needle: str, rulebook: Rulebook) -> None:
    found = _covering(text, needle, rulebook)
    assert [m.kind for m in found] == ["time"]
    assert found[0].text == needle


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("His 60-year-old father was killed in the strikes.", "60"),
        ("So did Mohammed, who is now 29, and his brothers.", "29"),
        ("A man aged 40 was wounded.", "40"),
        ("Two sisters aged 8 and 11 were killed.", "11"),
        ("A 7-year-old girl was wounded.", "7"),
    ],
)
def test_ages_are_ages(text: str, needle: str, rulebook: Rulebook) -> None:
    found = _covering(text, needle, rulebook)
    assert [m.kind for m in found] == ["age"]
    assert found[0].value == int(needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("She finished 1st in the race.", "1st"),
        ("It was the 22nd attack on the base.", "22nd"),
        ("It was the third attack on the base.", "third"),
    ],
)
def test_ordinals_are_ordinals(text: str, needle: str, rulebook: Rulebook) -> None:
    found = _covering(text, needle, rulebook)
    assert found
    assert all(m.kind == "ordinal" for m in found)


def test_list_numbering_is_not_a_count(rulebook: Rulebook) -> None:
    text = "Key points:\n1. First item\n2. Second item\n3) Third item"
    for needle in ("1.", "2.", "3)"):
        start = text.index(needle)
        found = [m for m in _mentions(text, rulebook) if m.span[0] == start]
        assert found, needle
        assert all(m.kind != "count" for m in found), needle


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The drone struck Tower 22 in Jordan.", "22"),
        ("Patients with COVID-19 were moved.", "19"),
        ("Passengers of Flight 370 were never found.", "370"),
        ("The council passed Resolution 2334 in December.", "2334"),
    ],
)
def test_numbers_in_names_are_not_counts(text: str, needle: str, rulebook: Rulebook) -> None:
    start = text.index(needle)
    for m in _mentions(text, rulebook):
        if m.span[0] < start + len(needle) and m.span[1] > start:
            assert m.kind != "count", m


def test_names_do_not_hide_real_counts(rulebook: Rulebook) -> None:
    """Next to a name, a real count is still a count."""
    text = "The drone struck Tower 22 and wounded 34 soldiers."
    counts = [m for m in _mentions(text, rulebook) if m.kind == "count"]
    assert [m.text for m in counts] == ["34"]


def test_money(rulebook: Rulebook) -> None:
    text = "The government pledged $2.5 million in aid."
    found = _covering(text, "$2.5 million", rulebook)
    assert len(found) == 1
    m = found[0]
    assert m.kind == "money"
    assert m.text == "$2.5 million"
    assert m.value == 2_500_000
    assert text[m.span[0] : m.span[1]] == m.text


def test_spans_point_at_text(rulebook: Rulebook) -> None:
    text = (
        "At least 16 people were killed and more than 6,000 fled; between 30 and 40 "
        "were wounded, with dozens missing and twenty-five arrested."
    )
    mentions = _mentions(text, rulebook)
    assert len(mentions) >= 5
    for m in mentions:
        assert text[m.span[0] : m.span[1]] == m.text


@pytest.mark.parametrize("text", ["£\n0 was paid.", "Temperatures fell to -\n5 overnight."])
def test_a_sign_on_the_line_before_is_not_the_numbers(text: str, rulebook: Rulebook) -> None:
    # A currency or minus sign at the end of the previous line is not part of
    # the figure: its span never reaches back across the line break.
    for mention in _numeric(text, rulebook):
        assert "\n" not in mention.text
        assert mention.kind == "count"
        assert text[mention.span[0] : mention.span[1]] == mention.text


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Soldiers were hurt, as many as\n\n12 people were killed", "12"),
        ("The toll rose to about\n40 people", "40"),
        ("Officials counted 12\nor more bodies", "12"),
        ("Between 10\nand 20 people were killed", "10"),
        ("Counts of 10 -\n20 people were killed", "10"),
    ],
)
def test_a_hedge_or_a_range_never_reaches_over_a_line_break(
    text: str, stated: str, rulebook: Rulebook
) -> None:
    # Sentences never cross a line break, so neither does what a number says.
    found = _covering(text, stated, rulebook)
    assert [m.text for m in found] == [stated]
    assert found[0].hedge is None
    single = text.replace("\n\n", " ").replace("\n", " ")
    assert _covering(single, stated, rulebook)[0].text != stated  # on one line it reaches


def test_a_hedge_before_spaces_and_a_line_break_stays_on_its_line(rulebook: Rulebook) -> None:
    text = "The toll rose to about \n40 people"
    assert [(m.text, m.hedge) for m in _covering(text, "40", rulebook)] == [("40", None)]


@pytest.mark.parametrize(
    "text",
    [
        "They spent a hundred\nbillion dollars",
        "About 3\nmillion people fled",
        "Some twenty\nfive people were killed",
        "Dozens\nof people were killed",
        "It cost $5\nmillion",
        "Officials said 40\nkm of road was lost",
        "Officials said 40\nmiles of road",
        "one in\nfive people died",
        "three hundred\nand twelve people died",
    ],
)
def test_no_number_reaches_over_a_line_break(text: str, rulebook: Rulebook) -> None:
    # Its scale, number words, unit or rate stay on its line; on one line they join it.
    split = [m.text for m in _numeric(text, rulebook)]
    assert split and not any("\n" in t for t in split)
    joined = [m.text for m in _numeric(text.replace("\n", " "), rulebook)]
    assert max(map(len, joined)) > max(map(len, split))


@pytest.mark.parametrize("text", ["Aid of Rp  5 billion was pledged.", "Aid of Rs\n500 was paid."])
def test_a_currency_signs_space_may_be_any_run_of_blanks(text: str, rulebook: Rulebook) -> None:
    (money,) = [m for m in _mentions(text, rulebook) if m.kind == "money"]
    assert money.unit in ("indonesian rupiah", "rupee")
