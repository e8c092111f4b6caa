"""Normalise: metric, victims, places, tally, attribution and the words as stated.

Every sentence here is hand-written (not seed text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import analyse, lexicon
from checker.extract.text import split_sentences
from checker.models import Article, Fact
from checker.normalise import _FAR_WINDOW, _metric_cues, normalise, places_in
from checker.rulebook import Rulebook

WED = dt.date(2023, 10, 25)


def _article(text: str, published: dt.date | None = WED) -> Article:
    return Article(
        id="s#1",
        source="s",
        index=1,
        text=text,
        published=published,
        published_from="metadata" if published else None,
    )


def _facts(text: str, rulebook: Rulebook, published: dt.date | None = WED) -> list[Fact]:
    article = _article(text, published)
    facts = normalise(analyse(article, rulebook), rulebook)
    for fact in facts:
        _check_fact_span(fact, article)
    return [f for f in facts if f.metric != "date"]


def _check_fact_span(fact: Fact, article: Article) -> None:
    text = article.text
    assert text[fact.span[0] : fact.span[1]] == fact.stated
    assert text[fact.sentence_span[0] : fact.sentence_span[1]] == fact.sentence
    assert fact.sentence_span[0] <= fact.span[0] <= fact.span[1] <= fact.sentence_span[1]
    assert fact.stated in fact.sentence
    assert fact.article == article.id


def _by_metric(facts: list[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for f in facts:
        out.setdefault(f.metric, []).append(f)
    return out


def _place_names(sentence: str, rulebook: Rulebook) -> list[str]:
    lex = lexicon(rulebook)
    sentences = split_sentences(sentence, lex.abbreviations)
    assert len(sentences) == 1
    return [p.name for p in places_in(sentences[0], lex)]


# --- metric -----------------------------------------------------------------------------------


def test_killed_and_abducted_in_one_sentence(rulebook: Rulebook) -> None:
    text = "Gunmen attacked the village, killing 1,200 people and abducting 250 others."
    facts = _by_metric(_facts(text, rulebook))
    assert [f.stated for f in facts["killed"]] == ["1,200 people"]
    assert [f.stated for f in facts["abducted"]] == ["250 others"]
    assert (facts["killed"][0].interval.low, facts["killed"][0].interval.high) == (1200, 1200)
    assert (facts["abducted"][0].interval.low, facts["abducted"][0].interval.high) == (250, 250)
    assert set(facts) == {"killed", "abducted"}


def test_killed_and_wounded_in_one_sentence(rulebook: Rulebook) -> None:
    text = "In addition to 16 killed, it said 36 had been wounded."
    facts = _by_metric(_facts(text, rulebook))
    assert [f.interval.low for f in facts["killed"]] == [16]
    assert [f.interval.low for f in facts["wounded"]] == [36]
    assert set(facts) == {"killed", "wounded"}


def test_killed_troops_are_killed_not_troops(rulebook: Rulebook) -> None:
    text = "A drone attack killed three U.S. troops in Jordan."
    facts = _facts(text, rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("killed", "three U.S. troops")]
    assert facts[0].interval.low == 3


def test_deployed_troops_are_troops(rulebook: Rulebook) -> None:
    text = "There are about 2,500 US troops in Iraq."
    facts = _facts(text, rulebook)
    assert [f.metric for f in facts] == ["troops"]
    assert facts[0].victims == "US soldiers"
    assert (facts[0].interval.low, facts[0].interval.high) == (2250, 2750)


def test_other_metrics(rulebook: Rulebook) -> None:
    facts = _facts("Police arrested 14 people after the protest.", rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("arrested", "14 people")]
    facts = _facts("The fighting has displaced more than 6,000 families.", rulebook)
    assert [(f.metric, f.interval.low) for f in facts] == [("displaced", 6001)]
    facts = _facts("Militias carried out more than 150 attacks on bases.", rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("attacks", "more than 150 attacks")]


@pytest.mark.parametrize(
    "text",
    [
        "His 60-year-old father was killed in the strikes.",
        "The strike on Tower 22 caused the first death of service members since 2020.",
        "The third attack killed nobody.",
    ],
)
def test_non_counts_make_no_facts(text: str, rulebook: Rulebook) -> None:
    assert _facts(text, rulebook) == []


def test_time_next_to_a_count(rulebook: Rulebook) -> None:
    text = "At 10:30 the strike hit the base and killed dozens of people."
    facts = _facts(text, rulebook)
    assert [(f.metric, f.stated) for f in facts] == [("killed", "dozens of people")]
    assert (facts[0].interval.low, facts[0].interval.high) == (24, 99)


# --- victims ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Three US soldiers were killed in an attack on a base.", "US soldiers"),
        ("A drone attack killed three U.S. troops in Jordan.", "US soldiers"),
        ("A funeral was held for 17 more slain militiamen.", "militants"),
        ("Gunmen attacked the village, killing 1,200 people.", "people"),
        ("The strike killed 12 children in the camp.", "children"),
        ("Its forces have killed more than 43,000 Palestinians.", "Palestinian people"),
    ],
)
def test_victims(text: str, victims: str, rulebook: Rulebook) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert len(facts) == 1
    assert facts[0].victims == victims


def test_victims_unknown_when_no_noun(rulebook: Rulebook) -> None:
    facts = _facts("The strikes in the capital killed 16, including civilians.", rulebook)
    assert [f.metric for f in facts] == ["killed"]
    assert facts[0].stated == "16"
    assert facts[0].victims is None


# --- places ---------------------------------------------------------------------------------


def test_places_with_their_country(rulebook: Rulebook) -> None:
    facts = _facts("The strikes killed 16 people in Akashat on Saturday.", rulebook)
    assert len(facts) == 1
    assert facts[0].places == ["Akashat"]
    assert facts[0].countries == ["Iraq"]


def test_possessive_country_is_not_the_place(rulebook: Rulebook) -> None:
    text = "Israel's attack on Gaza has killed more than 6,000 people."
    assert _place_names(text, rulebook) == ["Gaza"]
    facts = _facts(text, rulebook)
    assert len(facts) == 1
    assert facts[0].places == ["Gaza"]
    assert "Israel" not in facts[0].countries


def test_based_is_ignored(rulebook: Rulebook) -> None:
    text = (
        "Rami Abdurrahman, who heads the Britain-based Syrian Observatory for Human Rights, "
        "said that 23 people were killed in the Syria strikes."
    )
    names = _place_names(text, rulebook)
    assert names == ["Syria"]
    facts = _facts(text, rulebook)
    assert [f.countries for f in facts] == [["Syria"]]


def test_us_troops_is_not_a_place(rulebook: Rulebook) -> None:
    text = "US troops came under fire in Iraq and Syria."
    names = _place_names(text, rulebook)
    assert names == ["Iraq", "Syria"]
    assert "United States" not in names


def test_us_as_a_place(rulebook: Rulebook) -> None:
    names = _place_names("Protests spread in the US after the strikes.", rulebook)
    assert names == ["United States"]


def test_two_countries(rulebook: Rulebook) -> None:
    facts = _facts("US military bases in Iraq and Syria were hit 12 times in 5 attacks.", rulebook)
    attacks = [f for f in facts if f.metric == "attacks"]
    assert attacks
    assert attacks[0].countries == ["Iraq", "Syria"]


# --- tallies and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "So far, 52 people have been killed.",
        "The war has killed 52 people so far.",
        "The death toll rose to 52 on Sunday.",
        "Its forces have killed more than 43,000 Palestinians.",
    ],
)
def test_cumulative(text: str, rulebook: Rulebook) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert len(facts) == 1
    assert facts[0].cumulative is True


def test_single_incident_is_not_cumulative(rulebook: Rulebook) -> None:
    facts = _facts("The strike killed 12 people on Sunday.", rulebook)
    assert [f.cumulative for f in facts] == [False]


def test_event_date_from_the_sentence(rulebook: Rulebook) -> None:
    facts = _facts("The strike killed 12 people on Sunday.", rulebook)
    assert len(facts) == 1
    assert (facts[0].date.start, facts[0].date.end) == (dt.date(2023, 10, 22),) * 2


def test_event_date_defaults_to_a_window_before_publication(rulebook: Rulebook) -> None:
    facts = _facts("The strike killed 12 people.", rulebook)
    assert len(facts) == 1
    date = facts[0].date
    assert date.known
    assert date.start is not None and date.end is not None
    assert date.start < date.end <= WED
    assert date.start <= WED - dt.timedelta(days=1)


def test_tally_date_is_a_day(rulebook: Rulebook) -> None:
    facts = _facts("The death toll rose to 52 on Sunday.", rulebook)
    assert len(facts) == 1
    assert (facts[0].date.start, facts[0].date.end) == (dt.date(2023, 10, 22),) * 2


def test_no_publication_date_leaves_date_unknown(rulebook: Rulebook) -> None:
    facts = _facts("The strike killed 12 people.", rulebook, published=None)
    assert len(facts) == 1
    assert not facts[0].date.known


# --- attribution ----------------------------------------------------------------------------


def test_according_to(rulebook: Rulebook) -> None:
    text = (
        "Israel's attack on Gaza has killed more than 6,000 people, "
        "according to the health ministry."
    )
    facts = _facts(text, rulebook)
    assert len(facts) == 1
    assert facts[0].attribution is not None
    assert "health ministry" in facts[0].attribution


def test_named_speaker_said(rulebook: Rulebook) -> None:
    text = "Rami Abdurrahman said the strikes killed 16 people."
    facts = _facts(text, rulebook)
    assert len(facts) == 1
    assert facts[0].attribution == "Rami Abdurrahman"


def test_a_speaker_named_again_by_name_alone_keeps_the_fuller_attribution(
    rulebook: Rulebook,
) -> None:
    text = (
        "Twelve people have died in the county since Monday, County Commissioner Abdi "
        "Warsame said. About 16,000 people have been displaced, Warsame said."
    )
    facts = _facts(text, rulebook)
    assert [f.attribution for f in facts] == ["County Commissioner Abdi Warsame"] * 2


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The toll rose to 21 on Sunday, the mayor's office said.", "the mayor's office"),
        ("The toll rose to 21, the governor’s office said.", "the governor’s office"),
        (
            "Nine people were killed in the fire, the district administrator said.",
            "the district administrator",
        ),
        ("Two people died after the boat overturned, the coast guard said.", "the coast guard"),
        ("Nine people were killed in the raid, the state prosecutor said.", "the state prosecutor"),
        (
            "Six people were killed in the fire, the city's fire battalion said.",
            "city's fire battalion",
        ),
        ("Nine people were killed in the fire, the Chinese embassy said.", "Chinese embassy"),
        # Civil protection: a country's or a state's emergency agency, by its name.
        (
            "Nine people were killed in the crash, state civil protection said.",
            "state civil protection",
        ),
        (
            "Eleven people have died in the blast, the state's civil protection coordinator said.",
            "civil protection coordinator",
        ),
        # A side of a war is a voice of its own ("the toll given by the military").
        (
            "A dissident faction said that its fighters had killed 11 soldiers in the attack.",
            "A dissident faction",
        ),
    ],
)
def test_an_office_named_by_its_holder(text: str, who: str, rulebook: Rulebook) -> None:
    # "s office" for both would make two authorities one.
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.attribution for f in facts] == [who]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Nineteen people were killed in the raid, a local civil society leader said.",
            "civil society leader",
        ),
        ("Nineteen people were killed in the raid, village elders said.", "village elders"),
    ],
)
def test_a_figure_told_by_people_of_the_place(text: str, who: str, rulebook: Rulebook) -> None:
    # Their figure set against an army's is two sources disagreeing.
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.attribution for f in facts] == [who]


def test_no_attribution(rulebook: Rulebook) -> None:
    facts = _facts("The strike killed 12 people.", rulebook)
    assert [f.attribution for f in facts] == [None]


# --- the words as stated ----------------------------------------------------------------------


def test_stated_includes_hedge_and_noun(rulebook: Rulebook) -> None:
    text = "Officials said at least 24 US military personnel were wounded in the attacks."
    facts = [f for f in _facts(text, rulebook) if f.metric == "wounded"]
    assert len(facts) == 1
    fact = facts[0]
    assert fact.stated == "at least 24 US military personnel"
    assert fact.sentence == text
    assert (fact.interval.low, fact.interval.high) == (24, None)
    assert fact.victims == "US soldiers"


def test_spans_in_a_multi_sentence_article(rulebook: Rulebook) -> None:
    text = (
        "Strikes hit bases\n"
        "The strikes in Iraq killed 16 people. In Syria, 23 people were killed.\n"
        "\n"
        "More than 30 others were wounded, officials said."
    )
    facts = _facts(text, rulebook)
    assert len(facts) >= 3
    ids = [f.id for f in facts]
    assert len(ids) == len(set(ids))
    killed = {f.stated: f.countries for f in facts if f.metric == "killed"}
    assert killed == {"16 people": ["Iraq"], "23 people": ["Syria"]}


def test_date_facts(rulebook: Rulebook) -> None:
    text = "The fighting began on Oct. 7, 2023 in the south."
    article = _article(text)
    facts = [f for f in normalise(analyse(article, rulebook), rulebook) if f.metric == "date"]
    assert len(facts) == 1
    assert facts[0].stated == "Oct. 7, 2023"
    assert facts[0].date.start == dt.date(2023, 10, 7)
    _check_fact_span(facts[0], article)


def test_a_count_of_them_is_a_sub_group_of_the_figure_before_it(rulebook: Rulebook) -> None:
    facts = _facts("Eight people were wounded, four of them seriously, police said.", rulebook)
    by_stated = {f.stated: f for f in facts}
    assert by_stated["Eight people"].metric == "wounded"
    sub = by_stated["four of them seriously"]
    assert (sub.metric, sub.victims, sub.interval.low) == ("wounded", "seriously hurt", 4)


def test_of_them_without_a_group_word_is_not_a_sub_count(rulebook: Rulebook) -> None:
    facts = _facts("Eight people were wounded, four of them in the market.", rulebook)
    assert [f.stated for f in facts] == ["Eight people"]


def test_a_nationality_before_another_noun_counts_that_noun(rulebook: Rulebook) -> None:
    facts = _facts("Militants claimed an attack on two Israeli bases on Monday.", rulebook)
    assert all(f.victims != "Israeli people" for f in facts)
    plural = _facts("The strike killed two Israelis near the border.", rulebook)
    assert [(f.metric, f.victims) for f in plural] == [("killed", "Israeli people")]


def test_a_denied_figure_is_no_claim(rulebook: Rulebook) -> None:
    facts = _facts("An official said there are not 200 dead, but a few dozen.", rulebook)
    assert [f.interval.low for f in facts] == []
    kept = _facts("At least 30 people were killed, not including the attackers.", rulebook)
    assert [f.interval.low for f in kept] == [30]


def test_a_group_of_people_reaches_its_verb_further_off(rulebook: Rulebook) -> None:
    text = "Over 90 villagers of the town in the district of the state were killed by the drone."
    assert [(f.metric, f.interval.low) for f in _facts(text, rulebook)] == [("killed", 91)]
    broken = "Over 90 villagers of the town in the district, officials said, were later killed."
    assert _facts(broken, rulebook) == []


def test_list_items_take_the_metric_of_the_first(rulebook: Rulebook) -> None:
    facts = _facts("Gunmen killed 11 children, three women and two men at the market.", rulebook)
    got = [(f.stated, f.metric, f.victims) for f in facts if f.metric != "date"]
    assert got == [
        ("11 children", "killed", "children"),
        ("three women", "killed", "women"),
        ("two men", "killed", "people"),
    ]


def test_list_items_after_closing_words(rulebook: Rulebook) -> None:
    text = "Of the people reported dead, 20 were females, 31 males, 9 children, officials said."
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.stated, f.victims) for f in facts][1:] == [
        ("31 males", "people"),
        ("9 children", "children"),
    ]


def test_a_distant_count_is_no_list_item(rulebook: Rulebook) -> None:
    text = (
        "Three people were killed in the blast, and the mayor, who visited the scene "
        "with aides, met 40 students."
    )
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.stated for f in facts] == ["Three people"]


def test_a_number_after_the_with_its_noun_left_out(rulebook: Rulebook) -> None:
    text = (
        "A further 400 soldiers will be sent on Sunday, joining the 2,300 already "
        "deployed, the ministry said."
    )
    facts = [f for f in _facts(text, rulebook) if f.metric == "troops"]
    assert [(f.stated, f.interval.low) for f in facts] == [("400 soldiers", 400), ("2,300", 2300)]


def test_a_figure_said_in_place_of_a_denied_one(rulebook: Rulebook) -> None:
    text = "An official said there were not 300 dead, but rather about 40, probably 30 to 50."
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.stated for f in facts] == ["about 40", "30 to 50"]
    assert all(f.interval.low is not None and f.interval.low < 300 for f in facts)


def test_a_bare_number_after_a_denial_without_a_correction_word(rulebook: Rulebook) -> None:
    text = "There were not 300 dead, officials said on 12 occasions."
    assert [f for f in _facts(text, rulebook) if f.metric == "killed"] == []


def test_a_count_with_a_verb_of_its_own_is_no_list_item(rulebook: Rulebook) -> None:
    text = (
        "Gunmen stormed the village and shot dead 11 children, four women, and 40 villagers fled."
    )
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.stated for f in facts] == ["11 children", "four women"]


def test_from_one_figure_to_another_after_a_change_verb_is_the_new_figure(
    rulebook: Rulebook,
) -> None:
    text = "The death toll rose from 31 to 281 on Sunday, officials said."
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.stated, f.interval.low, f.interval.high) for f in facts] == [("281", 281, 281)]
    ranged = [f for f in _facts("From 20 to 30 people were killed.", rulebook)]
    assert [(f.interval.low, f.interval.high) for f in ranged] == [(20, 30)]


def test_a_bare_count_after_including_counts_what_the_figure_before_it_counts(
    rulebook: Rulebook,
) -> None:
    text = "Floods have killed 80 people in the province since Monday, including 25 in the capital."
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.stated, f.interval.low) for f in facts] == [("80 people", 80), ("25", 25)]


def test_a_bare_number_in_a_list_counts_what_the_item_before_it_counts(
    rulebook: Rulebook,
) -> None:
    text = "The blasts killed 14 people in the capital and six in the east on Tuesday."
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.stated, f.interval.low, f.victims) for f in facts] == [
        ("14 people", 14, "people"),
        ("six", 6, "people"),
    ]


def test_a_count_hurt_to_a_degree_is_that_sub_group(rulebook: Rulebook) -> None:
    facts = _facts("Nine people were injured and seven others were seriously injured.", rulebook)
    assert [(f.stated, f.victims) for f in facts if f.metric == "wounded"] == [
        ("Nine people", "people"),
        ("seven others", "seriously hurt"),
    ]


def test_a_count_with_injuries_of_a_degree_is_that_sub_group(rulebook: Rulebook) -> None:
    text = "Of the 200 wounded, 90 sustained severe injuries, the hospital said."
    facts = [f for f in _facts(text, rulebook) if f.metric == "wounded"]
    assert [(f.stated.split()[0], f.victims) for f in facts] == [
        ("200", None),
        ("90", "seriously hurt"),
    ]


def test_a_count_in_critical_condition_is_the_seriously_hurt(rulebook: Rulebook) -> None:
    text = "Of those hospitalised, 48 were in critical condition on Monday."
    facts = [f for f in _facts(text, rulebook) if f.metric == "wounded"]
    assert [(f.stated.split()[0], f.victims) for f in facts][-1] == ("48", "seriously hurt")


def test_what_a_figure_rose_to_counts_what_it_counts(rulebook: Rulebook) -> None:
    text = "The toll, initially put at 8, was raised to 11 on Sunday."
    facts = [f for f in _facts(text, rulebook) if f.metric != "date"]
    assert [(f.metric, f.stated) for f in facts] == [("killed", "8"), ("killed", "11")]


def test_a_trigger_before_a_clause_opener_is_not_the_next_clauses(rulebook: Rulebook) -> None:
    text = "The attack left 18 people killed when four suicide bombers set off their vests."
    facts = [f for f in _facts(text, rulebook) if f.metric != "date"]
    assert [(f.metric, f.stated) for f in facts] == [("killed", "18 people")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The quake killed 43 people in the south, 17 of them in the city of Lyon.", "Lyon"),
        ("The quake killed 43 people in the south, 17 of them in Villeneuve.", "Villeneuve"),
        ("The quake killed 43 people in the south, 17 of them were in the town of Ys.", "Ys"),
    ],
)
def test_a_part_of_them_in_a_place_is_that_places_figure(
    text: str, place: str, rulebook: Rulebook
) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.interval.low, f.places) for f in facts][-1] == (17, [place])


def test_metric_cue_words_cover_every_search_of_every_metric(rulebook: Rulebook) -> None:
    # A metric is searched only when one of its cue words stands within
    # (back, ahead) tokens of the number: they must hold every word and
    # phrase start its searches look for, as far as they look.
    lex = lexicon(rulebook)
    cues = _metric_cues(lex.metrics)
    assert len(cues.words) == len(cues.nouns) == len(lex.metrics)
    for i, (ml, words, nouns) in enumerate(zip(lex.metrics, cues.words, cues.nouns, strict=True)):
        for kind in ml.rule.mention_kinds:
            assert i in cues.by_kind[kind]
        if ml.rule.counts == "any":
            assert cues.any_bits >> i & 1
        else:
            searched = words if ml.rule.counts == "persons" else nouns
            assert all(cues.searched[w] >> i & 1 for w in searched)
            assert all(cues.noun_bits[w] >> i & 1 for w in ml.nouns)
            assert all(cues.phrase_bits[p] >> i & 1 for p in ml.noun_phrases)
        assert ml.triggers <= words
        assert {p[0] for p in ml.trigger_phrases if p} <= words
        assert ml.nouns <= nouns
        assert {p[0] for p in ml.noun_phrases if p} <= nouns
        longest = max((len(p) for p in ml.trigger_phrases + ml.noun_phrases), default=1)
        assert cues.back >= ml.rule.window + longest
        assert cues.ahead >= max(ml.rule.window, _FAR_WINDOW)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Four of the 12 miners trapped were killed, officials said.", "Four of the 12 miners"),
        ("Local radio reported that two of the three victims died.", "two of the three victims"),
    ],
)
def test_the_whole_of_a_partitive_is_no_figure_of_its_own(
    text: str, stated: str, rulebook: Rulebook
) -> None:
    # "N of the M X died": M is the group N is taken from, not a toll.
    assert [(f.metric, f.stated) for f in _facts(text, rulebook)] == [("killed", stated)]


# --- places the gazetteer does not list, and the places of a list's items ---------------------


def test_a_division_named_after_a_figure_is_its_place(rulebook: Rulebook) -> None:
    facts = _facts(
        "The quake struck on Tuesday, killing 14 people in Bastak county, the governor said.",
        rulebook,
    )
    assert [(f.stated, f.places[-1:]) for f in facts] == [("14 people", ["Bastak county"])]
    # A lower-case word after the place is no name.
    facts = _facts("The quake killed 14 people in the county, the governor said.", rulebook)
    assert [f.places for f in facts] == [[]]
    # Past a verb and another item of the list, and past a country's possessive.
    facts = _facts(
        "At least 38 people were killed and 120 injured in Ghoryan district, officials said.",
        rulebook,
    )
    assert [f.places[-1:] for f in facts] == [["Ghoryan district"], ["Ghoryan district"]]
    facts = _facts("The flood killed 14 people in Iraq's Hit district on Monday.", rulebook)
    assert [f.places[-1:] for f in facts] == [["Hit district"]]


def test_an_item_of_a_list_counts_its_own_place(rulebook: Rulebook) -> None:
    facts = _facts(
        "The quake killed 47 people, 31 of them in Sindh province and 16 in neighbouring"
        " Balochistan province.",
        rulebook,
    )
    assert [(f.stated, f.places) for f in facts if f.stated == "16"] == [("16", ["Balochistan"])]


def test_a_part_reaches_its_whole_past_a_day_named_between(rulebook: Rulebook) -> None:
    facts = _facts(
        "At least 47 people were killed in Tuesday's earthquake, officials said, 31 of them in"
        " Sindh province.",
        rulebook,
    )
    assert [(f.stated, f.places) for f in facts] == [
        ("At least 47 people", ["Sindh"]),
        ("31 of them in Sindh", ["Sindh"]),
    ]


def test_a_second_figure_after_a_level_marker_is_its_own_sources(rulebook: Rulebook) -> None:
    facts = _facts(
        "Police said 48 people were wounded, while the provincial health office put the"
        " number at 63.",
        rulebook,
    )
    assert [(f.stated, f.metric, f.attribution) for f in facts] == [
        ("48 people", "wounded", "Police"),
        ("63", "wounded", "provincial health office"),
    ]


def test_ignore_patterns_compile_once_for_all_names(rulebook: Rulebook) -> None:
    """A pattern that reads nothing before the name ("(?<=border with ){name}") is
    compiled once, not once per place name: a batch names thousands of places."""
    from checker import normalise as module

    module._ignore_re.cache_clear()
    text = "Troops massed on the border with {}, officials in {} said."
    for first, second in [("Chad", "Sudan"), ("Peru", "Chile"), ("Laos", "Cambodia")]:
        names = _place_names(text.format(first, second), rulebook)
        assert names == [second]
    assert module._ignore_re.cache_info().currsize == 0


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # The gazetteer's "Georgia" is the US state; beside Tbilisi it is the country.
        ("TBILISI — Police detained 63 people in Georgia on Friday.", ["Georgia (country)"]),
        (
            "Police detained 63 people in Georgia on Friday, officials in Tbilisi said.",
            ["Georgia (country)"],
        ),
        (
            "Police detained 12 people in Georgia on Friday, officials in Atlanta said.",
            ["United States"],
        ),
        ("Police detained 12 people in Georgia on Friday.", ["United States"]),
        ("LAHORE — Floods killed 20 people in Punjab on Friday.", ["Pakistan"]),
        ("Floods killed 20 people in Punjab on Friday, officials in Amritsar said.", ["India"]),
    ],
)
def test_a_shared_name_is_the_place_of_the_articles_country(
    text: str, countries: list[str], rulebook: Rulebook
) -> None:
    facts = _facts(text, rulebook)
    assert facts and all(f.countries == countries for f in facts), [
        (f.stated, f.countries) for f in facts
    ]


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("Separately, 11 people were killed when a minibus collided with a lorry.", True),
        ("In a separate incident, 11 people were killed when a minibus hit a lorry.", True),
        ("The crash came two days after a bus plunged into a river, killing 12.", True),
        ("Eleven people were killed when a minibus collided with a lorry.", False),
        # A total of several happenings is more than the story's own.
        ("Eighteen people died in two road crashes on Saturday, police said.", True),
        ("Gunmen killed 17 people in two separate attacks in the north.", True),
        ("The two accidents on the highway killed 27 people.", True),
        ("At least 30 people were killed in separate attacks across the region.", True),
        ("Twin blasts at a market killed 30 people.", False),
        ("Avalanches have now killed 17 people in the country this winter.", True),
        ("Two explosions ripped through the market, killing 30 people.", False),
    ],
)
def test_another_happening_told_in_passing_is_background(
    sentence: str, background: bool, rulebook: Rulebook
) -> None:
    from checker.claims import is_background

    lex = lexicon(rulebook)
    killed = [f for f in _facts(sentence, rulebook) if f.metric == "killed"]
    assert killed and all(is_background(f, {WED.year}, lex) == background for f in killed)


def test_a_count_of_happenings_is_not_a_total_of_several(rulebook: Rulebook) -> None:
    from checker.claims import is_background

    lex = lexicon(rulebook)
    facts = _facts("Gunmen carried out three attacks in the province on Tuesday.", rulebook)
    attacks = [f for f in facts if f.metric == "attacks"]
    assert attacks and not any(is_background(f, {WED.year}, lex) for f in attacks)


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("The minister told a news conference in Baghdad that 300 troops were sent.", []),
        ("Speaking in Baghdad, the minister said 300 troops were sent to Mosul.", ["Mosul"]),
        ("The minister said in Baghdad that 300 troops were sent.", ["Baghdad"]),
    ],
)
def test_where_an_official_spoke_is_no_place_of_the_figures(
    sentence: str, places: list[str], rulebook: Rulebook
) -> None:
    assert _place_names(sentence, rulebook) == places


def test_a_town_where_an_official_spoke_is_not_named(rulebook: Rulebook) -> None:
    from checker.claims import _named

    lex = lexicon(rulebook)
    assert not _named("Townia", "told a news conference in Townia that 300 were sent", lex)
    assert _named("Townia", "300 troops were sent to help in Townia", lex)


def test_a_division_named_by_its_word_first_is_an_antecedent_with_its_word(
    rulebook: Rulebook,
) -> None:
    # "the district of Zorbe": told of "the district" further on, the figure
    # may be Zorbe district's (never the state named before it).
    text = (
        "In the northern state of Norland, the district of Zorbe was the worst hit. "
        "About 9,500 people in the district are staying in relief camps."
    )
    displaced = [f for f in _facts(text, rulebook) if f.metric == "displaced"]
    assert displaced and "Zorbe district" in displaced[0].antecedents


def test_a_count_of_them_with_no_figure_before_it_is_a_count_of_people(
    rulebook: Rulebook,
) -> None:
    # "killing three of them": nothing before it to be a part of.
    text = "An avalanche swept away a group of five ski tourers, killing three of them."
    killed = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [(f.stated, f.interval.low) for f in killed] == [("three of them", 3)]
    # Beside a figure before it, still a part of that figure.
    parts = _facts("Eight people were wounded, four of them seriously.", rulebook)
    assert [f.victims for f in parts] == ["people", "seriously hurt"]


def test_a_sum_is_for_the_purpose_named_nearest_to_it(rulebook: Rulebook) -> None:
    text = "Investigators seized €1.2 million in cash and drugs worth about €3 million."
    money = {f.stated: f.victims for f in _facts(text, rulebook) if f.metric == "money"}
    # The worth is the €3 million's: the cash says no purpose, and is never compared.
    assert money == {"€1.2 million": None, "about €3 million": "value euro"}


def test_an_attribution_between_commas_stands_aside(rulebook: Rulebook) -> None:
    text = "The dead, according to provincial police, included two children."
    assert [(f.stated, f.victims) for f in _facts(text, rulebook)] == [("two children", "children")]
    # Not across "and": the second figure is the injured's.
    text = "Three people died, according to police, and 12 were injured."
    assert [f.metric for f in _facts(text, rulebook)] == ["killed", "wounded"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # A bearing's landmark is no place of the figure ...
        (
            "A fire tore through a factory in Hyderabad, northeast of the port city of Karachi, "
            "killing 16 workers.",
            ["Hyderabad (Pakistan)"],
        ),
        ("A bus plunged into a gorge 40 km east of the city of Lahore, killing 12.", []),
        # ... but a place of its own is, and so is one named both ways.
        ("A fire in Karachi killed 16 workers, north of the port.", ["Karachi"]),
        (
            "Floods killed 12 in Karachi and in a village north of Karachi on Friday.",
            ["Karachi"],
        ),
        ("Floods killed 11 in a suburb on the northern edge of Karachi.", []),
        # A vague part of the country right after a place is its address.
        ("Gunmen killed 12 people in Sindh province, southern Pakistan, on Friday.", ["Sindh"]),
        # A hospital named after its town counts its patients, not the town's.
        ("Two of the injured died at Karachi General Hospital, killing 12 in all.", []),
        ("Three people were killed, one at the University of Karachi Medical Center.", []),
    ],
)
def test_a_bearings_landmark_is_no_place_of_the_figure(
    text: str, places: list[str], rulebook: Rulebook
) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert facts and all(sorted(f.places) == places for f in facts), [
        (f.stated, f.places) for f in facts
    ]
    # The landmark's country is still the figure's.
    assert all(f.countries == ["Pakistan"] for f in facts)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # A place name after a title and a given name is the official's surname ...
        ("Sixteen miners were killed in Manisa on Thursday, governor Ali Aydın said.", ["Manisa"]),
        # ... not after the title alone.
        ("Sixteen miners were killed in Aydın on Thursday, the governor said.", ["Aydın"]),
    ],
)
def test_a_place_name_after_a_title_and_given_name_is_a_surname(
    text: str, places: list[str], rulebook: Rulebook
) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert facts and all(sorted(f.places) == places for f in facts)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("POPLAR BLUFF, Mo. — Five people were killed by a tornado late Friday.", ["Missouri"]),
        ("Five people were killed in Jackson, Miss., on Friday.", ["Mississippi"]),
        # Not a state: a title, or the word it also is.
        ("Miss. Lane said five people were killed on Friday.", []),
    ],
)
def test_a_states_abbreviation_that_is_a_word_names_it_only_after_a_town(
    text: str, places: list[str], rulebook: Rulebook
) -> None:
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert facts and all(sorted(f.places) == places for f in facts)


def test_the_datelines_town_counts_towards_the_articles_country(rulebook: Rulebook) -> None:
    # One place named in the text and the dateline's town: the article's country
    # for a figure whose sentence names none.
    text = (
        "NAIROBI — Eighteen people died when a building collapsed late on Monday. "
        "Rescuers searched the rubble in Nairobi's eastern suburbs on Tuesday."
    )
    facts = [f for f in _facts(text, rulebook) if f.metric == "killed"]
    assert [f.countries for f in facts] == [["Kenya"]]
    without = text.replace("NAIROBI — ", "")
    facts = [f for f in _facts(without, rulebook) if f.metric == "killed"]
    assert [f.countries for f in facts] == [[]]


def test_the_rescued_are_no_toll(rulebook: Rulebook) -> None:
    text = "Coast guard vessels rescued 22 people and recovered eight bodies, officials said."
    killed = [f.stated for f in _facts(text, rulebook) if f.metric == "killed"]
    assert killed == ["eight bodies"]


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people died in an armed attack and a shootout with police in the port city"
        " on Saturday night, including three of the assailants, the ministry said.",
        "Twelve people were killed, including the three attackers, police said.",
    ],
)
def test_a_toll_that_includes_the_attackers_may_be_the_victims_alone(
    text: str, rulebook: Rulebook
) -> None:
    fact = min((f for f in _facts(text, rulebook) if f.metric == "killed"), key=lambda f: f.span)
    assert fact.stated.lower().startswith("twelve")
    assert (fact.interval.low, fact.interval.high) == (9, 12)


def test_people_pulled_out_alive_are_no_count_of_the_missing(rulebook: Rulebook) -> None:
    text = (
        "The police commander said 40 people were still missing and that 87 passengers"
        " had been pulled alive from the water by fishermen."
    )
    missing = [f.stated for f in _facts(text, rulebook) if f.metric == "missing"]
    # The words after the count are read past its auxiliaries ("had been").
    assert missing == ["40 people"]


def test_an_age_after_a_figure_is_no_count(rulebook: Rulebook) -> None:
    text = (
        "Three men were detained on Sunday when police stormed a cottage where"
        " the 58-year-old was being held."
    )
    assert [f.stated for f in _facts(text, rulebook)] == ["Three men"]


def test_a_titles_toll_includes_the_attackers_its_body_includes(rulebook: Rulebook) -> None:
    title = "Twelve dead in attack and shootout"
    body = (
        "Twelve people died in an armed attack and a shootout with police in the port city"
        " on Saturday night, including three of the assailants, the ministry said."
    )
    article = Article(
        id="s#1",
        source="s",
        index=1,
        title=title,
        text=f"{title}\n\n{body}",
        published=WED,
        published_from="metadata",
    )
    facts = [f for f in normalise(analyse(article, rulebook), rulebook) if f.metric == "killed"]
    titled = [f for f in facts if f.span[1] <= article.body_start]
    assert titled and all((f.interval.low, f.interval.high) == (9, 12) for f in titled)


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        ("PALERMO, Italy — Four people died", "PALERMO, Italy — "),
        ("KABUL (Reuters) - A bomb killed", "KABUL (Reuters) - "),
        ("SAO PAULO, Brazil, June 3 — Floods", "SAO PAULO, Brazil, June 3 — "),
        ("NEW DELHI — Ten people", "NEW DELHI — "),
        ("Four people died in Palermo — officials", ""),
        ("UN officials said — on Monday", ""),
    ],
)
def test_a_dateline_opening_a_sentence_ends_where_its_text_begins(
    sentence: str, opening: str
) -> None:
    from checker.extract.text import dateline_end

    assert sentence[: dateline_end(sentence)] == opening


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("A heatwave has killed 68 people in the state, half of them in the capital.", 68),
        ("Floods killed 40 people, half of them children.", 40),
    ],
)
def test_a_share_of_a_toll_is_no_count_of_its_own(text: str, toll: int, rulebook: Rulebook) -> None:
    # "half of them" is a share of the toll before it, not 50 people.
    assert [(f.metric, f.interval.low) for f in _facts(text, rulebook)] == [("killed", toll)]


def test_a_number_written_with_a_hyphen_before_of_the_is_a_part(rulebook: Rulebook) -> None:
    from checker.claims import told_as_part
    from checker.extract import lexicon

    text = (
        "Sixty-eight people have died since Wednesday. Thirty-four of the deaths were in the east."
    )
    facts = _facts(text, rulebook)
    assert [f.stated for f in facts] == ["Sixty-eight people", "Thirty-four of the deaths"]
    assert told_as_part(facts[1], lexicon(rulebook))
