"""The whole check, stage by stage: ingest, extract, normalise, stories, group, compare."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from checker import __version__, parallel
from checker.collector import cyclic_gc_paused
from checker.compare.values import tells_of_verdict
from checker.extract import lexicon
from checker.extract.published import with_published
from checker.ingest import Limits, ingest, stream_ingest
from checker.judge import Judged, judge_forked
from checker.models import Article, Fact, InputRecord, Mention, Report, Story
from checker.parallel import Extracted, Extraction, Progress, article_facts
from checker.reading import can_fork, input_bytes, produced_apart
from checker.rulebook import Rulebook
from checker.stories import SMALL_BATCH, Signature, stories

__all__ = ["Extracted", "Extractor", "Progress", "article_facts", "check", "stream_extract"]

# Extraction on another backend (see checker.dask_backend): originals in, results in order.
Extractor = Callable[[Sequence[Article], Rulebook, Progress | None], list[Extracted]]
# Story clustering on another backend: every article's signature in, stories in report order.
Storyteller = Callable[[Sequence[Signature]], list[Story]]
# Claims, grouping and comparison on another backend (see checker.judge.judge_stories).
Judge = Callable[
    [list[Fact], list[Story], dict[str, Article], Rulebook, dict[str, tuple[int, ...]]], Judged
]


# Article text a forked reader sends at once (``reading.produced_apart``): with
# at most ``reading.AHEAD`` batches waiting, a few megabytes are read ahead.
READ_BATCH_CHARS = 64_000


def prepare_stories(count: int) -> None:
    """Import what clustering ``count`` original articles into stories will need.

    That is SciPy's sparse matrices for a large batch (a tenth of a second):
    called while the workers extract, the import costs no wall time.
    """
    if count > SMALL_BATCH:
        importlib.import_module("scipy.sparse")


@dataclass(frozen=True)
class CheckResult:
    """A finished check: the report, and whether any input had to be skipped."""

    report: Report
    had_input_errors: bool


def load_articles(
    paths: Sequence[str],
    rulebook: Rulebook,
    stdin: TextIO | BinaryIO | None = None,
    limits: Limits | None = None,
) -> tuple[list[Article], list[InputRecord], bool]:
    """Ingest ``paths`` (within ``limits``) and fill in publication dates."""
    limits = limits or Limits()
    result = ingest(
        paths,
        rulebook,
        stdin=stdin,
        max_bytes=limits.max_file_bytes,
        max_chars=limits.max_article_chars,
    )
    lex = lexicon(rulebook)
    articles = [with_published(a, lex) for a in result.articles]
    return articles, result.inputs, result.had_errors


@cyclic_gc_paused()
def check(
    paths: Sequence[str],
    rulebook: Rulebook,
    *,
    jobs: int = 1,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
    extractor: Extractor | None = None,
    storyteller: Storyteller | None = None,
    judge: Judge | None = None,
) -> CheckResult:
    """Run every stage on ``paths`` and build the report.

    Extraction runs in this process, in a pool of ``jobs`` processes, or
    through ``extractor`` (the Dask backend); stories, claims, grouping and
    comparison here, or through ``storyteller`` and ``judge`` (the Dask
    backend, block by block); the report is the same bytes either way. A
    syndicated copy (``duplicate_of`` set) is listed with the articles but
    its facts are not counted again. Python's automatic cyclic garbage
    collection is paused meanwhile (see checker/collector.py).
    """
    verdicts: set[str] | None = None
    if extractor is not None:
        articles, inputs, had_errors = load_articles(paths, rulebook, stdin, limits)
        extracted = extractor([a for a in articles if a.duplicate_of is None], rulebook, progress)
    else:
        verdicts = set()
        articles, inputs, extracted = _read_and_extract(
            paths,
            rulebook,
            jobs=jobs,
            stdin=stdin,
            progress=progress,
            limits=limits,
            verdicts=verdicts,
        )
        had_errors = any(record.incomplete for record in inputs)
    facts = [f for fs, _s in extracted for f in fs]
    by_id = {a.id: a for a in articles}
    signatures = {s.article: s for _f, s in extracted}
    all_signatures = [
        signatures.get(a.id) or Signature(article=a.id, terms={}, duplicate_of=a.duplicate_of)
        for a in articles
    ]
    story_list = (storyteller or stories)(all_signatures)
    weekdays = {s.article: s.weekdays for s in all_signatures}
    # The story signatures (a third of the memory held by now) are done with.
    del extracted, signatures, all_signatures
    if judge is not None:
        judged = judge(facts, story_list, by_id, rulebook, weekdays)
    else:
        judged = judge_forked(
            facts, story_list, by_id, rulebook, weekdays, jobs=jobs, verdicts=verdicts
        )
    report = Report(
        generator=f"factcheck {__version__}",
        inputs=inputs,
        articles=articles,
        facts=judged.facts,
        stories=story_list,
        events=judged.events,
        findings=judged.findings,
    )
    return CheckResult(report=report, had_input_errors=had_errors)


def _read_and_extract(
    paths: Sequence[str],
    rulebook: Rulebook,
    *,
    jobs: int,
    stdin: TextIO | BinaryIO | None,
    progress: Progress | None,
    limits: Limits | None,
    verdicts: set[str],
) -> tuple[list[Article], list[InputRecord], list[Extracted]]:
    """Read ``paths`` and extract each original article as it is read.

    With a pool, the workers extract while this process is still reading
    (``ingest.stream_ingest``); the articles, their input records and the
    extraction results come out in the order read, as ``load_articles`` and
    ``extract_local`` would give them. Once an article is extracted its text
    is let go (the report never shows it): what comparison needs of it,
    whether it tells of a verdict, is added to ``verdicts`` first.
    """
    limits = limits or Limits()
    lex = lexicon(rulebook)
    articles: list[Article] = []
    originals = 0

    def ready() -> None:
        prepare_stories(originals)

    extraction = Extraction(rulebook, jobs=jobs, progress=progress, while_waiting=ready)

    def read(article: Article) -> tuple[Article, bool]:
        article = with_published(article, lex)
        return article, article.duplicate_of is None and tells_of_verdict(article.text, rulebook)

    def take(item: tuple[Article, bool]) -> None:
        nonlocal originals
        article, verdict = item
        if article.duplicate_of is None:
            originals += 1
            if verdict:
                verdicts.add(article.id)
            extraction.add(article)
        articles.append(article.model_copy(update={"text": ""}))

    if _read_apart(paths, jobs):
        # The files are large enough for a pool: what its workers share is
        # built while the first articles are read.
        inputs = produced_apart(
            lambda emit: _stream(paths, rulebook, lambda a: emit(read(a)), stdin, limits),
            take,
            batch=READ_BATCH_CHARS,
            weigh=lambda item: len(item[0].text) + 1,
            meanwhile=extraction.prepare,
        )
    else:
        inputs = _stream(paths, rulebook, lambda a: take(read(a)), stdin, limits)
    return articles, inputs, extraction.finish()


def _read_apart(paths: Sequence[str], jobs: int) -> bool:
    """Whether a check with ``jobs`` processes reads ``paths`` in a forked reader
    (``reading.produced_apart``): when they are files (not standard input)
    enough for a pool of workers, and processes can be forked."""
    if jobs <= 1 or not can_fork():
        return False
    size = input_bytes(paths)
    return size is not None and size >= parallel.MIN_PARALLEL_BYTES


def stream_extract(
    paths: Sequence[str],
    rulebook: Rulebook,
    emit: Callable[[Mention | Fact], None],
    stdin: TextIO | BinaryIO | None = None,
    limits: Limits | None = None,
) -> bool:
    """Pass every mention and fact of every article (copies too) to ``emit``, for ``extract``.

    Each article is extracted as soon as it is read (``ingest.stream_ingest``),
    its mentions first and then its facts, so a crawl is never held whole.
    Returns whether any input had to be skipped.
    """
    lex = lexicon(rulebook)

    def take(article: Article) -> None:
        mentions, facts, _signature = article_facts(with_published(article, lex), rulebook)
        for mention in mentions:
            emit(mention)
        for fact in facts:
            emit(fact)

    inputs = _stream(paths, rulebook, take, stdin, limits or Limits())
    return any(record.incomplete for record in inputs)


def _stream(
    paths: Sequence[str],
    rulebook: Rulebook,
    take: Callable[[Article], None],
    stdin: TextIO | BinaryIO | None,
    limits: Limits,
) -> list[InputRecord]:
    """``ingest.stream_ingest`` of ``paths`` within ``limits``, each article to ``take``."""
    return stream_ingest(
        paths,
        rulebook,
        take,
        stdin=stdin,
        max_bytes=limits.max_file_bytes,
        max_chars=limits.max_article_chars,
    )
