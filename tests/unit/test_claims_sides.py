"""Claim identity (checker/claims.py) and sides that agree (checker/compare/sides.py)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.claims import (
    _at_the_site,
    assign,
    breakdown_items,
    group_key,
    is_background,
    is_increment,
    place_of,
    scope_of,
    story_whole_places,
    under_a_whole,
    weekday_day,
)
from checker.compare.sides import Split, split
from checker.extract.lexicon import Lexicon, lexicon
from checker.models import Article, DateRange, Fact, Interval, Story
from checker.rulebook import Place, Rulebook

PUBLISHED = dt.date(2023, 10, 21)
YEARS = {2022, 2023}


@pytest.fixture(scope="module")
def lex(rulebook: Rulebook) -> Lexicon:
    return lexicon(rulebook)


def _fact(
    article: str = "a.txt#1",
    low: float | None = 16,
    high: float | None = ...,  # type: ignore[assignment]
    *,
    sentence: str | None = None,
    stated: str | None = None,
    places: tuple[str, ...] = (),
    victims: str | None = "people",
    metric: str = "killed",
    offset: int = 100,
    cumulative: bool = False,
    date: dt.date | None = None,
    date_from: str | None = None,
    likely: tuple[float | None, float | None] | None = None,
) -> Fact:
    """A fact as normalise leaves it: no story, as-of day or scope yet."""
    if high is ...:
        high = low
    stated = stated or str(low)
    sentence = sentence or f"The attack killed {stated} people."
    at = offset + sentence.index(stated)
    likely = likely or (low, high)
    return Fact(
        id=f"{article}@{offset}",
        article=article,
        metric=metric,
        stated=stated,
        sentence=sentence,
        span=(at, at + len(stated)),
        sentence_span=(offset, offset + len(sentence)),
        interval=Interval(low=low, high=high),
        likely=Interval(low=likely[0], high=likely[1]),
        victims=victims,
        places=list(places),
        countries=["Iraq"] if places else [],
        date=DateRange(start=date, end=date),
        date_from=date_from,  # type: ignore[arg-type]
        cumulative=cumulative,
    )


def _article(aid: str, published: dt.date | None = PUBLISHED) -> Article:
    source, _, index = aid.rpartition("#")
    return Article(id=aid, source=source, index=int(index), published=published)


def _story(*articles: str, day: dt.date = PUBLISHED) -> Story:
    return Story(id="S1", label="test", articles=list(articles), start=day, end=day)


# --- group_key ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("victims", "key"),
    [
        (None, ""),
        ("", ""),
        ("people", ""),
        ("civilians", "civilians"),
        ("US soldiers", "US soldiers"),
        ("Palestinian people", "Palestinian people"),
    ],
)
def test_group_key(victims: str | None, key: str) -> None:
    assert group_key(victims) == key


# --- is_increment ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stated", "expected"),
    [
        ("Rescuers recovered 20 more bodies on Sunday.", "20", True),
        ("Officials reported three new deaths overnight.", "three", True),
        ("A funeral was held for 17 more slain militiamen.", "17 more slain militiamen", True),
        ("The blast killed 20 people in the market.", "20", False),
        ("The death toll stands at 20.", "20", False),
        ("Currently 26 people remain in hospital.", "26 people", True),
        ("It said 96 bodies were identified on Friday.", "96 bodies", True),
        # The state words of another number are that number's.
        ("Quake deaths reach 26, nine still missing", "26", False),
        ("Quake deaths reach 26, nine still missing", "nine", True),
        ("Three other people also died, the prosecutor said.", "Three other people", True),
        # A state told before the count: those still held of those taken.
        ("Rebels freed eight but were still holding 14 oil workers.", "14 oil workers", True),
        ("The remaining 14 hostages were freed on Tuesday.", "14 hostages", True),
        # What raised a toll is an addition to it; the toll it reached is not.
        ("Three workers died overnight, raising the death toll to 12.", "Three workers", True),
        ("Three workers died overnight, raising the death toll to 12.", "12", False),
    ],
)
def test_is_increment(lex: Lexicon, sentence: str, stated: str, expected: bool) -> None:
    assert is_increment(_fact(sentence=sentence, stated=stated), lex) is expected


def test_a_word_after_a_comma_makes_no_increment(lex: Lexicon) -> None:
    sentence = "The strike killed 12 people, more than half of them children."
    fact = _fact(sentence=sentence, stated="12")
    assert not is_increment(fact, lex)


# --- is_background --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A similar attack killed 40 people.",
        "The war has killed 40 people.",
        "An attack in 2019 killed 40 people.",
        # A rate or a tally since the start of the year: not one happening's count.
        "Road accidents kill more than 40 people each year, official figures show.",
        "The agency said 40 people had been displaced in the region since January.",
        "Last month, 40 people died when a bus rolled over near the city.",
        "40 people have died in the region since the start of the monsoon in June.",
        "They joined about 40 people already displaced across the province by years of violence.",
        "Monsoon rains have killed 40 people nationwide since mid-June.",
        "Police have lost 40 officers in militant attacks this year.",
        "The country records about 40 road deaths a year.",
        "40 people have been detained since the protests began.",
        "Since the campaign began in October, police have detained 40 people.",
        "40 people have now died in bushfires across the state this fire season.",
        "The crash came hours after 40 people died when a bus fell into a ravine.",
        "The country has recorded 40 deaths from landslides since the monsoon began in June.",
        "At least 40 people have been killed in rain-related incidents since the monsoon arrived.",
        "More than 40 people were kidnapped in the state in the first six months of this year.",
        "It was the second deadly shipwreck off the coast in less than a week, after 40 migrants "
        "died near the island.",
        # Another happening the same day, a total of several, a wider tally.
        "The crash came on the same day that 40 people died when a bus plunged off a road.",
        "The attack came about an hour and a half before 40 people were shot dead at a bar.",
        "In a separate avalanche in the next valley, 40 skiers were buried.",
        "Elsewhere in the country, another slide killed 40 people.",
        "In neighbouring Regiona, 40 people drowned when a canoe overturned.",
        "In all, 40 people were killed in the two fires.",
        "Days of rain have killed 40 people across the province, including those in the town.",
        "The armed conflict killed more than 40 people over more than five decades.",
        "In all, 40 people have been shot dead in the city this year, including these two.",
    ],
)
def test_background(lex: Lexicon, sentence: str) -> None:
    assert is_background(_fact(low=40, sentence=sentence), YEARS, lex)


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack killed 40 people.",
        "On 20 October 2023 the attack killed 40 people.",
        "Unlike in 2019, the attack on 20 October 2023 killed 40 people.",
        "In the first hours after the quake, rescuers pulled 40 people from the rubble.",
        # A superlative over a year is the incident's own.
        "The raid killed 40 people, one of the deadliest operations in the city this year.",
    ],
)
def test_not_background(lex: Lexicon, sentence: str) -> None:
    assert not is_background(_fact(low=40, sentence=sentence), YEARS, lex)


def test_a_figure_dated_in_another_year_is_background(lex: Lexicon) -> None:
    old = _fact(low=40, date=dt.date(2015, 4, 25), date_from="text")
    assert is_background(old, YEARS, lex)
    published = _fact(low=40, date=dt.date(2015, 4, 25), date_from="publication")
    assert not is_background(published, YEARS, lex)


def test_without_story_years_only_markers_count(lex: Lexicon) -> None:
    dated = _fact(low=40, sentence="An attack in 2019 killed 40 people.")
    marked = _fact(low=40, sentence="A similar attack killed 40 people.")
    assert not is_background(dated, set(), lex)
    assert is_background(marked, set(), lex)


# --- story_whole_places and scope_of --------------------------------------------------------------


def _named(*per_article: tuple[str, ...]) -> list[Fact]:
    return [_fact(f"a{i}.txt#1", places=names) for i, names in enumerate(per_article)]


def test_countries_and_the_main_region_are_the_whole(rulebook: Rulebook, lex: Lexicon) -> None:
    facts = _named(("Iraq", "Anbar"), ("Anbar",), ("Anbar", "Ramadi"))
    whole = story_whole_places(facts, lex)
    assert whole == {"Iraq", "Anbar"}


def test_a_neighbours_region_one_report_names_is_not_the_whole(lex: Lexicon) -> None:
    # Floods in one country; one report adds "across the border in India's
    # Assam state, 30 died": a neighbour's region, not the story's.
    facts = _named(("Pakistan",), ("Pakistan",), ("Pakistan",), ("Pakistan", "India", "Assam"))
    assert story_whole_places(facts, lex) == {"Pakistan"}
    # Named by half the reports or more, it is the story's own (one operation
    # told on both sides of a border).
    facts = _named(("Pakistan", "Assam"), ("Pakistan",), ("Pakistan", "Assam"), ("Pakistan",))
    assert story_whole_places(facts, lex) == {"Pakistan", "Assam"}


def test_two_regions_named_alike_are_neither_the_whole(lex: Lexicon) -> None:
    facts = _named(("Iraq", "Anbar"), ("Anbar",), ("Nineveh",), ("Nineveh",))
    assert story_whole_places(facts, lex) == {"Iraq"}


def test_a_region_named_far_more_than_another_is_the_whole(lex: Lexicon) -> None:
    facts = _named(("Anbar",), ("Anbar",), ("Anbar", "Nineveh"), ("Anbar",))
    assert story_whole_places(facts, lex) == {"Anbar"}


def test_a_city_named_far_more_than_any_region_is_the_whole(lex: Lexicon) -> None:
    facts = _named(("Ramadi",), ("Ramadi",), ("Ramadi", "Anbar"), ("Ramadi",))
    assert "Ramadi" in story_whole_places(facts, lex)


def test_a_city_named_by_more_articles_than_its_region_is_the_whole(lex: Lexicon) -> None:
    # An attack in one city: all its reports name the city, two of three the
    # region it is the capital of ("near Ramadi, the capital of Anbar").
    facts = _named(("Ramadi", "Anbar"), ("Ramadi",), ("Ramadi", "Anbar"))
    assert "Ramadi" in story_whole_places(facts, lex)
    # A region named by every report and a city by some: the city is a part.
    facts = _named(("Anbar", "Ramadi"), ("Anbar",), ("Anbar", "Ramadi"))
    assert "Ramadi" not in story_whole_places(facts, lex)


def test_a_city_its_figures_give_the_region_as_the_address_of_is_the_whole(
    lex: Lexicon,
) -> None:
    # Every report names the region, most figures the city with the region as
    # its address ("near Ramadi in Anbar province"): the happening is the city's.
    near = "Gunmen abducted 28 people from a village near Ramadi in Anbar province."
    facts = [
        _fact("a0.txt#1", 28, places=("Anbar", "Ramadi"), sentence=near),
        _fact("a1.txt#1", 32, places=("Anbar", "Ramadi"), sentence=near.replace("28", "32")),
        _fact("a2.txt#1", 32, places=("Anbar",), sentence="Gunmen took 32 in Anbar."),
    ]
    assert "Ramadi" in story_whole_places(facts, lex)
    # Told the other way round, the city is a part of the region's figure.
    part = "Gunmen abducted 40 people across Anbar, 28 of them near Ramadi."
    facts[:2] = [
        _fact(f"a{i}.txt#1", 28, places=("Anbar", "Ramadi"), sentence=part) for i in (0, 1)
    ]
    assert "Ramadi" not in story_whole_places(facts, lex)


def test_a_place_named_twice_in_one_article_counts_once(lex: Lexicon) -> None:
    one = [_fact("a.txt#1", places=("Nineveh",), offset=k) for k in (100, 200, 300)]
    facts = one + _named(("Anbar",), ("Anbar",))
    assert "Nineveh" not in story_whole_places(facts, lex)


@pytest.mark.parametrize(
    ("places", "scope"),
    [
        ((), ""),
        (("Iraq",), ""),
        (("Iraq", "Anbar"), ""),
        (("Anbar", "Ramadi"), "Ramadi"),
        (("Ramadi",), "Ramadi"),
        (("Nineveh",), "Nineveh"),
        (("Anbar", "Ramadi", "Ain al-Asad"), "Ain al-Asad"),
        (("Atlantis",), ""),
    ],
)
def test_scope_of(lex: Lexicon, places: tuple[str, ...], scope: str) -> None:
    whole = frozenset({"Iraq", "Anbar"})
    assert scope_of(_fact(places=places), whole, lex) == scope


def test_a_sum_counts_only_a_place_named_right_by_it(lex: Lexicon) -> None:
    whole = frozenset({"Iraq"})
    far = "Floods killed 30 people in Nineveh on Sunday, as donors promised $5 million in aid."
    near = "Donors promised $5 million in aid to Nineveh on Sunday."

    def money(sentence: str) -> Fact:
        return _fact(
            low=5e6, stated="$5 million", sentence=sentence, places=("Nineveh",), metric="money"
        )

    assert scope_of(money(far), whole, lex) == ""
    assert scope_of(money(near), whole, lex) == "Nineveh"
    # A toll takes its sentence's place wherever it stands in it.
    toll = far.replace("killed 30 people in", "hit").replace("$5 million", "30")
    assert scope_of(_fact(low=30, stated="30", sentence=toll, places=("Nineveh",)), whole, lex)


def test_a_part_told_far_past_the_whole_in_its_own_phrase_is_the_parts(lex: Lexicon) -> None:
    far = (
        "Three people were killed across south-east Anbar as severe storms lashed the "
        "province overnight, including two in Ramadi, officials said."
    )
    fact = _fact(low=3, stated="Three people", sentence=far, places=("Anbar", "Ramadi"))
    # Ramadi, 100 characters past the figure, is the two's: the three count the province.
    assert scope_of(fact, frozenset({"Iraq", "Anbar"}), lex) == ""
    # Past a part set off by commas, the town is where the whole died.
    commas = (
        "Twenty people, including three children, were killed when gunmen ambushed villagers "
        "on a road near Ramadi on Sunday, officials said."
    )
    whole = _fact(low=20, stated="Twenty people", sentence=commas, places=("Ramadi",))
    assert scope_of(whole, frozenset({"Iraq", "Anbar"}), lex) == "Ramadi"


def test_a_figure_whose_part_is_the_storys_town_counts_a_wider_area(lex: Lexicon) -> None:
    sentence = "Six people have died across the region, four of them in Ramadi, officials said."
    fact = _fact(low=6, stated="Six people", sentence=sentence, places=("Ramadi",))
    # A story of the town: the region the six count is wider (named by no
    # place the rules know, so the country stands for it).
    assert place_of(fact, frozenset({"Iraq", "Ramadi"}), lex) == ("Iraq", True)
    # A story of the country: the whole.
    assert place_of(fact, frozenset({"Iraq"}), lex) == ("", False)


def test_a_nationwide_figure_naming_a_town_of_its_parts_counts_the_country(
    lex: Lexicon,
) -> None:
    sentence = "Police arrested 412 people during nationwide protests, 187 of them in Ramadi."
    fact = _fact(low=412, stated="412", sentence=sentence, places=("Ramadi",))
    # A story of the whole country: the whole.
    assert place_of(fact, frozenset({"Iraq"}), lex) == ("", False)
    # A story of the town: the country, wider than it.
    assert place_of(fact, frozenset({"Iraq", "Ramadi"}), lex) == ("Iraq", True)


def test_two_countries_named_alike_are_two_scopes(lex: Lexicon) -> None:
    facts = _named(("Iraq",), ("Iraq",), ("Syria",), ("Syria",))
    whole = story_whole_places(facts, lex)
    assert not whole & {"Iraq", "Syria"}
    assert scope_of(_fact(places=("Iraq",)), whole, lex) == "Iraq"
    assert scope_of(_fact(places=("Syria",)), whole, lex) == "Syria"


def test_the_main_country_is_the_whole(lex: Lexicon) -> None:
    facts = _named(("Iraq",), ("Iraq",), ("Iraq", "Syria"), ("Iraq",))
    whole = story_whole_places(facts, lex)
    assert "Iraq" in whole and "Syria" not in whole
    assert scope_of(_fact(places=("Iraq",)), whole, lex) == ""


# --- assign ---------------------------------------------------------------------------------------


A, B, C, D = "a.txt#1", "b.txt#1", "c.txt#1", "d.txt#1"


def _assign(facts: list[Fact], rulebook: Rulebook, story: Story | None = None) -> dict[str, Fact]:
    articles = {f.article: _article(f.article) for f in facts}
    story = story or _story(*sorted({f.article for f in facts} - {D}))
    return {f.id: f for f in assign(facts, [story], articles, rulebook)}


def test_assign_sets_the_claim_identity(rulebook: Rulebook) -> None:
    facts = [
        _fact(A, 16, places=("Iraq", "Anbar")),
        _fact(B, 16, places=("Anbar",)),
        _fact(C, 5, places=("Anbar", "Ramadi"), offset=300),
        _fact(C, 40, sentence="A similar attack in 2019 killed 40 people.", offset=500),
        _fact(C, 20, sentence="Rescuers recovered 20 more bodies.", offset=700),
    ]
    out = _assign(facts, rulebook)
    assert {f.story for f in out.values()} == {"S1"}
    assert {f.asof for f in out.values()} == {PUBLISHED}
    assert [out[x].scope for x in (f"{A}@100", f"{B}@100", f"{C}@300")] == ["", "", "Ramadi"]
    assert out[f"{C}@300"].part_of == "place Ramadi"
    assert out[f"{C}@500"].background and not out[f"{A}@100"].background
    assert out[f"{C}@700"].increment and not out[f"{A}@100"].increment


def test_assign_leaves_facts_outside_every_story_alone(rulebook: Rulebook) -> None:
    facts = [_fact(A, 16), _fact(D, 17)]
    out = _assign(facts, rulebook, _story(A))
    assert out[f"{D}@100"] == facts[1]
    assert out[f"{A}@100"].story == "S1"


def test_a_group_is_noted_as_a_part(rulebook: Rulebook) -> None:
    out = _assign([_fact(A, 5, victims="children")], rulebook)
    assert out[f"{A}@100"].part_of == "group children"
    assert _assign([_fact(A, 5)], rulebook)[f"{A}@100"].part_of is None


@pytest.mark.parametrize(
    ("stated", "after", "part"),
    [
        ("seven of the 12 people", " killed were foreigners", True),
        ("Seven of those", " killed were foreigners", True),
        ("at least 7", " of those detained were minors", True),
        ("Seven Germans", " among 11 foreigners killed", True),
        ("seven people", " killed were foreigners", False),
        ("seven people", ", most of them foreigners, were killed", False),
        # A part marker past an aside about the people counted.
        (
            "Two foreign hikers",
            ", a Canadian man and an Australian woman, were among the dead",
            True,
        ),
        ("Two foreign hikers", ", a Canadian man and an Australian woman, were killed", False),
        ("Three police officers", ", two men and a woman, were among the dead", True),
    ],
)
def test_a_number_of_the_others_is_a_part(
    rulebook: Rulebook, stated: str, after: str, part: bool
) -> None:
    fact = _fact(A, 7, stated=stated, sentence=f"Officials said {stated}{after}.")
    out = _assign([fact], rulebook)[fact.id]
    assert out.increment is part


def test_a_figure_after_of_the_dead_is_a_part(rulebook: Rulebook) -> None:
    sentence = "Of the dead, 27 were in Anbar and three in Nineveh."
    fact = _fact(A, 27, stated="27", sentence=sentence)
    assert _assign([fact], rulebook)[fact.id].increment


def test_asof_is_the_publication_date_when_there_is_one(rulebook: Rulebook) -> None:
    monday = dt.date(2023, 10, 16)
    tally = _fact(A, 52, cumulative=True, date=monday, date_from="text")
    once = _fact(A, 16, date=monday, date_from="text", offset=300)
    out = _assign([tally, once], rulebook)
    assert out[tally.id].asof == PUBLISHED
    assert out[once.id].asof == PUBLISHED


def test_asof_of_an_undated_article_is_a_stated_day_for_a_running_tally(
    rulebook: Rulebook,
) -> None:
    monday = dt.date(2023, 10, 16)
    tally = _fact(A, 52, cumulative=True, date=monday, date_from="text")
    once = _fact(A, 16, date=monday, date_from="text", offset=300)
    articles = {A: _article(A, published=None)}
    out = {f.id: f for f in assign([tally, once], [_story(A)], articles, rulebook)}
    assert out[tally.id].asof == monday
    assert out[once.id].asof is None


def test_asof_falls_back_to_the_latest_date_in_the_article(rulebook: Rulebook) -> None:
    dates = [
        _fact(A, None, None, metric="date", victims=None, date=day, offset=k, stated=text)
        for k, day, text in (
            (500, dt.date(2023, 10, 12), "12 October 2023"),
            (600, dt.date(2023, 10, 14), "14 October 2023"),
        )
    ]
    facts = [_fact(A, 16), *dates]
    articles = {A: _article(A, published=None)}
    out = {f.id: f for f in assign(facts, [_story(A)], articles, rulebook)}
    assert out[f"{A}@100"].asof == dt.date(2023, 10, 14)


def test_date_facts_have_no_scope_and_are_not_background(rulebook: Rulebook) -> None:
    day = _fact(
        A,
        None,
        None,
        metric="date",
        victims=None,
        places=("Ramadi",),
        date=dt.date(2019, 1, 1),
        date_from="text",
        sentence="A similar attack on 1 January 2019.",
        stated="1 January 2019",
    )
    killed = _fact(A, 5, places=("Ramadi",), offset=300)
    region = [_fact(x, 16, places=("Anbar",)) for x in (B, C)]
    out = _assign([day, killed, *region], rulebook)
    assert out[killed.id].scope == "Ramadi"
    assert (out[day.id].scope, out[day.id].background, out[day.id].increment) == ("", False, False)


def test_a_titles_figure_takes_the_place_its_text_gives_it(rulebook: Rulebook) -> None:
    title = "Ramadi: 62,000 in relief camps as rivers rise"
    body = "Some 62,000 people in Ramadi are sheltering in camps, officials said."
    facts = [
        _fact(A, 62000, stated="62,000", sentence=title, offset=0, metric="displaced"),
        _fact(
            A,
            55800,
            68200,
            stated="Some 62,000 people",
            sentence=body,
            places=("Ramadi",),
            offset=len(title) + 2,
            metric="displaced",
        ),
        _fact(B, 400000, places=("Iraq",), metric="displaced"),
        _fact(C, 400000, places=("Iraq",), metric="displaced"),
    ]
    articles = {f.article: _article(f.article) for f in facts}
    articles[A] = articles[A].model_copy(update={"title": title})
    out = {f.id: f for f in assign(facts, [_story(A, B, C)], articles, rulebook)}
    assert out[f"{A}@0"].scope == out[f"{A}@{len(title) + 2}"].scope == "Ramadi"
    # With no title, the first sentence is no title of the text's figure.
    articles[A] = articles[A].model_copy(update={"title": None})
    out = {f.id: f for f in assign(facts, [_story(A, B, C)], articles, rulebook)}
    assert out[f"{A}@0"].scope == ""


def test_a_figure_at_the_storys_locality_counts_the_whole(rulebook: Rulebook) -> None:
    # Most reports name one locality the gazetteer does not know; the city one
    # of them gives as its address is no part of the story.
    near = "Gunmen attacked an army post in Kafr Dunia, near Ramadi, killing 11 people."
    facts = [
        _fact(A, 11, places=("Ramadi",), sentence=near),
        _fact(
            B, 14, places=("Iraq",), sentence="Gunmen killed 14 people in the town of Kafr Dunia."
        ),
        _fact(C, 11, places=("Iraq",), sentence="At least 11 people were killed in Kafr Dunia."),
    ]
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].scope == ""
    # Named by one report only, it is no locality of the story's.
    facts[1] = _fact(B, 14, places=("Iraq",), sentence="Gunmen killed 14 people in Iraq.")
    facts[2] = _fact(C, 11, places=("Iraq",), sentence="At least 11 people were killed in Iraq.")
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].scope == "Ramadi"


def test_a_division_named_by_its_kind_stays_a_part_beside_the_storys_locality(
    rulebook: Rulebook,
) -> None:
    # "Kafr Dunia province" is a division the story's reports all name: a part
    # of the national toll, not the story's locality.
    facts = [
        _fact(
            A,
            7,
            places=("Kafr Dunia province",),
            sentence="Landslides killed 7 people in Kafr Dunia province, officials said.",
        ),
        _fact(
            B,
            31,
            places=("Iraq",),
            sentence="Floods killed 31 people across Iraq, and Kafr Dunia was worst hit.",
        ),
        _fact(
            C,
            31,
            places=("Iraq",),
            sentence="The storm killed 31 people in Iraq, many in the province of Kafr Dunia.",
        ),
    ]
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].scope == "Kafr Dunia province"


def test_a_single_nationality_is_everyone(rulebook: Rulebook) -> None:
    facts = [_fact(A, 471, victims="Palestinian people"), _fact(B, 471)]
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].victims == "people"


def test_two_nationalities_stay_groups(rulebook: Rulebook) -> None:
    facts = [_fact(A, 471, victims="Palestinian people"), _fact(B, 1200, victims="Israeli people")]
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].victims == "Palestinian people"
    assert out[f"{B}@100"].victims == "Israeli people"


def test_one_reports_own_people_beside_another_nationality_stay_a_group(
    rulebook: Rulebook,
) -> None:
    # "Two Lao workers" in a title and a text, beside "nine of them Chinese":
    # twice as often, but in one report only and no more than twice.
    facts = [
        _fact(A, 2, victims="Lao people", offset=100),
        _fact(A, 2, victims="Lao people", offset=300),
        _fact(B, 9, victims="Chinese people"),
        _fact(C, 17),
    ]
    out = _assign(facts, rulebook)
    assert out[f"{A}@100"].victims == "Lao people"
    # Told by two reports, they are everyone the story counts.
    facts[1] = _fact(D, 2, victims="Lao people")
    out = _assign(facts, rulebook, _story(A, B, C, D))
    assert out[f"{A}@100"].victims == "people"


def test_a_nationality_is_everyone_per_metric(rulebook: Rulebook) -> None:
    facts = [
        _fact(A, 471, victims="Palestinian people"),
        _fact(B, 1200, victims="Israeli people"),
        _fact(C, 30, victims="Israeli people", metric="abducted"),
    ]
    out = _assign(facts, rulebook)
    assert out[f"{C}@100"].victims == "people"
    assert out[f"{B}@100"].victims == "Israeli people"


# --- sides.split ----------------------------------------------------------------------------------


def _iv(aid: str, low: float | None, high: float | None = ...) -> Fact:  # type: ignore[assignment]
    return _fact(aid, low, high, stated="x")


def _ids(result: Split) -> tuple[list[list[str]], list[str]]:
    return [[f.article for f in side] for side in result.sides], [f.article for f in result.between]


def _literal(f: Fact) -> Interval:
    return f.interval


def test_agreeing_claims_are_one_side() -> None:
    facts = [_iv("b", 16), _iv("a", 14, 18), _iv("c", 16, None)]
    assert _ids(split(facts, _literal)) == ([["a", "b", "c"]], [])


def test_disjoint_claims_are_sides_lowest_first() -> None:
    facts = [_iv("a", 40), _iv("b", 16), _iv("c", 16), _iv("d", 100, None)]
    assert _ids(split(facts, _literal)) == ([["b", "c"], ["a"], ["d"]], [])


def test_a_claim_fitting_two_sides_is_between() -> None:
    facts = [_iv("a", 471), _iv("b", 100, 300), _iv("c", 200, 999)]
    assert _ids(split(facts, _literal)) == ([["b"], ["a"]], ["c"])


def test_a_claim_fitting_only_part_of_a_side_is_between() -> None:
    facts = [_iv("a", 15), _iv("b", 12, 25), _iv("c", 22, 60)]
    assert _ids(split(facts, _literal)) == ([["a", "b"]], ["c"])


def test_narrowest_first_whatever_the_input_order() -> None:
    facts = [_iv("wide", 0, 1000), _iv("a", 10), _iv("b", 20)]
    assert _ids(split(facts, _literal)) == ([["a"], ["b"]], ["wide"])


def test_split_uses_the_value_it_is_given() -> None:
    facts = [
        _fact("a", 6001, None, likely=(6001, 6999), stated="x"),
        _fact("b", 9000, stated="x"),
    ]
    assert _ids(split(facts, _literal)) == ([["a", "b"]], [])
    assert _ids(split(facts, lambda f: f.likely)) == ([["a"], ["b"]], [])


def test_split_of_nothing() -> None:
    assert split([], _literal) == Split(sides=[], between=[])


_bound = st.integers(min_value=0, max_value=60)


@st.composite
def _intervals(draw: st.DrawFn) -> list[tuple[int | None, int | None]]:
    out: list[tuple[int | None, int | None]] = []
    for _ in range(draw(st.integers(min_value=0, max_value=9))):
        low = draw(_bound)
        kind = draw(st.sampled_from(["point", "range", "open"]))
        width = draw(st.integers(min_value=1, max_value=20))
        out.append((low, low if kind == "point" else None if kind == "open" else low + width))
    return out


@given(_intervals(), st.randoms(use_true_random=False))
def test_split_invariants(bounds: list[tuple[int | None, int | None]], rnd: random.Random) -> None:
    facts = [_iv(f"f{i:02d}", lo, hi) for i, (lo, hi) in enumerate(bounds)]
    result = split(facts, _literal)
    placed = [f.id for side in result.sides for f in side] + [f.id for f in result.between]
    assert sorted(placed) == sorted(f.id for f in facts), "every claim once"
    for side in result.sides:
        assert side, "no empty side"
        assert all(a.interval.overlaps(b.interval) for a in side for b in side), "a side agrees"
    for i, one in enumerate(result.sides):
        for other in result.sides[i + 1 :]:
            assert not any(a.interval.overlaps(b.interval) for a in one for b in other)
            assert all(a.interval.high is not None for a in one), "lower sides come first"
            assert max(a.interval.high or 0 for a in one) < min(b.interval.low or 0 for b in other)
    for fact in result.between:
        assert any(fact.interval.overlaps(o.interval) for side in result.sides for o in side)
    shuffled = facts[:]
    rnd.shuffle(shuffled)
    assert split(shuffled, _literal) == result, "independent of input order"


def test_a_figure_of_an_earlier_happening_weeks_before_is_background(lex: Lexicon) -> None:
    fact = _fact(
        A,
        48,
        sentence="The fire comes six weeks after a gas explosion that left 48 others injured.",
    )
    assert is_background(fact, {PUBLISHED.year}, lex)
    same = _fact(A, 48, sentence="Two weeks after the quake, the toll reached 48.")
    assert not is_background(same, {PUBLISHED.year}, lex)


def test_a_figure_dated_wholly_before_its_story_is_background(lex: Lexicon) -> None:
    fact = _fact(A, 48, date=dt.date(2023, 7, 10), date_from="text")
    assert is_background(fact, {2023}, lex, before=dt.date(2023, 8, 20))
    assert not is_background(fact, {2023}, lex, before=dt.date(2023, 7, 5))


def test_markers_far_from_a_figure_in_a_huge_sentence_do_not_reach_it(lex: Lexicon) -> None:
    # Judgment looks at a bounded window around each figure, so a sentence of
    # any length costs the same per figure and a far-off phrase is not its own.
    filler = "and the crowd moved on " * 400
    sentence = f"The blast killed 16 people {filler}since the war began."
    start = sentence.index("16 people")
    fact = _fact(A, 16, sentence=sentence).model_copy(
        update={"span": (start, start + 9), "sentence_span": (0, len(sentence))}
    )
    assert len(fact.context()) <= 200 + len("16 people") + 200
    assert fact.preceding(10) == sentence[start - 10 : start]
    assert not is_background(fact, {PUBLISHED.year}, lex)


def test_an_undated_article_speaks_on_the_weekday_it_names_after_the_story_began() -> None:
    thursday = dt.date(2024, 7, 25)
    assert weekday_day([6], thursday) == dt.date(2024, 7, 28)  # the Sunday after
    assert weekday_day([3, 4], thursday) == dt.date(2024, 7, 26)  # the later of Thu, Fri
    assert weekday_day([], thursday) is None
    assert weekday_day([6], None) is None


def test_the_weekdays_an_undated_article_names_run_up_to_its_writing_day() -> None:
    tuesday = dt.date(2024, 10, 1)
    # Landfall on Thursday, power back on Sunday, a toll on Monday: written on
    # the Monday just before the story's first dated report, not a week on.
    assert weekday_day([3, 6, 0], tuesday) == dt.date(2024, 9, 30)
    # A Monday three days before the first dated report is less likely than
    # the one four days after it.
    thursday = dt.date(2024, 7, 25)
    assert weekday_day([0], thursday) == dt.date(2024, 7, 29)


def test_an_inferred_publication_date_is_never_before_the_story(lex: Lexicon) -> None:
    from checker.claims import asof

    fact = _fact()
    start = dt.date(2024, 6, 8)
    inferred = Article(
        id="a.txt#1",
        source="a.txt",
        index=1,
        text="x",
        published=dt.date(2023, 10, 30),
        published_from="inferred",
    )
    assert asof(fact, inferred, None, start) == start
    dated = inferred.model_copy(update={"published_from": "metadata"})
    assert asof(fact, dated, None, start) == dt.date(2023, 10, 30)


def test_a_further_count_is_what_was_added(lex: Lexicon) -> None:
    added = _fact(
        low=400,
        stated="400 soldiers",
        sentence="A further 400 soldiers will be sent.",
        metric="troops",
    )
    assert is_increment(added, lex)
    plain = _fact(
        low=400, stated="400 soldiers", sentence="Some 400 soldiers will be sent.", metric="troops"
    )
    assert not is_increment(plain, lex)


def test_of_the_places_right_by_a_figure_the_narrowest_is_its_place(lex: Lexicon) -> None:
    sentence = (
        "Floods have killed 80 people in Iraq's Nineveh province since Monday, "
        "officials said, adding that the toll in Ramadi was lower."
    )
    fact = _fact(
        stated="80 people", sentence=sentence, places=("Iraq", "Nineveh", "Ramadi"), low=80
    )
    assert scope_of(fact, frozenset({"Iraq"}), lex) == "Nineveh"


def test_in_two_countries_named_alike_no_city_of_one_is_the_whole(lex: Lexicon) -> None:
    facts = _named(("Iraq", "Syria", "Mosul"), ("Iraq", "Syria", "Mosul"), ("Mosul",), ("Mosul",))
    assert story_whole_places(facts, lex) == frozenset()
    one_country = _named(("Iraq", "Mosul"), ("Iraq", "Mosul"), ("Mosul",), ("Mosul",))
    assert "Mosul" in story_whole_places(one_country, lex)


def test_each_count_of_a_list_takes_the_place_beside_it(lex: Lexicon) -> None:
    sentence = "The strikes killed 14 people in Ramadi and six in Mosul, officials said."
    fourteen = _fact(stated="14 people", sentence=sentence, places=("Ramadi", "Mosul"), low=14)
    six = _fact(stated="six", sentence=sentence, places=("Ramadi", "Mosul"), low=6)
    assert scope_of(fourteen, frozenset({"Iraq"}), lex) == "Ramadi"
    assert scope_of(six, frozenset({"Iraq"}), lex) == "Mosul"


@pytest.mark.parametrize(
    ("sentence", "stated", "note"),
    [
        (
            "The first bomber struck a wedding, killing seven people.",
            "seven people",
            "one strike of several",
        ),
        ("The blast killed 19 people, including three men.", "three men", "a part of another"),
        ("Two of its volunteers were among the wounded.", "Two", "a part of another"),
        ("Three of the dead were children, the mayor said.", "Three", "a part of another"),
        ("Among the dead were two teenagers, the office said.", "two", "a part of another"),
    ],
)
def test_counts_that_are_parts_of_the_toll_are_never_its_headline(
    sentence: str, stated: str, note: str, rulebook: Rulebook
) -> None:
    fact = _fact(A, 7, stated=stated, sentence=sentence, victims="people")
    out = _assign([fact], rulebook)[fact.id]
    assert out.increment
    assert out.part_of is not None and out.part_of.startswith(note)
    plain = _fact(A, 7, stated=stated, sentence=f"The strike killed {stated}.", victims="people")
    assert not _assign([plain], rulebook)[plain.id].increment


def test_a_part_of_a_groups_own_toll_is_a_part(rulebook: Rulebook) -> None:
    toll = _fact(A, 14, stated="Fourteen soldiers", sentence="Fourteen soldiers were killed.")
    part = _fact(
        A,
        3,
        stated="three police officers",
        sentence="The dead included three police officers.",
        offset=200,
    )
    lone = _fact(
        B, 3, stated="three police officers", sentence="The dead included three police officers."
    )
    toll, part, lone = (f.model_copy(update={"victims": "soldiers"}) for f in (toll, part, lone))
    out = _assign([toll, part, lone], rulebook)
    assert out[part.id].increment and not out[toll.id].increment
    # Without a larger toll of its group in its article, it is that group's count.
    assert not out[lone.id].increment


def test_one_hospitals_count_beside_the_whole_is_a_part(rulebook: Rulebook) -> None:
    sentence = "Civil Service Hospital in the capital said it had received 26 people hurt."
    whole = _fact(A, 58, stated="58", sentence="Police put the total at 58.", metric="wounded")
    site = _fact(A, 26, stated="26 people", sentence=sentence, offset=200, metric="wounded")
    alone = _fact(B, 26, stated="26 people", sentence=sentence, metric="wounded")
    out = _assign([whole, site, alone], rulebook)
    assert out[site.id].increment and out[site.id].part_of == "one site's count"
    assert not out[whole.id].increment
    # Beside a larger figure in another report of the story, it is one site's count too.
    assert out[alone.id].increment and out[alone.id].part_of == "one site's count"
    # With no larger figure in the story, the hospital's count is the article's claim.
    assert not _assign([alone], rulebook)[alone.id].increment


def test_a_part_with_a_group_of_its_own_is_that_groups_claim(rulebook: Rulebook) -> None:
    fact = _fact(
        A,
        12,
        stated="12 children",
        sentence="The blast killed 40 people, including 12 children.",
        victims="children",
    )
    out = _assign([fact], rulebook)[fact.id]
    assert not out.increment and out.part_of == "group children"


def test_the_past_week_is_the_incidents_own_days(rulebook: Rulebook) -> None:
    week = _fact(
        A,
        48000,
        stated="48,000 people",
        sentence="Attacks displaced 48,000 people in the past week.",
    )
    years = _fact(
        A,
        48000,
        stated="48,000 people",
        sentence="Attacks displaced 48,000 people in the past decade.",
        offset=300,
    )
    out = _assign([week, years], rulebook)
    assert not out[week.id].background
    assert out[years.id].background


def test_a_troop_count_counts_every_soldier_and_a_critical_state_is_no_toll(
    rulebook: Rulebook,
) -> None:
    troops = _fact(
        A, 1700, stated="1,700 soldiers", sentence="Some 1,700 soldiers were sent.", metric="troops"
    )
    troops = troops.model_copy(update={"victims": "soldiers"})
    assert _assign([troops], rulebook)[troops.id].victims is None
    state = _fact(
        A, 5, stated="Five people", sentence="Five people are in critical condition.", offset=300
    )
    assert _assign([state], rulebook)[state.id].increment


def test_the_deadliest_disaster_in_decades_is_this_one(rulebook: Rulebook) -> None:
    fact = _fact(
        A,
        80,
        stated="About 80 people",
        sentence="About 80 people are missing after the deadliest floods in decades.",
        metric="missing",
    )
    assert not _assign([fact], rulebook)[fact.id].background


def test_a_division_the_gazetteer_does_not_list_is_a_part(lex: Lexicon) -> None:
    county = _fact(
        places=("Iraq", "Hit district"),
        sentence="A car bomb killed 16 people in Hit district, officials said.",
    )
    assert scope_of(county, frozenset({"Iraq"}), lex) == "Hit district"


def test_a_division_named_by_its_town_is_the_town(lex: Lexicon) -> None:
    # "in Ramadi town": the town the gazetteer knows as Ramadi.
    town = _fact(places=("Ramadi town",), sentence="A car bomb killed 16 people in Ramadi town.")
    assert scope_of(town, frozenset({"Iraq"}), lex) == "Ramadi"


def test_a_place_is_found_by_its_name_in_another_case(lex: Lexicon) -> None:
    # The place is "Fars Province", written "Fars province" right by the figure.
    fact = _fact(
        places=("Fars Province", "Hormozgan"),
        sentence="A quake killed 16 people in Fars province, a week after one in Hormozgan.",
    )
    assert scope_of(fact, frozenset({"Iran"}), lex) == "Fars Province"
    # A dateline's capitals name where the report was filed, not the figure's place.
    dated = _fact(
        places=("Fars Province", "Hormozgan"),
        sentence="FARS PROVINCE, Iran - A quake killed 16 people, a week after one in Hormozgan.",
    )
    assert scope_of(dated, frozenset({"Iran"}), lex) == "Fars Province+Hormozgan"


# --- places told again by their kind, wider areas, the place right after a figure -----------


def _told_of_the_city(antecedents: tuple[str, ...]) -> Fact:
    """A displaced count told of "the city", with the names its article gave before it."""
    sentence = "About 9,500 residents of the city slept in schools."
    fact = _fact(low=9500, stated="About 9,500", sentence=sentence, metric="displaced")
    return fact.model_copy(update={"antecedents": list(antecedents)})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("About 9,500 residents of the city spent the night in schools", "city"),
        ("More than 41,000 people were displaced across the province", "region"),
        ("in the town, police said", "city"),
        ("1,800 people from the city are in shelters", "city"),
        ("throughout the state on Monday", "region"),
        ("while four people died in the state capital itself", "city"),
        # Another noun's words: no place told again.
        ("including 21 in the state capital, X, on Friday", None),
        ("taken to the state-run hospital", None),
        ("members of the city council said", None),
        ("the city was flooded", None),
    ],
)
def test_a_place_told_again_by_its_kind(text: str, kind: str | None, lex: Lexicon) -> None:
    found = lex.anaphor_re.search(text)
    assert (found.lastgroup if found else None) == kind


def test_the_city_is_the_city_its_article_named_last(rulebook: Rulebook) -> None:
    told = _told_of_the_city(("Mosul", "Baghdad", "Tuesday"))
    named = _fact(B, 12, sentence="Floods killed 12 in Baghdad.", places=("Baghdad",))
    out = _assign([told, named], rulebook)
    assert out[told.id].places == ["Baghdad"]


def test_the_state_is_no_district_named_before(rulebook: Rulebook) -> None:
    # "across the state" after "Mosul district" and "Nineveh province" were
    # named: the state is neither; "across the province" is the province.
    for text, place in (("the state", []), ("the province", ["Nineveh province"])):
        sentence = f"More than 52,000 people were in camps across {text}."
        told = _fact(low=52000, stated="More than 52,000", sentence=sentence, metric="displaced")
        told = told.model_copy(update={"antecedents": ["Nineveh province", "Mosul district"]})
        assert _assign([told], rulebook)[told.id].places == place


def test_a_place_of_another_kind_is_not_the_city(rulebook: Rulebook) -> None:
    told = _told_of_the_city(("Iraq",))
    out = _assign([told], rulebook)
    assert out[told.id].places == []


def test_the_province_right_after_a_figure_is_its_place_whatever_else_its_sentence_names(
    rulebook: Rulebook,
) -> None:
    sentence = "The storm killed 41 people in the province, 15 of them in the city of Mosul."
    whole = _fact(B, 41, stated="41 people", sentence=sentence, places=("Mosul",))
    whole = whole.model_copy(update={"antecedents": ["Iraq", "Nineveh province", "Mosul"]})
    out = _assign([whole], rulebook)
    assert out[whole.id].places == ["Nineveh province"]
    # Told of the province further on, not right after it: the sentence's places stand.
    later = _fact(
        B, 41, stated="41 people", sentence="The storm killed 41 people in Mosul, in the province."
    )
    later = later.model_copy(update={"places": ["Mosul"], "antecedents": ["Nineveh province"]})
    assert _assign([later], rulebook)[later.id].places == ["Mosul"]


def test_the_city_a_few_words_after_a_figure_is_its_place(rulebook: Rulebook) -> None:
    sentence = "Four people were killed in the city when a storm hit Anbar."
    fact = _fact(B, 4, stated="Four people", sentence=sentence, places=("Anbar",))
    fact = fact.model_copy(update={"antecedents": ["Iraq", "Ramadi", "RAMADI"]})
    assert _assign([fact], rulebook)[fact.id].places == ["Ramadi"]


def test_a_city_told_as_a_part_is_never_the_whole_area(rulebook: Rulebook) -> None:
    # Every report names the city, one of them as a part of the region's toll:
    # the city's own toll counts the city, not the story's whole area.
    sentence = "The storm killed 41 people in Anbar, 15 of them in the city of Ramadi."
    region = _fact(A, 41, stated="41 people", sentence=sentence, places=("Anbar",))
    part = _fact(
        A,
        15,
        stated="15 of them in the city of Ramadi",
        sentence=sentence,
        places=("Ramadi",),
        offset=300,
    )
    city = [
        _fact(f"c.txt#{k}", 15, sentence="15 died in Ramadi.", stated="15", places=("Ramadi",))
        for k in range(3)
    ]
    out = _assign([region, part, *city], rulebook, _story(A, *(c.article for c in city)))
    assert {out[c.id].scope for c in city} == {"Ramadi"}
    assert out[part.id].scope == "Ramadi"


def _city_named_by_all(part_sentence: str, part: str) -> tuple[Fact, list[Fact], Story]:
    """A part told in ``part_sentence`` (at ``part``) and three reports' 15 dead in Ramadi."""
    told = _fact(A, 15, stated=part, sentence=part_sentence, places=("Ramadi", "Anbar"))
    city = [
        _fact(f"c.txt#{k}", 15, sentence="15 died in Ramadi.", stated="15", places=("Ramadi",))
        for k in range(3)
    ]
    return told, city, _story(A, *(c.article for c in city))


