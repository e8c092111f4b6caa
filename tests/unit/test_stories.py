"""Story clustering on hand-built signatures: what joins, what stays apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import Lexicon
from checker.models import Article
from checker.rulebook import Rulebook
from checker.stories import NAME, PLACE, WORD, Signature, StoryParams, cluster, stories

DAY = dt.date(2024, 5, 14)


def _sig(
    aid: str,
    names: list[str],
    words: list[str],
    *,
    anchor: dt.date | None = DAY,
    duplicate_of: str | None = None,
) -> Signature:
    terms = {WORD + w: 1.0 for w in words}
    terms.update({(PLACE if n[:1] == "@" else NAME) + n.lstrip("@"): 2.0 for n in names})
    return Signature(article=aid, terms=terms, anchor=anchor, duplicate_of=duplicate_of)


SHARED = ["navy", "pirates", "vessel", "captured", "gulf", "attack", "boats", "merchant"]


def _story(prefix: str, names: list[str], n: int, anchor: dt.date | None = DAY) -> list[Signature]:
    return [
        _sig(f"{prefix}#{i}", names, [*SHARED, f"{prefix}word{i}"], anchor=anchor) for i in range(n)
    ]


def _groups(sigs: list[Signature], params: StoryParams | None = None) -> list[set[str]]:
    return [{sigs[i].article for i in g} for g in cluster(sigs, params)]


def _background() -> list[Signature]:
    # Unrelated articles, so that the story terms are rare in the batch.
    return [
        _sig(f"bg#{i}", [f"@town{i}", f"person{i}"], [f"topic{i}", f"other{i}", "weather"])
        for i in range(30)
    ]


def test_articles_of_one_happening_form_one_story() -> None:
    sigs = _story("a", ["@Aden", "Mysore", "Gibe"], 5) + _background()
    groups = _groups(sigs)
    assert {f"a#{i}" for i in range(5)} in groups


def _happening(prefix: str, names: list[str], n: int) -> list[Signature]:
    """Reports of one happening: a few words of its kind, and words of its own."""
    own = [f"{prefix}own{k}" for k in range(8)]
    return [_sig(f"{prefix}#{i}", names, [*SHARED[:3], *own, f"{prefix}word{i}"]) for i in range(n)]


def test_two_happenings_of_one_kind_with_their_own_names_stay_apart() -> None:
    first = _happening("a", ["@Aden", "Mysore", "Gibe"], 5)
    second = _happening("b", ["@Aden", "Sukanya", "Kolkata"], 5)
    groups = _groups(first + second + _background())
    assert {f"a#{i}" for i in range(5)} in groups
    assert {f"b#{i}" for i in range(5)} in groups


def test_without_their_own_names_the_same_two_reports_merge() -> None:
    # The guard above is what keeps them apart: with the exclusive-name rule
    # switched off (a cluster size it never reaches) they are one story.
    first = _happening("a", ["@Aden", "Mysore", "Gibe"], 5)
    second = _happening("b", ["@Aden", "Sukanya", "Kolkata"], 5)
    params = StoryParams(core_size=1000)
    groups = _groups(first + second + _background(), params)
    assert any({"a#0", "b#0"} <= g for g in groups)


def test_reports_as_alike_as_one_happenings_merge_whatever_names_they_give() -> None:
    # One shooting's reports, half naming its victims and half the police
    # spokesman: every word of the two sets is shared but those names.
    first = _story("a", ["@Aden", "Mysore", "Gibe"], 5)
    second = _story("b", ["@Aden", "Sukanya", "Kolkata"], 5)
    groups = _groups(first + second + _background())
    assert any({"a#0", "b#0"} <= g for g in groups)
    # ... and the rule's band is what merges them.
    apart = _groups(first + second + _background(), StoryParams(names_below=1.0))
    assert {f"a#{i}" for i in range(5)} in apart


def test_publication_dates_months_apart_keep_stories_apart() -> None:
    first = _story("a", ["@Aden", "Navy"], 3)
    later = _story("b", ["@Aden", "Navy"], 3, anchor=DAY + dt.timedelta(days=300))
    groups = _groups(first + later + _background())
    assert not any({"a#0", "b#0"} <= g for g in groups)


def test_a_syndicated_copy_joins_its_original() -> None:
    sigs = _story("a", ["@Aden", "Mysore"], 3) + _background()
    sigs.append(Signature(article="copy#1", terms={}, duplicate_of="a#0"))
    groups = _groups(sigs)
    assert any({"a#0", "copy#1"} <= g for g in groups)


def test_unrelated_articles_are_stories_of_their_own() -> None:
    groups = _groups(_background())
    assert len(groups) == 30


def test_stories_have_ids_labels_dates_and_are_deterministic() -> None:
    sigs = _story("a", ["@Aden", "Mysore"], 3) + _background()
    one = stories(sigs)
    two = stories(list(reversed(sigs)))
    assert one == two
    story = next(s for s in one if "a#0" in s.articles)
    assert story.id.startswith("S")
    assert "Aden" in story.label
    assert story.start == DAY and story.end == DAY


def test_signatures_share_their_terms_and_weights() -> None:
    # A batch's signatures repeat the same terms: one object each keeps them
    # a fraction of the memory, and pickling a chunk of them keeps it so.
    import pickle

    from checker.models import Article
    from checker.stories import signature

    def made(n: int) -> Signature:
        article = Article(id=f"s#{n}", source="s", index=n, text="")
        return signature(article, ["flood", "water", "rose", "flood"], ["Mzuzu"], [], [])

    first, second = made(1), made(2)
    for term, weight in first.terms.items():
        twin = next(t for t in second.terms if t == term)
        assert twin is term
        assert second.terms[twin] is weight
    a, b = pickle.loads(pickle.dumps([first, second]))
    assert all(x is y for x, y in zip(a.terms, b.terms, strict=True))


def _label_in_full(members: list[Signature], limit: int = 3) -> str:
    # The label's rule spelled out: every term ranked by how many articles
    # name it times its kind's weight; the first place, then names and words
    # of two articles or more that say something new.
    from collections import Counter

    from checker.stories import WEIGHTS

    shared = Counter(t for s in members for t in s.terms)
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1] * WEIGHTS[kv[0][:2]], kv[0]))
    places = [t for t, _n in ranked if t[:2] == PLACE]
    parts = [places[0][2:]] if places else []
    for term, n in ranked:
        if len(parts) >= limit:
            break
        if term[:2] == PLACE or (n < 2 and len(members) > 1):
            continue
        said = " ".join(parts).lower()
        if term[2:] in said or any(w in said.split() for w in term[2:].split()):
            continue
        parts.append(term[2:].title() if term[:2] == NAME else term[2:])
    return " · ".join(parts) or "untitled story"


@given(
    st.lists(
        st.dictionaries(
            st.tuples(st.sampled_from([PLACE, NAME, WORD]), st.sampled_from("abcdef")).map("".join),
            st.floats(min_value=0.5, max_value=9.0),
            max_size=8,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_label_is_its_most_shared_place_then_shared_names_and_words(
    terms: list[dict[str, float]],
) -> None:
    from checker.stories import label

    members = [Signature(article=f"a#{i}", terms=t) for i, t in enumerate(terms)]
    assert label(members) == _label_in_full(members)


def _words_and_names_in_full(
    sentences: list[list[str]], lex: Lexicon
) -> tuple[list[str], list[str]]:
    # The signature's reading of tokens spelled out, one token at a time:
    # capitalised words after a sentence's first are names (and a pair with
    # the name right before), other words of four letters or more content words.
    from checker.extract.text import POSSESSIVES

    calendar = set(lex.months) | set(lex.weekdays)
    words: list[str] = []
    names: list[str] = []
    for tokens in sentences:
        previous = ""
        for n, text in enumerate(tokens):
            if not text[:1].isalpha():
                previous = ""
                continue
            low = text.lower()
            if low.endswith(POSSESSIVES):
                low = low[:-2]
            if low in calendar:
                previous = ""
                continue
            if text[0].isupper() and n > 0 and low not in lex.function_words:
                if low not in lex.stop_words:
                    names.append(low)
                    if previous:
                        names.append(previous + " " + low)
                previous = low
                continue
            previous = ""
            if len(low) >= 4 and low not in lex.stop_words and low.isalpha():
                words.append(low)
    return words, names


_TOKENS = [
    "Flood",
    "flood",
    "floods",
    "River's",
    "river’s",
    "The",
    "the",
    "They",
    "May",
    "may",
    "Monday",
    "monday",
    "March",
    "Rescue",
    "rescuers",
    "Red",
    "Cross",
    "of",
    "Of",
    "and",
    "12",
    "3,000",
    ",",
    ".",
    "-",
    "Éire",
    "éire",
    "naïve",
    "co-op",
    "U.S.",
    "it's",
    "ITS",
]


@given(st.lists(st.lists(st.sampled_from(_TOKENS), max_size=12), max_size=5))
def test_the_signature_reads_tokens_as_the_rule_spelled_out(
    rulebook: Rulebook, sentences: list[list[str]]
) -> None:
    from checker.extract import lexicon
    from checker.stories import words_and_names

    lex = lexicon(rulebook)
    assert words_and_names(sentences, lex) == _words_and_names_in_full(sentences, lex)
    # Classed once, the same answer the second time.
    assert words_and_names(sentences, lex) == _words_and_names_in_full(sentences, lex)


# Two attacks of one kind in two towns of one country, a week apart: the later
# reports recall the earlier one (its town), so names alone cannot part them.
WEEK = dt.timedelta(days=7)
ATTACK = ["bomb", "killed", "wounded", "police", "blast", "station", "crowded", "officials"]
RALLY = ("rally", "suicide", "park")  # the second attack's own words


def _attack(
    aid: str,
    town: str,
    *,
    published: dt.date,
    days: tuple[dt.date, ...],
    sites: tuple[str, ...] | None = None,
    recalls: str | None = None,
    own: tuple[str, ...] = (),
) -> Signature:
    terms = {WORD + w: 1.0 for w in (*ATTACK, *own)}
    terms[PLACE + town] = 3.0
    terms[PLACE + "Country"] = 3.0
    if recalls:
        terms[PLACE + recalls] = 3.0
    return Signature(
        article=aid,
        terms=terms,
        anchor=published,
        dates=days,
        sites=(town,) if sites is None else sites,
    )


def _two_attacks(**change: object) -> list[Signature]:
    """One article on the first attack, two on the second (one recalling the first)."""
    first_day = change.get("first_day", DAY)
    second_day = change.get("second_day", DAY + WEEK)
    assert isinstance(first_day, dt.date) and isinstance(second_day, dt.date)
    second_town = str(change.get("second_town", "Townb"))
    second_published = change.get("second_published", second_day)
    assert isinstance(second_published, dt.date)
    return [
        _attack("a#0", "Towna", published=first_day, days=(first_day,)),
        _attack("b#0", second_town, published=second_published, days=(second_day,), own=RALLY),
        _attack(
            "b#1",
            second_town,
            published=second_published,
            days=(second_day,),
            recalls="Towna",
            own=RALLY,
        ),
        *_background(),
    ]


def test_two_attacks_in_other_towns_on_other_days_stay_apart() -> None:
    groups = _groups(_two_attacks())
    assert {"b#0", "b#1"} in groups
    assert {"a#0"} in groups


def test_without_the_rule_the_two_attacks_merge() -> None:
    # The control: with towns and days left out of the signatures, the same
    # articles make one story, so the rule is what keeps them apart.
    sigs = [replace(s, sites=()) for s in _two_attacks()]
    groups = _groups(sigs)
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_one_town_on_other_days_is_one_story() -> None:
    # A follow-up from the same town days later (the missing found, the toll
    # risen) names the day it reports, not the day it happened.
    groups = _groups(_two_attacks(second_town="Towna"))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_days_a_day_apart_are_one_story() -> None:
    # Friday in one time zone is Saturday in another.
    day = DAY + dt.timedelta(days=1)
    groups = _groups(_two_attacks(second_day=day, second_published=DAY + WEEK))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_other_days_published_together_are_one_story() -> None:
    # Two outlets putting one derailment two days apart, on the same day of
    # publication: a date to check, not two happenings.
    groups = _groups(_two_attacks(second_day=DAY + dt.timedelta(days=2), second_published=DAY))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_two_lone_articles_in_other_towns_on_other_days_may_merge() -> None:
    # A first report and a follow-up filed from elsewhere look the same: two
    # single articles are never kept apart by towns and days alone.
    sigs = _two_attacks()
    lone = [s for s in sigs if s.article != "b#0"]
    groups = _groups(lone)
    assert any({"a#0", "b#1"} <= g for g in groups)


def _two_kinds(crash: tuple[str, ...], collapse: tuple[str, ...]) -> list[Signature]:
    """Two reports of a crash and two of a collapse, in one place on one day."""
    words = [*SHARED[:3], "killed", "injured", "heavy", "rain", "police"]
    return [
        *(
            replace(_sig(f"crash#{i}", ["@Statea"], [*words, f"crash{i}"]), happenings=crash)
            for i in range(2)
        ),
        *(
            replace(_sig(f"fall#{i}", ["@Statea"], [*words, f"fall{i}"]), happenings=collapse)
            for i in range(2)
        ),
        *_background(),
    ]


def test_leads_of_other_kinds_tell_two_happenings_apart() -> None:
    groups = _groups(_two_kinds(("transport",), ("structure", "weather")))
    assert {"crash#0", "crash#1"} in groups
    assert {"fall#0", "fall#1"} in groups


def test_leads_sharing_a_kind_or_naming_none_stay_one_story() -> None:
    # The control: the same reports merge when their leads share a family, or
    # when one of them names none.
    kinds = [(("transport", "weather"), ("structure", "weather")), ((), ("weather",))]
    for crash, collapse in kinds:
        groups = _groups(_two_kinds(crash, collapse))
        assert any({"crash#0", "crash#1", "fall#0", "fall#1"} <= g for g in groups)


def _two_leads(days: tuple[dt.date, dt.date], places: tuple[str, str]) -> list[Signature]:
    """A lone report of one bus plunge and two of another, told alike."""
    words = [*SHARED[:3], "killed", "injured", "passenger", "highway", "police"]

    def sig(aid: str, day: dt.date, place: str) -> Signature:
        base = _sig(aid, ["@Countrya"], [*words, aid.replace("#", "")])
        return replace(base, lead_days=(day,), lead_places=(place,))

    return [
        sig("first#0", days[0], places[0]),
        sig("second#0", days[1], places[1]),
        sig("second#1", days[1], places[1]),
        *_background(),
    ]


def test_leads_in_other_places_days_apart_tell_two_happenings_apart() -> None:
    groups = _groups(_two_leads((DAY, DAY + dt.timedelta(days=2)), ("Districta", "Districtb")))
    assert {"first#0"} in groups
    assert {"second#0", "second#1"} in groups


@pytest.mark.parametrize(
    ("days", "places"),
    [
        # One day apart: one happening told in two time zones, or a date to check.
        ((DAY, DAY + dt.timedelta(days=1)), ("Districta", "Districtb")),
        # The same place: a follow-up days later.
        ((DAY, DAY + dt.timedelta(days=2)), ("Districta", "Districta")),
    ],
)
def test_leads_a_day_apart_or_in_one_place_stay_one_story(
    days: tuple[dt.date, dt.date], places: tuple[str, str]
) -> None:
    groups = _groups(_two_leads(days, places))
    assert any({"first#0", "second#0", "second#1"} <= g for g in groups)


def _two_regions(regions: tuple[str, str], tolls: tuple[float, float]) -> list[Signature]:
    """Two lone reports of landslides on one day, told alike, each leading with its
    region and giving its toll."""
    words = [*SHARED[:3], "landslide", "killed", "missing", "village", "rain"]

    def sig(aid: str, region: str, toll: float) -> Signature:
        base = _sig(aid, ["@Countrya"], [*words, aid.replace("#", "")])
        return replace(base, lead_places=(region,), regions=(region,), tolls=(toll,))

    return [
        sig("west#0", regions[0], tolls[0]),
        sig("north#0", regions[1], tolls[1]),
        *_background(),
    ]


def test_lone_reports_leading_with_other_regions_and_other_tolls_are_two_happenings() -> None:
    groups = _groups(_two_regions(("Regiona", "Regionb"), (7, 5)))
    assert {"west#0"} in groups and {"north#0"} in groups
    # One region, or one toll: one happening.
    for regions, tolls in [(("Regiona", "Regiona"), (7, 5)), (("Regiona", "Regionb"), (7, 7))]:
        groups = _groups(_two_regions(regions, tolls))
        assert any({"west#0", "north#0"} <= g for g in groups)


def _two_villages(
    villages: tuple[str, str],
    tolls: tuple[float, float],
    *,
    named_later: bool = False,
    region: str = "",
    next_day: bool = False,
) -> list[Signature]:
    """Two lone reports of bus crashes on one day, told alike, each leading with its
    village (no place of the gazetteer) and giving its toll; with ``named_later``,
    the second also names the first's village further down; with ``region``,
    both leads name that region too; with ``next_day``, the second is
    published a day later."""
    words = [*SHARED[:3], "bus", "gorge", "killed", "injured", "driver"]

    def sig(
        aid: str, village: str, toll: float, also: tuple[str, ...] = (), day: dt.date = DAY
    ) -> Signature:
        base = _sig(aid, ["@Countrya", *also], [*words, aid.replace("#", "")], anchor=day)
        localities = tuple(sorted({village, *(a.lower() for a in also)}))
        leads = (region,) if region else ()
        return replace(
            base,
            lead_localities=(village,),
            localities=localities,
            tolls=(toll,),
            lead_places=leads,
            regions=leads,
        )

    later = (villages[0].capitalize(),) if named_later else ()
    second_day = DAY + dt.timedelta(days=1) if next_day else DAY
    return [
        sig("west#0", villages[0], tolls[0]),
        sig("east#0", villages[1], tolls[1], later, second_day),
        *_background(),
    ]


def test_lone_reports_leading_with_other_villages_and_other_tolls_are_two_happenings() -> None:
    groups = _groups(_two_villages(("zorbeville", "quellin"), (12, 4)))
    assert {"west#0"} in groups and {"east#0"} in groups
    # One village, one toll, or the other's village named further down: one happening
    # (a later report of a rising toll leads with another village of it).
    for villages, tolls, later in [
        (("zorbeville", "zorbeville"), (12, 4), False),
        (("zorbeville", "quellin"), (12, 12), False),
        (("zorbeville", "quellin"), (12, 4), True),
    ]:
        groups = _groups(_two_villages(villages, tolls, named_later=later))
        assert any({"west#0", "east#0"} <= g for g in groups), (villages, tolls, later)
    # Nor when both lead with one region and tell of a happening that covers an
    # area, or when the second, a day later, gives a higher toll: one flood's
    # bodies found near one village, then another.
    one_region = _two_villages(("zorbeville", "quellin"), (12, 4), region="Regiona")
    flood = [
        replace(s, area_wide=True) if s.article[:4] in ("west", "east") else s for s in one_region
    ]
    risen = _two_villages(("zorbeville", "quellin"), (4, 12), next_day=True)
    for sigs in (flood, risen):
        assert any({"west#0", "east#0"} <= g for g in _groups(sigs))
    # Two crashes (no area's happening) in two villages of one region stay two.
    groups = _groups(one_region)
    assert {"west#0"} in groups and {"east#0"} in groups


def _roundup(
    tolls: tuple[float, float],
    *,
    region: str = "",
    next_day: bool = False,
    as_parts: bool = False,
) -> list[Signature]:
    """Avalanches in two valleys: a lone report of the first (its valley, its toll),
    a report of the second, and a roundup leading with the second that names
    the first's valley and toll too ("hours after a slide near X killed
    three"); with ``region``, every lead names that region; with ``next_day``,
    the second's reports come a day later; with ``as_parts``, the roundup tells
    both tolls as parts of one count ("three of the dead were near X")."""
    words = [*SHARED[:3], "avalanche", "skiers", "slope", "rescuers"]
    second_day = DAY + dt.timedelta(days=1) if next_day else DAY
    leads = (region,) if region else ()

    def sig(
        aid: str, villages: tuple[str, ...], toll: tuple[float, ...], extra: list[str]
    ) -> Signature:
        day = DAY if aid.startswith("west") else second_day
        base = _sig(aid, ["@Countrya"], [*words, *extra], anchor=day)
        return replace(
            base,
            lead_localities=villages,
            localities=villages,
            tolls=toll,
            lead_places=leads,
            regions=leads,
        )

    return [
        sig("west#0", ("zorbeville",), (tolls[0],), ["westword"]),
        sig("east#0", ("quellin",), (tolls[1],), ["helicopter", "guides"]),
        replace(
            sig("east#1", ("quellin", "zorbeville"), tolls, ["helicopter", "guides", "roundup"]),
            part_tolls=tolls if as_parts else (),
        ),
        *_background(),
    ]


def test_a_roundup_naming_the_other_valley_and_toll_bridges_no_two_happenings() -> None:
    groups = _groups(_roundup((3, 2)))
    assert {"west#0"} in groups and {"east#0", "east#1"} in groups
    # Both leads in one region (one storm's valleys), or the second's reports a
    # day later with a higher toll (one toll that rose): one happening.
    # ... and so is one storm whose report tells both valleys' tolls as its parts.
    for sigs in (
        _roundup((3, 2), region="Regiona"),
        _roundup((2, 3), next_day=True),
        _roundup((3, 2), as_parts=True),
    ):
        assert any({"west#0", "east#0", "east#1"} <= g for g in _groups(sigs))


def _town_report(*, as_part: bool, beside: bool = True) -> list[Signature]:
    """A storm told by two regional reports alike, and a town's own paper sharing a few
    words with one of them only, whose toll (4) that one gives, as a part of
    its count ("four of the dead were in X") when ``as_part``, else beside its
    larger toll when ``beside`` ("11 dead in the region, four in X"), else not
    at all."""
    region = [*SHARED, "storm", "torrents", "region", "rescuers", "fire", "service"]
    first = replace(
        _sig("region#0", ["@Countrya", "Volos"], region),
        tolls=(4, 11) if as_part or beside else (11,),
        part_tolls=(4,) if as_part else (),
    )
    second = replace(_sig("region#1", ["@Countrya"], [*region, "thursday"]), tolls=(11,))
    town = replace(
        _sig("town#0", ["Volos", "Ursu", "Popa", "Nikos", "Eleni", "Kostas", "Maria"], ["cars"]),
        tolls=(4,),
    )
    return [first, second, town, *_background()]


def test_a_towns_report_of_a_toll_the_region_gives_as_its_part_joins_its_story() -> None:
    groups = _groups(_town_report(as_part=True))
    assert {"region#0", "region#1", "town#0"} in groups
    # Told beside the region's larger toll, the town's toll is a part too.
    groups = _groups(_town_report(as_part=False))
    assert {"region#0", "region#1", "town#0"} in groups
    # Not told at all, a report that shares little with the story stays apart.
    groups = _groups(_town_report(as_part=False, beside=False))
    assert {"region#0", "region#1"} in groups and {"town#0"} in groups


def _signature_of(text: str, rulebook: Rulebook) -> Signature:
    """The story signature of one article of ``text``."""
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    article = Article(id="z#1", source="z", index=1, text=text, published=DAY)
    analysis = analyse(article, rulebook)
    return article_signature(analysis, rulebook, normalise(analysis, rulebook))


def test_a_superseded_toll_is_no_toll_of_the_signature(rulebook: Rulebook) -> None:
    text = "The death toll from the landslide rose to 14 on Tuesday, up from nine on Monday."
    assert _signature_of(text, rulebook).tolls == (14,)


def test_a_lead_names_its_localities_but_not_a_body_or_people(rulebook: Rulebook) -> None:
    text = (
        "Twelve people were killed when a bus carrying dozens of Indian pilgrims skidded "
        "into a gorge near Zorbeville on Tuesday, a member of the Marlow League said.\n"
        "Rescuers reached the village of Tarnwick, 3 km away, by noon."
    )
    signature = _signature_of(text, rulebook)
    assert signature.lead_localities == ("zorbeville",)
    assert "tarnwick" in signature.localities
    assert "indian" not in signature.localities


def test_the_items_of_a_breakdown_after_a_part_are_parts_too(rulebook: Rulebook) -> None:
    text = (
        "A storm killed at least 11 people in the region overnight, the fire service said.\n"
        "Four of the dead were in Zorbeville, where water swept cars into the sea, and three "
        "died in villages around Tarnwick, a spokesperson said."
    )
    signature = _signature_of(text, rulebook)
    assert signature.part_tolls == (3, 4)
    assert 11 in signature.tolls and 11 not in signature.part_tolls


def test_a_lead_gives_the_day_and_place_of_its_happening(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    text = (
        "Bus plunges off highway\n\nCAPITAL CITY — A bus rolled down a slope in Dhadan district"
        " on Sunday, killing six people, police said on Monday. Funerals were held on Tuesday."
    )
    article = Article(
        id="l#1", source="l", index=1, text=text, title="Bus plunges off highway", published=DAY
    )
    analysis = analyse(article, rulebook)
    sig = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    # Sunday of the week before the publication day; never the day the police
    # spoke, nor a day past the lead.
    assert sig.lead_days == (dt.date(2024, 5, 12),)
    assert sig.lead_places == ("Dhadan",)
    # Another day between the verb of the happening and a day: a later verb's.
    later = (
        "CAPITAL CITY — The bodies of six pilgrims killed when a bus plunged into a river"
        " last week arrived home on Monday."
    )
    aftermath = article.model_copy(update={"text": later, "title": None})
    analysis = analyse(aftermath, rulebook)
    assert article_signature(analysis, rulebook, normalise(analysis, rulebook)).lead_days == ()


@pytest.mark.parametrize(
    "lead",
    [
        "A suicide bomber rammed a car packed with explosives into a police checkpoint"
        " on the edge of the city on Sunday, killing six people.",
        "A truck ploughed into a crowded market on Sunday, killing six people.",
    ],
)
def test_a_lead_dates_a_ramming_to_its_day(lead: str, rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    article = Article(id="r#1", source="r", index=1, text=lead, published=DAY)
    analysis = analyse(article, rulebook)
    sig = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    assert sig.lead_days == (dt.date(2024, 5, 12),)
    assert sig.lead_tolls == (("killed", 6),)


def test_a_leads_counts_of_the_hurt_tell_its_happening_too(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    lead = (
        "The driver of a school coach was killed and 18 people were injured when it hit a"
        " lorry on the motorway on Sunday morning, emergency services said."
    )
    article = Article(id="h#1", source="h", index=1, text=lead, published=DAY)
    analysis = analyse(article, rulebook)
    sig = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    # No death toll in figures, but the injured tell this crash from another.
    assert sig.tolls == ()
    assert sig.lead_tolls == (("wounded", 18),)


def test_a_lead_names_the_towns_near_its_figures_but_not_its_dateline(
    rulebook: Rulebook,
) -> None:
    from checker.extract import analyse
    from checker.stories import lead_places

    text = (
        "MEXICO CITY — A van collided with a lorry near Juchitán, Oaxaca's"
        " Papaloapan region, on Thursday. Nine people died in Mexico City hospitals."
    )
    article = Article(id="t#1", source="t", index=1, text=text, published=DAY)
    analysis = analyse(article, rulebook)
    from checker.extract import lexicon
    from checker.normalise import places_by_sentence

    lex = lexicon(rulebook)
    towns = {
        "Juchitán de Zaragoza": ("Juchitán de Zaragoza", "Juchitán"),
        "Mexico City": ("Mexico City",),
        "Tehuantepec": ("Tehuantepec",),
    }
    # By its short form, and without its accents too; the dateline's town is
    # where the report was filed; a town the lead never names is no lead place.
    plain = analyse(article.model_copy(update={"text": text.replace("á", "a")}), rulebook)
    for a in (analysis, plain):
        got = lead_places(a, places_by_sentence(a, lex), lex, towns)
        assert "Juchitán de Zaragoza" in got and "Papaloapan" in got
        assert "Mexico City" not in got and "Tehuantepec" not in got


def test_a_signature_lists_the_towns_it_names_not_countries(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.stories import article_signature

    text = "A fire in a warehouse in Lyon, France, killed three workers on Monday, officials said."
    article = Article(id="t#1", source="t", index=1, text=text, published=DAY)
    sig = article_signature(analyse(article, rulebook), rulebook)
    assert sig.sites == ("Lyon",)
    assert PLACE + "France" in sig.terms


def test_a_region_named_only_in_background_is_not_the_signatures(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.stories import article_signature

    text = (
        "Floods killed nine people in Anbar on Monday, officials said.\n"
        "In 2022, floods in neighbouring Nineveh killed more than 400 people."
    )
    article = Article(id="t#1", source="t", index=1, text=text, published=DAY)
    sig = article_signature(analyse(article, rulebook), rulebook)
    # The other province is another happening's: it tells no story apart.
    assert sig.regions == ("Anbar",)


def test_a_town_told_with_and_without_its_namesakes_country_is_one_town() -> None:
    # "X (Country)" is how the gazetteer tells namesakes apart; a report that
    # names no country takes the plain one: one town, so one story.
    groups = _groups(_two_attacks(second_town="Towna (Country)"))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_a_count_of_the_kidnapped_tells_its_happening_apart(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.normalise import normalise
    from checker.stories import article_signature

    text = "Gunmen abducted 58 people from a village near Lyon on Sunday, police said."
    article = Article(id="t#1", source="t", index=1, text=text, published=DAY)
    analysis = analyse(article, rulebook)
    sig = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    assert sig.tolls == (58,)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("CHISINAU — A fire killed nine.", "CHISINAU"),
        ("N'DJAMENA, Chad (Wire) - A bomb killed 17.", "N'DJAMENA"),
        ("SAN PEDRO SULA (Wire) — Nine died.", "SAN PEDRO SULA"),
        ("Police said nine died — a record.", None),
        ("UN officials said nine died.", None),
        ("A fire killed nine in CHISINAU — officials.", None),
    ],
)
def test_dateline(text: str, town: str | None) -> None:
    from checker.stories import dateline

    assert dateline(text) == town
    assert dateline("Fire kills nine\n\n" + text, len("Fire kills nine\n\n")) == town


def test_a_report_naming_no_known_place_shares_its_datelines_town(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.stories import article_signature

    text = "CHISINAU — A fire at a nightclub in the Botanica district killed nine on Monday."
    article = Article(id="t#1", source="t", index=1, text=text, published=DAY)
    sig = article_signature(analyse(article, rulebook), rulebook)
    assert NAME + "chisinau" in sig.terms
    # A report that names a place: its dateline may be a wire's bureau, not the happening's.
    elsewhere = Article(
        id="t#2",
        source="t",
        index=2,
        text="NAIROBI — A boat sank in Uganda, killing eight.",
        published=DAY,
    )
    assert NAME + "nairobi" not in article_signature(analyse(elsewhere, rulebook), rulebook).terms


# Two crashes of one kind on one day in two regions of one country.
CRASH = ["crash", "passengers", "killed", "police", "highway", "injured", "driver", "hospital"]


def _crash(
    aid: str,
    town: str,
    region: str | None,
    *,
    published: dt.date = DAY,
    names: tuple[str, ...] = (),
) -> Signature:
    terms = {WORD + w: 1.0 for w in CRASH}
    terms[PLACE + "Country"] = 3.0
    terms[PLACE + town] = 3.0
    regions = (region,) if region else ()
    for place in regions + names:
        terms[PLACE + place] = 3.0
    return Signature(
        article=aid, terms=terms, anchor=published, sites=(town, *names), regions=regions
    )


def _two_crashes(**change: object) -> list[Signature]:
    region_b = change.get("region_b", "Regionb")
    assert region_b is None or isinstance(region_b, str)
    published_b = change.get("published_b", DAY)
    assert isinstance(published_b, dt.date)
    names = change.get("names_a", ())
    assert isinstance(names, tuple)
    return [
        _crash("a#0", "Towna", "Regiona", names=names),
        _crash("b#0", "Townb", region_b, published=published_b),
        _crash("b#1", "Townb", region_b, published=published_b),
        *_background(),
    ]


def test_two_crashes_on_one_day_in_other_regions_stay_apart() -> None:
    groups = _groups(_two_crashes())
    assert {"b#0", "b#1"} in groups
    assert {"a#0"} in groups


def test_crashes_that_name_a_place_in_common_are_one_story() -> None:
    # The control: the same reports, one of which also names the other's town.
    groups = _groups(_two_crashes(names_a=("Townb",)))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_crashes_that_name_one_unknown_locality_are_one_story() -> None:
    # Each names its own known town and region (where the wounded were
    # taken, where the report was filed), but all name the village of the
    # crash, which the gazetteer does not know.
    signatures = [
        replace(s, localities=("smallvillage",)) if s.article[0] in "ab" else s
        for s in _two_crashes()
    ]
    groups = _groups(signatures)
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_crashes_without_a_region_named_are_one_story() -> None:
    # Towns alone do not part them: a capital's dateline and a suburb's may
    # be one happening's.
    groups = _groups(_two_crashes(region_b=None))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def test_crashes_told_on_other_days_are_left_to_the_days_rule() -> None:
    # Published days apart, without days named: nothing parts them.
    groups = _groups(_two_crashes(published_b=DAY + dt.timedelta(days=3)))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def _shooting(aid: str, town: str, tolls: tuple[float, ...], *, recalls: str = "") -> Signature:
    """A report of a shooting in ``town``, without a region; ``recalls`` another town once."""
    terms = {WORD + w: 1.0 for w in CRASH}
    terms[PLACE + "Country"] = 3.0
    terms[PLACE + town] = 6.0  # named twice
    sites: tuple[str, ...] = (town,)
    if recalls:
        terms[PLACE + recalls] = 3.0
        sites = (town, recalls)
    return Signature(article=aid, terms=terms, anchor=DAY, sites=sites, tolls=tolls)


def test_two_towns_with_their_own_tolls_on_one_day_stay_apart() -> None:
    sigs = [
        _shooting("a#0", "Towna", (8,)),
        _shooting("a#1", "Towna", (8,)),
        # A report of the other shooting recalls this one's town and toll once.
        _shooting("b#0", "Townb", (6, 8), recalls="Towna"),
        _shooting("b#1", "Townb", (6,)),
        *_background(),
    ]
    groups = _groups(sigs)
    assert {"a#0", "a#1"} in groups
    assert {"b#0", "b#1"} in groups


def test_a_toll_recalled_with_the_other_town_does_not_join_two_happenings() -> None:
    sigs = [
        _shooting("a#0", "Towna", (8,)),
        _shooting("a#1", "Towna", (8,)),
        # Neither report of the other happening agrees with the other on its
        # toll, and one recalls this one's town and toll once.
        _shooting("b#0", "Townb", (6, 8), recalls="Towna"),
        _shooting("b#1", "Townb", (5,)),
        *_background(),
    ]
    groups = _groups(sigs)
    assert {"a#0", "a#1"} in groups
    assert {"b#0", "b#1"} in groups


def test_a_town_and_toll_told_as_a_part_by_the_other_cluster_is_one_happening() -> None:
    # The state's reports: 47 dead, "Townb accounted for 11 of the deaths"; the
    # town's own report: 11 dead in Townb. One flood, told whole and in part.
    whole = [
        replace(_shooting("a#0", "Towna", (4, 11, 47)), part_tolls=(11,)),
        _shooting("a#1", "Towna", (4, 47)),
        _shooting("a#2", "Towna", (4,)),
    ]
    sigs = [*whole, _shooting("b#0", "Townb", (11,)), *_background()]
    assert any({"a#0", "a#1", "a#2", "b#0"} <= g for g in _groups(sigs))
    # Without the part, the town's own toll and town tell another happening.
    whole[0] = replace(whole[0], part_tolls=())
    sigs = [*whole, _shooting("b#0", "Townb", (11,)), *_background()]
    assert {"b#0"} in _groups(sigs)


@pytest.mark.parametrize(("division", "one_story"), [("CC:State", True), ("CC:Other", False)])
def test_a_citys_own_toll_in_a_flood_of_its_state_is_one_happening(
    division: str, one_story: bool
) -> None:
    # The state's reports of a flood name a town and the state's toll; the
    # city's own report names only the city, with the city's toll. GeoNames
    # puts both towns in one state: one flood, however the tolls differ.
    def flood(aid: str, town: str, tolls: tuple[float, ...], where: str) -> Signature:
        return replace(
            _shooting(aid, town, tolls),
            happenings=("weather",),
            area_wide=True,
            divisions=(where,),
        )

    sigs = [
        flood("a#0", "Towna", (39,), "CC:State"),
        flood("a#1", "Towna", (39,), "CC:State"),
        flood("b#0", "Townb", (8,), division),
        *_background(),
    ]
    assert any({"a#0", "a#1", "b#0"} <= g for g in _groups(sigs)) == one_story


def test_two_regions_with_their_own_tolls_on_adjacent_days_stay_apart() -> None:
    def raid(aid: str, region: str, toll: float, day: dt.date) -> Signature:
        terms = {WORD + w: 1.0 for w in CRASH}
        terms[PLACE + "Country"] = 3.0
        terms[PLACE + region] = 6.0
        return Signature(article=aid, terms=terms, anchor=day, regions=(region,), tolls=(toll,))

    later = DAY + dt.timedelta(days=1)
    sigs = [
        # One raid's reports disagree on its toll (18 against 26): all its tolls are its own.
        raid("a#0", "Regiona", 18, DAY),
        raid("a#1", "Regiona", 26, DAY),
        raid("b#0", "Regionb", 11, later),
        raid("b#1", "Regionb", 11, later),
        *_background(),
    ]
    groups = _groups(sigs)
    assert {"a#0", "a#1"} in groups
    assert {"b#0", "b#1"} in groups


@pytest.mark.parametrize(
    "change",
    [
        # The same toll: one happening told from two towns.
        {"toll_b": 8.0},
        # Most of one side's reports name the other's town again and again.
        {"again": True},
    ],
)
def test_two_towns_stay_one_story_when_toll_or_town_is_shared(change: dict[str, object]) -> None:
    toll_b = change.get("toll_b", 6.0)
    assert isinstance(toll_b, float)
    b = [_shooting("b#0", "Townb", (toll_b,)), _shooting("b#1", "Townb", (toll_b,))]
    if change.get("again"):
        b = [replace(sig, terms={**sig.terms, PLACE + "Towna": 6.0}, sites=("Townb",)) for sig in b]
    sigs = [_shooting("a#0", "Towna", (8,)), _shooting("a#1", "Towna", (8,)), *b, *_background()]
    groups = _groups(sigs)
    assert any({"a#0", "a#1", "b#0", "b#1"} <= g for g in groups)


def test_a_signature_lists_towns_near_its_figures_the_rules_do_not(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.normalise import normalise
    from checker.stories import article_signature

    text = "Floods in the province of Cuneo, Italy, killed six people on Monday, officials said."
    article = Article(id="t#3", source="t", index=1, text=text, published=DAY)
    analysis = analyse(article, rulebook)
    assert article_signature(analysis, rulebook).sites == ()
    sig = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    assert sig.sites == ("Cuneo",)


def test_a_signature_lists_the_regions_it_names(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.stories import article_signature

    text = "A bus overturned near Munich in Bavaria on Monday, killing three, officials said."
    article = Article(id="t#2", source="t", index=1, text=text, published=DAY)
    sig = article_signature(analyse(article, rulebook), rulebook)
    assert sig.regions == ("Bavaria",)
    assert sig.sites == ("Munich",)


# Two fires of one kind in two cities on consecutive days, each told by its own
# outlets; one report of the second recalls the first.
FIRE = ["fire"]


def _report(
    aid: str, place: str, day: dt.date, words: Sequence[str], recalls: str, *, region: bool
) -> Signature:
    """A report of ``place`` (a town, or a region) on ``day``, maybe recalling another place."""
    terms = {WORD + w: 1.0 for w in words}
    named = (place, recalls) if recalls else (place,)
    for name in named:
        terms[PLACE + name] = 3.0
    if region:
        terms[PLACE + "Country"] = 3.0
        return Signature(article=aid, terms=terms, anchor=day, dates=(day,), regions=named)
    return Signature(article=aid, terms=terms, anchor=day, dates=(day,), sites=named)


def _fire(aid: str, town: str, day: dt.date, own: tuple[str, ...], recalls: str = "") -> Signature:
    return _report(aid, town, day, (*FIRE, *own), recalls, region=False)


def _two_fires(second_town: str) -> list[Signature]:
    bar = ("karaoke", "rooms", "customers", "ladders", "owner", "exit", "venues", "inspections")
    house = ("family", "motorbike", "shop", "grilles", "neighbours", "children", "narrow", "alley")
    later = DAY + dt.timedelta(days=1)
    return [
        _fire("a#0", "Placea", DAY, bar[:6]),
        _fire("a#1", "Placea", DAY, bar[2:]),
        _fire("b#0", second_town, later, house[:6]),
        _fire("b#1", second_town, later, house[2:], recalls="Placea"),
        *_background(),
    ]


def _mine(aid: str, region: str, day: dt.date, recalls: str = "") -> Signature:
    words = ("mine", "miners", "coal", "accident", "killed", "rescuers")
    return _report(aid, region, day, words, recalls, region=True)


def _two_mines(second_region: str) -> list[Signature]:
    return [
        _mine("a#0", "Placea", DAY),
        _mine("a#1", "Placea", DAY),
        _mine("b#0", second_region, DAY + WEEK),
        _mine("b#1", second_region, DAY + WEEK, recalls="Placea"),
        *_background(),
    ]


# Two fires in two towns on consecutive days; two mine accidents a week apart
# in two regions, no town named. Each control tells the same reports of one
# place (a fire and its morrow, a follow-up a week on).
@pytest.mark.parametrize("make", [_two_fires, _two_mines], ids=["fires", "mines"])
def test_two_happenings_of_other_places_on_other_days_stay_apart(
    make: Callable[[str], list[Signature]],
) -> None:
    groups = _groups(make("Placeb"))
    assert {"a#0", "a#1"} in groups
    assert {"b#0", "b#1"} in groups
    together = _groups(make("Placea"))
    assert any({"a#0", "a#1", "b#0", "b#1"} <= g for g in together)


def test_a_vague_part_of_a_country_is_no_region_of_a_signature(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.models import Article
    from checker.stories import article_signature

    text = "A landslide in northern Iraq killed three people on Monday, officials said."
    article = Article(id="t#4", source="t", index=1, text=text, published=DAY)
    sig = article_signature(analyse(article, rulebook), rulebook)
    assert sig.regions == ()
    assert PLACE + "northern Iraq" in sig.terms


def _told_early(names_town: bool) -> list[Signature]:
    """One report published a week before two others' day, naming no day of its own."""
    early = _attack("a#0", "Townb" if names_town else "Towna", published=DAY, days=())
    if not names_town:
        early = replace(early, sites=())
    later = DAY + WEEK
    return [
        early,
        _attack("b#0", "Townb", published=later, days=(later,)),
        _attack("b#1", "Townb", published=later, days=(later,)),
        *_background(),
    ]


