"""Dates: weekdays that do not fit their date, and one figure told with different days."""

from __future__ import annotations

from collections import defaultdict

from checker.compare.values import independent
from checker.extract.lexicon import lexicon
from checker.fingerprint import finding_id
from checker.group import claim_key
from checker.models import Article, Fact, Finding
from checker.rulebook import Rulebook


def weekday_findings(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """D001: "Wednesday, 12 October" in a 2023 article (a Thursday)."""
    weekdays = lexicon(rulebook).weekdays
    rule = rulebook.finding_rule("D001")
    out: dict[str, Finding] = {}
    for fact in facts:
        if fact.metric != "date" or not fact.weekday or not fact.date.known:
            continue
        day = fact.date.start
        assert day is not None
        if weekdays[fact.weekday.lower()] == day.weekday():
            continue
        summary = (
            f"{rule.name}: '{fact.stated}' — {day.strftime('%d %B %Y').lstrip('0')} "
            f"was a {day.strftime('%A')}, not a {fact.weekday}"
        )
        fid = finding_id("D001", f"date|{day.isoformat()}|{fact.weekday}", [fact], articles)
        out.setdefault(
            fid,
            Finding(
                id=fid,
                rule="D001",
                kind="date",
                severity=rule.severity,
                metric="date",
                event=None,
                story=fact.story,
                summary=summary,
                facts=[fact.id],
                sides=[[fact.id]],
            ),
        )
    return list(out.values())


def date_disagreements(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """D002: one figure of one claim in one story, told by two sources with different days.

    Facts are bucketed by claim identity and swept in date order, so each is
    only set against the facts of the following ``date_disagreement_days``.
    """
    limit = rulebook.findings.date_disagreement_days
    blocks: dict[tuple[str, str, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.story is None or fact.background or fact.metric == "date":
            continue
        if fact.date_from == "text" and fact.date.start and fact.date.start == fact.date.end:
            blocks[claim_key(fact)].append(fact)
    out: dict[str, Finding] = {}
    rule = rulebook.finding_rule("D002")
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda f: (f.date.start, f.id))
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                assert a.date.start and b.date.start
                gap = (b.date.start - a.date.start).days
                if gap > limit:
                    break
                if gap == 0 or a.interval != b.interval or a.interval.high is None:
                    continue
                if not independent(a, b, articles):
                    continue
                event_key = f"{key[1]}|{key[2] or 'all'}|{key[3] or 'whole'}|{a.interval.label()}"
                fid = finding_id("D002", event_key, [a, b], articles)
                summary = (
                    f"{rule.name}: {a.interval.label()} {a.metric}: "
                    f"{a.date.start.isoformat()} ({articles[a.article].outlet or a.article}) vs "
                    f"{b.date.start.isoformat()} ({articles[b.article].outlet or b.article})"
                )
                out.setdefault(
                    fid,
                    Finding(
                        id=fid,
                        rule="D002",
                        kind="date",
                        severity=rule.severity,
                        metric=a.metric,
                        event=None,
                        story=a.story,
                        summary=summary,
                        facts=sorted([a.id, b.id]),
                        sides=[[a.id], [b.id]],
                    ),
                )
    return list(out.values())