def test_a_city_where_some_of_the_dead_were_is_a_part(rulebook: Rulebook) -> None:
    told, city, story = _city_named_by_all(
        "Floods killed 41 in Anbar. Fifteen of the dead were in the town of Ramadi.", "Fifteen"
    )
    out = _assign([told, *city], rulebook, story)
    assert {out[c.id].scope for c in city} == {"Ramadi"}
    # Another metric's figures told of the city still count the whole area.
    missing = _fact("c.txt#9", 3, sentence="3 missing in Ramadi.", stated="3", places=("Ramadi",))
    missing = missing.model_copy(update={"metric": "missing"})
    story = story.model_copy(update={"articles": [*story.articles, missing.article]})
    assert _assign([told, *city, missing], rulebook, story)[missing.id].scope == ""


def test_a_place_past_a_parts_clause_is_not_the_parts(rulebook: Rulebook) -> None:
    told, city, story = _city_named_by_all(
        "Gunmen took 24 people, including 15 pupils, from a school bus near Ramadi in Anbar.",
        "15 pupils",
    )
    out = _assign([told, *city], rulebook, story)
    assert {out[c.id].scope for c in city} == {""}


def test_a_figure_told_nationwide_in_a_story_of_one_province_counts_a_wider_area(
    lex: Lexicon,
) -> None:
    fact = _fact(
        places=("Iraq",),
        low=26,
        sentence="A storm killed at least 26 people nationwide over the weekend in Iraq.",
        stated="at least 26 people",
    )
    assert place_of(fact, frozenset({"Iraq", "Anbar"}), lex) == ("Iraq", True)
    # In a story of the whole country, the country is the whole area.
    assert place_of(fact, frozenset({"Iraq"}), lex) == ("", False)