def test_a_report_published_before_the_happening_is_not_of_it() -> None:
    groups = _groups(_told_early(names_town=False))
    assert {"b#0", "b#1"} in groups
    assert {"a#0"} in groups


def test_a_first_report_of_the_same_town_is_one_story_with_its_follow_ups() -> None:
    # The control: the early report names the town the later ones name.
    groups = _groups(_told_early(names_town=True))
    assert any({"a#0", "b#0", "b#1"} <= g for g in groups)


def _reports_of_one_fire(count: int) -> list[Signature]:
    """Reports of one fire that share its town and two words, each in its own words."""
    out = []
    for i in range(count):
        terms = {WORD + w: 1.0 for w in ("fire", "market")}
        terms.update({WORD + f"own{i}x{k}": 1.0 for k in range(8)})
        terms[PLACE + "Towna"] = 3.0
        out.append(Signature(article=f"r#{i}", terms=terms, anchor=DAY))
    return out


def test_a_handful_of_one_happenings_reports_is_one_story() -> None:
    # Among four articles a term all of them name would weigh next to nothing
    # beside each report's own words; worked out as if from 20, it weighs.
    sigs = _reports_of_one_fire(4)
    assert _groups(sigs) == [{"r#0", "r#1", "r#2", "r#3"}]
    assert len(_groups(sigs, StoryParams(idf_min_articles=0))) > 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gunmen stormed the weekly market of Zorbeville on Tuesday.", ("zorbeville",)),
        ("Six fishermen were abducted off Quellin Island on Wednesday.", ("quellin island",)),
        ("The Ministry of Health said 11 people were wounded.", ()),
        ("Eleven people died in Kenya on Saturday.", ()),
        ("The blast happened in January, police said.", ()),
    ],
)
def test_localities_are_unknown_names_given_as_where(
    text: str, found: tuple[str, ...], rulebook: Rulebook
) -> None:
    from checker.extract import analyse, lexicon
    from checker.stories import localities

    article = Article(id="a#0", source="a", index=0, text=text, published=DAY)
    assert localities(analyse(article, rulebook), lexicon(rulebook)) == found


