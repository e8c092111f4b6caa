"""Claims are picked, and parts set against wholes, in linear work: counted, never timed.

A live report can give hundreds of figures for one toll: its rises ("rose
to 40"), its increments ("20 more bodies") and the toll said again. Picking
the figures that speak for the article (``current_claims``) once looked at
every earlier figure for each one, and compared every figure with every
rise, so a 1 MB article took 48 s. The Python lines run (in every module,
pydantic's equality included) are counted for 1x, 2x and 4x the figures: the
second doubling may cost at most ``MAX_GROWTH`` times the first. The same
holds for a story that names many places: each place's figure is set against
the wholes it can be a part of, looked up, not against every other event;
and each figure finds the towns named near it through their first words, not
by trying every town of its story.
"""

from __future__ import annotations

import functools
import sys
from types import FrameType
from typing import Any

from checker.claims import assign
from checker.compare.parts import part_findings
from checker.compare.values import current_claims
from checker.extract.lexicon import lexicon
from checker.group import group
from checker.models import Article, Fact, Interval, Story
from checker.rulebook import Place, Rulebook

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
        offset = 1000 * k
        at = offset + sentence.index(str(value))
        fact = _killed(value, sentence, at, (offset, offset + len(sentence)))
        out.append(fact.model_copy(update={"increment": kind == 1, "story": "S1"}))
    return out


def _killed(value: int, sentence: str, at: int, sentence_span: tuple[int, int]) -> Fact:
    """A killed figure ``value`` of one article, stated at ``at`` in ``sentence``."""
    stated = str(value)
    return Fact(
        id=f"a.jsonl#1@{at}",
        article="a.jsonl#1",
        metric="killed",
        stated=stated,
        sentence=sentence,
        span=(at, at + len(stated)),
        sentence_span=sentence_span,
        interval=Interval(low=value, high=value),
        likely=Interval(low=value, high=value),
        victims="people",
    )


def _lines_run(facts: list[Fact], rulebook: Rulebook) -> int:
    lex = lexicon(rulebook)

    def pick() -> None:
        current_claims(facts, lex)
        current_claims(facts, lex, increments=True)

    return _lines(pick)


def _lines(work: Any) -> int:
    """The Python lines ``work()`` runs, in every module."""
    count = 0

    def tracer(_frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def test_picking_an_article_s_claims_is_linear_in_its_figures(rulebook: Rulebook) -> None:
    small, middle, large = (_lines_run(_facts(n), rulebook) for n in SIZES)
    first, second = middle - small, large - middle
    assert first > 0
    assert second <= MAX_GROWTH * first, (small, middle, large)


def _story_of_places(places: int) -> tuple[list[Fact], dict[str, Article]]:
    """A story with a whole toll and one figure for each of ``places`` towns."""
    facts, articles = [], {}
    for k in range(places + 1):
        article = f"b.jsonl#{k + 1}"
        articles[article] = Article(id=article, source="b.jsonl", index=k + 1, outlet=f"o{k}")
        value = 40 if k == 0 else 3
        sentence = f"Officials said {value} people were killed."
        at = 100 + sentence.index(str(value))
        facts.append(
            Fact(
                id=f"{article}@100",
                article=article,
                metric="killed",
                stated=str(value),
                sentence=sentence,
                span=(at, at + len(str(value))),
                sentence_span=(100, 100 + len(sentence)),
                interval=Interval(low=value, high=value),
                likely=Interval(low=value, high=value),
                victims="people",
                story="S1",
                scope="" if k == 0 else f"Townville{k}",
            )
        )
    return facts, articles


def test_setting_parts_against_wholes_is_linear_in_a_story_s_places(
    rulebook: Rulebook,
) -> None:
    counts = []
    for places in SIZES:
        facts, articles = _story_of_places(places)
        events = group(facts, articles, rulebook)
        by_id = {f.id: f for f in facts}
        counts.append(_lines(functools.partial(part_findings, events, by_id, articles, rulebook)))
    small, middle, large = counts
    first, second = middle - small, large - middle
    assert first > 0
    assert second <= MAX_GROWTH * first, (small, middle, large)


def _in_town(fact: Fact, town: str) -> Fact:
    """``fact`` said "in ``town``" before its sentence's words."""
    lead = f"In {town}, "
    return fact.model_copy(
        update={
            "sentence": lead + fact.sentence,
            "span": (fact.span[0] + len(lead), fact.span[1] + len(lead)),
            "sentence_span": (100, 100 + len(lead) + len(fact.sentence)),
            "scope": "",
        }
    )


def test_finding_the_towns_near_figures_is_linear_in_a_story_s_figures(
    rulebook: Rulebook,
) -> None:
    # Each figure names its own town, so the story's towns grow with its figures.
    counts = []
    # The largest first, untimed: it sets up what every run needs.
    for places in (SIZES[-1], *SIZES):
        facts, articles = _story_of_places(places)
        shifted = [_in_town(f, f"Townville{k}") for k, f in enumerate(facts)]
        story = Story(id="S1", label="", articles=sorted(articles))
        towns = {
            "S1": {
                f"Townville{k}": Place(name=f"Townville{k}", country="Iraq")
                for k in range(places + 1)
            }
        }
        counts.append(
            _lines(functools.partial(assign, shifted, [story], articles, rulebook, towns=towns))
        )
    small, middle, large = counts[1:]
    first, second = middle - small, large - middle
    assert first > 0
    assert second <= MAX_GROWTH * first, (small, middle, large)


def _one_long_sentence(count: int) -> tuple[list[Fact], dict[str, Article]]:
    """``count`` figures in one sentence, each told of a region with a part in a city."""
    pieces = [f"{100 + k} people died in Anbar, including {k + 1} in Baghdad" for k in range(count)]
    sentence = "; ".join(pieces) + "."
    facts = []
    at = 0
    for k, piece in enumerate(pieces):
        start = sentence.index(piece, at)
        at = start + len(piece)
        fact = _killed(100 + k, sentence, start, (0, len(sentence)))
        facts.append(
            fact.model_copy(update={"places": ["Anbar", "Baghdad"], "countries": ["Iraq"]})
        )
    return facts, {"a.jsonl#1": Article(id="a.jsonl#1", source="a.jsonl", index=1)}


def test_placing_figures_is_linear_in_a_long_sentence_s_figures(rulebook: Rulebook) -> None:
    # Which place is each figure's, and whether a part's place is past it, is
    # looked for near the figure, never through the whole sentence.
    counts = []
    for size in (SIZES[-1], *SIZES):
        facts, articles = _one_long_sentence(size)
        story = Story(id="S1", label="", articles=sorted(articles))
        counts.append(
            _lines(functools.partial(assign, facts, [story], articles, rulebook, towns={"S1": {}}))
        )
    small, middle, large = counts[1:]
    first, second = middle - small, large - middle
    assert first > 0
    assert second <= MAX_GROWTH * first, (small, middle, large)