def test_a_figure_whose_only_place_is_its_parts_counts_the_whole_area(lex: Lexicon) -> None:
    fact = _fact(
        places=("Ramadi",),
        low=24,
        sentence="Across the country, the protests left 24 people dead, including nine in Ramadi.",
        stated="24 people",
    )
    assert scope_of(fact, frozenset({"Iraq"}), lex) == ""


def test_a_town_told_in_another_region_is_that_regions_not_a_part_of_the_whole(
    lex: Lexicon,
) -> None:
    fact = _fact(
        places=("Mosul", "Nineveh"),
        low=8,
        sentence="Hours earlier, gunmen killed eight people in Mosul, in Nineveh province.",
        stated="eight people",
    )
    assert scope_of(fact, frozenset({"Iraq", "Anbar"}), lex) == "Nineveh"
    # In a story of the whole country, the town is a part of it.
    assert scope_of(fact, frozenset({"Iraq"}), lex) == "Mosul"


def test_the_owner_right_after_a_figure_is_its_place_when_what_it_owns_is_unknown(
    lex: Lexicon,
) -> None:
    # "landfall near Ramadi killed 27 across Iraq's X region": not Ramadi's 27.
    fact = _fact(
        places=("Ramadi", "Iraq"),
        low=27,
        sentence="A storm that hit Ramadi killed 27 people across Iraq's Qadisiyah region.",
        stated="27 people",
    )
    assert scope_of(fact, frozenset({"Iraq"}), lex) == ""
    assert scope_of(fact, frozenset({"Iraq", "Ramadi"}), lex) == ""