def test_names_told_only_as_background_or_a_landmark_are_asides(rulebook: Rulebook) -> None:
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    text = (
        "Three men were shot dead at a car wash in Kestrel Bay on Saturday, police said. "
        "The killings came hours before a separate attack on a bar in nearby Marlow "
        "that left 7 dead. Kestrel Bay lies about 60 kilometres west of Marlow."
    )
    article = Article(id="k#1", source="k", index=1, text=text, published=dt.date(2025, 5, 11))
    analysis = analyse(article, rulebook)
    signature = article_signature(analysis, rulebook, normalise(analysis, rulebook))
    assert "marlow" in signature.asides
    assert "kestrel" not in signature.asides
    # The other happening's toll is not this report's.
    assert 7 not in signature.tolls and 3 in signature.tolls


def _digest(divisions: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Signature]:
    """Two local reports of floods in two towns, with nothing in common but their
    country's words, each with its town, its toll and the first-level divisions
    ``divisions`` it is in; and a digest that tells both, sharing each one's
    words (it leads with neither town alone)."""
    firsts = ["torrents", "bridge", "riverbank", "couple", "basement", "firefighters"]
    seconds = ["mudslide", "hillside", "farmhouse", "shepherd", "boulders", "excavators"]

    def local(
        aid: str, town: str, toll: float, words: list[str], division: tuple[str, ...]
    ) -> Signature:
        base = _sig(aid, [town.capitalize()], words)
        return replace(
            base,
            lead_localities=(town,),
            localities=(town,),
            tolls=(toll,),
            divisions=division,
            countries=("XA",),
        )

    digest = replace(
        _sig("digest#0", ["@Countrya", "Zorbeville", "Quellin"], [*firsts, *seconds]),
        localities=("zorbeville", "quellin"),
        tolls=(2, 3, 5),
        divisions=tuple(sorted({*divisions[0], *divisions[1]})),
        countries=("XA",),
    )
    return [
        local("first#0", "zorbeville", 2, firsts, divisions[0]),
        local("second#0", "quellin", 3, seconds, divisions[1]),
        digest,
        *_background(),
    ]


