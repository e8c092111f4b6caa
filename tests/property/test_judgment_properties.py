"""Grouping and comparison on generated claims: never raises, sides never mix."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import compare
from checker.group import group
from checker.models import Article, DateRange, Fact, Interval
from checker.rulebook import Rulebook, load_rulebook

RULEBOOK: Rulebook = load_rulebook()
DAY = dt.date(2024, 3, 1)
ARTICLES = [f"a{i}.txt#1" for i in range(5)]


@st.composite
def facts(draw: st.DrawFn) -> list[Fact]:
    out: list[Fact] = []
    n = draw(st.integers(min_value=0, max_value=12))
    for k in range(n):
        article = draw(st.sampled_from(ARTICLES))
        low = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=500)))
        width = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=300)))
        high = None if low is None or width is None else low + width
        sentence = draw(
            st.sampled_from(
                [
                    "The toll rose to {n} on Monday, officials said.",
                    "{n} people were killed in the blast.",
                    "Initially {n} were reported dead.",
                    "{n} dead and wounded, the ministry said.",
                    "The war has killed {n} people since it began.",
                    "{n} more bodies were found.",
                ]
            )
        ).format(n=low if low is not None else "some")
        out.append(
            Fact(
                id=f"{article}@{k * 10}",
                article=article,
                metric=draw(st.sampled_from(["killed", "wounded", "abducted"])),
                stated=str(low),
                sentence=sentence,
                span=(k * 10, k * 10 + 2),
                sentence_span=(k * 10, k * 10 + len(sentence)),
                interval=Interval(low=low, high=high),
                likely=Interval(low=low, high=high),
                victims=draw(st.sampled_from([None, "people", "children", "US soldiers"])),
                story=draw(st.sampled_from(["S1", "S2"])),
                asof=draw(
                    st.one_of(st.none(), st.integers(0, 60).map(lambda d: DAY + dt.timedelta(d)))
                ),
                scope=draw(st.sampled_from(["", "Mosul", "Iraq", "Mosul+Raqqa"])),
                attribution=draw(st.sampled_from([None, "the ministry", "police", "the UN"])),
                increment=draw(st.booleans()),
                background=draw(st.booleans()),
                date=DateRange(),
                places=["Iraq"],
                countries=["Iraq"],
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(facts())
def test_compare_never_raises_and_sides_never_mix(generated: list[Fact]) -> None:
    articles = {
        a: Article(id=a, source=a.split("#")[0], index=1, outlet=a.split(".")[0]) for a in ARTICLES
    }
    events = group(generated, articles, RULEBOOK)
    findings = compare(events, generated, articles, RULEBOOK)
    by_id = {f.id: f for f in generated}
    for finding in findings:
        assert set(finding.facts) == {i for side in finding.sides for i in side}
        if finding.kind in ("conflict", "tension") and finding.rule not in ("C004",):
            for i, side in enumerate(finding.sides):
                for other in finding.sides[i + 1 :]:
                    for a in side:
                        for b in other:
                            value = (
                                by_id[a].likely if finding.kind == "tension" else by_id[a].interval
                            )
                            against = (
                                by_id[b].likely if finding.kind == "tension" else by_id[b].interval
                            )
                            assert not value.overlaps(against), finding.summary
    assert compare(events, list(reversed(generated)), articles, RULEBOOK) == findings