def test_antecedents_are_not_output() -> None:
    assert "antecedents" not in _told_of_the_city(("Mosul",)).model_dump(mode="json")


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
    fact = _fact(low=48, stated="48 people", sentence=sentence, places=places)
    assert place_of(fact, WHOLE, lex) == expected


def test_a_place_right_after_the_figure_is_its_own(lex: Lexicon) -> None:
    sentence = "A quake struck near the border of Iraq and Syria, killing 14 people in Iraq."
    fact = _fact(low=14, stated="14 people", sentence=sentence, places=("Iraq", "Syria"))
    assert place_of(fact, frozenset(), lex) == ("Iraq", False)
    both = _fact(
        low=14,
        stated="14 people",
        sentence="A quake killed 14 people across Iraq and Syria.",
        places=("Iraq", "Syria"),
    )
    assert place_of(both, frozenset(), lex) == ("Iraq+Syria", False)


def test_a_figure_another_article_tells_as_a_part_is_that_part(rulebook: Rulebook) -> None:
    sentence = "The fire killed 17 people, of whom 15 were students, police said."
    whole = _fact(A, 17, stated="17 people", sentence=sentence, offset=100)
    part = _fact(A, 15, stated="15", sentence=sentence, offset=126)
    students = _fact(B, 15, stated="Fifteen students", sentence="Fifteen students died.")
    people = _fact(C, 15, stated="15 people", sentence="The fire killed 15 people.")
    out = _assign([whole, part, students, people], rulebook)
    assert out[part.id].increment and not out[whole.id].increment
    # The same number of the same noun is the part; of everyone, it is a toll.
    assert out[students.id].increment
    assert not out[people.id].increment


