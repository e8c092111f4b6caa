"""Group and compare on hand-built facts: claim identity, sides, relations, ids and order.

Facts here carry their claim identity already (story, as-of day, scope), as
checker/claims.py would set it; checker/claims.py itself is tested in
test_claims_sides.py.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.compare import compare, corroborate
from checker.compare.values import current_claims
from checker.extract.lexicon import lexicon
from checker.group import group
from checker.models import Article, DateRange, Event, Fact, Finding, Interval
from checker.rulebook import Rulebook

DAY = dt.date(2023, 10, 20)
LATER = DAY + dt.timedelta(days=2)
_RANK = {"error": 2, "warning": 1, "info": 0}

A, B, C = "a.txt#1", "b.txt#1", "c.txt#1"


def _article(aid: str, outlet: str | None = None, **kw: object) -> Article:
    source, _, index = aid.rpartition("#")
    return Article(
        id=aid,
        source=source,
        index=int(index),
        outlet=outlet if outlet is not None else f"outlet-{aid}",
        **kw,  # type: ignore[arg-type]
    )


def _fact(
    article: str,
    low: float | None,
    high: float | None = ...,  # type: ignore[assignment]
    *,
    likely: tuple[float | None, float | None] | None = None,
    metric: str = "killed",
    victims: str | None = "people",
    story: str | None = "S1",
    asof: dt.date | None = DAY,
    scope: str = "",
    attribution: str | None = None,
    stated: str | None = None,
    sentence: str | None = None,
    offset: int = 100,
    background: bool = False,
    increment: bool = False,
    date: DateRange | None = None,
    weekday: str | None = None,
) -> Fact:
    """A fact whose sentence contains its stated text; its span points at that text."""
    if high is ...:
        high = low
    likely = likely or (low, high)
    stated = stated or (str(low) if low is not None else "12 October")
    sentence = sentence or f"Officials said {stated} people were killed."
    at = offset + sentence.index(stated)
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
        countries=["Iraq"],
        date=date or DateRange(start=asof, end=asof),
        attribution=attribution,
        weekday=weekday,
        story=story,
        asof=asof,
        scope=scope,
        background=background,
        increment=increment,
    )


def _run(
    facts: list[Fact], articles: list[Article], rulebook: Rulebook
) -> tuple[list[Event], list[Finding]]:
    by_id = {a.id: a for a in articles}
    events = group(facts, by_id, rulebook)
    findings = compare(events, facts, by_id, rulebook)
    return corroborate(events, findings, by_id), findings


def _rules(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.rule, f.kind, f.severity) for f in findings]


def _judged(findings: list[Finding]) -> list[Finding]:
    """The findings that judge values (not scope or date findings)."""
    return [f for f in findings if f.kind in ("conflict", "tension", "update")]


@pytest.fixture()
def arts() -> list[Article]:
    return [_article(A), _article(B), _article(C)]


# --- grouping: claim identity -------------------------------------------------------------


def test_one_claim_identity_is_one_event(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(B, 16), _fact(A, 16)]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 1
    event = events[0]
    assert event.key == "killed|all|whole"
    assert event.story == "S1"
    assert event.metric == "killed"
    assert event.facts == sorted(f.id for f in facts)
    assert event.sources == [A, B]
    assert event.corroborated is True
    assert findings == []


def test_people_and_no_group_are_the_same_group(rulebook: Rulebook, arts: list[Article]) -> None:
    events, _ = _run([_fact(A, 16, victims=None), _fact(B, 16, victims="people")], arts, rulebook)
    assert [e.key for e in events] == ["killed|all|whole"]


def test_event_key_names_group_and_scope(rulebook: Rulebook, arts: list[Article]) -> None:
    events, _ = _run([_fact(A, 5, victims="children", scope="Ramadi")], arts, rulebook)
    assert [e.key for e in events] == ["killed|children|Ramadi"]


def test_different_stories_never_meet(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16, story="S1"), _fact(B, 17, story="S2")]
    events, findings = _run(facts, arts, rulebook)
    assert sorted(e.story for e in events) == ["S1", "S2"]
    assert all(len(e.facts) == 1 for e in events)
    assert findings == []


@pytest.mark.parametrize(
    ("other", "key"),
    [
        ({"scope": "Ramadi"}, "killed|all|Ramadi"),
        ({"victims": "civilians"}, "killed|civilians|whole"),
        ({"victims": "US soldiers"}, "killed|US soldiers|whole"),
        ({"metric": "wounded"}, "wounded|all|whole"),
    ],
)
def test_another_identity_is_another_event(
    rulebook: Rulebook, arts: list[Article], other: dict[str, str], key: str
) -> None:
    facts = [_fact(A, 16), _fact(B, 5, **other)]  # type: ignore[arg-type]
    events, findings = _run(facts, arts, rulebook)
    assert sorted(e.key for e in events) == sorted(["killed|all|whole", key])
    assert all(len(e.facts) == 1 for e in events)
    assert _judged(findings) == []


@pytest.mark.parametrize(
    "change",
    [
        {"story": None},
        {"background": True},
        {"metric": "money"},
    ],
)
def test_facts_that_are_never_grouped(
    rulebook: Rulebook, arts: list[Article], change: dict[str, object]
) -> None:
    facts = [_fact(A, 16, **change), _fact(B, 40, **change)]  # type: ignore[arg-type]
    events, findings = _run(facts, arts, rulebook)
    assert events == []
    assert _judged(findings) == []


def test_an_increment_never_meets_the_toll(rulebook: Rulebook, arts: list[Article]) -> None:
    more = _fact(B, 17, increment=True, sentence="Rescuers found 17 more bodies.", stated="17")
    _, findings = _run([_fact(A, 16), more], arts, rulebook)
    assert findings == []


def test_sums_are_compared_only_for_a_purpose_they_name(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # Two sums for nothing said (aid? damages? a cargo?) are listed, never compared.
    bare = [
        _fact(A, 760e6, metric="money", victims=None),
        _fact(B, 670e6, metric="money", victims=None),
    ]
    events, findings = _run(bare, arts, rulebook)
    assert events == [] and findings == []
    # The same sums, both a street value in one currency, the same day: a conflict.
    valued = [f.model_copy(update={"victims": "value australian dollar"}) for f in bare]
    events, findings = _run(valued, arts, rulebook)
    assert len(events) == 1 and [f.kind for f in findings] == ["conflict"]


def test_date_facts_are_not_events(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, None, None, metric="date", victims=None),
        _fact(B, None, None, metric="date", victims=None),
    ]
    events, _ = _run(facts, arts, rulebook)
    assert events == []


def test_part_and_whole_are_a_scope_finding_not_a_conflict(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, 16), _fact(B, 16), _fact(C, 5, scope="Ramadi")]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 2
    assert _rules(findings) == [("S001", "scope", "info")]
    assert sorted(findings[0].facts) == sorted(f.id for f in facts)
    assert findings[0].story == "S1"


def test_a_part_larger_than_its_whole_conflicts(rulebook: Rulebook, arts: list[Article]) -> None:
    whole, part = _fact(A, 16), _fact(B, 17, victims="militants")
    _, findings = _run([whole, part], arts, rulebook)
    conflicts = [f for f in findings if f.kind == "conflict"]
    assert [f.rule for f in conflicts] == ["C004"]
    assert conflicts[0].sides == [[whole.id], [part.id]]


def test_a_falling_count_is_a_part_of_its_whole_only_on_one_day(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # 14 missing in one town on Wednesday; six in the whole area on Thursday,
    # as more were found: no part exceeds its whole. On one day it would.
    part = _fact(A, 14, metric="missing", scope="Ramadi", asof=DAY)
    for asof, rules in ((LATER, []), (DAY, ["C004"])):
        whole = _fact(B, 6, metric="missing", asof=asof)
        _, findings = _run([part, whole], arts, rulebook)
        assert [f.rule for f in findings if f.kind == "conflict"] == rules


def test_fewer_displaced_a_day_later_is_an_update(rulebook: Rulebook, arts: list[Article]) -> None:
    # 120,000 in evacuation centres on the first day, 95,000 two days later as
    # families went home: the count fell, nobody revised it.
    first = _fact(A, 120000, metric="displaced", asof=DAY, attribution="the council")
    later = _fact(B, 95000, metric="displaced", asof=LATER, attribution="the council")
    _, findings = _run([first, later], arts, rulebook)
    assert [f.kind for f in _judged(findings)] == ["update"]


def test_an_earlier_figure_told_again_is_dated_by_its_sides_other_reports(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # 20 missing on Monday; on Wednesday one outlet says two remain missing and
    # another recalls the 20: "earlier in the week officials had said" it.
    monday = _fact(A, 20, metric="missing", asof=DAY, attribution="police")
    recalled = _fact(
        C,
        20,
        metric="missing",
        asof=LATER,
        stated="about 20",
        sentence="Earlier in the week officials had said a dozen people were dead and about 20 "
        "were missing.",
    )
    two = _fact(B, 2, metric="missing", asof=LATER, attribution="officials")
    _, findings = _run([monday, recalled, two], arts, rulebook)
    assert [f.kind for f in _judged(findings)] == ["update"]


def test_a_superseded_whole_is_no_whole_a_part_exceeds(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "Officials had put the toll at seven on Wednesday night" beside "eight officers".
    whole = _fact(A, 7, stated="seven", sentence="Officials had put the toll at seven.")
    part = _fact(B, 8, victims="soldiers", stated="eight officers")
    _, findings = _run([whole, part], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == []


def test_a_part_held_by_its_own_articles_whole_is_a_conflict_of_wholes_only(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "19 people were killed ... 19 bodies" against another outlet's 17: the
    # two wholes conflict; the bodies add no second finding.
    whole, total = _fact(A, 17), _fact(B, 19)
    part = _fact(B, 19, victims="bodies", offset=300)
    _, findings = _run([whole, total, part], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == ["C001"]
    _, findings = _run([whole, part], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == ["C004"]


def test_police_sent_ahead_are_a_part_of_the_troops_not_a_rival_count(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    police = _fact(A, 100, metric="troops", victims="police")
    soldiers = _fact(B, 150, metric="troops", victims="soldiers")
    troops = _fact(C, 150, metric="troops", victims="soldiers")
    _, findings = _run([police, soldiers, troops], arts, rulebook)
    assert [f for f in findings if f.kind == "conflict"] == []
    # Two counts of the police themselves still conflict.
    more_police = _fact(B, 120, metric="troops", victims="police")
    _, findings = _run([police, more_police], arts, rulebook)
    assert [f.kind for f in findings if f.kind == "conflict"] == ["conflict"]


def test_families_are_never_set_against_people(rulebook: Rulebook, arts: list[Article]) -> None:
    # 6,000 families evacuated in one report, 5,000 people in another: two units.
    people = _fact(A, 5000, metric="displaced")
    families = _fact(B, 6000, metric="displaced", victims="households")
    _, findings = _run([people, families], arts, rulebook)
    assert [f for f in findings if f.kind == "conflict"] == []


def test_a_part_over_a_whole_already_in_conflict_is_told_once(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "27 dead" (everyone) against "31 inmates" and a second "31 inmates": the
    # inmates' conflict with another outlet's "27 inmates" already sets the
    # 31 against that outlet, so its bare 27 adds no part-exceeds-whole.
    bare = _fact(A, 27, attribution="the prison service")
    counted = _fact(A, 27, victims="inmates", offset=300, attribution="the prison service")
    part = _fact(B, 31, victims="inmates", attribution="the prison agency")
    again = _fact(C, 31, victims="inmates", attribution="the prison agency")
    _, findings = _run([bare, counted, part, again], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == ["C003"]
    # Alone, the part over the whole is still found.
    _, findings = _run([bare, part, again], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == ["C004"]


def test_a_part_told_of_another_country_is_no_part_of_the_whole(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # One strike hit two countries: each article's whole is its own country's.
    whole = _fact(A, 11)
    part = _fact(B, 19, victims="militants").model_copy(update={"countries": ["Syria"]})
    _, findings = _run([whole, part], arts, rulebook)
    assert [f for f in findings if f.kind == "conflict"] == []


@pytest.mark.parametrize(
    ("scope", "conflicts"),
    [
        ("Iraq+Syria", []),  # two countries: beside the whole, not inside it
        ("Mosul+Ramadi", ["C004"]),  # two cities of the whole's country: a part of it
    ],
)
def test_a_figure_for_several_places_is_a_part_only_when_each_is(
    rulebook: Rulebook, arts: list[Article], scope: str, conflicts: list[str]
) -> None:
    whole, part = _fact(A, 7), _fact(B, 10, scope=scope)
    _, findings = _run([whole, part], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == conflicts


def test_a_part_of_the_same_article_never_conflicts(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, 16), _fact(A, 17, victims="militants", offset=400)]
    _, findings = _run(facts, arts, rulebook)
    assert [f for f in findings if f.kind == "conflict"] == []


# --- one claim, several sources: sides and relations ------------------------------------------


def test_agreeing_sources_are_corroborated(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 14, 18, stated="about 16"), _fact(C, 16, None)]
    events, findings = _run(facts, arts, rulebook)
    assert findings == []
    assert events[0].corroborated


def test_open_interval_agrees_with_a_larger_figure(rulebook: Rulebook, arts: list[Article]) -> None:
    _, findings = _run([_fact(A, 16, None, stated="at least 16"), _fact(B, 18)], arts, rulebook)
    assert findings == []


def test_small_gap_on_one_day_is_a_warning_conflict(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(B, 17), _fact(A, 16)]
    events, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("C001", "conflict", "warning")]
    f = findings[0]
    assert f.sides == [[f"{A}@100"], [f"{B}@100"]], "lower side first"
    assert f.facts == sorted(x.id for x in facts)
    assert f.event == events[0].id
    assert f.story == "S1"
    assert "16" in f.summary and "17" in f.summary
    assert events[0].corroborated is False


def _beyond_tolerance(rulebook: Rulebook) -> tuple[int, int]:
    """Two killed figures whose gap is beyond the metric's tolerance but a near count."""
    rule = rulebook.metric("killed")
    assert rule is not None
    near = rulebook.findings.same_count_gap
    if near <= rule.tolerance.rel:
        pytest.skip("no gap is both beyond tolerance and a near count with these thresholds")
    share = (rule.tolerance.rel + near) / 2
    high = 10_000
    return round(high * (1 - share)), high


