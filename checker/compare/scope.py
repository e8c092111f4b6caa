"""Scope: one story's figures for different places of it, shown side by side."""

from __future__ import annotations

from collections import defaultdict

from checker.compare.summary import finding
from checker.models import Article, Event, Fact, Finding
from checker.rulebook import Rulebook


def scope_findings(
    events: list[Event], facts: dict[str, Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """S001: for each story, metric and group told for several places, one info finding.

    Each side is one place's figures (the story's whole area is a side too);
    a part is never a conflict with its whole or with another part.
    """
    per: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in events:
        _metric, group, _scope = event.key.split("|")
        per[(event.story or "", event.metric, group)].append(event)
    severity = rulebook.finding_rule("S001").severity
    out: list[Finding] = []
    for (_story, _metric, _group), members in sorted(per.items()):
        if len(members) < 2 or all(e.key.endswith("|whole") for e in members):
            continue
        members.sort(key=lambda e: e.key)
        sides = [[facts[i] for i in e.facts] for e in members]
        outlets = {f.article for side in sides for f in side}
        if len(outlets) < 1:
            continue
        head = members[0]
        key_event = head.model_copy(
            update={
                "key": head.key.rsplit("|", 1)[0]
                + "|"
                + "+".join(sorted({e.key.rsplit("|", 1)[1] for e in members}))
            }
        )
        out.append(finding("S001", severity, key_event, sides, articles, rulebook))
    return out
