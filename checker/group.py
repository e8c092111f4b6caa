"""Group facts into events: claims of one identity within one story.

A claim's identity is its story, metric, counted group and place scope (see
checker/claims.py). Facts are bucketed by that key in one pass, so grouping
is linear in the number of facts: no two facts of different stories, places
or groups ever meet. Background figures (another happening, a longer period)
and facts without a story are listed, never grouped.
"""

from __future__ import annotations

from collections import defaultdict

from checker.claims import group_key
from checker.fingerprint import short_hash
from checker.models import Article, Event, Fact
from checker.rulebook import Rulebook

NON_EVENT_METRICS = frozenset({"date"})


def claim_key(fact: Fact) -> tuple[str, str, str, str]:
    """The identity of a claim: story, metric, counted group and place scope."""
    return fact.story or "", fact.metric, group_key(fact.victims), fact.scope or ""


def group(facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook) -> list[Event]:
    """Events: the facts of each claim identity, in a deterministic order."""
    compared = {m.name for m in rulebook.metrics if m.compare}
    # A figure of a metric with purposes is compared only for a purpose its
    # clause names (a sum for nothing said is listed).
    purposeful = {m.name for m in rulebook.metrics if m.purposes}
    buckets: dict[tuple[str, str, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.metric in NON_EVENT_METRICS or fact.metric not in compared:
            continue
        if fact.metric in purposeful and not group_key(fact.victims):
            continue
        if fact.story is None or fact.background:
            continue
        buckets[claim_key(fact)].append(fact)
    events = [_event(key, members) for key, members in buckets.items()]
    events.sort(key=event_order)
    return events


def event_order(event: Event) -> tuple[str, str, str, str]:
    """Where an event stands in a report: by story, metric, key and id."""
    return event.story or "", event.metric, event.key, event.id


def event_key(key: tuple[str, str, str, str]) -> str:
    """The readable, path-free key of an event: metric, group and place (story-relative)."""
    _story, metric, victims, scope = key
    return f"{metric}|{victims or 'all'}|{scope or 'whole'}"


def _event(key: tuple[str, str, str, str], facts: list[Fact]) -> Event:
    ids = sorted(f.id for f in facts)
    readable = event_key(key)
    return Event(
        id="E" + short_hash(key[0], readable, *ids, length=10),
        story=key[0] or None,
        metric=key[1],
        key=readable,
        facts=ids,
        sources=sorted({f.article for f in facts}),
    )