def test_a_figure_told_nationwide_beside_the_citys_own_counts_the_country(
    rulebook: Rulebook,
) -> None:
    def arrested(article: str, low: int, sentence: str, places: tuple[str, ...]) -> Fact:
        fact = _fact(article, low, sentence=sentence, metric="arrested", places=places)
        return fact.model_copy(update={"countries": ["Iraq"]})

    city = arrested(A, 410, "Police said 410 people had been arrested in Ramadi.", ("Ramadi",))
    also = arrested(C, 410, "In Ramadi 410 people were held.", ("Iraq", "Ramadi"))
    nationwide = arrested(B, 1105, "The ministry said 1105 were arrested across the country.", ())
    out = _assign([city, also, nationwide], rulebook)
    assert out[nationwide.id].scope == "Iraq"
    assert out[city.id].scope == ""
    # Where no figure of its metric is told of the city by name, the story's
    # whole area is what it counts.
    killed = arrested(A, 4, "4 were killed in Ramadi.", ("Ramadi",))
    killed = killed.model_copy(update={"metric": "killed"})
    out = _assign([killed, also.model_copy(update={"metric": "killed"}), nationwide], rulebook)
    assert out[nationwide.id].scope == ""


def test_a_count_of_those_treated_at_a_hospital_is_one_sites(rulebook: Rulebook) -> None:
    whole = _fact(A, 21, stated="21", sentence="Officials said 21 were injured.", metric="wounded")
    treated = _fact(
        B,
        12,
        stated="12 people",
        sentence="12 people hurt in the crash were being treated at the provincial hospital.",
        metric="wounded",
    )
    # "taken to hospital" says where the injured went, not one site's count.
    taken = _fact(
        C,
        19,
        stated="19",
        sentence="Police said 19 injured were taken to hospital in the capital.",
        metric="wounded",
    )
    out = _assign([whole, treated, taken], rulebook)
    assert out[treated.id].increment and out[treated.id].part_of == "one site's count"
    assert not out[taken.id].increment


