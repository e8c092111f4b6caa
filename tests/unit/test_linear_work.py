"""Work grows linearly with an article's length: counted, never timed.

An article is built from synthetic blocks of news-like sentences (numbers,
hedges, ranges, dates, times, ages, names with numbers, abbreviations, money)
and read at 1x, 2x and 4x its length, through ingest, the publication date,
extraction and normalisation. Three kinds of work are counted:

- ``chars``: characters offered to regular expressions (``endpos - pos`` of
  every call, or the length of the string it is given). A per-mention search
  that runs to the end of the text (``pattern.search(text, pos)``), or over a
  slice from the start of the text (``text[:start]``), makes this quadratic;
- ``calls``: regular expression calls;
- ``lines``: Python lines executed in ``checker/extract`` and ``checker/ingest``
  (catches per-mention loops over every date or sentence of the article).

Linear work means the cost of the second doubling is about twice the cost of
the first (fixed costs cancel out); quadratic work makes it four times.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import checker.extract
import checker.ingest
import checker.normalise
from checker.extract import analyse, lexicon
from checker.extract.date_cues import REACH, CueScan, cue_table
from checker.extract.date_grammar import grammar, pattern_openers
from checker.extract.lexicon import Lexicon
from checker.extract.published import with_published
from checker.ingest import ingest
from checker.models import Article
from checker.normalise import normalise
from checker.rulebook import Rulebook

# The second doubling may cost at most this many times the first one.
MAX_GROWTH = 2.3
SIZES = (6, 12, 24)  # blocks: 1x, 2x, 4x

_PLACES = ["Kabul", "Baghdad", "Mosul", "Lagos"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_MONTHS = ["March", "April", "May", "June"]
_TEMPLATES = [
    "On {weekday}, {day} {month} 2024, at least {a} people were killed and about {b} "
    "wounded in an attack near {place}, police said.",
    "Officials in {place} said between {a} and {c} soldiers were missing after the "
    "U.S. convoy was hit at 10:{mm} on Oct. {day}.",
    "A {age}-year-old man and more than {b} others were arrested, Gen. Smith told "
    "reporters {n2} days ago.",
    "Nearly {c} families fled the third attack in {month}, and dozens of houses near "
    "Tower {a} burned.",
    "The fund was worth $2.5 million, according to the ministry.",
    "Twenty-five fighters and {a} to {c} civilians died last week, a 40 percent rise "
    "since {month} {day}.",
]


def _block(rng: random.Random) -> list[str]:
    values = {
        "weekday": rng.choice(_WEEKDAYS),
        "month": rng.choice(_MONTHS),
        "place": rng.choice(_PLACES),
        "day": rng.randint(1, 28),
        "a": rng.randint(2, 90),
        "b": rng.randint(100, 900),
        "c": rng.randint(1000, 9000),
        "mm": rng.randint(10, 59),
        "age": rng.randint(20, 80),
        "n2": rng.choice(["two", "three", "five"]),
    }
    return [template.format(**values) for template in _TEMPLATES]


def _article(blocks: int, layout: str) -> str:
    rng = random.Random(2024)
    parts = [_block(rng) for _ in range(blocks)]
    if layout == "one_line":
        return " ".join(sentence for block in parts for sentence in block)
    return "\n\n".join(" ".join(block) for block in parts)


# --- counting ---------------------------------------------------------------


@dataclasses.dataclass
class Work:
    """What one run did."""

    chars: int = 0
    calls: int = 0
    lines: int = 0
    normalise_lines: int = 0
    mentions: int = 0

    def scan(self, string: str | bytes, pos: int = 0, endpos: int | None = None) -> None:
        """Count one regular expression call over ``string[pos:endpos]``."""
        end = len(string) if endpos is None else min(endpos, len(string))
        self.calls += 1
        self.chars += max(end - max(pos, 0), 0)


class CountingPattern:
    """A compiled pattern that counts what it is asked to scan."""

    def __init__(self, pattern: re.Pattern[Any], work: Work) -> None:
        self._pattern = pattern
        self._work = work

    def search(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._work.scan(string, pos, endpos)
        return self._pattern.search(string, pos, endpos)

    def match(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._work.scan(string, pos, endpos)
        return self._pattern.match(string, pos, endpos)

    def fullmatch(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._work.scan(string, pos, endpos)
        return self._pattern.fullmatch(string, pos, endpos)

    def finditer(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        self._work.scan(string, pos, endpos)
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        self._work.scan(string, pos, endpos)
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        self._work.scan(string)
        return self._pattern.sub(repl, string, count)

    def subn(self, repl: Any, string: Any, count: int = 0) -> Any:
        self._work.scan(string)
        return self._pattern.subn(repl, string, count)

    def split(self, string: Any, maxsplit: int = 0) -> list[Any]:
        self._work.scan(string)
        return self._pattern.split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


class CountingRe:
    """Stands in for the ``re`` module inside the measured modules."""

    def __init__(self, work: Work) -> None:
        self._work = work

    def compile(self, pattern: Any, flags: int = 0) -> CountingPattern:
        return CountingPattern(re.compile(pattern, flags), self._work)

    def _call(self, name: str, pattern: Any, string: Any, *args: Any) -> Any:
        self._work.scan(string)
        return getattr(re, name)(pattern, string, *args)

    def search(self, pattern: Any, string: Any, flags: int = 0) -> Any:
        return self._call("search", pattern, string, flags)

    def match(self, pattern: Any, string: Any, flags: int = 0) -> Any:
        return self._call("match", pattern, string, flags)

    def fullmatch(self, pattern: Any, string: Any, flags: int = 0) -> Any:
        return self._call("fullmatch", pattern, string, flags)

    def findall(self, pattern: Any, string: Any, flags: int = 0) -> Any:
        return self._call("findall", pattern, string, flags)

    def finditer(self, pattern: Any, string: Any, flags: int = 0) -> Any:
        return self._call("finditer", pattern, string, flags)

    def split(self, pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0) -> Any:
        return self._call("split", pattern, string, maxsplit, flags)

    def sub(self, pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
        self._work.scan(string)
        return re.sub(pattern, repl, string, count=count, flags=flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def _measured_modules() -> list[Any]:
    names = [
        name
        for name in sys.modules
        if name.startswith(("checker.extract", "checker.ingest")) or name == "checker.normalise"
    ]
    return [sys.modules[name] for name in sorted(names)]


def _instrument(monkeypatch: pytest.MonkeyPatch, work: Work, rulebook: Rulebook) -> Lexicon:
    """Count the regex work of the measured modules; returns a counting lexicon."""
    counting_re = CountingRe(work)
    for module in _measured_modules():
        for name, value in list(vars(module).items()):
            if value is re:
                monkeypatch.setattr(module, name, counting_re)
            elif isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, CountingPattern(value, work))
    lex = lexicon(rulebook)
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(lex):
        value = getattr(lex, field.name)
        if isinstance(value, re.Pattern):
            changes[field.name] = CountingPattern(value, work)
        elif isinstance(value, tuple) and value and isinstance(value[0], re.Pattern):
            changes[field.name] = tuple(CountingPattern(p, work) for p in value)
    counting = dataclasses.replace(lex, **changes)
    for module in (checker.extract, checker.normalise):
        monkeypatch.setattr(module, "lexicon", lambda _rulebook: counting)
    return counting


def _tracer(work: Work) -> Callable[[FrameType, str, Any], Any]:
    own = (
        str(Path(checker.extract.__file__).parent),
        str(Path(checker.ingest.__file__).parent),
    )
    normalise_file = checker.normalise.__file__

    def count_own(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            work.lines += 1
        return count_own

    def count_normalise(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            work.normalise_lines += 1
        return count_normalise

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        filename = frame.f_code.co_filename
        if filename.startswith(own):
            return count_own
        if filename == normalise_file:
            return count_normalise
        return None

    return on_call


def measure(
    text: str, rulebook: Rulebook, path: Path, monkeypatch: pytest.MonkeyPatch, *, dated: bool
) -> Work:
    """Ingest, date, extract and normalise one article, counting the work."""
    record: dict[str, str] = {"title": "Synthetic report", "text": text}
    if dated:
        record["date"] = "2024-06-30"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    work = Work()
    with monkeypatch.context() as patch:
        lex = _instrument(patch, work, rulebook)
        previous = sys.gettrace()  # a coverage tool's, if any
        sys.settrace(_tracer(work))
        try:
            articles = ingest([str(path)], rulebook).articles
            article = with_published(articles[0], lex)
            analysis = analyse(article, rulebook)
            normalise(analysis, rulebook)
        finally:
            sys.settrace(previous)
    work.mentions = len(analysis.mentions)
    return work


def _runs(
    layout: str, dated: bool, rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[Work]:
    """The work at each of ``SIZES``, after a first run that fills the caches."""
    sizes = (SIZES[0], *SIZES)
    runs = [
        measure(_article(n, layout), rulebook, tmp_path / f"{i}.jsonl", monkeypatch, dated=dated)
        for i, n in enumerate(sizes)
    ]
    return runs[1:]


def _growth(small: int, double: int, quadruple: int) -> float:
    """The cost of the second doubling over the cost of the first."""
    return (quadruple - double) / max(double - small, 1)


@pytest.fixture(scope="module", autouse=True)
def _warm(rulebook: Rulebook) -> None:
    """Import quantulum3 and fill the caches before anything is counted."""
    text = " ".join(_TEMPLATES).format(
        weekday="Monday",
        month="May",
        place="Kabul",
        day=3,
        a=5,
        b=120,
        c=1200,
        mm=15,
        age=30,
        n2="two",
    )
    analyse(Article(id="w#1", source="w", index=1, text=text), rulebook)


@pytest.mark.parametrize(("layout", "dated"), [("paragraphs", True), ("one_line", False)])
def test_work_per_mention_stays_bounded_when_the_article_doubles(
    layout: str, dated: bool, rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = _runs(layout, dated, rulebook, tmp_path, monkeypatch)
    small, double, quadruple = runs
    assert small.calls > 0 and small.lines > 0 and small.chars > len(_article(SIZES[0], layout))
    mentions = _growth(small.mentions, double.mentions, quadruple.mentions)
    assert 1.8 <= mentions <= 2.2, [r.mentions for r in runs]
    for metric in ("chars", "calls", "lines"):
        values = [getattr(r, metric) for r in runs]
        growth = _growth(*values)
        per_mention = [round(v / r.mentions, 1) for v, r in zip(values, runs, strict=True)]
        assert growth <= MAX_GROWTH, f"{metric}: {values} (per mention {per_mention})"


def test_normalise_work_per_fact_stays_bounded(
    rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = _runs("paragraphs", True, rulebook, tmp_path, monkeypatch)
    values = [r.normalise_lines for r in runs]
    assert _growth(*values) <= MAX_GROWTH, values


def test_the_count_sees_a_search_over_the_text_before_each_number() -> None:
    """The measure itself: a per-number search over ``text[:start]`` is quadratic."""
    digits = re.compile(r"\d+")
    totals = []
    for blocks in SIZES:
        work = Work()
        words = CountingPattern(re.compile(r"(\w+)\s+$"), work)
        text = _article(blocks, "one_line")
        for m in digits.finditer(text):
            words.search(text[: m.start()])
        totals.append(work.chars)
    assert _growth(*totals) > 3.5


def test_each_date_pattern_is_offered_at_most_its_reach(rulebook: Rulebook) -> None:
    """The date patterns are matched only where their cues stand, each call over at
    most ``REACH`` characters of a one-line article (and never over the whole text)."""
    lex = lexicon(rulebook)
    compiled = grammar(lex)
    text = _article(SIZES[-1], "one_line")
    work = Work()
    largest = 0

    class Reach(CountingPattern):
        def match(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
            nonlocal largest
            largest = max(largest, min(endpos, len(string)) - pos)
            return super().match(string, pos, endpos)

    counted = {Reach(p, work): phrases for p, phrases in pattern_openers(compiled, lex).items()}
    scan = CueScan(text, cue_table(counted))  # type: ignore[arg-type]
    found = 0
    for pattern in counted:
        expected = [m.span() for m in pattern._pattern.finditer(text)]
        assert [m.span() for m in scan.finditer(pattern)] == expected  # type: ignore[arg-type]
        found += len(expected)
    assert found > 100 and work.calls > found
    assert 0 < largest <= REACH and work.chars <= work.calls * REACH
