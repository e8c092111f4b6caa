"""Compare: the facts of each event, pair by pair, into findings.

A pair is only compared when its facts come from different, independent
articles (a syndicated copy never counts). Facts of one article about one
event are parts or repeats of one account, never a conflict with itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.disjoint import DisjointSet
from checker.extract.lexicon import lexicon
from checker.fingerprint import finding_id
from checker.group import block_key, victims_compatible
from checker.models import SEVERITY_RANK, Article, Event, Fact, Finding, Interval, Severity
from checker.rulebook import MetricRule, Rulebook


@dataclass
class _Draft:
    code: str
    severity: Severity
    facts: set[str] = field(default_factory=set)


def _small_gap(a: Interval, b: Interval, rule: MetricRule | None) -> bool:
    if rule is None:
        return False
    gap = a.gap(b)
    scale = max(abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None)
    return gap <= rule.tolerance.abs or gap <= rule.tolerance.rel * scale


def _pair_finding(
    a: Fact, b: Fact, rule: MetricRule | None, rulebook: Rulebook
) -> tuple[str, Severity] | None:
    """The rule code and severity for one pair of facts of one event, or None if they agree.

    Conflicts take the metric's severities (its tolerance decides a small gap);
    the other kinds take theirs from rules/findings.yaml.
    """

    def default(code: str) -> tuple[str, Severity]:
        return code, rulebook.finding_rule(code).severity

    if a.cumulative and b.cumulative and a.date.known and b.date.known:
        assert a.date.start and b.date.start
        if not a.date.overlaps(b.date):
            early, late = (a, b) if a.date.start < b.date.start else (b, a)
            low, high = early.interval.low, late.interval.high
            if high is not None and low is not None and high < low:
                return ("C002", rule.severity) if rule else default("C002")
            if early.interval == late.interval:
                return None
            return default("U001")
    if not a.interval.overlaps(b.interval):
        if rule is None:
            return default("C001")
        if _small_gap(a.interval, b.interval, rule):
            return "C001", rule.small_gap_severity
        return "C001", rule.severity
    if not a.likely.overlaps(b.likely):
        return default("T001")
    return None


def _independent(a: Fact, b: Fact, articles: dict[str, Article]) -> bool:
    art_a, art_b = articles[a.article], articles[b.article]
    if a.article == b.article:
        return False
    if art_a.duplicate_of == b.article or art_b.duplicate_of == a.article:
        return False
    return not (art_a.fingerprint and art_a.fingerprint == art_b.fingerprint)


def compare_event(
    event: Event, facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """Conflict, tension and update findings for one event."""
    rule = rulebook.metric(event.metric)
    members = [facts[i] for i in event.facts]
    drafts: dict[str, _Draft] = {}
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if not _independent(a, b, articles):
                continue
            if not victims_compatible(a.victims, b.victims, rulebook):
                continue
            if not (a.cumulative and b.cumulative) and not a.date.overlaps(b.date):
                continue
            verdict = _pair_finding(a, b, rule, rulebook)
            if verdict is None:
                continue
            code, severity = verdict
            draft = drafts.setdefault(code, _Draft(code, severity))
            if SEVERITY_RANK[severity] > SEVERITY_RANK[draft.severity]:
                draft.severity = severity
            draft.facts.update((a.id, b.id))
    return [
        _finding(
            d.code,
            d.severity,
            event.metric,
            event.id,
            event.key,
            d.facts,
            facts,
            articles,
            rulebook,
        )
        for d in drafts.values()
    ]


def _label(fact_ids: Iterable[str], facts: dict[str, Fact]) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for fid in sorted(fact_ids):
        fact = facts[fid]
        by_value[fact.interval.label()].append(fact.article)
    parts = []
    for value, arts in sorted(by_value.items()):
        sources = sorted(set(arts))
        parts.append(f"{value} ({', '.join(sources)})")
    return " vs ".join(parts)


def _finding(
    code: str,
    severity: Severity,
    metric: str,
    event_id: str | None,
    event_key: str,
    fact_ids: set[str],
    facts: dict[str, Fact],
    articles: dict[str, Article],
    rulebook: Rulebook,
) -> Finding:
    rule = rulebook.finding_rule(code)
    involved = [facts[i] for i in sorted(fact_ids)]
    where = ", ".join(sorted({c for f in involved for c in f.countries})) or "unknown place"
    summary = f"{rule.name}: {metric} in {where}: {_label(fact_ids, facts)}"
    return Finding(
        id=finding_id(code, event_key, involved, articles),
        rule=code,
        kind=rule.kind,
        severity=severity,
        metric=metric,
        event=event_id,
        summary=summary,
        facts=sorted(fact_ids),
    )


def scope_findings(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """Scope findings: one account giving one metric for several places or victim groups.

    When an article reports an operation with separate figures for different
    places (16 killed in Iraq, 23 in Syria) within a few sentences of each
    other, the figures are shown side by side; this is never a failure.
    """
    window = rulebook.findings.scope_window
    event_of = {fid: e.id for e in events for fid in e.facts}
    per_article: dict[tuple[str, str, bool], list[Fact]] = defaultdict(list)
    for fid in sorted(event_of):
        fact = facts[fid]
        if not articles[fact.article].duplicate_of:
            per_article[(fact.article, fact.metric, fact.cumulative)].append(fact)
    out: list[Finding] = []
    for (_article, metric, _cumulative), members in sorted(per_article.items()):
        members.sort(key=lambda f: f.span)
        sets = DisjointSet(f.id for f in members)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if b.sentence_span[0] - a.sentence_span[1] > window:
                    break
                if event_of[a.id] == event_of[b.id] or not a.date.overlaps(b.date):
                    continue
                if (block_key(a)[1], a.victims) != (block_key(b)[1], b.victims):
                    sets.union(a.id, b.id)
        clusters = [[facts[i] for i in ids] for ids in sets.groups()]
        for cluster in clusters:
            if len({event_of[f.id] for f in cluster}) < 2:
                continue
            places = sorted({block_key(f)[1] for f in cluster})
            key = f"{metric}|scope|" + "+".join(places)
            ids = {f.id for f in cluster}
            out.append(
                _finding(
                    "S001",
                    rulebook.finding_rule("S001").severity,
                    metric,
                    None,
                    key,
                    ids,
                    facts,
                    articles,
                    rulebook,
                )
            )
    return out


def date_findings(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """Weekday checks: "Wednesday, 12 October" in a 2023 article (a Thursday)."""
    weekdays = lexicon(rulebook).weekdays
    out: dict[str, Finding] = {}
    for fact in facts:
        if fact.metric != "date" or not fact.weekday or not fact.date.known:
            continue
        day = fact.date.start
        assert day is not None
        if weekdays[fact.weekday.lower()] == day.weekday():
            continue
        rule = rulebook.finding_rule("D001")
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
                summary=summary,
                facts=[fact.id],
            ),
        )
    return list(out.values())


def date_disagreements(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """D002: one figure for one place, told by two sources with dates a few days apart.

    Facts are blocked by metric and countries and swept in date order, so each
    is only set against the facts of the following ``date_disagreement_days``.
    """
    limit = rulebook.findings.date_disagreement_days
    blocks: dict[tuple[str, str, bool], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.date_from == "text" and fact.date.start and fact.date.start == fact.date.end:
            blocks[block_key(fact)].append(fact)
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
                if not _independent(a, b, articles):
                    continue
                if not victims_compatible(a.victims, b.victims, rulebook):
                    continue
                event_key = f"{key[0]}|{key[1]}|{a.interval.label()}"
                fid = finding_id("D002", event_key, [a, b], articles)
                summary = (
                    f"{rule.name}: {a.interval.label()} {a.metric} in {key[1]}: "
                    f"{a.date.start.isoformat()} ({a.article}) vs "
                    f"{b.date.start.isoformat()} ({b.article})"
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
                        summary=summary,
                        facts=sorted([a.id, b.id]),
                    ),
                )
    return list(out.values())


def compare(
    events: list[Event], facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """Every finding of a run, sorted by severity, kind, metric and id."""
    by_id = {f.id: f for f in facts}
    findings: list[Finding] = []
    for event in events:
        findings.extend(compare_event(event, by_id, articles, rulebook))
    findings.extend(scope_findings(events, by_id, articles, rulebook))
    findings.extend(date_findings(facts, articles, rulebook))
    findings.extend(date_disagreements(facts, articles, rulebook))
    unique = {f.id: f for f in findings}
    return sorted(
        unique.values(), key=lambda f: (-SEVERITY_RANK[f.severity], f.kind, f.metric, f.id)
    )


def corroborate(
    events: list[Event], findings: list[Finding], articles: dict[str, Article]
) -> list[Event]:
    """Mark events told by several independent sources with no finding against them."""
    disputed = {f.event for f in findings if f.event}
    out = []
    for event in events:
        independent = {
            articles[a].fingerprint or a for a in event.sources if not articles[a].duplicate_of
        }
        agreed = len(independent) > 1 and event.id not in disputed
        out.append(event.model_copy(update={"corroborated": agreed}))
    return out
