"""Parts: a sub-group or sub-place figure against its whole, never a conflict unless larger.

"64 children" among "274 killed", "55 in one city" inside "168 in the
province": a part is shown beside its whole. Only a part that exceeds the
whole it belongs to, at the same time or later for the whole, is a conflict
(C004): 17 militiamen killed against 16 killed in all.
"""

from __future__ import annotations

from collections import defaultdict

from checker.compare.summary import finding
from checker.compare.values import current_claims, independent
from checker.extract.lexicon import lexicon
from checker.models import Article, Event, Fact, Finding
from checker.rulebook import Rulebook


def _exceeds(part: Fact, whole: Fact) -> bool:
    if part.interval.low is None or whole.interval.high is None:
        return False
    if part.interval.low <= whole.interval.high:
        return False
    # A whole reported earlier than its part may simply be out of date.
    return not (part.asof and whole.asof and whole.asof < part.asof)


def part_findings(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """C004: parts (sub-groups, sub-places) larger than their whole in one story."""
    by_key: dict[tuple[str, str], dict[tuple[str, str], Event]] = defaultdict(dict)
    for event in events:
        _metric, group, scope = event.key.split("|")
        by_key[(event.story or "", event.metric)][(group, scope)] = event
    rule = rulebook.finding_rule("C004")
    lex = lexicon(rulebook)
    out: list[Finding] = []
    for _key, members in sorted(by_key.items()):
        for (group, scope), event in sorted(members.items()):
            wholes = []
            if group != "all":
                wholes.append(members.get(("all", scope)))
            if scope != "whole":
                wholes.append(members.get((group, "whole")))
            for whole in wholes:
                if whole is None:
                    continue
                parts = current_claims([facts[i] for i in event.facts], lex, increments=True)
                totals = current_claims([facts[i] for i in whole.facts], lex)
                bad_parts = [
                    p
                    for p in parts
                    if any(_exceeds(p, t) and independent(p, t, articles) for t in totals)
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