def test_a_digest_of_floods_in_two_states_joins_no_two_local_reports() -> None:
    groups = _groups(_digest((("XA:Statea",), ("XA:Stateb",))))
    assert not any({"first#0", "second#0"} <= g for g in groups)
    assert any({"digest#0"} < g for g in groups)  # the digest joins one of them
    # Towns of one state (one storm's), or a report in no division known: one story.
    for divisions in [(("XA:Statea",), ("XA:Statea",)), (("XA:Statea",), ())]:
        groups = _groups(_digest(divisions))
        assert {"first#0", "second#0", "digest#0"} in groups, divisions


def test_a_local_report_naming_no_country_is_placed_by_its_towns_lead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from checker import subdivisions

    towns = {"zorbeville": ("Statea",), "quellin": ("Stateb",)}

    def kept(code: str, name: str) -> tuple[str, ...]:
        return towns.get(subdivisions.town_key(name), ()) if code == "XA" else ()

    monkeypatch.setattr(subdivisions, "divisions_of_town", kept)
    sigs = _digest((("XA:Statea",), ()))
    # The second report names no division: its lead's town, looked up in the
    # countries of the reports it would join, is in another state.
    assert not any({"first#0", "second#0"} <= g for g in _groups(sigs))
    towns["quellin"] = ("Statea",)
    assert {"first#0", "second#0", "digest#0"} in _groups(sigs)


def test_a_report_told_before_its_leads_day_dates_no_happening_of_its_own() -> None:
    from checker.stories import StoryParams, _before_the_lead_day, _Cluster

    monday, tuesday, friday = DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=4)

    def report(aid: str, published: dt.date, lead: tuple[dt.date, ...], toll: float) -> Signature:
        return Signature(
            article=aid,
            terms={},
            anchor=published,
            lead_days=lead,
            lead_tolls=(("killed", toll),),
            tolls=(toll,),
        )

    first = report("a#0", tuesday, (monday,), 19)
    later = report("b#0", friday, (friday,), 27)
    early = report("b#1", monday, (), 19 + 8)
    params = StoryParams()
    sigs = [first, later, early]
    # Reports out on Tuesday cannot tell of what their other lead dates to Friday.
    assert _before_the_lead_day(_Cluster([0]), _Cluster([1]), params, sigs)
    # A cluster with a report out on Monday: its Friday is a later day of its
    # own story (a funeral, a new count), not a happening of its own.
    assert not _before_the_lead_day(_Cluster([0]), _Cluster([1, 2]), params, sigs)
