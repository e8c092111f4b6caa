"""Ingest: paths -> Articles, with every input accounted for.

``ingest`` reads files, directories (recursed, sorted, hidden entries skipped)
and standard input ("-"), in the order given. Each input ends up as an
``InputRecord``: status "ok" with its article count (and a reason naming any
lines it had to skip), or status "skipped" with a reason. Nothing is lost
silently; a missing path does not stop the run.

Formats: the .txt seed format (txt.py), .json and .jsonl/.ndjson records from
news-please, trafilatura or plain {title, text, url} objects (records.py),
HTML with the optional extra factcheck[html] (html.py). Files without an
extension, and standard input, are sniffed: JSON lines when the first
non-blank character is "{", else text. Bytes are decoded and repaired in
decode.py; scraper boilerplate is removed per rules/boilerplate.yaml
(boilerplate.py); syndicated copies are marked ``duplicate_of`` (dedupe.py).

Article ids are ``<path as given>#<n>``: n counts articles within a .txt file
and records within a .json file, and is the line number in a JSON lines file.
Publication dates come from record metadata only (``published_from`` =
"metadata"); dates from datelines or the text are filled in later.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from checker.ingest.boilerplate import BoilerplateFilter
from checker.ingest.dedupe import Deduper, mark_duplicates
from checker.ingest.discover import STDIN, discover
from checker.ingest.readers import (
    DEFAULT_MAX_ARTICLE_CHARS,
    Outcome,
    Reader,
    binary_stream,
    skipped,
)
from checker.models import Article, InputRecord
from checker.rulebook import Rulebook

__all__ = [
    "DEFAULT_MAX_ARTICLE_CHARS",
    "DEFAULT_MAX_BYTES",
    "IngestResult",
    "Limits",
    "ingest",
    "mark_duplicates",
    "stream_ingest",
]

DEFAULT_MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Limits:
    """Size limits on input: a whole file (bytes) and one article's text (characters)."""

    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS


@dataclass(frozen=True)
class IngestResult:
    """The articles read, and what became of every input."""

    articles: list[Article]
    inputs: list[InputRecord]

    @property
    def had_errors(self) -> bool:
        """True when any input, or any line, entry or article text in one, was skipped or cut."""
        return any(record.incomplete for record in self.inputs)


def _read_stdin(reader: Reader, stdin: TextIO | BinaryIO | None) -> Outcome:
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        return skipped(STDIN, "no standard input")
    return reader.read_stream(STDIN, binary_stream(stream), "sniff")


def ingest(
    paths: Sequence[str],
    rulebook: Rulebook,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    stdin: TextIO | BinaryIO | None = None,
) -> IngestResult:
    """Read ``paths`` ("-" for standard input) into articles, one InputRecord per input.

    ``max_bytes`` bounds a whole .txt/.json/HTML input (JSON lines are streamed,
    and only a single line is bounded); ``max_chars`` bounds the text of one
    article (longer text is cut, and the input's record says so); ``stdin``
    replaces ``sys.stdin``.
    """
    articles: list[Article] = []
    inputs = stream_ingest(
        paths, rulebook, articles.append, max_bytes=max_bytes, max_chars=max_chars, stdin=stdin
    )
    return IngestResult(articles=articles, inputs=inputs)


def stream_ingest(
    paths: Sequence[str],
    rulebook: Rulebook,
    emit: Callable[[Article], None],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    stdin: TextIO | BinaryIO | None = None,
) -> list[InputRecord]:
    """``ingest``, passing each article (near-duplicates marked) to ``emit`` in order.

    When the inputs come in their canonical order (sorted by path as given,
    as one file or one directory always does), each article is passed on as
    soon as it is read and marked, so a JSON lines crawl is never held whole;
    otherwise the articles are all read first, since a copy's original may
    come later. Either way ``emit`` sees the same articles in the same order.
    """
    entries = []
    seen: set[str] = set()
    for entry in discover(paths):
        if entry.display not in seen:  # the same path given twice is read once
            seen.add(entry.display)
            entries.append(entry)
    displays = [entry.display for entry in entries]
    streaming = displays == sorted(displays)
    held: list[Article] = []
    marker = Deduper() if streaming else None

    def take(article: Article) -> None:
        if marker is None:
            held.append(article)
        else:
            emit(marker.mark(article))

    reader = Reader(BoilerplateFilter(rulebook.boilerplate), max_bytes, max_chars, emit=take)
    inputs: list[InputRecord] = []
    for entry in entries:
        if entry.problem is not None:
            outcome = skipped(entry.display, entry.problem)
        elif entry.path is None:
            outcome = _read_stdin(reader, stdin)
        else:
            outcome = reader.read_path(entry.display, entry.path)
        inputs.append(outcome.record)
        for article in outcome.articles:  # the inputs that are not streamed
            take(article)
    for article in mark_duplicates(held):
        emit(article)
    return inputs
