"""Cases that once went wrong, each pinned by a test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import analyse
from checker.models import Article, Fact, Mention
from checker.normalise import normalise
from checker.rulebook import Rulebook


def _run(
    text: str, rulebook: Rulebook, published: dt.date | None = None
) -> tuple[list[Mention], list[Fact]]:
    article = Article(
        id="r#1",
        source="r",
        index=1,
        text=text,
        published=published,
        published_from="metadata" if published else None,
    )
    analysis = analyse(article, rulebook)
    return analysis.mentions, normalise(analysis, rulebook)


def test_partial_date_just_after_publication_is_next_year(rulebook: Rulebook) -> None:
    mentions, _ = _run("It happens on January 2.", rulebook, dt.date(2023, 12, 30))
    dates = [m for m in mentions if m.kind == "date"]
    assert dates and dates[0].date is not None and dates[0].date.start == dt.date(2024, 1, 2)


def test_date_never_runs_across_a_line_break(rulebook: Rulebook) -> None:
    mentions, facts = _run("Soldiers killed: 16\nOctober was the worst month.", rulebook)
    assert not [m for m in mentions if m.kind == "date" and "\n" in m.text]
    assert [(f.metric, f.stated) for f in facts] == [("killed", "16")]


def test_no_one_is_not_a_count(rulebook: Rulebook) -> None:
    _, facts = _run("The attack killed no one.", rulebook)
    assert facts == []


def test_so_far_after_the_number_keeps_the_tally(rulebook: Rulebook) -> None:
    _, facts = _run("The death toll has risen to 52 so far.", rulebook)
    assert [(f.metric, f.stated, f.cumulative) for f in facts] == [("killed", "52", True)]


def test_trigger_after_a_bare_number_wins_a_tie(rulebook: Rulebook) -> None:
    _, facts = _run("Two soldiers were killed and 12 were wounded.", rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("killed", "Two soldiers"), ("wounded", "12")]


def test_bare_number_yields_to_the_number_nearer_its_trigger(rulebook: Rulebook) -> None:
    _, facts = _run("Of the 23 pirates arrested, 12 are reported to be Somali.", rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("arrested", "23 pirates")]


def test_unknown_noun_after_a_number_is_not_a_victim(rulebook: Rulebook) -> None:
    _, facts = _run("The commandos seized seven AK-47 assault rifles.", rulebook)
    assert facts == []


@pytest.mark.parametrize(
    "text",
    [
        "A 59-year-old mother of two died when a car struck her.",
        "The shooter killed Benjamin Banky, 40.",
        "The team improved their record to 7-6 before falling to dead last.",
    ],
)
def test_numbers_that_count_something_else_are_not_casualties(
    text: str, rulebook: Rulebook
) -> None:
    _, facts = _run(text, rulebook)
    assert [f for f in facts if f.metric == "killed"] == []


def test_metres_are_not_millions(rulebook: Rulebook) -> None:
    mentions, _ = _run("He fell about 60m from a ridge; the ransom was $60m.", rulebook)
    assert not any(m.kind == "count" and m.value == 60_000_000 for m in mentions)
    assert any(m.kind == "money" and m.value == 60_000_000 for m in mentions)


def test_k_is_a_thousand_not_kelvin(rulebook: Rulebook) -> None:
    mentions, _ = _run("The fund gave $5 each to 1.2k people.", rulebook)
    assert [(m.kind, m.value) for m in mentions if m.text == "1.2k"] == [("count", 1200)]


def test_hyphenated_place_modifiers_are_not_places(rulebook: Rulebook) -> None:
    _, facts = _run("Iran-backed militias killed 4 people in Syria on Monday.", rulebook)
    assert [f.countries for f in facts] == [["Syria"]]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Government spokesperson Bassim al-Awadi said the strikes killed 16 people.",
            "Government spokesperson Bassim al-Awadi",
        ),
        (
            "Attacks caused injuries to at least 24 soldiers, as reported by U.S. Central "
            "Command to NBC News.",
            "U.S. Central Command",
        ),
        (
            "Rami Abdurrahman, who heads the Syrian Observatory for Human Rights, said that "
            "23 people were killed.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "The quake killed 14 people, the country's risk management secretariat said.",
            "risk management secretariat",
        ),
        (
            "Five people died, the National Civil Defence Institute said on Sunday.",
            "National Civil Defence Institute",
        ),
        # An acronym in brackets between the name and its verb.
        (
            "Five people died, the National Civil Defence Institute (INDECI) said on Sunday.",
            "National Civil Defence Institute",
        ),
    ],
)
def test_attribution_keeps_the_whole_name(text: str, who: str, rulebook: Rulebook) -> None:
    _, facts = _run(text, rulebook)
    assert [f.attribution for f in facts if f.metric != "date"] == [who]
