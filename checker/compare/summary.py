"""Findings in words: who says what against whom, with a stable id."""

from __future__ import annotations

from collections.abc import Sequence

from checker.fingerprint import finding_id
from checker.models import Article, Event, Fact, Finding, Severity
from checker.rulebook import Rulebook
from checker.wording import side_label


def finding(
    code: str,
    severity: Severity,
    event: Event,
    sides: Sequence[Sequence[Fact]],
    articles: dict[str, Article],
    rulebook: Rulebook,
) -> Finding:
    """A finding over ``sides`` of one event, titled in words, with a stable id.

    The id hashes the rule code, the event's key (metric, group, place), the
    month of its earliest as-of day and each side's sorted (source, interval)
    pairs: never paths, offsets or run time.
    """
    rule = rulebook.finding_rule(code)
    facts = [f for side in sides for f in side]
    metric = event.metric
    scope = event.key.split("|")[-1]
    group = event.key.split("|")[1]
    what = metric if group == "all" else f"{metric} ({group})"
    place = f" in {scope}" if scope != "whole" else ""
    title = " vs ".join(side_label(side, articles) for side in sides)
    summary = f"{rule.name}: {title} {what}{place}"
    days = sorted(f.asof for f in facts if f.asof)
    bucket = days[0].strftime("%Y-%m") if days else "undated"
    return Finding(
        id=finding_id(code, [event.key, bucket], sides, articles),
        rule=code,
        kind=rule.kind,
        severity=severity,
        metric=metric,
        event=event.id,
        story=event.story,
        summary=summary,
        facts=sorted(f.id for f in facts),
        sides=[sorted(f.id for f in side) for side in sides],
    )