def test_another_count_after_a_figure_of_another_metric_is_its_first(
    rulebook: Rulebook,
) -> None:
    killed = _fact(A, 6, stated="Six people", sentence="Six people were killed.")
    wounded = _fact(
        A,
        14,
        stated="14 people",
        sentence="Another 14 people were injured.",
        metric="wounded",
        offset=300,
    )
    more = _fact(
        B,
        12,
        stated="12 bodies",
        sentence="Rescuers found another 12 bodies, raising the toll.",
    )
    out = _assign([killed, wounded, more], rulebook)
    assert not out[wounded.id].increment
    # Another of the same metric, the first figure of its article, is still an addition.
    assert out[more.id].increment


def test_counts_listed_by_place_are_items_of_a_breakdown(lex: Lexicon) -> None:
    sentence = "Fires killed 19 people in Alpha Town, four in Beta Town and three in Gamma Town."
    whole = "Seven people died in the cyclone, four in Alpha Town and three in Beta Town."
    facts = [
        _fact(A, 19, stated="19 people", sentence=sentence),
        _fact(A, 4, stated="four", sentence=sentence),
        _fact(B, 7, stated="Seven people", sentence=whole),
        _fact(B, 4, stated="four", sentence=whole),
    ]
    items = breakdown_items(facts, lex)
    # Each count told of a town is an item; the count before "in the cyclone" is the whole.
    assert items == {facts[0].id, facts[1].id, facts[3].id}


