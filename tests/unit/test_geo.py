"""GeoNames towns: found only in the countries a story names, never common words."""

from __future__ import annotations

import datetime as dt

from checker.claims import assign
from checker.geo import cities_in, country_codes
from checker.models import Article, DateRange, Fact, Interval, Story
from checker.rulebook import Rulebook


def test_country_codes_use_the_rules_aliases_where_geonames_differs() -> None:
    assert set(country_codes(["Japan", "Palestine"], {"Palestine": "PS"})) == {"JP", "PS"}
    assert country_codes(["Nowhere Land"], {}) == {}


def test_a_city_is_found_only_in_the_story_countries() -> None:
    text = "Twelve people died in Sendai after the storm."
    found = cities_in(text, {"JP": "Japan"}, frozenset())
    assert [(p.name, p.country, p.kind) for p in found] == [("Sendai", "Japan", "city")]
    assert cities_in(text, {"FR": "France"}, frozenset()) == []


def test_a_city_is_found_by_its_short_form() -> None:
    from checker.geo import _short_forms

    cities = [
        {"countrycode": "MX", "name": "Chilapa de Álvarez", "alternatenames": ["Chilapa"]},
        # Two cities known by one short form, or one that starts many names:
        # neither city is that form's.
        {
            "countrycode": "BR",
            "name": "Santo Antônio do Leverger",
            "alternatenames": ["Santo Antonio"],
        },
        {"countrycode": "BR", "name": "Santo Antônio do Tauá", "alternatenames": ["Santo Antonio"]},
        {"countrycode": "BR", "name": "Presidente Médici", "alternatenames": ["Presidente"]},
        {"countrycode": "BR", "name": "Presidente Prudente", "alternatenames": []},
        # Too short, or another city's whole name.
        {"countrycode": "MX", "name": "Tula de Allende", "alternatenames": ["Tula"]},
    ]
    assert _short_forms(cities) == [("MX", "Chilapa", "Chilapa de Álvarez")]
    text = "Armed men attacked a village near Chilapa on Saturday, killing eight."
    found = cities_in(text, {"MX": "Mexico"}, frozenset())
    # Found by its short form, the town keeps the name the text gives it.
    assert [(p.name, p.country) for p in found] == [("Chilapa", "Mexico")]
    # Written without its accents, it keeps its own name.
    plain = cities_in("Floods hit Merida on Monday.", {"MX": "Mexico"}, frozenset())
    assert [p.name for p in plain] == ["Mérida"]


def test_a_city_after_another_capitalised_word_is_found() -> None:
    # "Miyagi's Sendai": the run of capitalised words starts with another name.
    text = "Twelve people died as the storm hit Miyagi's Sendai port."
    found = cities_in(text, {"JP": "Japan"}, frozenset())
    assert [p.name for p in found] == ["Sendai"]


def test_skipped_words_are_never_cities() -> None:
    text = "Police said Sendai was hit."
    found = cities_in(text, {"JP": "Japan"}, frozenset({"Sendai"}))
    assert found == []


def _fact(fid: str, article: str, sentence: str, stated: str, value: int) -> Fact:
    start = sentence.index(stated)
    return Fact(
        id=fid,
        article=article,
        metric="killed",
        stated=stated,
        sentence=sentence,
        span=(start, start + len(stated)),
        sentence_span=(0, len(sentence)),
        interval=Interval(low=value, high=value),
        likely=Interval(low=value, high=value),
        places=["Japan"],
        countries=["Japan"],
        date=DateRange(),
    )


def test_a_town_named_in_a_figure_makes_it_a_part_of_the_story(rulebook: Rulebook) -> None:
    day = dt.date(2024, 1, 2)
    articles = {
        a: Article(id=a, source=a, index=1, outlet=a, published=day) for a in ("a#1", "b#1", "c#1")
    }
    facts = [
        _fact("a#1@0", "a#1", "The quake killed 55 people in Sendai, Japan.", "55 people", 55),
        _fact("b#1@0", "b#1", "The quake in Japan killed 72 people.", "72 people", 72),
        _fact("c#1@0", "c#1", "In Japan, 70 people were killed.", "70 people", 70),
    ]
    story = Story(id="S1", label="quake", articles=["a#1", "b#1", "c#1"], start=day, end=day)
    out = {f.id: f for f in assign(facts, [story], articles, rulebook)}
    assert out["a#1@0"].scope == "Sendai"
    assert "Sendai" in out["a#1@0"].places
    assert out["b#1@0"].scope == ""


def test_a_news_agency_is_never_a_town(rulebook: Rulebook) -> None:
    from checker.extract import lexicon
    from checker.geo import skip_words

    text = "Eleven people were killed, Xinhua news agency said."
    assert [p.name for p in cities_in(text, {"CN": "China"}, frozenset())] == ["Xinhua"]
    assert cities_in(text, {"CN": "China"}, skip_words(lexicon(rulebook))) == []


def test_the_head_of_an_institutions_name_is_never_a_town(rulebook: Rulebook) -> None:
    from checker.extract import lexicon
    from checker.geo import skip_words

    # GeoNames lists a town called University; "Indiana University" is no town.
    text = "Police arrested 29 people at Indiana University on Thursday."
    assert [p.name for p in cities_in(text, {"US": "United States"}, frozenset())] == ["University"]
    assert cities_in(text, {"US": "United States"}, skip_words(lexicon(rulebook))) == []


def test_a_town_is_spelled_as_the_city_index_finds_it() -> None:
    from checker.geo import town_spellings
    from checker.rulebook import Place

    town = Place(name="Chilapa de Álvarez", country="Mexico", kind="city")
    spellings = town_spellings(town, {})
    assert spellings[0] == "Chilapa de Álvarez"
    assert {"Chilapa de Alvarez", "Chilapa"} <= set(spellings)
    assert town_spellings(Place(name="Nowhere", country="Atlantis", kind="city"), {}) == (
        "Nowhere",
    )
