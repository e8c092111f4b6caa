"""Which area a figure counts: a place told again by its kind ("the city"), a figure
told across a region in a story of one city, and a figure whose sentence names a
part of it in the story's city (checker/claims.py, ``anaphor_re`` and ``wide_re``)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.claims import assign, place_of
from checker.extract.lexicon import Lexicon, lexicon
from checker.models import Article, DateRange, Fact, Interval, Story
from checker.rulebook import Rulebook

DAY = dt.date(2024, 3, 4)


@pytest.fixture(scope="module")
def lex(rulebook: Rulebook) -> Lexicon:
    return lexicon(rulebook)


def _fact(
    sentence: str,
    stated: str,
    *,
    article: str = "a.txt#1",
    places: tuple[str, ...] = (),
    antecedents: tuple[str, ...] = (),
    metric: str = "displaced",
    offset: int = 100,
) -> Fact:
    at = offset + sentence.index(stated)
    value = float(stated.split()[-1].replace(",", "")) if stated[-1].isdigit() else 10.0
    return Fact(
        id=f"{article}@{at}",
        article=article,
        metric=metric,
        stated=stated,
        sentence=sentence,
        span=(at, at + len(stated)),
        sentence_span=(offset, offset + len(sentence)),
        interval=Interval(low=value, high=value),
        likely=Interval(low=value, high=value),
        places=list(places),
        countries=["Iraq"],
        antecedents=list(antecedents),
        date=DateRange(start=DAY, end=DAY),
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("About 9,500 residents of the city spent the night in schools", "city"),
        ("More than 41,000 people were displaced across the province", "region"),
        ("in the town, police said", "city"),
        ("throughout the state on Monday", "region"),
        # Another noun's words: no place told again.
        ("including 21 in the state capital, X", None),
        ("taken to the state-run hospital", None),
        ("members of the city council said", None),
        ("the city was flooded", None),
    ],
)
def test_a_place_told_again_by_its_kind(text: str, kind: str | None, lex: Lexicon) -> None:
    found = lex.anaphor_re.search(text)
    assert (found.lastgroup if found else None) == kind


def _assign(facts: list[Fact], rulebook: Rulebook) -> dict[str, Fact]:
    articles = {
        a: Article(id=a, source=a.split("#")[0], index=1, published=DAY)
        for a in {f.article for f in facts}
    }
    story = Story(id="S1", label="t", articles=sorted(articles), start=DAY, end=DAY)
    return {f.id: f for f in assign(facts, [story], articles, rulebook, towns={"S1": {}})}


def test_the_city_is_the_city_its_article_named_last(rulebook: Rulebook) -> None:
    told = _fact(
        "About 9,500 residents of the city slept in schools.",
        "About 9,500",
        antecedents=("Mosul", "Baghdad", "Tuesday"),
    )
    named = _fact(
        "Floods killed 12 in Baghdad.",
        "12",
        article="b.txt#1",
        places=("Baghdad",),
        metric="killed",
    )
    out = _assign([told, named], rulebook)
    assert out[told.id].places == ["Baghdad"]


def test_a_place_of_another_kind_is_not_the_city(rulebook: Rulebook) -> None:
    told = _fact(
        "About 9,500 residents of the city slept in schools.", "About 9,500", antecedents=("Iraq",)
    )
    out = _assign([told], rulebook)
    assert out[told.id].places == []


def test_antecedents_are_not_output() -> None:
    fact = _fact(
        "About 9,500 residents of the city slept in schools.", "About 9,500", antecedents=("Mosul",)
    )
    assert "antecedents" not in fact.model_dump(mode="json")


WHOLE = frozenset({"Anbar", "Baghdad"})  # a story of one city, in the region it names


@pytest.mark.parametrize(
    ("sentence", "places", "expected"),
    [
        # A part told in the story's city: the figure counts a wider area.
        (
            "Rain killed 48 people in Anbar, including 21 in Baghdad.",
            ("Anbar", "Baghdad"),
            ("Anbar", True),
        ),
        # Told across the region: wider too.
        ("Rain killed 48 people across Anbar on Monday.", ("Anbar",), ("Anbar", True)),
        # Told in the region, of a story of one city: the same count.
        ("Bombs killed 48 people in Anbar on Monday.", ("Anbar",), ("", False)),
        # A figure with its city beside it is the story's.
        ("Rain killed 48 people in Baghdad, in Anbar.", ("Anbar", "Baghdad"), ("", False)),
    ],
)
def test_a_figure_wider_than_a_story_of_one_city(
    sentence: str, places: tuple[str, ...], expected: tuple[str, bool], lex: Lexicon
) -> None:
    fact = _fact(sentence, "48 people", places=places, metric="killed")
    assert place_of(fact, WHOLE, lex) == expected


def test_a_place_right_after_the_figure_is_its_own(lex: Lexicon) -> None:
    sentence = "A quake struck near the border of Iraq and Syria, killing 14 people in Iraq."
    fact = _fact(sentence, "14 people", places=("Iraq", "Syria"), metric="killed")
    assert place_of(fact, frozenset(), lex) == ("Iraq", False)
    both = _fact(
        "A quake killed 14 people across Iraq and Syria.", "14 people", places=("Iraq", "Syria")
    )
    assert place_of(both, frozenset(), lex) == ("Iraq+Syria", False)