def test_gap_beyond_tolerance_on_one_day_is_an_error(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    low, high = _beyond_tolerance(rulebook)
    _, findings = _run([_fact(A, low), _fact(B, high)], arts, rulebook)
    assert _rules(findings) == [("C001", "conflict", "error")]


def test_design_example_16_vs_18_killed_is_an_error(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    _, findings = _run([_fact(A, 16), _fact(B, 18)], arts, rulebook)
    assert _rules(findings) == [("C001", "conflict", "error")]


def test_far_apart_on_one_day_without_authorities_is_an_update(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    rule = rulebook.metric("killed")
    assert rule is not None and rule.running_toll
    _, findings = _run([_fact(A, 16), _fact(B, 40)], arts, rulebook)
    assert _rules(findings) == [("U001", "update", "info")]


def test_one_authority_far_apart_on_one_later_day_is_a_conflict(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # Day one 10; the next day one authority is quoted with 19 and with 25.
    facts = [
        _fact(C, 10, asof=DAY, attribution="the city government"),
        _fact(A, 19, asof=LATER, attribution="the city government"),
        _fact(B, 25, asof=LATER, attribution="The city government"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert ("C001", "conflict", "error") in _rules(findings)
    conflict = next(f for f in findings if f.rule == "C001")
    assert conflict.sides == [[f"{A}@100"], [f"{B}@100"]]


@pytest.mark.parametrize(
    ("voices", "conflict"),
    [
        # One man, named in full by both, whatever title each gives him.
        (("National Police Service spokesman Dan Okoth", "police spokesman Dan Okoth"), True),
        # A body, and one who speaks for it by a title.
        (("the fire service", "fire service spokeswoman Eleni Doukas"), True),
        (("the army", "army spokesman Colonel Tunde Danjuma"), True),
        # One man, his title written out by one and shortened by the other.
        (("Northern range Inspector General Ravi Menon", "IG Ravi Menon"), True),
        # Two bodies whose names end alike: not one person's name.
        (("the Highland Regional Health Office", "the Federal Health Office"), False),
        # Two bodies that share words but not their names.
        (("the National Disaster Agency", "the Provincial Disaster Agency"), False),
        # Two names of one service (rules/findings.yaml authority_aliases).
        (("the fire service", "the fire brigade"), True),
        (("the Ministry of Health", "the health ministry"), True),
        (("the fire service", "the health ministry"), False),
    ],
)
def test_one_named_voice_far_apart_on_one_day_is_a_conflict(
    voices: tuple[str, str], conflict: bool, rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, 2, attribution=voices[0]), _fact(B, 3, attribution=voices[1])]
    _, findings = _run(facts, arts, rulebook)
    assert ("C001" in {f.rule for f in findings}) == conflict


@pytest.mark.parametrize(
    ("low", "voices", "flagged"),
    [
        # A town's count far below a national agency's: of its own area.
        (9, ("the municipal president", "the national civil protection agency"), False),
        (9, ("a city spokesman", "the provincial disaster department"), False),
        # Close to it: the same toll told two ways.
        (29, ("the municipal president", "the national civil protection agency"), True),
        # Two national voices far apart: a dispute.
        (9, ("the health ministry", "the national civil protection agency"), True),
        # The larger figure is the town's: a dispute too.
        (9, ("the national civil protection agency", "the mayor"), True),
        # A province's count far below a country's: of its own area; not below
        # another province's, nor a town's below its own province's equal.
        (9, ("the provincial government", "the interior ministry"), False),
        (9, ("the provincial government", "the regional police"), True),
        (9, ("the regency administration", "the national disaster agency"), False),
    ],
)
def test_a_local_authoritys_smaller_count_is_of_its_own_area(
    low: int, voices: tuple[str, str], flagged: bool, rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, low, attribution=voices[0]), _fact(B, 31, attribution=voices[1])]
    _, findings = _run(facts, arts, rulebook)
    assert bool([f for f in findings if f.kind == "conflict"]) == flagged
    # The town's count told a day after the wider one: still of its own area.
    later = [facts[0].model_copy(update={"asof": DAY + dt.timedelta(days=1)}), facts[1]]
    _, findings = _run(later, arts, rulebook)
    assert bool([f for f in findings if f.kind == "conflict"]) == flagged


@pytest.mark.parametrize("voices", [(None, None), ("the city government", None)])
def test_far_apart_on_one_day_stays_an_update_without_one_voice_on_both_sides(
    voices: tuple[str | None, str | None], rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [
        _fact(C, 10, asof=DAY),
        _fact(A, 19, asof=LATER, attribution=voices[0]),
        _fact(B, 25, asof=LATER, attribution=voices[1]),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert "C001" not in {f.rule for f in findings}


def test_one_authority_far_apart_on_the_first_day_is_a_conflict(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [
        _fact(A, 23, attribution="police"),
        _fact(B, 31, attribution="Police"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("C001", "conflict", "error")]


def test_far_apart_on_one_day_is_a_conflict_for_a_count_that_does_not_run(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    rule = next((m for m in rulebook.metrics if m.compare and not m.running_toll), None)
    if rule is None:
        pytest.skip("every compared metric is a running toll")
    facts = [_fact(A, 16, metric=rule.name), _fact(B, 40, metric=rule.name)]
    _, findings = _run(facts, arts, rulebook)
    assert [(f.rule, f.kind) for f in findings] == [("C001", "conflict")]


def test_two_named_authorities_dispute(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 90, attribution="UN agency"),
        _fact(B, 300, attribution="regional governor"),
        _fact(C, 90, attribution="UN agency"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("C003", "conflict", "error")]
    f = findings[0]
    assert f.sides == [[f"{A}@100", f"{C}@100"], [f"{B}@100"]]
    assert "UN agency" in f.summary and "regional governor" in f.summary
    assert "2 outlets" in f.summary


def test_one_authority_on_both_sides_is_no_dispute(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 90, attribution="health ministry"),
        _fact(B, 300, attribution="Health Ministry"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert "C003" not in {f.rule for f in findings}


def test_lower_earlier_is_an_update(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 20, asof=LATER), _fact(B, 12, asof=DAY)]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("U001", "update", "info")]
    assert findings[0].sides == [[f"{B}@100"], [f"{A}@100"]]


def test_a_rise_is_told_step_by_step(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 14, asof=DAY),
        _fact(B, 26, asof=DAY + dt.timedelta(days=1)),
        _fact(C, 31, asof=LATER),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert [(f.rule, f.sides) for f in findings] == [
        ("U001", [[f"{A}@100"], [f"{B}@100"]]),
        ("U001", [[f"{B}@100"], [f"{C}@100"]]),
    ]


def test_lower_later_is_revised_down(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 20, asof=DAY), _fact(B, 17, asof=LATER)]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("C002", "conflict", "warning")]
    assert findings[0].sides == [[f"{B}@100"], [f"{A}@100"]]


def test_lower_later_with_a_revision_is_an_info_revision(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    revised = _fact(B, 17, asof=LATER, sentence="The ministry revised the toll to 17 people.")
    _, findings = _run([_fact(A, 20, asof=DAY), revised], arts, rulebook)
    assert _rules(findings) == [("C002", "conflict", "info")]


@pytest.mark.parametrize(
    "sentence",
    [
        "17 people remain missing, down from 20 a day earlier.",
        "The number of missing fell to 17 as two men were found alive.",
    ],
)
def test_a_later_count_that_says_it_went_down_is_an_info_revision(
    rulebook: Rulebook, arts: list[Article], sentence: str
) -> None:
    revised = _fact(B, 17, asof=LATER, sentence=sentence)
    _, findings = _run([_fact(A, 20, asof=DAY), revised], arts, rulebook)
    assert _rules(findings) == [("C002", "conflict", "info")]


def test_later_tiny_fraction_is_a_partial_count(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 1000, asof=DAY), _fact(B, 10, asof=LATER)]
    _, findings = _run(facts, arts, rulebook)
    assert findings == []


def test_the_latest_of_a_series_is_no_word_of_a_rise(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "the latest deadly blaze" says this fire is one more of many, not that
    # its toll rose: 22 and 24 the same day from one fire service disagree.
    latest = _fact(B, 24, sentence="24 people were killed, in the latest deadly blaze in the city.")
    _, findings = _run([_fact(A, 22), latest], arts, rulebook)
    assert _rules(findings) == [("C001", "conflict", "error")]


def test_a_rise_told_on_the_same_day_is_an_update(rulebook: Rulebook, arts: list[Article]) -> None:
    risen = _fact(B, 17, sentence="The death toll rose to 17 on Friday.")
    _, findings = _run([_fact(A, 16), risen], arts, rulebook)
    assert _rules(findings) == [("U001", "update", "info")]


def test_unknown_time_is_judged_as_the_same_time(rulebook: Rulebook, arts: list[Article]) -> None:
    _, findings = _run([_fact(A, 16, asof=None), _fact(B, 17, asof=LATER)], arts, rulebook)
    assert [f.rule for f in findings] == ["C001"]


def test_tension_on_one_day(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 6001, None, likely=(6001, 6999), stated="more than 6,000"), _fact(B, 9000)]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("T001", "tension", "warning")]
    assert findings[0].sides == [[f"{A}@100"], [f"{B}@100"]]


def test_no_tension_between_days(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 6001, None, likely=(6001, 6999), stated="more than 6,000", asof=DAY),
        _fact(B, 9000, asof=LATER),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert "T001" not in {f.rule for f in findings}


def test_third_source_joins_its_side(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 17), _fact(C, 16)]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings] == ["C001"]
    assert findings[0].sides == [[f"{A}@100", f"{C}@100"], [f"{B}@100"]]
    assert findings[0].facts == sorted(f.id for f in facts)


def test_each_pair_of_sides_is_one_finding(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 100), _fact(B, 103), _fact(C, 106)]
    _, findings = _run(facts, arts, rulebook)
    assert {f.rule for f in findings} == {"C001"}
    pairs = sorted(tuple(side[0] for side in f.sides) for f in findings)
    assert pairs == [(f"{A}@100", f"{B}@100"), (f"{A}@100", f"{C}@100"), (f"{B}@100", f"{C}@100")]
    assert all(len(f.sides) == 2 and len(f.facts) == 2 for f in findings)


def test_a_claim_that_fits_both_sides_is_on_neither(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, 16), _fact(B, 17), _fact(C, 15, 18, stated="about 16")]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings] == ["C001"]
    assert findings[0].sides == [[f"{A}@100"], [f"{B}@100"]]
    assert f"{C}@100" not in findings[0].facts


