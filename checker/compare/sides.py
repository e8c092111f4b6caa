"""Sides: claims split into sets that agree with each other.

Claims are taken narrowest first. A claim joins the one side all of whose
claims it overlaps when it overlaps nothing on any other side; it opens a new
side when it overlaps nothing at all; a claim that fits more than one side
("hundreds" beside 471 and 100-300) is kept apart as compatible with several.
So no side holds two claims that disagree, and every claim of one side
disagrees with every claim of another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.models import Fact, Interval


@dataclass(frozen=True)
class Split:
    """The sides (lists of facts that agree) and the facts compatible with several sides."""

    sides: list[list[Fact]]
    between: list[Fact]


def _width(iv: Interval) -> float:
    if iv.low is None or iv.high is None:
        return float("inf")
    return float(iv.high - iv.low)


def split(facts: Sequence[Fact], value: Callable[[Fact], Interval]) -> Split:
    """Partition ``facts`` into sides by the intervals ``value`` gives them."""
    order = sorted(
        facts,
        key=lambda f: (_width(value(f)), value(f).low if value(f).low is not None else -1, f.id),
    )
    sides: list[list[Fact]] = []
    between: list[Fact] = []
    for fact in order:
        iv = value(fact)
        touching = [k for k, side in enumerate(sides) if any(iv.overlaps(value(o)) for o in side)]
        if not touching:
            sides.append([fact])
            continue
        if len(touching) == 1 and all(iv.overlaps(value(o)) for o in sides[touching[0]]):
            sides[touching[0]].append(fact)
            continue
        between.append(fact)
    for side in sides:
        side.sort(key=lambda f: f.id)
    sides.sort(key=lambda side: (min(_low(value(f)) for f in side), side[0].id))
    return Split(sides=sides, between=sorted(between, key=lambda f: f.id))


def _low(iv: Interval) -> float:
    return float("-inf") if iv.low is None else float(iv.low)
