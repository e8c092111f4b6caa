"""Fuzzing the whole path from bytes on disk to findings (hypothesis).

Generated batches mix random text with the stuff of news (figures with
hedges, counted groups, dates good and bad) and with awkward Unicode
(right-to-left scripts, combining marks, bidi controls, emoji, odd spaces),
written as .txt or JSON lines in one of several encodings. Properties:

- ingest never raises on any bytes, and gives every input a record;
- the whole check never raises;
- every fact's span slices back to its stated words and its sentence span to
  its sentence, inside the article's text;
- intervals and date ranges are well formed (low <= high, start <= end);
- findings only join facts that exist, and no fact sits on two sides;
- the JSON report is the same bytes when the batch is checked again.

Each example is checked twice (for the last property), so a run of 120
examples is 240 checks of small batches.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import ingest
from checker.models import Interval, Report
from checker.pipeline import check
from checker.report import get_reporter
from checker.rulebook import load_rulebook

BOOK = load_rulebook()
# FACTCHECK_FUZZ_EXAMPLES=2000 fuzzes longer, by hand; the suite runs 120.
EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "120"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEDGES = [
    "at least",
    "more than",
    "over",
    "nearly",
    "almost",
    "about",
    "some",
    "up to",
    "as many as",
    "fewer than",
    "no fewer than",
    "around",
    "",
]
COUNTED = [
    "people were killed",
    "were wounded",
    "civilians died",
    "soldiers were injured",
    "people were arrested",
    "pupils were abducted",
    "families were displaced",
    "bodies were recovered",
    "dead",
    "troops",
    "attacks",
    "dollars",
]
NUMBER_WORDS = [
    "three",
    "twelve",
    "twenty-five",
    "a dozen",
    "dozens of",
    "hundreds of",
    "2.5 million",
    "1.2k",
    "one hundred and six",
    "half",
    "0",
    "-4",
    "1e9",
]
DATES = [
    "on Monday",
    "on Sunday night",
    "12 October 2023",
    "Oct. 7",
    "2024-03-05",
    "last week",
    "five days later",
    "31 February 2023",
    "0000-00-00",
    "None",
    "Wednesday, 12 October",
    "in 2019",
    "since the war began",
    "by Tuesday evening",
]
OTHER = [
    "officials said",
    "according to the ministry",
    "the police said",
    "in the capital",
    "near the border",
    "so far",
    "the toll rose to",
    "not",
    "and",
    "of them",
    "U.S.",
    "Gen.",
    "—",
    "“",
    "”",
    "(",
    ")",
    ";",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
]
UNICODE = [
    "مقتل ١٢ شخصا في انفجار",  # Arabic, with Arabic-Indic digits
    "נהרגו 12 בני אדם",  # Hebrew
    "e\u0301\u0301\u0308",  # stacked combining marks
    "\u202eevil\u202c",  # bidi override
    "\u200f\u200e\u2066x\u2069",  # direction marks and isolates
    "\u00a0\u2009\u3000",  # odd spaces
    "👩\u200d👩\u200d👧 🇺🇦",  # joiners and flags
    "Ａ１２",  # full-width letters and digits
    "十二人死亡",
    "ﬁ ß ǅ",
    "\x1b[31m",
    "\ufeff",
]

number = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.integers(min_value=1_000, max_value=10**8).map(lambda n: f"{n:,}"),
    st.sampled_from(NUMBER_WORDS),
)
claim = st.builds(
    lambda hedge, n, what: " ".join(part for part in (hedge, n, what) if part),
    st.sampled_from(HEDGES),
    number,
    st.sampled_from(COUNTED),
)
piece = st.one_of(
    claim,
    claim,
    st.sampled_from(DATES),
    st.sampled_from(OTHER),
    st.sampled_from(UNICODE),
    st.text(max_size=12),
)
body = st.lists(piece, min_size=0, max_size=30).map(" ".join)
title = st.one_of(st.none(), st.text(max_size=40), body.map(lambda text: text[:60]))
CODECS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


@st.composite
def input_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """One input file: its extension and bytes."""
    codec = draw(st.sampled_from(CODECS))
    if draw(st.booleans()):
        text = f"{draw(title) or ''}\n\n{draw(body)}\n"
        return ".txt", text.encode(codec, errors="replace")
    records = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        record: dict[str, object] = {"title": draw(title), "text": draw(body)}
        if draw(st.booleans()):
            record["date_publish"] = draw(st.sampled_from([*DATES, "2024-05-06 10:00:00"]))
        records.append(record)
    lines = [json.dumps(r, ensure_ascii=draw(st.booleans())) for r in records]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=20)))
    return ".jsonl", "\n".join(lines).encode(codec, errors="replace")


batch = st.lists(input_file(), min_size=1, max_size=4)


def _write(root: Path, files: list[tuple[str, bytes]]) -> list[str]:
    names = []
    for number_, (suffix, data) in enumerate(files):
        name = f"in{number_}{suffix}"
        (root / name).write_bytes(data)
        names.append(name)
    return names


def _well_formed(interval: Interval) -> bool:
    return interval.low is None or interval.high is None or interval.low <= interval.high


def _check_report(report: Report, texts: dict[str, str]) -> None:
    """``texts``: each article's text as read (the report's articles keep none)."""
    fact_ids = {fact.id for fact in report.facts}
    for fact in report.facts:
        text = texts[fact.article]
        start, end = fact.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == fact.stated
        s_start, s_end = fact.sentence_span
        assert text[s_start:s_end] == fact.sentence
        assert (s_start <= start and end <= s_end) or fact.metric == "date"
        assert _well_formed(fact.interval) and _well_formed(fact.likely)
        if fact.date.start is not None and fact.date.end is not None:
            assert fact.date.start <= fact.date.end
    for finding in report.findings:
        assert set(finding.facts) <= fact_ids
        placed = [fact for side in finding.sides for fact in side]
        assert len(placed) == len(set(placed))
        assert set(placed) <= fact_ids
    for event in report.events:
        assert set(event.facts) <= fact_ids


@SETTINGS
@given(batch)
def test_the_whole_check_never_raises_and_its_report_holds_together(
    files: list[tuple[str, bytes]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        names = _write(root, files)
        old = Path.cwd()
        os.chdir(root)
        try:
            first = check(names, BOOK).report
            again = check(names, BOOK).report
            texts = {a.id: a.text for a in ingest(names, BOOK).articles}
        finally:
            os.chdir(old)
    assert [record.path for record in first.inputs] == names
    assert sum(record.articles for record in first.inputs) == len(first.articles)
    _check_report(first, texts)
    assert get_reporter("json").render(first) == get_reporter("json").render(again)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([".txt", ".json", ".jsonl", ".html", ""]), st.binary()),
        min_size=1,
        max_size=4,
    )
)
def test_ingest_never_raises_on_any_bytes(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        names = [str(root / name) for name in _write(root, files)]
        result = ingest(names, BOOK)
    assert [record.path for record in result.inputs] == names
    for record in result.inputs:
        assert record.status == "ok" or record.reason
    assert sum(record.articles for record in result.inputs) == len(result.articles)
