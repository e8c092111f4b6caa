"""Parts: a sub-group or sub-place figure against its whole, never a conflict unless larger.

"64 children" among "274 killed", "55 in one city" inside "168 in the
province": a part is shown beside its whole. Only a part that exceeds the
whole it belongs to, at the same time or later for the whole, is a conflict
(C004): 17 militiamen killed against 16 killed in all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet

from checker.compare.summary import finding
from checker.compare.values import (
    current_claims,
    independent,
    is_vague,
    longer_period,
    small_gap,
    superseded,
)
from checker.extract.lexicon import Lexicon, lexicon
from checker.models import Article, Event, Fact, Finding
from checker.rulebook import MetricRule, Rulebook


def _exceeds(part: Fact, whole: Fact) -> bool:
    if part.interval.low is None or whole.interval.high is None:
        return False
    if part.interval.low <= whole.interval.high:
        return False
    # A whole reported earlier than its part may simply be out of date.
    return not (part.asof and whole.asof and whole.asof < part.asof)


def _other_day(a: Fact, b: Fact) -> bool:
    """True when two figures are as of known, different days."""
    return a.asof is not None and b.asof is not None and a.asof != b.asof


def _inside(part: Fact, whole: Fact) -> bool:
    return not whole.countries or set(part.countries) <= set(whole.countries)


def _shares_country(part: Fact, whole: Fact) -> bool:
    """False for a part told of one country and a whole of another: in a story
    across two countries each article's whole is its own country's."""
    if not part.countries or not whole.countries:
        return True
    return bool(set(part.countries) & set(whole.countries))


def _group_within(group: str, whole: str, units: AbstractSet[str] = frozenset()) -> bool:
    """True when counted group ``group`` lies within ``whole``.

    Everyone ("all") holds every group but those counted in another unit
    (``units``: families, households), and a group holds its nationals ("US
    soldiers" within "soldiers"). A wider group word is not taken as a whole:
    "civilians" may have been said as "crew", itself a part of the civilians.
    """
    if whole == group or (whole == "all" and group not in units):
        return True
    nationality, _, base = group.rpartition(" ")
    return bool(nationality) and base == whole


def _place_within(scope: str, whole: str, lex: Lexicon) -> bool:
    """True when place ``scope`` lies within ``whole`` (a city within its country).

    A region or country of its own is not taken to lie within the story's
    whole area: beside a province that is the whole story, a second province
    is its neighbour, not its part. A scope of several places ("Cuba+Jamaica",
    see ``claims``) lies within the whole when each of them does.
    """
    if whole == scope:
        return True
    if whole == "whole":
        inner_places = [lex.place_by_name.get(name) for name in scope.split("+")]
        return all(p is None or p.kind not in ("region", "country") for p in inner_places)
    inner, outer = lex.place_by_name.get(scope), lex.place_by_name.get(whole)
    return bool(inner and outer and outer.kind == "country" and inner.country == outer.country)


def _country_names(lex: Lexicon) -> dict[str, list[str]]:
    """The names of the country places of the gazetteer, by the country they are of."""
    out: dict[str, list[str]] = defaultdict(list)
    for name, place in lex.place_by_name.items():
        if place.kind == "country" and name == place.name:
            out[place.country].append(name)
    return out


def _wholes_of(
    group: str,
    scope: str,
    members: dict[tuple[str, str], Event],
    lex: Lexicon,
    countries: dict[str, list[str]],
) -> list[tuple[str, str]]:
    """The (group, scope) of ``members`` that can be a whole of an event of ``group``
    and ``scope``, in order: every one ``_group_within`` and ``_place_within``
    can hold for, looked up rather than tried one by one (a story of many
    places made that quadratic)."""
    nationality, _, base = group.rpartition(" ")
    groups = {"all", group, *([base] if nationality else [])}
    scopes = {scope, "whole"}
    inner = lex.place_by_name.get(scope)
    if inner is not None:
        scopes.update(countries.get(inner.country, ()))
    return sorted(key for g in groups for s in scopes if (key := (g, s)) in members)


class _Claims:
    """``current_claims`` of each event, picked once: every event of a story is set
    against every other, and picking an event's claims costs more than the
    comparison (a long report with many places made it quadratic in its figures)."""

    def __init__(self, facts: dict[str, Fact], lex: Lexicon) -> None:
        self._facts = facts
        self._lex = lex
        self._picked: dict[tuple[str, str, bool], list[Fact]] = {}

    def of(self, event: Event, *, increments: bool = False) -> list[Fact]:
        """The claims of ``event`` (``current_claims``, increments kept or not)."""
        key = (event.story or "", event.key, increments)
        picked = self._picked.get(key)
        if picked is None:
            facts = [self._facts[i] for i in event.facts]
            picked = self._picked[key] = current_claims(facts, self._lex, increments=increments)
        return picked


def part_findings(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """C004: parts (sub-groups, sub-places, a count within another) larger than their whole.

    A part is an event whose counted group lies within another event's group
    and whose place lies within its place (the gazetteer gives each place its
    country), one of them strictly; or, of the same story, group and place, a
    count whose metric is ``part_of`` the other's ("274 killed" against
    "under 100 casualties").
    """
    lex = lexicon(rulebook)
    claims = _Claims(facts, lex)
    part_of = {m.name: m.part_of for m in rulebook.metrics if m.part_of}
    by_metric: dict[tuple[str, str], dict[tuple[str, str], Event]] = defaultdict(dict)
    by_claim: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in events:
        _metric, group, scope = event.key.split("|")
        by_metric[(event.story or "", event.metric)][(group, scope)] = event
        by_claim[(event.story or "", group, scope)].append(event)
    out: list[Finding] = []
    for _key, same_claim in sorted(by_claim.items()):
        for event in same_claim:
            for whole in same_claim:
                if part_of.get(event.metric) == whole.metric:
                    # Within its metric's tolerance ("at least 100" beside
                    # "under 100") a count is two roundings of its whole.
                    tolerance = rulebook.metric(event.metric)
                    found = _judge(event, whole, claims, articles, rulebook, tolerance=tolerance)
                    out.extend([found] if found else [])
    countries = _country_names(lex)
    # Groups of no wider group ("households"): counted in another unit than people.
    units = {g.name for g in rulebook.victims.groups if g.parent is None and g.name != "people"}
    for _metric_key, members in sorted(by_metric.items()):
        for (group, scope), event in sorted(members.items()):
            for w_group, w_scope in _wholes_of(group, scope, members, lex, countries):
                whole = members[(w_group, w_scope)]
                if (
                    (w_group, w_scope) == (group, scope)
                    or not _group_within(group, w_group, units)
                    or not _place_within(scope, w_scope, lex)
                ):
                    continue
                found = _judge(
                    event, whole, claims, articles, rulebook, increments=True, place=scope
                )
                out.extend([found] if found else [])
    return out


def _judge(
    part: Event,
    whole: Event,
    claims: _Claims,
    articles: dict[str, Article],
    rulebook: Rulebook,
    *,
    increments: bool = False,
    place: str = "whole",
    tolerance: MetricRule | None = None,
) -> Finding | None:
    """C004 for one part and its whole, if a figure of the part exceeds the whole.

    A part is only larger than its whole when it exceeds every independent
    figure for the whole (a stray low figure for the whole proves nothing)
    and its own article gives no whole that holds it,
    by more than ``tolerance``; a tally over a longer period is no part of
    it, a place is only a part of a whole in the same country, and no part
    is one of a whole told of another country.
    """
    parts = [f for f in claims.of(part, increments=increments) if not is_vague(f)]
    # An earlier, superseded whole ("had put the toll at seven") is no whole a
    # part can exceed.
    lex = lexicon(rulebook)
    totals = [f for f in claims.of(whole) if not is_vague(f) and not superseded(f, lex)]
    metric = rulebook.metric(part.metric)
    falls = metric is not None and metric.moves == "any"
    bad_parts = []
    for p in parts:
        if longer_period(totals, [p], rulebook):
            continue
        if falls and all(_other_day(p, t) for t in totals):
            # A count that falls (the missing, as people are found) is a part
            # of its whole only as of one day: "six still missing" on
            # Thursday is no part of Wednesday's 14.
            continue
        if any(t.article == p.article and not _exceeds(p, t) for t in totals):
            # Its own article's whole holds it ("25 dead ... 25 bodies"): what
            # disagrees is that whole with the others', a conflict of wholes.
            continue
        others = [t for t in totals if independent(p, t, articles)]
        if not others or not all(
            _exceeds(p, t) and not small_gap(t.interval, p.interval, tolerance) for t in others
        ):
            continue
        if place != "whole" and not all(_inside(p, t) for t in others):
            continue
        if not all(_shares_country(p, t) for t in others):
            continue
        bad_parts.append(p)
    if not bad_parts:
        return None
    bad_totals = [t for t in totals if any(_exceeds(p, t) for p in bad_parts)]
    rule = rulebook.finding_rule("C004")
    return finding(rule.code, rule.severity, whole, [bad_totals, bad_parts], articles, rulebook)
