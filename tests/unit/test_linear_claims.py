"""An article's claims are picked in work linear in its figures: counted, never timed.

A live report can give hundreds of figures for one toll: its rises ("rose
to 40"), its increments ("20 more bodies") and the toll said again. Picking
the figures that speak for the article (``current_claims``) once looked at
every earlier figure for each one, and compared every figure with every
rise, so a 1 MB article took 48 s. The Python lines run (in every module,
pydantic's equality included) are counted for 1x, 2x and 4x the figures: the
second doubling may cost at most ``MAX_GROWTH`` times the first.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from checker.compare.values import current_claims
from checker.extract.lexicon import lexicon
from checker.models import Fact, Interval
from checker.rulebook import Rulebook

MAX_GROWTH = 2.3
SIZES = (60, 120, 240)


def _facts(count: int) -> list[Fact]:
    """``count`` killed figures of one article: rises, increments and plain tolls."""
    out = []
    for k in range(count):
        value = 10 + k
        kind = k % 3
        if kind == 0:
            sentence = f"The death toll rose to {value} on Monday, officials said."
        elif kind == 1:
            sentence = f"Rescuers found {value} more bodies in the rubble."
        else:
            sentence = f"At least {value} people were killed in the attack."
        stated = str(value)
        offset = 1000 * k
        at = offset + sentence.index(stated)
        out.append(
            Fact(
                id=f"a.jsonl#1@{offset}",
                article="a.jsonl#1",
                metric="killed",
                stated=stated,
                sentence=sentence,
                span=(at, at + len(stated)),
                sentence_span=(offset, offset + len(sentence)),
                interval=Interval(low=value, high=value),
                likely=Interval(low=value, high=value),
                victims="people",
                increment=kind == 1,
                story="S1",
            )
        )
    return out


def _lines_run(facts: list[Fact], rulebook: Rulebook) -> int:
    lex = lexicon(rulebook)
    count = 0

    def tracer(_frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        current_claims(facts, lex)
        current_claims(facts, lex, increments=True)
    finally:
        sys.settrace(previous)
    return count


def test_picking_an_article_s_claims_is_linear_in_its_figures(rulebook: Rulebook) -> None:
    small, middle, large = (_lines_run(_facts(n), rulebook) for n in SIZES)
    first, second = middle - small, large - middle
    assert first > 0
    assert second <= MAX_GROWTH * first, (small, middle, large)