def test_a_count_of_them_after_a_figure_is_its_part_not_an_item_beside_it(
    lex: Lexicon,
) -> None:
    sentence = (
        "A fire swept through a factory on Wednesday, killing 11 workers, eight of them women."
    )
    facts = [
        _fact(A, 11, stated="11 workers", sentence=sentence),
        _fact(A, 8, stated="eight of them women", sentence=sentence, victims="women"),
    ]
    # The 11 are everyone, the eight some of them: no listed breakdown.
    assert breakdown_items(facts, lex) == set()
    whom = "The toll from the fire rose to 14, five of whom were women, officials said."
    facts = [
        _fact(A, 14, stated="14", sentence=whom),
        _fact(A, 5, stated="five of whom were women", sentence=whom, victims="women"),
    ]
    assert breakdown_items(facts, lex) == set()
    listed = "Two crew members and five passengers were killed."
    items = [
        _fact(B, 2, stated="Two crew members", sentence=listed, victims="crew"),
        _fact(B, 5, stated="five passengers", sentence=listed, victims="passengers"),
    ]
    assert breakdown_items(items, lex) == {items[0].id}


def test_a_count_after_one_person_and_and_is_an_item(lex: Lexicon) -> None:
    one = "A train driver and two passengers died when the train hit a lorry."
    facts = [_fact(A, 2, stated="two passengers", sentence=one)]
    # The toll is three: the two passengers are an item beside the driver.
    assert breakdown_items(facts, lex) == {facts[0].id}
    many = "The storm killed two passengers and a driver."
    assert breakdown_items([_fact(B, 2, stated="two passengers", sentence=many)], lex) == set()


