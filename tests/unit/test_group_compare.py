"""Group and compare on hand-built facts: events, findings, stable ids and ordering."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.compare import compare, corroborate
from checker.group import group, victims_compatible
from checker.models import Article, DateRange, Event, Fact, Finding, Interval
from checker.rulebook import Rulebook

DAY = dt.date(2023, 10, 20)
_RANK = {"error": 2, "warning": 1, "info": 0}


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
    countries: tuple[str, ...] = ("Iraq",),
    start: dt.date | None = DAY,
    end: dt.date | None = None,
    cumulative: bool = False,
    offset: int = 100,
    weekday: str | None = None,
    sentence_span: tuple[int, int] | None = None,
) -> Fact:
    if high is ...:
        high = low
    likely = likely or (low, high)
    stated = f"{low} {victims or ''}".strip()
    return Fact(
        id=f"{article}@{offset}",
        article=article,
        metric=metric,
        stated=stated,
        sentence=f"They said {stated}.",
        span=(offset, offset + len(stated)),
        sentence_span=sentence_span or (offset - 10, offset + len(stated) + 1),
        interval=Interval(low=low, high=high),
        likely=Interval(low=likely[0], high=likely[1]),
        victims=victims,
        places=list(countries),
        countries=list(countries),
        date=DateRange(start=start, end=end or start),
        cumulative=cumulative,
        weekday=weekday,
    )


def _run(
    facts: list[Fact], articles: list[Article], rulebook: Rulebook
) -> tuple[list[Event], list[Finding]]:
    by_id = {a.id: a for a in articles}
    events = group(facts, by_id, rulebook)
    findings = compare(events, facts, by_id, rulebook)
    return corroborate(events, findings, by_id), findings


def _kinds(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.rule, f.kind, f.severity) for f in findings]


A, B, C = "a.txt#1", "b.txt#1", "c.txt#1"


@pytest.fixture()
def arts() -> list[Article]:
    return [_article(A), _article(B), _article(C)]


# --- grouping ---------------------------------------------------------------------------------


def test_same_event_is_one_event(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 16, end=DAY + dt.timedelta(days=2))]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 1
    assert sorted(events[0].facts) == sorted(f.id for f in facts)
    assert events[0].sources == [A, B]
    assert events[0].metric == "killed"
    assert events[0].corroborated is True
    assert findings == []


def test_different_countries_are_different_events(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16, countries=("Iraq",)), _fact(B, 40, countries=("Syria",))]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 2
    assert all(len(e.facts) == 1 for e in events)
    assert [f for f in findings if f.kind in ("conflict", "tension")] == []


def test_different_metrics_are_different_events(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16, metric="killed"), _fact(B, 40, metric="wounded")]
    events, findings = _run(facts, arts, rulebook)
    assert sorted(e.metric for e in events) == ["killed", "wounded"]
    assert findings == []


def test_dates_far_apart_are_different_events(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 40, start=DAY + dt.timedelta(days=30))]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 2
    assert findings == []


def test_unknown_date_meets_everything(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 16, start=None)]
    events, _ = _run(facts, arts, rulebook)
    assert len(events) == 1


def test_incompatible_victims_are_not_compared(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 3, victims="US soldiers"), _fact(B, 40, victims="Iraqi soldiers")]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 2
    assert findings == []


def test_victims_compatibility(rulebook: Rulebook) -> None:
    assert victims_compatible("militants", "people", rulebook)
    assert victims_compatible("people", "children", rulebook)
    assert victims_compatible(None, "US soldiers", rulebook)
    assert victims_compatible("US soldiers", "soldiers", rulebook)
    assert not victims_compatible("US soldiers", "Iraqi soldiers", rulebook)
    assert not victims_compatible("soldiers", "children", rulebook)


def test_wider_victim_group_joins(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 23, victims="militants"), _fact(B, 23, victims="people")]
    events, _ = _run(facts, arts, rulebook)
    assert len(events) == 1


def test_dates_are_not_events(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, None, None, metric="date", victims=None),
        _fact(B, None, None, metric="date", victims=None),
    ]
    events, _ = _run(facts, arts, rulebook)
    assert events == []


# --- conflicts and tension ---------------------------------------------------------------------


def test_conflict_is_an_error(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 40)]
    events, findings = _run(facts, arts, rulebook)
    assert _kinds(findings) == [("C001", "conflict", "error")]
    f = findings[0]
    assert f.metric == "killed"
    assert f.event == events[0].id
    assert sorted(f.facts) == sorted(x.id for x in facts)
    assert "16" in f.summary and "40" in f.summary
    assert events[0].corroborated is False


def test_small_gap_is_a_warning(rulebook: Rulebook, arts: list[Article]) -> None:
    rule = rulebook.metric("killed")
    assert rule is not None and rule.tolerance.abs >= 1
    _, findings = _run([_fact(A, 16), _fact(B, 17)], arts, rulebook)
    assert _kinds(findings) == [("C001", "conflict", "warning")]


def test_open_interval_does_not_conflict_with_a_larger_figure(
    rulebook: Rulebook, arts: list[Article]
) -> None:
    facts = [_fact(A, 16, None), _fact(B, 18)]
    _, findings = _run(facts, arts, rulebook)
    assert findings == []


def test_tension(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 6001, None, likely=(6001, 6999)), _fact(B, 9000)]
    _, findings = _run(facts, arts, rulebook)
    assert _kinds(findings) == [("T001", "tension", "warning")]


def test_agreement_gives_no_finding(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 16), _fact(C, 14, 18, likely=(14, 18))]
    events, findings = _run(facts, arts, rulebook)
    assert findings == []
    assert len(events) == 1 and events[0].corroborated


def test_conflict_needs_independent_sources(rulebook: Rulebook) -> None:
    """A syndicated copy never conflicts with its original."""
    arts = [_article(A), _article(B, duplicate_of=A)]
    _, findings = _run([_fact(A, 16), _fact(B, 40)], arts, rulebook)
    assert findings == []
    events, _ = _run([_fact(A, 16), _fact(B, 16)], arts, rulebook)
    assert len(events) == 1
    assert not events[0].corroborated, "a copy does not corroborate its original"


def test_same_fingerprint_is_not_independent(rulebook: Rulebook) -> None:
    arts = [_article(A, fingerprint="f00"), _article(B, fingerprint="f00")]
    events, findings = _run([_fact(A, 16), _fact(B, 40)], arts, rulebook)
    assert findings == []
    assert not events[0].corroborated


def test_same_article_never_conflicts(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16, offset=100), _fact(A, 40, offset=300)]
    _, findings = _run(facts, arts, rulebook)
    assert [f for f in findings if f.kind in ("conflict", "tension")] == []


def test_third_source_joins_the_conflict(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 16), _fact(B, 40), _fact(C, 16)]
    _, findings = _run(facts, arts, rulebook)
    assert _kinds(findings) == [("C001", "conflict", "error")]
    assert sorted(findings[0].facts) == sorted(f.id for f in facts)


# --- updates of a running tally -------------------------------------------------------------------


def test_rising_tally_is_an_update(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 1000, cumulative=True, start=DAY),
        _fact(B, 2000, cumulative=True, start=DAY + dt.timedelta(days=10)),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert _kinds(findings) == [("U001", "update", "info")]


def test_falling_tally_is_a_conflict(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 2000, cumulative=True, start=DAY),
        _fact(B, 1000, cumulative=True, start=DAY + dt.timedelta(days=10)),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert _kinds(findings) == [("C002", "conflict", "error")]


def test_same_tally_on_same_day_conflicts(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [_fact(A, 1000, cumulative=True), _fact(B, 2000, cumulative=True)]
    _, findings = _run(facts, arts, rulebook)
    assert [f.rule for f in findings] == ["C001"]
    assert findings[0].severity == "error"


# --- scope and dates --------------------------------------------------------------------------


def test_scope_within_one_article(rulebook: Rulebook, arts: list[Article]) -> None:
    facts = [
        _fact(A, 16, countries=("Iraq",), offset=100, sentence_span=(90, 140)),
        _fact(A, 23, countries=("Syria",), offset=160, sentence_span=(141, 200)),
    ]
    events, findings = _run(facts, arts, rulebook)
    assert len(events) == 2
    assert _kinds(findings) == [("S001", "scope", "info")]
    assert sorted(findings[0].facts) == sorted(f.id for f in facts)
    assert findings[0].event is None


def test_no_scope_when_far_apart(rulebook: Rulebook, arts: list[Article]) -> None:
    window = rulebook.findings.scope_window
    far = 200 + window + 50
    facts = [
        _fact(A, 16, countries=("Iraq",), offset=100, sentence_span=(90, 140)),
        _fact(A, 23, countries=("Syria",), offset=far, sentence_span=(far - 10, far + 40)),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert findings == []


def test_weekday_mismatch(rulebook: Rulebook, arts: list[Article]) -> None:
    thursday = dt.date(2023, 10, 12)
    bad = _fact(A, None, None, metric="date", victims=None, start=thursday, weekday="Wednesday")
    good = _fact(B, None, None, metric="date", victims=None, start=thursday, weekday="Thursday")
    _, findings = _run([bad, good], arts, rulebook)
    assert _kinds(findings) == [("D001", "date", "warning")]
    assert findings[0].facts == [bad.id]
    assert "Thursday" in findings[0].summary


# --- ids and order -------------------------------------------------------------------


def _conflict_ids(
    rulebook: Rulebook, paths: tuple[str, str], value: int, offsets: tuple[int, int]
) -> list[str]:
    arts = [_article(paths[0], outlet="Outlet One"), _article(paths[1], outlet="Outlet Two")]
    facts = [_fact(paths[0], 16, offset=offsets[0]), _fact(paths[1], value, offset=offsets[1])]
    _, findings = _run(facts, arts, rulebook)
    return [f.id for f in findings]


def test_finding_id_is_stable_across_paths_and_offsets(rulebook: Rulebook) -> None:
    first = _conflict_ids(rulebook, ("a.txt#1", "b.txt#1"), 40, (100, 200))
    moved = _conflict_ids(rulebook, ("batch2/x.json#7", "other/y.txt#3"), 40, (5, 999))
    assert len(first) == 1
    assert first == moved
    assert first[0].startswith("C001")


def test_finding_id_changes_with_the_value(rulebook: Rulebook) -> None:
    base = _conflict_ids(rulebook, ("a.txt#1", "b.txt#1"), 40, (100, 200))
    other = _conflict_ids(rulebook, ("a.txt#1", "b.txt#1"), 41, (100, 200))
    assert len(base) == len(other) == 1
    assert base != other


def test_finding_id_stable_with_fingerprint_sources(rulebook: Rulebook) -> None:
    def ids(pa: str, pb: str) -> list[str]:
        arts = [
            Article(id=pa, source=pa, index=1, fingerprint="aaaa"),
            Article(id=pb, source=pb, index=1, fingerprint="bbbb"),
        ]
        _, findings = _run([_fact(pa, 16), _fact(pb, 40)], arts, rulebook)
        return [f.id for f in findings]

    assert ids("a.txt#1", "b.txt#1") == ids("c.txt#1", "d.txt#1")
    assert len(ids("a.txt#1", "b.txt#1")) == 1


def test_findings_sorted_and_deterministic(rulebook: Rulebook) -> None:
    arts = [_article(f"f{i}.txt#1") for i in range(6)]
    ids = [a.id for a in arts]
    thursday = dt.date(2023, 10, 12)
    facts = [
        _fact(ids[0], 16),
        _fact(ids[1], 40),
        _fact(ids[2], 17, metric="wounded"),
        _fact(ids[3], 18, metric="wounded"),
        _fact(ids[0], 1000, cumulative=True, offset=500, countries=("Palestine",)),
        _fact(
            ids[1],
            2000,
            cumulative=True,
            offset=500,
            countries=("Palestine",),
            start=DAY + dt.timedelta(days=9),
        ),
        _fact(ids[4], None, None, metric="date", victims=None, start=thursday, weekday="Monday"),
        _fact(ids[5], 6001, None, likely=(6001, 6999), metric="displaced", offset=50),
        _fact(ids[4], 9000, metric="displaced", offset=70),
    ]
    _, findings = _run(facts, arts, rulebook)
    assert {f.rule for f in findings} >= {"C001", "U001", "D001", "T001"}
    keys = [(-_RANK[f.severity], f.kind, f.metric, f.id) for f in findings]
    assert keys == sorted(keys)
    assert len({f.id for f in findings}) == len(findings)
    for seed in range(3):
        shuffled = facts[:]
        random.Random(seed).shuffle(shuffled)
        assert _run(shuffled, arts[::-1], rulebook)[1] == findings
