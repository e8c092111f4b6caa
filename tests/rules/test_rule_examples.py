"""Every example written in rules/ is a test case (one parametrised test per kind of file).

Metric files carry sentences that must and must not give a fact of that
metric; hedges.yaml carries stated numbers and their intervals; places.yaml,
victims.yaml, boilerplate.yaml, stopwords.yaml and happenings.yaml carry their own
examples.
"""

from __future__ import annotations

from typing import Any

import pytest

from checker.extract import analyse, lexicon
from checker.extract.text import split_sentences
from checker.ingest.boilerplate import BoilerplateFilter
from checker.models import Article, Fact
from checker.normalise import normalise, places_in
from checker.rulebook import MetricExample, load_rulebook
from checker.stories import WORD, article_signature

BOOK = load_rulebook()


def _facts(text: str) -> list[Fact]:
    article = Article(id="example#1", source="example", index=1, text=text)
    return normalise(analyse(article, BOOK), BOOK)


MATCH = [
    pytest.param(m.name, ex, id=f"{m.code}-{m.name}-{i}")
    for m in BOOK.metrics
    for i, ex in enumerate(m.examples_match)
]
NO_MATCH = [
    pytest.param(m.name, text, id=f"{m.code}-{m.name}-no-{i}")
    for m in BOOK.metrics
    for i, text in enumerate(m.examples_no_match)
]


@pytest.mark.parametrize(("metric", "example"), MATCH)
def test_metric_example_matches(metric: str, example: MetricExample) -> None:
    facts = [f for f in _facts(example.text) if f.metric == metric]
    assert facts, f"no {metric} fact in {example.text!r}"
    fact = facts[0]
    if example.stated is not None:
        # The example's figure, where its sentence holds several of the metric.
        named = [f for f in facts if f.stated == example.stated]
        assert named, f"{example.stated!r} not among {[f.stated for f in facts]}"
        fact = named[0]
    if example.interval is not None:
        assert (fact.interval.low, fact.interval.high) == example.interval
    if example.victims is not None:
        assert fact.victims is not None and fact.victims.endswith(example.victims)
    if example.cumulative is not None:
        assert fact.cumulative is example.cumulative


@pytest.mark.parametrize(("metric", "text"), NO_MATCH)
def test_metric_example_does_not_match(metric: str, text: str) -> None:
    assert [f.stated for f in _facts(text) if f.metric == metric] == []


def test_every_metric_has_examples_both_ways() -> None:
    for metric in BOOK.metrics:
        assert metric.examples_match, metric.code
        assert metric.examples_no_match, metric.code


HEDGES = [pytest.param(ex, id=str(ex["text"])) for ex in BOOK.hedges.examples]


@pytest.mark.parametrize("example", HEDGES)
def test_hedge_example(example: dict[str, Any]) -> None:
    article = Article(
        id="h#1", source="h", index=1, text=f"Officials counted {example['text']} cases."
    )
    counts = [m for m in analyse(article, BOOK).mentions if m.kind == "count"]
    assert len(counts) == 1, counts
    mention = counts[0]
    assert mention.interval is not None and mention.likely is not None
    assert [mention.interval.low, mention.interval.high] == example["literal"]
    assert [mention.likely.low, mention.likely.high] == example["likely"]
    assert mention.text.lower().endswith(str(example["text"]).split()[-1].lower())


PLACES = [pytest.param(ex, id=str(ex["text"])[:40]) for ex in BOOK.places.examples]


@pytest.mark.parametrize("example", PLACES)
def test_place_example(example: dict[str, Any]) -> None:
    lex = lexicon(BOOK)
    sentences = split_sentences(str(example["text"]), lex.abbreviations)
    names = [p.name for s in sentences for p in places_in(s, lex)]
    assert names == example["places"]


VICTIMS = [pytest.param(ex, id=str(ex["text"])) for ex in BOOK.victims.examples]


@pytest.mark.parametrize("example", VICTIMS)
def test_victims_example(example: dict[str, Any]) -> None:
    facts = _facts(f"The attack killed {example['text']} on Monday.")
    assert facts and facts[0].victims == example["victims"]


BOILERPLATE = [pytest.param(ex, id=str(ex["line"])[:40]) for ex in BOOK.boilerplate.examples]


@pytest.mark.parametrize("example", BOILERPLATE)
def test_boilerplate_example(example: dict[str, Any]) -> None:
    line_filter = BoilerplateFilter(BOOK.boilerplate)
    assert line_filter.is_content(str(example["line"])) is not example["boilerplate"]


LANGUAGE = [pytest.param(ex, id=str(ex["text"])) for ex in BOOK.language.examples]


@pytest.mark.parametrize("example", LANGUAGE)
def test_language_example(example: dict[str, Any]) -> None:
    text = str(example["text"])
    start = text.index(str(example["number"]))
    end = start + len(str(example["number"]))
    article = Article(id="l#1", source="l", index=1, text=text)
    found = [m for m in analyse(article, BOOK).mentions if m.span[0] < end and m.span[1] > start]
    assert len(found) == 1, found
    mention = found[0]
    assert mention.kind == example["kind"]
    assert mention.label == example.get("label")
    if "unit" in example:
        assert mention.unit == example["unit"]
    if "literal" in example:
        assert mention.interval is not None
        low, high = example["literal"]
        assert mention.interval.low == pytest.approx(low)
        assert mention.interval.high == pytest.approx(high)


STOPWORDS = [pytest.param(ex, id=str(ex["text"])[:40]) for ex in BOOK.stopwords.examples]


@pytest.mark.parametrize("example", STOPWORDS)
def test_stopwords_example(example: dict[str, Any]) -> None:
    article = Article(id="s#1", source="s", index=1, text=str(example["text"]))
    sig = article_signature(analyse(article, BOOK), BOOK)
    assert sorted(t[2:] for t in sig.terms if t.startswith(WORD)) == sorted(example["words"])


HAPPENINGS = [pytest.param(ex, id=str(ex["text"])[:40]) for ex in BOOK.happenings.examples]


@pytest.mark.parametrize("example", HAPPENINGS)
def test_happenings_example(example: dict[str, Any]) -> None:
    article = Article(id="h#1", source="h", index=1, text=str(example["text"]))
    sig = article_signature(analyse(article, BOOK), BOOK)
    assert list(sig.happenings) == sorted(example["families"])
