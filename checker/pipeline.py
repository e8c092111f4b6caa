"""The whole check, stage by stage: ingest, extract, normalise, stories, group, compare."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from checker import __version__
from checker.claims import assign
from checker.compare import compare, corroborate
from checker.extract import analyse, lexicon
from checker.extract.published import with_published
from checker.group import group
from checker.ingest import Limits, ingest
from checker.models import Article, Fact, InputRecord, Mention, Report
from checker.normalise import normalise
from checker.rulebook import Rulebook, default_rulebook
from checker.stories import Signature, article_signature, stories

Extracted = tuple[list[Mention], list[Fact], Signature]

Progress = Callable[[int, int], None]


def article_facts(article: Article, rulebook: Rulebook) -> Extracted:
    """Mentions, facts and story signature of one article (the per-article, CPU-bound part)."""
    analysis = analyse(article, rulebook)
    return analysis.mentions, normalise(analysis, rulebook), article_signature(analysis, rulebook)


_WORKER_RULES: tuple[str, ...] = ()


def _init_worker(rule_dirs: tuple[str, ...]) -> None:
    global _WORKER_RULES
    _WORKER_RULES = rule_dirs


def _work(article: Article) -> Extracted:
    return article_facts(article, default_rulebook(_WORKER_RULES))


def extract_all(
    articles: Sequence[Article],
    rulebook: Rulebook,
    *,
    jobs: int = 1,
    rule_dirs: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> list[Extracted]:
    """Run extraction over ``articles``, in a process pool when ``jobs`` > 1; order is kept."""
    results: list[Extracted] = []
    if jobs > 1 and len(articles) > 1:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(rule_dirs,)
        ) as pool:
            for n, result in enumerate(pool.map(_work, articles, chunksize=8), 1):
                results.append(result)
                if progress:
                    progress(n, len(articles))
        return results
    for n, article in enumerate(articles, 1):
        results.append(article_facts(article, rulebook))
        if progress:
            progress(n, len(articles))
    return results


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


def check(
    paths: Sequence[str],
    rulebook: Rulebook,
    *,
    jobs: int = 1,
    rule_dirs: tuple[str, ...] = (),
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> CheckResult:
    """Run every stage on ``paths`` and build the report.

    A syndicated copy (``duplicate_of`` set) is listed with the articles but its
    facts are not counted again.
    """
    articles, inputs, had_errors = load_articles(paths, rulebook, stdin, limits)
    originals = [a for a in articles if a.duplicate_of is None]
    extracted = extract_all(originals, rulebook, jobs=jobs, rule_dirs=rule_dirs, progress=progress)
    facts = [f for _m, fs, _s in extracted for f in fs]
    by_id = {a.id: a for a in articles}
    signatures = {s.article: s for _m, _f, s in extracted}
    all_signatures = [
        signatures.get(a.id) or Signature(article=a.id, terms={}, duplicate_of=a.duplicate_of)
        for a in articles
    ]
    story_list = stories(all_signatures)
    weekdays = {s.article: s.weekdays for s in all_signatures}
    facts = assign(facts, story_list, by_id, rulebook, weekdays)
    events = group(facts, by_id, rulebook)
    findings = compare(events, facts, by_id, rulebook)
    events = corroborate(events, findings, by_id)
    report = Report(
        generator=f"factcheck {__version__}",
        inputs=inputs,
        articles=articles,
        facts=facts,
        stories=story_list,
        events=events,
        findings=findings,
    )
    return CheckResult(report=report, had_input_errors=had_errors)


def iter_extract(
    paths: Sequence[str],
    rulebook: Rulebook,
    stdin: TextIO | BinaryIO | None = None,
    limits: Limits | None = None,
) -> tuple[Iterator[Mention | Fact], bool]:
    """Every mention and fact of every article (duplicates included), for ``extract``.

    Returns the lazy stream and whether any input had to be skipped.
    """
    articles, _inputs, had_errors = load_articles(paths, rulebook, stdin, limits)

    def stream() -> Iterator[Mention | Fact]:
        for article in articles:
            mentions, facts, _signature = article_facts(article, rulebook)
            yield from mentions
            yield from facts

    return stream(), had_errors