# --- which claims speak for an article ------------------------------------------------------------


def test_an_articles_first_figure_is_its_headline(rulebook: Rulebook, arts: list[Article]) -> None:
    later = _fact(A, 17, offset=400, sentence="Another report said 17 people were killed.")
    _, findings = _run([later, _fact(A, 16), _fact(B, 16)], arts, rulebook)
    assert findings == []


def test_a_later_figure_citing_another_authority_speaks(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [
        _fact(A, 90, attribution="UN agency"),
        _fact(A, 300, attribution="regional governor", offset=400),
        _fact(B, 90, attribution="UN agency"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings] == ["C003"]
    assert findings[0].sides == [[f"{A}@100", f"{B}@100"], [f"{A}@400"]]


def test_a_superseded_figure_drops_out(rulebook: Rulebook, arts: list[Article]) -> None:
    initially = _fact(A, 16, sentence="Officials initially put the toll at 16 people.")
    facts = [initially, _fact(A, 17, offset=400), _fact(B, 17)]
    _, findings = _run(facts, arts, rulebook)
    assert findings == []


@pytest.mark.parametrize(
    "sentence",
    ["The blast left 17 dead and wounded.", "The strikes caused about 17 injuries and deaths."],
)
def test_a_combined_count_drops_out(sentence: str, rulebook: Rulebook, arts: list[Article]) -> None:
    combined = _fact(A, 17, sentence=sentence)
    _, findings = _run([combined, _fact(B, 16)], arts, rulebook)
    assert findings == []


# --- independence ----------------------------------------------------------------------------


def test_a_syndicated_copy_never_conflicts(rulebook: Rulebook) -> None:
    arts = [_article(A), _article(B, duplicate_of=A)]
    _, findings = _run([_fact(A, 16), _fact(B, 17)], arts, rulebook)
    assert findings == []
    events, _ = _run([_fact(A, 16), _fact(B, 16)], arts, rulebook)
    assert not events[0].corroborated, "a copy does not corroborate its original"


def test_same_fingerprint_never_conflicts(rulebook: Rulebook) -> None:
    arts = [_article(A, fingerprint="f00"), _article(B, fingerprint="f00")]
    events, findings = _run([_fact(A, 16), _fact(B, 17)], arts, rulebook)
    assert findings == []
    assert not events[0].corroborated


def test_one_article_never_conflicts_with_itself(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 16, attribution="police"),
        _fact(A, 17, attribution="hospital director", offset=400),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert findings == []


# --- ids and order ---------------------------------------------------------------------------


def _ids(
    rulebook: Rulebook, paths: tuple[str, str], value: int, offsets: tuple[int, int]
) -> list[str]:
    arts = [_article(paths[0], outlet="Outlet One"), _article(paths[1], outlet="Outlet Two")]
    facts = [_fact(paths[0], 16, offset=offsets[0]), _fact(paths[1], value, offset=offsets[1])]
    return [f.id for f in _run(facts, arts, rulebook)[1]]


def test_finding_id_is_stable_across_paths_and_offsets(rulebook: Rulebook) -> None:
    first = _ids(rulebook, ("a.txt#1", "b.txt#1"), 17, (100, 200))
    moved = _ids(rulebook, ("batch2/x.json#7", "other/y.txt#3"), 17, (5, 999))
    assert len(first) == 1
    assert first == moved
    assert first[0].startswith("C001-")


def test_finding_id_changes_with_a_value(rulebook: Rulebook) -> None:
    base = _ids(rulebook, ("a.txt#1", "b.txt#1"), 17, (100, 200))
    other = _ids(rulebook, ("a.txt#1", "b.txt#1"), 15, (100, 200))
    assert len(base) == len(other) == 1
    assert base != other


def test_finding_id_uses_the_fingerprint_without_an_outlet(rulebook: Rulebook) -> None:
    def ids(pa: str, pb: str) -> list[str]:
        arts = [
            Article(id=pa, source=pa, index=1, fingerprint="aaaa"),
            Article(id=pb, source=pb, index=1, fingerprint="bbbb"),
        ]
        return [f.id for f in _run([_fact(pa, 16), _fact(pb, 17)], arts, rulebook)[1]]

    assert len(ids("a.txt#1", "b.txt#1")) == 1
    assert ids("a.txt#1", "b.txt#1") == ids("c.txt#1", "d.txt#1")


def _batch() -> tuple[list[Fact], list[Article]]:
    arts = [_article(f"f{i}.txt#1") for i in range(6)]
    ids = [a.id for a in arts]
    thursday = dt.date(2023, 10, 12)
    facts = [
        _fact(ids[0], 16),
        _fact(ids[1], 17),
        _fact(ids[2], 30, metric="wounded", asof=DAY),
        _fact(ids[3], 60, metric="wounded", asof=LATER),
        _fact(ids[4], 6001, None, likely=(6001, 6999), story="S2", stated="more than 6,000"),
        _fact(ids[5], 9000, story="S2"),
        _fact(ids[5], 40, story="S2", scope="Ramadi", offset=600),
        _fact(
            ids[4],
            None,
            None,
            metric="date",
            victims=None,
            story="S2",
            offset=600,
            date=DateRange(start=thursday, end=thursday),
            weekday="Monday",
        ),
    ]
    return facts, arts


def test_findings_are_sorted_and_independent_of_input_order(rulebook: Rulebook) -> None:
    facts, arts = _batch()
    events, findings = _run(facts, arts, rulebook)
    assert {f.rule for f in findings} == {"C001", "U001", "T001", "S001", "D001"}
    keys = [(-_RANK[f.severity], f.kind, f.metric, f.id) for f in findings]
    assert keys == sorted(keys)
    assert len({f.id for f in findings}) == len(findings)
    for seed in range(5):
        shuffled = facts[:]
        random.Random(seed).shuffle(shuffled)
        assert _run(shuffled, arts[::-1], rulebook) == (events, findings)


def test_verdict_does_not_depend_on_file_names(rulebook: Rulebook) -> None:
    def verdict(first: str) -> list[tuple[str, str]]:
        arts = [
            _article(first, outlet="One"),
            _article(B, outlet="Two"),
            _article(C, outlet="Three"),
        ]
        facts = [_fact(first, 16), _fact(C, 13, 17, stated="about 15"), _fact(B, 18)]
        return [(f.rule, f.severity) for f in _run(facts, arts, rulebook)[1]]

    assert verdict("a.txt#1") == verdict("z.txt#1")


def test_the_same_figures_in_two_stories_are_two_findings(rulebook: Rulebook) -> None:
    arts = [
        _article("a.txt#1", outlet="Reuters"),
        _article("b.txt#1", outlet="AP"),
        _article("a.txt#2", outlet="Reuters"),
        _article("b.txt#2", outlet="AP"),
    ]
    facts = [
        _fact("a.txt#1", 16, story="S1"),
        _fact("b.txt#1", 17, story="S1"),
        _fact("a.txt#2", 16, story="S2", asof=DAY + dt.timedelta(days=60)),
        _fact("b.txt#2", 17, story="S2", asof=DAY + dt.timedelta(days=60)),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert sorted(f.story or "" for f in findings) == ["S1", "S2"]


def test_far_apart_long_after_the_first_report_is_a_conflict(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # A trial a year on: the toll no longer develops, so 8 against 10 injured
    # is a disagreement, not two moments of one count.
    much_later = DAY + dt.timedelta(days=300)
    facts = [
        _fact(A, 8, asof=much_later, metric="wounded"),
        _fact(B, 10, asof=much_later, metric="wounded", offset=200),
        _fact(C, 3, asof=DAY, metric="wounded", offset=300),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert ("C001", "conflict", "error") in _rules(findings)


def test_a_lower_figure_followed_by_a_rise_is_no_revision(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # 158 on day one, 70 on day three, 211 on day four: the 70 was a stale or
    # partial count, the toll kept rising.
    facts = [
        _fact(A, 158, asof=DAY),
        _fact(B, 70, asof=DAY + dt.timedelta(days=2)),
        _fact(C, 211, asof=DAY + dt.timedelta(days=3)),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert not [f for f in findings if f.rule == "C002"]


def test_a_lower_later_figure_from_another_authority_is_a_dispute(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [
        _fact(A, 210, asof=DAY, attribution="the health ministry"),
        _fact(B, 150, asof=LATER, attribution="the army"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert _rules(findings) == [("C003", "conflict", "error")]


def test_a_rough_size_never_conflicts_by_the_width_of_its_edge(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    dozens = _fact(A, 24, 99, stated="dozens of people")
    _, findings = _run([dozens, _fact(B, 100, None, stated="at least 100")], arts, rulebook)
    assert not [f for f in findings if f.kind in ("conflict", "tension")]


def test_a_hedge_on_an_odd_number_makes_no_tension(rulebook: Rulebook, arts: list[Article]) -> None:
    odd = _fact(A, 309, None, likely=(309, 399), stated="over 308")
    _, findings = _run([odd, _fact(B, 334)], arts, rulebook)
    assert not [f for f in findings if f.kind == "tension"]
    rounded = _fact(A, 301, None, likely=(301, 399), stated="over 300")
    _, findings = _run([rounded, _fact(B, 450)], arts, rulebook)
    assert [f.rule for f in findings if f.kind == "tension"] == ["T001"]


def test_one_authority_a_day_apart_is_one_statement_told_two_ways(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [
        _fact(A, 147, asof=DAY, attribution="Home Minister Asaduzzaman Khan"),
        _fact(
            B, 150, asof=DAY + dt.timedelta(days=1), attribution="Home Minister Azaduzzaman Khan"
        ),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings] == ["C001"]


def test_one_authority_a_day_apart_far_apart_in_likely_values_is_a_running_count(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "More than 200 injured" on Tuesday, 390 on Wednesday, both per the
    # agency: literally compatible, but two moments of its count, not one
    # statement told two ways (a tension).
    facts = [
        _fact(A, 201, None, likely=(201, 260), stated="more than 200", attribution="the agency"),
        _fact(B, 390, asof=DAY + dt.timedelta(days=1), attribution="the agency"),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert not [f for f in findings if f.kind in ("conflict", "tension")]
    same_day = [facts[0], facts[1].model_copy(update={"asof": DAY})]
    _, findings = _run(same_day, arts, rulebook)
    assert [f.rule for f in findings if f.kind == "tension"] == ["T001"]


def test_a_source_dating_the_incident_a_day_early_is_d003(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    def day(article: str, when: dt.date, stated: str, offset: int) -> Fact:
        sentence = f"The blast at the hospital on {stated} killed many people."
        return _day(article, when, stated, sentence, offset)

    tuesday, monday = dt.date(2023, 10, 17), dt.date(2023, 10, 16)
    facts = [
        day(A, tuesday, "Tuesday", 10),
        day(B, tuesday, "Oct. 17", 20),
        day(C, monday, "Monday, October 16", 30),
    ]
    _, findings = _run(facts, arts, rulebook)
    d003 = [f for f in findings if f.rule == "D003"]
    assert len(d003) == 1
    assert d003[0].sides == [[facts[2].id], sorted([facts[0].id, facts[1].id])]
    later = [day(A, tuesday, "Tuesday", 10), day(B, tuesday, "Oct. 17", 20)]
    later.append(day(C, dt.date(2023, 10, 18), "Wednesday", 30))
    _, findings = _run(later, arts, rulebook)
    assert not [f for f in findings if f.rule == "D003"]
    # A bare weekday of an article dated only by its text (a lower bound)
    # cannot tell which week it means: it dates nothing.
    guessed = [*arts[:2], arts[2].model_copy(update={"published_from": "inferred"})]
    _, findings = _run(facts, guessed, rulebook)
    assert [f.rule for f in findings if f.rule == "D003"] == ["D003"]
    facts[2] = day(C, monday, "Monday", 30).model_copy(update={"weekday": "Monday"})
    _, findings = _run(facts, guessed, rulebook)
    assert not [f for f in findings if f.rule == "D003"]


def _day(article: str, when: dt.date, stated: str, sentence: str, offset: int = 10) -> Fact:
    """A date fact of ``article`` for the day ``when``, said ``stated`` in ``sentence``."""
    return _fact(
        article,
        None,
        None,
        metric="date",
        victims=None,
        stated=stated,
        sentence=sentence,
        date=DateRange(start=when, end=when),
        offset=offset,
    )


@pytest.mark.parametrize(
    ("template", "dated"),
    [
        # The verb of the happening far back, in one unbroken clause.
        (
            "A pit collapsed at a cobalt mining site near the city in the southern province on {}.",
            True,
        ),
        ("The walls of a mining pit caved in near the town on {}.", True),
        (
            "Gunmen killed 21 civilians in an attack on a village in a province on {}.",
            True,
        ),
        (
            "The bus veered off the road and fell into a ravine near the town in the region on {}.",
            True,
        ),
        # A place in apposition and a time of the day open no clause.
        ("Two lorries collided head-on near Townia, Regiona, at about 6:15 a.m. on {}.", True),
        ("Militants ambushed a patrol in Townia town, Regiona del Sur province, on {}.", True),
        # "and" between two nouns opens no clause.
        ("Armed men kidnapped 212 pupils and teachers from a school in the district on {}.", True),
        ("Gunmen seized 30 traders and drivers near the town on {}.", True),
        # A bearing to a landmark in apposition opens no clause either.
        (
            "Six people were killed when a landslide hit a settlement in a remote hill "
            "district of the province, northeast of Townia, on {}.",
            True,
        ),
        ("An unfinished apartment block came down in the estate late on {}.", True),
        # ... nor a kind of place in a region, nor a division of a region.
        (
            "Gunmen abducted 287 pupils from a government school in Townia, a village "
            "in Regiona state, early on {}.",
            True,
        ),
        (
            "Fighters stormed the weekly market of Townia, in the Alpha department of "
            "the Far North region, on {}.",
            True,
        ),
        # A clause between: the day is another verb's.
        (
            "The boat sank near the town in the north of the province and rescuers arrived on {}.",
            False,
        ),
        (
            "A pit collapsed at a cobalt mining site near the city, and rescuers searched on {}.",
            False,
        ),
        ("Two lorries collided near the town, officials said, and on {} the road reopened.", False),
        ("A pit collapsed at a cobalt mining site near the city while officials met on {}.", False),
    ],
)
def test_a_day_far_from_the_verb_of_the_happening_dates_it_in_one_clause(
    template: str, dated: bool, rulebook: Rulebook, arts: list[Article]
) -> None:
    friday, saturday = dt.date(2024, 10, 11), dt.date(2024, 10, 12)
    facts = [
        _day(A, friday, "Friday", template.format("Friday")),
        _day(B, friday, "Friday", template.format("Friday")),
        _day(C, saturday, "Saturday", "A pit collapsed near the city on Saturday."),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert bool([f for f in findings if f.rule == "D003"]) == dated


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen kidnapped 14 farm workers in the state capital on Saturday.",
        "A landslide struck a remote village in the highland district of the northern province"
        " before dawn on Saturday.",
        "Three armed men robbed a jewellery store in the city centre on Saturday afternoon.",
        # The happening's possessive dates it too, and so does "the" before the day.
        "Riot police dispersed Saturday's rally on the seafront and detained 79 people.",
        "The cleanup after the Saturday derailment of a freight train could take weeks.",
        # A quake shakes; a bomber targets; a place's rank in apposition opens no clause.
        "An earthquake that shook the east of the country on Saturday killed three people.",
        "Nine people were killed when a bomber targeted a police post on Saturday.",
        "Fire tore through the market, one of the busiest in Townia, on Saturday morning.",
        # A town near the site in apposition; the happening's noun and its start.
        "A fire broke out at a care home in Townia, near Citya, in the early hours of Saturday.",
        "The blaze started in the early hours of Saturday in a room on the ground floor.",
        # Passengers perish; vehicles pile up.
        "Sixteen passengers perished on Saturday afternoon when the bus burst into flames.",
        "Two people were killed when about 40 vehicles piled up in fog on Saturday morning.",
        # Two verbs of one subject; a bearing's place in apposition.
        "Seven miners were trapped in a coal mine that collapsed and flooded in the"
        " municipality of the northern mining state on Saturday.",
        "A gas explosion ripped through a block of flats in Townia, on the eastern edge of"
        " Citya, on Saturday evening, killing three people.",
        # The happening's noun, and a town's wider place between commas.
        "Seven miners died in an explosion at a coal mine in Townia, Statia, on Saturday.",
        # A state told with "in" between commas; a rally dispersed.
        "At least 35 pupils were kidnapped when armed men attacked a school in Townia, in"
        " Statia state, before dawn on Saturday.",
        "Dozens of protesters were hurt when riot police dispersed a rally outside parliament"
        " on Saturday.",
    ],
)
def test_a_later_day_in_the_clause_of_the_verb_of_the_happening_disagrees(
    sentence: str, rulebook: Rulebook, arts: list[Article]
) -> None:
    friday, saturday = dt.date(2024, 10, 11), dt.date(2024, 10, 12)
    said = "The attack on the village near the town killed 14 on {}."
    facts = [
        _day(A, friday, "Friday", said.format("Friday")),
        _day(B, friday, "Friday", said.format("Friday")),
        _day(C, saturday, "Saturday", sentence),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings if f.rule == "D003"] == ["D003"]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Three miners were hurt in a methane explosion at a coal mine in the town on {}.", True),
        ("Four people were killed by a gas explosion in a block of flats in the city on {}.", True),
        # What set the happening off brings its noun in as well.
        ("Four died when a gas leak caused an explosion in a block of flats on {} night.", True),
        ("The toll in a blast at the mine rose to 12 on {}.", False),
        # The day a toll reached its new level, whatever verb of the happening before it.
        ("The death toll from a blast that buried miners in the east rose to 21 on {}.", False),
        ("Three miners were hurt in a blast, and rescuers searched the mine on {}.", False),
        # The happening's noun right before the day, or a "when" clause of its verb.
        ("Rescuers raised the toll from the explosion on {} afternoon to nine.", True),
        ("Six miners were killed on {} when a gas pocket exploded underground.", True),
        ("Six miners were killed on {} night when a gas pocket exploded underground.", True),
        ("Traders counted losses after a fire at the market on {} afternoon.", True),
        ("Six miners were killed, officials said on {} when asked.", False),
        ("The funeral on {} drew hundreds of mourners.", False),
    ],
)
def test_a_later_day_after_in_a_happening_disagrees(
    sentence: str, dated: bool, rulebook: Rulebook, arts: list[Article]
) -> None:
    friday, saturday = dt.date(2025, 10, 17), dt.date(2025, 10, 18)
    said = "An explosion tore through a coal mine in the province on {}."
    facts = [
        _day(A, friday, "Friday", said.format("Friday")),
        _day(B, friday, "Friday", said.format("Friday")),
        _day(C, saturday, "Saturday", sentence.format("Saturday")),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert bool([f for f in findings if f.rule == "D003"]) == dated


def test_two_days_in_two_countries_are_no_disagreement(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    def day(article: str, when: dt.date, stated: str, where: str) -> Fact:
        sentence = f"The storm struck {where} on {stated}, killing several people."
        return _day(article, when, stated, sentence).model_copy(update={"countries": [where]})

    wednesday, thursday = dt.date(2024, 10, 30), dt.date(2024, 10, 31)
    same = [day(A, wednesday, "Wednesday", "Jamaica"), day(B, thursday, "Thursday", "Jamaica")]
    _, findings = _run(same, arts, rulebook)
    assert [f.rule for f in findings if f.rule == "D003"] == ["D003"]
    apart = [day(A, wednesday, "Wednesday", "Jamaica"), day(B, thursday, "Thursday", "Cuba")]
    _, findings = _run(apart, arts, rulebook)
    assert not [f for f in findings if f.rule == "D003"]


def test_the_day_of_a_statement_dates_no_incident(rulebook: Rulebook, arts: list[Article]) -> None:
    # "said on Saturday" is when the authorities spoke: without it the two
    # onset days stand alone and disagree; with it as a vote they would tie.
    thursday, friday, saturday = dt.date(2024, 5, 16), dt.date(2024, 5, 17), dt.date(2024, 5, 18)
    told = "The boat capsized off the town on Friday, leaving 16 dead, officials said on Saturday."
    facts = [
        _day(A, friday, "Friday", told),
        _day(A, saturday, "Saturday", told, offset=60),
        _day(B, thursday, "May 16", "An overloaded boat sank near the town on May 16."),
        _day(C, saturday, "Saturday", "At least 16 died, officials told reporters on Saturday."),
    ]
    _, findings = _run(facts, arts, rulebook)
    d003 = [f for f in findings if f.rule == "D003"]
    assert [f.sides for f in d003] == [[[facts[2].id], [facts[0].id]]]
    # Nor is the day of an act that follows the happening (``follow_up_acts``).
    probe = "Authorities opened an investigation on Saturday into the boat sinking that killed 16."
    facts[3] = _day(C, saturday, "Saturday", probe)
    _, findings = _run(facts, arts, rulebook)
    d003 = [f for f in findings if f.rule == "D003"]
    assert [f.sides for f in d003] == [[[facts[2].id], [facts[0].id]]]


def test_a_day_told_as_after_the_incident_dates_no_incident(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    monday, caption = dt.date(2024, 1, 1), dt.date(2024, 1, 8)
    after = "Rescuers search the ruins of the market, Jan. 8, a week after the earthquake struck."
    facts = [
        _day(A, monday, "Monday", "The earthquake struck on Monday, killing dozens."),
        _day(B, caption, "Jan. 8", after),
        _day(C, caption, "Jan. 8", after),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert not [f for f in findings if f.rule == "D003"]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Twenty-nine bodies have been recovered since Friday's boat sinking.", True),
        ("Twenty-nine bodies have been recovered since Friday.", False),
    ],
)
def test_since_the_days_incident_dates_it(
    sentence: str, dated: bool, rulebook: Rulebook, arts: list[Article]
) -> None:
    thursday, friday = dt.date(2024, 5, 16), dt.date(2024, 5, 17)
    stated = "Friday's" if dated else "Friday"
    facts = [
        _day(A, friday, "Friday", "A boat capsized off the town on Friday, killing 16."),
        _day(B, thursday, "May 16", "An overloaded boat sank near the town on May 16."),
        _day(C, friday, stated, sentence),
    ]
    _, findings = _run(facts, arts, rulebook)
    d003 = [f for f in findings if f.rule == "D003"]
    # With the third source's day the majority dates the incident Friday;
    # without it, two sources tie on two days.
    assert [len(f.sides[1]) for f in d003] == ([2] if dated else [1])


def test_a_figure_passed_on_from_unnamed_others_is_no_headline(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    hearsay = _fact(A, 15, stated="15", sentence="Some reports put the death toll at 15.")
    plain = _fact(A, 15, stated="15", sentence="Police put the death toll at 15.")
    assert current_claims([hearsay], lex) == []
    assert current_claims([plain], lex) == [plain]


def test_an_articles_only_figure_said_again_stands_with_its_headline(
    rulebook: Rulebook,
) -> None:
    lex = lexicon(rulebook)
    title = _fact(A, 18, stated="18 villagers", offset=0)
    again = _fact(A, 18, stated="Eighteen villagers", offset=100)
    assert current_claims([title, again], lex) == [title, again]
    # An article that gives two figures keeps its headline alone (and a
    # figure that cites another authority).
    lower = _fact(A, 16, stated="16", offset=200)
    assert current_claims([title, again, lower], lex) == [title]


def test_a_projection_is_no_headline(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    sentence = "Officials warned that the toll could rise above 100."
    projected = _fact(A, 100, stated="100", sentence=sentence)
    plain = _fact(A, 100, stated="100", sentence="Officials said the toll rose to 100.")
    assert current_claims([projected], lex) == []
    assert current_claims([plain], lex) == [plain]


def test_a_count_of_two_things_is_never_a_claim(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    both = _fact(A, 700, stated="700", sentence="About 700 people were missing or stranded.")
    assert current_claims([both], lex) == []


def test_a_province_of_its_own_is_no_part_of_the_whole_story(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # Ramadi is a city, so a part of the story's whole area; Nineveh is a
    # province beside it, not inside it.
    city = [_fact(A, 16), _fact(B, 20, scope="Ramadi")]
    _, findings = _run(city, arts, rulebook)
    assert [f.rule for f in findings if f.kind == "conflict"] == ["C004"]
    province = [_fact(A, 16), _fact(B, 20, scope="Nineveh")]
    _, findings = _run(province, arts, rulebook)
    assert not [f for f in findings if f.kind == "conflict"]


def test_more_than_a_number_and_the_number_tell_one_count(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    # "More than 1,800" starts right above 1,800: both tell the same count.
    exact = _fact(A, 1800, stated="1,800")
    above = _fact(B, 1801, None, likely=(1801, 2250), stated="More than 1,800")
    _, findings = _run([exact, above], arts, rulebook)
    assert not [f for f in findings if f.kind in ("conflict", "tension")]
    # A count below the number is still another count.
    lower = _fact(A, 1700, stated="1,700")
    _, findings = _run([lower, above], arts, rulebook)
    assert [f.kind for f in findings if f.kind in ("conflict", "tension")] == ["conflict"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven workers were unaccounted for after water burst into a coal pit in Townia,"
        " in Regiona state, on Friday.",
        "Seven miners were missing after a small coal mine flooded on Friday afternoon.",
    ],
)
def test_a_mine_that_flooded_dates_the_incident(
    sentence: str, rulebook: Rulebook, arts: list[Article]
) -> None:
    friday, saturday = dt.date(2024, 10, 11), dt.date(2024, 10, 12)
    facts = [
        _day(A, friday, "Friday", sentence),
        _day(B, friday, "Friday", "A coal mine collapsed near the town on Friday."),
        _day(C, saturday, "Saturday", "A coal mine collapsed near the town on Saturday."),
    ]
    # Two of three date it Friday (one only through the water that flooded it).
    _, findings = _run(facts, arts, rulebook)
    (found,) = [f for f in findings if f.kind == "date"]
    assert found.rule == "D003"
    assert "2 other sources give Friday" in found.summary
