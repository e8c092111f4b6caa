"""Compare: the events of each story into findings, one module per relation family.

- values: conflicts, disputes, revised-down tolls, tensions and updates
  between the sides of one claim;
- scope: one story's figures for different places, side by side;
- bounds: a count of bodies beside a conflict over the toll it bounds;
- parts: a sub-group or sub-place figure larger than its whole;
- dates: weekdays that do not fit their dates, a source dating the story's
  incident off the others.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from checker.compare.bounds import with_lower_bounds
from checker.compare.dates import incident_date_findings, weekday_findings
from checker.compare.parts import part_findings
from checker.compare.scope import scope_findings
from checker.compare.values import compare_event, corroborate, independent, settled_articles
from checker.models import SEVERITY_RANK, Article, Event, Fact, Finding
from checker.rulebook import Rulebook


def compare(
    events: list[Event],
    facts: list[Fact],
    articles: dict[str, Article],
    rulebook: Rulebook,
    verdicts: AbstractSet[str] | None = None,
) -> list[Finding]:
    """Every finding of a run, sorted by severity, kind, metric and id.

    ``verdicts``: the articles whose text tells of a verdict, a sentence or
    an inquest, when their text was searched as they were read (and may
    since have been let go); by default the articles' text is searched here.
    """
    by_id = {f.id: f for f in facts}
    findings: list[Finding] = []
    settled = settled_articles(events, articles, rulebook, verdicts)
    for event in events:
        findings.extend(compare_event(event, by_id, articles, rulebook, settled))
    findings = with_lower_bounds(findings, events, by_id, articles, rulebook)
    findings.extend(scope_findings(events, by_id, articles, rulebook))
    findings.extend(
        _not_told_already(part_findings(events, by_id, articles, rulebook), findings, by_id)
    )
    findings.extend(weekday_findings(facts, articles, rulebook))
    findings.extend(incident_date_findings(facts, articles, rulebook))
    findings = _one_per_disagreement(findings, by_id)
    unique = {(f.story or "", f.id): f for f in findings}
    return sorted(unique.values(), key=finding_order)


def _not_told_already(
    parts: list[Finding], findings: list[Finding], by_id: dict[str, Fact]
) -> list[Finding]:
    """``parts`` (C004) less those whose part's reports a conflict of the same story
    and metric already sets against the whole's: "27 prisoners" against "31
    inmates" is one disagreement, told once."""

    def outlets(side: list[str]) -> set[str]:
        return {by_id[i].article for i in side if i in by_id}

    opposed: dict[tuple[str, str], list[tuple[set[str], set[str]]]] = {}
    for found in findings:
        if found.kind == "conflict" and len(found.sides) == 2:
            a, b = outlets(found.sides[0]), outlets(found.sides[1])
            key = (found.story or "", found.metric)
            opposed.setdefault(key, []).extend([(a, b), (b, a)])
    out = []
    for found in parts:
        whole, part = (outlets(side) for side in found.sides[:2])
        told = any(
            part <= mine and not whole.isdisjoint(theirs)
            for mine, theirs in opposed.get((found.story or "", found.metric), [])
        )
        if not told:
            out.append(found)
    return out


def _one_per_disagreement(findings: list[Finding], by_id: dict[str, Fact]) -> list[Finding]:
    """``findings`` with one conflict per disagreement: two conflicts of a story and
    metric that set the same reports' same figures against each other (one
    counting "11 bodies" against "13 bodies", one "11 miners" against "13
    bodies and 13 people") are one, told by the one with more of its figures,
    with the other's figures on their sides."""

    def side_key(side: list[str]) -> tuple[frozenset[str], frozenset[tuple[float | None, ...]]]:
        return (
            frozenset(by_id[i].article for i in side if i in by_id),
            frozenset((by_id[i].interval.low, by_id[i].interval.high) for i in side if i in by_id),
        )

    kept: dict[tuple[str, str, frozenset[object]], int] = {}
    out: list[Finding] = []
    for found in sorted(findings, key=lambda f: (-len(f.facts), f.id)):
        if found.kind != "conflict" or len(found.sides) != 2:
            out.append(found)
            continue
        sides = {side_key(side): side for side in found.sides}
        key = (found.story or "", found.metric, frozenset(sides))
        if key not in kept:
            kept[key] = len(out)
            out.append(found)
            continue
        first = out[kept[key]]
        merged = [sorted({*mine, *sides[side_key(mine)]}) for mine in first.sides]
        out[kept[key]] = first.model_copy(
            update={"sides": merged, "facts": sorted({*first.facts, *found.facts})}
        )
    return out


def finding_order(finding: Finding) -> tuple[int, str, str, str]:
    """Where a finding stands in a report: by severity (highest first), kind, metric and id."""
    return -SEVERITY_RANK[finding.severity], finding.kind, finding.metric, finding.id


__all__ = ["compare", "corroborate", "finding_order", "independent"]
