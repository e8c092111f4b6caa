"""Group facts into events: same metric, compatible places, dates and victims.

Facts are first split into blocks by (metric, countries, tally or not), so the
pairwise work stays inside small blocks; inside a block, facts whose dates
overlap (a sweep over start dates) and whose victims are compatible are joined.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from checker.disjoint import DisjointSet
from checker.extract.lexicon import lexicon
from checker.fingerprint import short_hash
from checker.models import Article, Event, Fact
from checker.rulebook import Rulebook

NON_EVENT_METRICS = frozenset({"date"})


def _split_victims(victims: str | None) -> tuple[str | None, str | None]:
    if not victims:
        return None, None
    nationality, _, group = victims.rpartition(" ")
    return (nationality or None), group


def victims_compatible(a: str | None, b: str | None, rulebook: Rulebook) -> bool:
    """True when two victim groups may be the same people.

    Unknown or generic groups fit anything; a group fits its wider groups
    ("militants" fits "people"); two different nationalities never fit.
    """
    nat_a, group_a = _split_victims(a)
    nat_b, group_b = _split_victims(b)
    if nat_a and nat_b and nat_a != nat_b:
        return False
    if group_a is None or group_b is None or group_a == group_b:
        return True
    parents = lexicon(rulebook).victim_parent

    def chain(group: str) -> set[str]:
        seen: set[str] = set()
        current: str | None = group
        while current and current not in seen:
            seen.add(current)
            current = parents.get(current)
        return seen

    return group_a in chain(group_b) or group_b in chain(group_a)


def compatible(a: Fact, b: Fact, rulebook: Rulebook) -> bool:
    """True when two facts of one block may describe the same event."""
    if not victims_compatible(a.victims, b.victims, rulebook):
        return False
    return a.cumulative or a.date.overlaps(b.date)


def block_key(fact: Fact) -> tuple[str, str, bool]:
    """The blocking key: metric, countries, cumulative tally or not."""
    return fact.metric, "+".join(fact.countries), fact.cumulative


def _pairs(block: list[Fact], cumulative: bool) -> Iterable[tuple[int, int]]:
    """Index pairs worth joining: dates that may overlap (unknown dates meet everything).

    Reports of one running tally are chained in date order instead, each to the
    few reports before it, so a block of tallies stays linear.
    """
    if cumulative:
        order = sorted(range(len(block)), key=lambda i: (block[i].date.start or dt.date.min, i))
        for n, i in enumerate(order):
            for j in order[max(0, n - 3) : n]:
                yield j, i
        return
    known = sorted(
        (i for i, f in enumerate(block) if f.date.known),
        key=lambda i: (block[i].date.start or dt.date.min, block[i].id),
    )
    unknown = [i for i, f in enumerate(block) if not f.date.known]
    active: list[int] = []
    for i in known:
        start = block[i].date.start
        assert start is not None
        active = [j for j in active if (block[j].date.end or dt.date.max) >= start]
        for j in active:
            yield j, i
        active.append(i)
    for n, i in enumerate(unknown):
        for j in known:
            yield i, j
        for j in unknown[n + 1 :]:
            yield i, j


def group(facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook) -> list[Event]:
    """Events: connected groups of compatible facts, in a deterministic order."""
    blocks: dict[tuple[str, str, bool], list[Fact]] = defaultdict(list)
    compared = {m.name for m in rulebook.metrics if m.compare}
    for fact in facts:
        if fact.metric in NON_EVENT_METRICS or fact.metric not in compared:
            continue
        if not fact.countries:
            # Without a place there is no telling which event a figure is about;
            # such facts are listed, never compared.
            continue
        blocks[block_key(fact)].append(fact)
    events: list[Event] = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda f: f.id)
        sets = DisjointSet(range(len(block)))
        for i, j in _pairs(block, key[2]):
            if (key[2] or block[i].date.overlaps(block[j].date)) and victims_compatible(
                block[i].victims, block[j].victims, rulebook
            ):
                sets.union(i, j)
        for members in sets.groups():
            events.append(_event(key, [block[i] for i in members], articles))
    events.sort(key=lambda e: (e.metric, e.key, e.id))
    return events


def _event(key: tuple[str, str, bool], facts: list[Fact], articles: dict[str, Article]) -> Event:
    metric, countries, cumulative = key
    starts = sorted(f.date.start for f in facts if f.date.start)
    bucket = starts[0].strftime("%Y-%m") if starts else "undated"
    event_key = f"{metric}|{countries}|{'tally' if cumulative else bucket}"
    sources = sorted({f.article for f in facts})
    ids = sorted(f.id for f in facts)
    return Event(
        id="E" + short_hash(event_key, *ids, length=10),
        metric=metric,
        key=event_key,
        facts=ids,
        sources=sources,
    )
