"""Parts: a sub-group or sub-place figure against its whole, never a conflict unless larger.

"64 children" among "274 killed", "55 in one city" inside "168 in the
province": a part is shown beside its whole. Only a part that exceeds the
whole it belongs to, at the same time or later for the whole, is a conflict
(C004): 17 militiamen killed against 16 killed in all.
"""

from __future__ import annotations

from collections import defaultdict

from checker.compare.summary import finding
from checker.compare.values import current_claims, independent, is_vague, longer_period, small_gap
from checker.extract.lexicon import Lexicon, lexicon
from checker.models import Article, Event, Fact, Finding
from checker.rulebook import Rulebook


def _exceeds(part: Fact, whole: Fact) -> bool:
    if part.interval.low is None or whole.interval.high is None:
        return False
    if part.interval.low <= whole.interval.high:
        return False
    # A whole reported earlier than its part may simply be out of date.
    return not (part.asof and whole.asof and whole.asof < part.asof)


def _inside(part: Fact, whole: Fact) -> bool:
    return not whole.countries or set(part.countries) <= set(whole.countries)


def _group_within(group: str, whole: str) -> bool:
    """True when counted group ``group`` lies within ``whole``.

    Everyone ("all") holds every group, and a group holds its nationals ("US
    soldiers" within "soldiers"). A wider group word is not taken as a whole:
    "civilians" may have been said as "crew", itself a part of the civilians.
    """
    if whole in ("all", group):
        return True
    nationality, _, base = group.rpartition(" ")
    return bool(nationality) and base == whole


def _place_within(scope: str, whole: str, lex: Lexicon) -> bool:
    """True when place ``scope`` lies within ``whole`` (a city within its country).

    A region or country of its own is not taken to lie within the story's
    whole area: beside a province that is the whole story, a second province
    is its neighbour, not its part.
    """
    if whole == scope:
        return True
    if whole == "whole":
        inner = lex.place_by_name.get(scope)
        return inner is None or inner.kind not in ("region", "country")
    inner, outer = lex.place_by_name.get(scope), lex.place_by_name.get(whole)
    return bool(inner and outer and outer.kind == "country" and inner.country == outer.country)


def part_findings(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """C004: parts (sub-groups, sub-places) larger than their whole in one story.

    A part is an event whose counted group lies within another event's group
    and whose place lies within its place (the gazetteer gives each place its
    country), one of them strictly.
    """
    by_key: dict[tuple[str, str], dict[tuple[str, str], Event]] = defaultdict(dict)
    for event in events:
        _metric, group, scope = event.key.split("|")
        by_key[(event.story or "", event.metric)][(group, scope)] = event
    rule = rulebook.finding_rule("C004")
    lex = lexicon(rulebook)
    out: list[Finding] = []
    out.extend(_metric_parts(events, facts, articles, rulebook))
    for _key, members in sorted(by_key.items()):
        for (group, scope), event in sorted(members.items()):
            wholes = [
                whole
                for (w_group, w_scope), whole in sorted(members.items())
                if (w_group, w_scope) != (group, scope)
                and _group_within(group, w_group)
                and _place_within(scope, w_scope, lex)
            ]
            for whole in wholes:
                parts = [
                    f
                    for f in current_claims([facts[i] for i in event.facts], lex, increments=True)
                    if not is_vague(f)
                ]
                totals = [
                    f
                    for f in current_claims([facts[i] for i in whole.facts], lex)
                    if not is_vague(f)
                ]
                # A part is only larger than its whole when it exceeds every
                # independent figure for the whole (a stray low figure for the
                # whole proves nothing), and a place is only a part of a whole
                # in the same country.
                bad_parts = []
                for p in parts:
                    if longer_period(totals, [p], rulebook):
                        continue
                    others = [t for t in totals if independent(p, t, articles)]
                    if not others or not all(_exceeds(p, t) for t in others):
                        continue
                    if scope != "whole" and not all(_inside(p, t) for t in others):
                        continue
                    bad_parts.append(p)
                if not bad_parts:
                    continue
                bad_totals = [t for t in totals if any(_exceeds(p, t) for p in bad_parts)]
                sides = [bad_totals, bad_parts]
                out.append(finding(rule.code, rule.severity, whole, sides, articles, rulebook))
    return out


def _metric_parts(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """C004 across metrics: a count larger than the count that holds it.

    "274 killed" against "under 100 casualties" of the same story, place and
    group: the dead are a part of the casualties (rules/metrics ``part_of``).
    """
    lex = lexicon(rulebook)
    rule = rulebook.finding_rule("C004")
    part_of = {m.name: m.part_of for m in rulebook.metrics if m.part_of}
    by_key: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in events:
        _metric, group, scope = event.key.split("|")
        by_key[(event.story or "", group, scope)].append(event)
    out: list[Finding] = []
    for _key, members in sorted(by_key.items()):
        for event in members:
            for whole in members:
                if part_of.get(event.metric) != whole.metric:
                    continue
                parts = [
                    f
                    for f in current_claims([facts[i] for i in event.facts], lex)
                    if not is_vague(f)
                ]
                totals = [
                    f
                    for f in current_claims([facts[i] for i in whole.facts], lex)
                    if not is_vague(f)
                ]
                # A tally over a longer period is no part of this count, and a
                # part within the metric's tolerance of the whole ("at least
                # 100" beside "under 100") is two roundings, not a conflict.
                tolerance = rulebook.metric(event.metric)
                bad_parts = [
                    p
                    for p in parts
                    if not longer_period(totals, [p], rulebook)
                    and (others := [t for t in totals if independent(p, t, articles)])
                    and all(
                        _exceeds(p, t) and not small_gap(t.interval, p.interval, tolerance)
                        for t in others
                    )
                ]
                if not bad_parts:
                    continue
                bad_totals = [t for t in totals if any(_exceeds(p, t) for p in bad_parts)]
                out.append(
                    finding(
                        rule.code, rule.severity, whole, [bad_totals, bad_parts], articles, rulebook
                    )
                )
    return out