def test_figures_before_an_articles_overall_figure_are_its_parts(lex: Lexicon) -> None:
    first = "Six people were killed when a car bomb exploded in the market district on Monday."
    whole = "Overall, 17 people were killed in the two bombings, the ministry said."
    facts = [
        _fact(A, 6, stated="Six people", sentence=first),
        _fact(A, 17, stated="17 people", sentence=whole, offset=300),
    ]
    assert under_a_whole(facts, lex) == {facts[0].id}
    # Not a whole: a figure far into a sentence that only opens with the word.
    later = "Overall, the ministry said on Monday night that 17 people were killed."
    facts[1] = _fact(A, 17, stated="17 people", sentence=later, offset=300)
    assert under_a_whole(facts, lex) == set()


def test_a_town_in_the_figures_own_words_is_its_place(rulebook: Rulebook) -> None:
    fact = _fact(
        A,
        2300,
        stated="2,300 Townville residents",
        sentence="About 2,300 Townville residents were evacuated from low-lying suburbs.",
        metric="displaced",
    )
    town = Place(name="Townville", country="Iraq", kind="city")
    articles = {A: _article(A)}
    out = assign([fact], [_story(A)], articles, rulebook, towns={"S1": {"Townville": town}})
    assert "Townville" in out[0].places


def test_a_title_giving_a_part_told_in_the_body_gives_the_part(rulebook: Rulebook) -> None:
    title = "Nine elderly residents killed in care home blaze"
    body = "Nine elderly residents were among those killed when fire tore through the home."
    headline = _fact(A, 9, stated="Nine elderly residents", sentence=title, offset=0)
    told = _fact(A, 9, stated="Nine elderly residents", sentence=body, offset=len(title) + 2)
    other = _fact(B, 9, stated="Nine people", sentence="Nine people were killed in a fire.")
    articles = {
        A: _article(A).model_copy(update={"title": title, "text": f"{title}\n\n{body}"}),
        B: _article(B),
    }
    out = {f.id: f for f in assign([headline, told, other], [_story(A, B)], articles, rulebook)}
    assert out[told.id].increment and out[headline.id].increment
    # A title of its own words is its article's toll.
    assert not out[other.id].increment


def test_a_texts_figure_without_a_place_takes_its_titles_place(rulebook: Rulebook) -> None:
    title = "Three dead in Ramadi as storm hits"
    body = "Three people were killed overnight, regional officials said."
    headline = _fact(A, 3, stated="Three", sentence=title, offset=0, places=("Ramadi",))
    told = _fact(A, 3, stated="Three people", sentence=body, offset=len(title) + 2)
    whole = _fact(
        B, 11, stated="11 people", sentence="The storm killed 11 people.", places=("Anbar",)
    )
    articles = {
        A: _article(A).model_copy(update={"title": title, "text": f"{title}\n\n{body}"}),
        B: _article(B),
    }
    out = {f.id: f for f in assign([headline, told, whole], [_story(A, B)], articles, rulebook)}
    assert out[headline.id].scope == "Ramadi"
    assert out[told.id].scope == "Ramadi"
    assert out[whole.id].scope == ""


def test_a_hospital_named_after_a_town_is_no_place_of_the_figure(rulebook: Rulebook) -> None:
    at_hospital = _fact(
        A,
        5,
        stated="Five",
        sentence="Five of the injured were in serious condition at Townville General Hospital.",
        metric="wounded",
    )
    in_town = _fact(
        B, 5, stated="Five", sentence="Five people were injured in Townville.", metric="wounded"
    )
    town = Place(name="Townville", country="Iraq", kind="city")
    articles = {A: _article(A), B: _article(B)}
    out = assign(
        [at_hospital, in_town],
        [_story(A, B)],
        articles,
        rulebook,
        towns={"S1": {"Townville": town}},
    )
    assert [("Townville" in f.places) for f in out] == [False, True]


def test_every_town_of_a_list_after_a_locative_is_a_place_of_the_figure(
    rulebook: Rulebook,
) -> None:
    sentence = (
        "More than 1,500 people were evacuated from villages in the districts of "
        "Townville, Easton and Weston, the authority said."
    )
    fact = _fact(A, 1501, stated="More than 1,500 people", sentence=sentence, metric="displaced")
    towns = {
        n: Place(name=n, country="Iraq", kind="city") for n in ("Townville", "Easton", "Weston")
    }
    out = assign([fact], [_story(A)], {A: _article(A)}, rulebook, towns={"S1": towns})
    assert {"Townville", "Easton", "Weston"} <= set(out[0].places)
    # A capitalised word after a list's comma that is no list of places names none.
    told = "More than 1,500 people were evacuated, Easton officials said."
    fact = _fact(A, 1501, stated="More than 1,500 people", sentence=told, metric="displaced")
    out = assign([fact], [_story(A)], {A: _article(A)}, rulebook, towns={"S1": towns})
    assert "Easton" not in out[0].places


def test_a_figure_told_across_the_country_in_a_story_of_one_region_counts_wider(
    lex: Lexicon,
) -> None:
    across = _fact(places=("Iraq",), low=9, sentence="Floods killed 9 people across Iraq.")
    assert place_of(across, frozenset({"Iraq", "Anbar"}), lex) == ("Iraq", True)
    # "in" the country is where the story's own figure was counted.
    inside = _fact(places=("Iraq",), low=9, sentence="Floods killed 9 people in Iraq.")
    assert place_of(inside, frozenset({"Iraq", "Anbar"}), lex) == ("", False)
    # So in a story of one of its towns.
    assert place_of(across, frozenset({"Iraq", "Mosul"}), lex) == ("Iraq", True)
    assert place_of(across, frozenset({"Iraq"}), lex) == ("", False)


def test_a_figure_across_a_list_of_regions_with_the_storys_counts_wider(lex: Lexicon) -> None:
    regions = ("Anbar", "Nineveh", "Diyala")
    across = _fact(
        places=regions,
        low=14,
        sentence="Storms killed at least 14 people across Anbar, Nineveh and Diyala.",
    )
    # Three regions, one of them the story's: a count over more than its area.
    scope, wider = place_of(across, frozenset({"Iraq", "Anbar"}), lex)
    assert wider and scope.startswith("Anbar+")
    # A list of places with no word for all over them: no wider area.
    listed = _fact(
        places=regions, low=14, sentence="The 14 dead came from Anbar, Nineveh and Diyala."
    )
    assert place_of(listed, frozenset({"Iraq", "Anbar"}), lex)[1] is False


# --- a point happening's toll in its one town ---------------------------------------------


def _site_story(point: bool = True) -> Story:
    return Story(id="S1", label="crash", articles=["a.txt#1", "b.txt#1"], point=point)


@pytest.mark.parametrize(
    ("point", "other_town", "offset", "sentence", "whole"),
    [
        # "27 injured when a bus overturned near X": the crash's toll.
        (True, None, 100, "The bus overturned near Ramadi, injuring 27 people.", True),
        # A flood's town counts only its share.
        (False, None, 100, "The flood near Ramadi injured 27 people.", False),
        # Another town's toll in the story: a breakdown by town.
        (True, "Fallujah", 100, "The bus overturned near Ramadi, injuring 27 people.", False),
        # Past the lead: another happening's, maybe ("in May, a bomb in X wounded 27").
        (True, None, 900, "In May, a bomb in Ramadi injured 27 people.", False),
        # A hospital's count in the town.
        (True, None, 100, "In Ramadi, 27 people were admitted to hospital.", False),
    ],
)
def test_a_point_happenings_lead_toll_in_its_town_counts_the_whole_story(
    lex: Lexicon, point: bool, other_town: str | None, offset: int, sentence: str, whole: bool
) -> None:
    dated = [
        _fact(
            "a.txt#1", None, metric="date", sentence="Filed on Monday.", stated="Monday", offset=k
        )
        for k in (0, 40, 500)
    ]
    toll = _fact(
        "a.txt#1", 27, metric="wounded", places=("Ramadi",), sentence=sentence, offset=offset
    )
    facts = [*dated, toll, _fact("b.txt#1", 32, metric="wounded", places=("Anbar",))]
    scopes = {toll.id: "Ramadi"}
    if other_town is not None:
        other = _fact("b.txt#1", 5, metric="killed", places=(other_town,), offset=300)
        facts.append(other)
        scopes[other.id] = other_town
    story = _site_story(point)
    found = _at_the_site(facts, scopes, {"a.txt#1": story, "b.txt#1": story}, lex, {})
    assert found[toll.id] == ("" if whole else "Ramadi")
