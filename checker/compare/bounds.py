"""Lower bounds: a count of a group that is at least as many of everyone ("44 bodies
recovered": at least 44 dead), beside a conflict over everyone's count.

Bodies are a group of their own (rules/victims.yaml): "10 bodies" against "74
bodies" is a conflict of bodies, and "20 bodies recovered" is no rival of "35
dead". But a count of bodies above one side of a conflict over the toll, and
within the other, tells against the first side as the other's figures do: it
joins that side.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.claims import group_key
from checker.compare.summary import finding
from checker.compare.values import current_claims, independent, is_vague
from checker.extract.lexicon import lexicon
from checker.models import Article, Event, Fact, Finding
from checker.rulebook import Rulebook

# The finding rules whose sides a lower bound may join: conflicts over one
# count at one time.
_JOINED = ("C001", "C003")


def with_lower_bounds(
    findings: Sequence[Finding],
    events: Sequence[Event],
    facts: dict[str, Fact],
    articles: dict[str, Article],
    rulebook: Rulebook,
) -> list[Finding]:
    """``findings``, each conflict over everyone's count with the lower bounds of its
    story (rules/victims.yaml ``lower_bound_groups``) that contradict its lower
    side and fit its higher side added to the higher side."""
    bounds = rulebook.victims.lower_bound_groups
    if not bounds or not findings:
        return list(findings)
    lex = lexicon(rulebook)
    by_id = {e.id: e for e in events}
    by_key = {(e.story, e.key): e for e in events}
    out: list[Finding] = []
    for found in findings:
        event = by_id.get(found.event or "")
        if event is None or found.rule not in _JOINED or len(found.sides) != 2:
            out.append(found)
            continue
        metric, group, scope = event.key.split("|")
        low = [facts[i] for i in found.sides[0]]
        high = [facts[i] for i in found.sides[1]]
        joining: list[Fact] = []
        for bounded, whole in sorted(bounds.items()):
            bounding = by_key.get((event.story, f"{metric}|{bounded}|{scope}"))
            if bounding is None or group != (group_key(whole) or "all"):
                continue
            members = [facts[i] for i in bounding.facts]
            joining.extend(
                f for f in current_claims(members, lex) if _tells_for(f, low, high, articles)
            )
        if joining:
            rule = rulebook.finding_rule(found.rule)
            sides = [low, sorted([*high, *joining], key=lambda f: f.id)]
            out.append(finding(rule.code, found.severity, event, sides, articles, rulebook))
        else:
            out.append(found)
    return out


def _tells_for(
    bound: Fact, low: Sequence[Fact], high: Sequence[Fact], articles: dict[str, Article]
) -> bool:
    """True when lower bound ``bound``, of the same day, is above every figure of the
    ``low`` side (and told independently of them) and within the ``high`` side's."""
    least = bound.interval.low
    if least is None or is_vague(bound) or bound.background:
        return False
    days = {f.asof for f in [*low, *high]}
    if bound.asof not in days:
        return False
    if not all(
        f.interval.high is not None and f.interval.high < least and independent(bound, f, articles)
        for f in low
    ):
        return False
    return any(f.interval.high is None or f.interval.high >= least for f in high)
