"""Extraction over many articles at once: one process, or a pool of worker processes.

Extraction (analyse, normalise, story signature) is per article and CPU-bound;
everything after it needs the whole batch. The articles are cut into
contiguous chunks of about equal text size, several per worker, so that a
worker that drew short articles picks up the next chunk instead of waiting;
results come back in the articles' order, so the report is the same bytes for
any number of workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from checker.models import Article, Fact, Mention
from checker.rulebook import Rulebook
from checker.stories import Signature

# What the rest of a check needs of one article: its facts and story signature.
# (Its mentions stay in the worker: sending them back would double the traffic.)
Extracted = tuple[list[Fact], Signature]
Progress = Callable[[int, int], None]

# Below this much article text a pool costs more (starting workers, sending
# articles and facts between processes) than it saves.
MIN_PARALLEL_BYTES = 200_000
# Chunks per worker: enough that uneven chunks even out, few enough that each
# one is worth sending.
CHUNKS_PER_WORKER = 8


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def article_facts(
    article: Article, rulebook: Rulebook
) -> tuple[list[Mention], list[Fact], Signature]:
    """Mentions, facts and story signature of one article (the per-article, CPU-bound part)."""
    from checker.extract import analyse
    from checker.normalise import normalise
    from checker.stories import article_signature

    analysis = analyse(article, rulebook)
    return analysis.mentions, normalise(analysis, rulebook), article_signature(analysis, rulebook)


def extract_one(article: Article, rulebook: Rulebook) -> Extracted:
    """The facts and story signature of one article."""
    _mentions, facts, signature = article_facts(article, rulebook)
    return facts, signature


def extract_chunk(articles: Sequence[Article], rulebook: Rulebook) -> list[Extracted]:
    """``extract_one`` of each article of a chunk, in order."""
    return [extract_one(a, rulebook) for a in articles]


def chunks(articles: Sequence[Article], count: int) -> list[list[Article]]:
    """``articles`` cut into at most ``count`` contiguous runs of about equal text size."""
    if not articles:
        return []
    count = max(1, min(count, len(articles)))
    total = sum(len(a.text) for a in articles)
    out: list[list[Article]] = [[]]
    filled = 0
    for article in articles:
        # Start a new chunk once this one reached its share of the whole text.
        if out[-1] and filled >= total * len(out) / count and len(out) < count:
            out.append([])
        out[-1].append(article)
        filled += len(article.text)
    return out


_WORKER_RULEBOOK: list[Rulebook] = []


def _init_worker(rulebook: Rulebook) -> None:
    _WORKER_RULEBOOK[:] = [rulebook]


def _warm_up(rulebook: Rulebook) -> None:
    """Compile the rules and import quantulum3 before the pool starts.

    Workers forked after this share both with this process instead of each
    doing the work again (where processes are spawned, nothing is shared and
    this costs one import here).
    """
    from checker.extract import lexicon
    from checker.extract.quantities import quantulum_parser

    lexicon(rulebook)
    quantulum_parser()


def _work(chunk: list[Article]) -> list[Extracted]:
    return extract_chunk(chunk, _WORKER_RULEBOOK[0])


def extract_local(
    articles: Sequence[Article],
    rulebook: Rulebook,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    min_parallel_bytes: int | None = None,
    while_waiting: Callable[[], None] | None = None,
) -> list[Extracted]:
    """Extract ``articles`` in this process, or in a pool of ``jobs`` processes; order is kept.

    A batch of less than ``min_parallel_bytes`` of text (default
    ``MIN_PARALLEL_BYTES``) is always done here. With a pool, this process
    runs ``while_waiting`` (work for the later stages) while the workers extract.
    """
    total = len(articles)
    results: list[Extracted] = []
    size = sum(len(a.text) for a in articles)
    threshold = MIN_PARALLEL_BYTES if min_parallel_bytes is None else min_parallel_bytes
    if jobs > 1 and total > 1 and size >= threshold:
        # Imported here: a small batch never starts a pool, and the import
        # (multiprocessing with it) is a tenth of a small check's start-up.
        from concurrent.futures import ProcessPoolExecutor

        _warm_up(rulebook)
        parts = chunks(articles, jobs * CHUNKS_PER_WORKER)
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(rulebook,)
        ) as pool:
            pending = pool.map(_work, parts)  # every chunk is submitted here
            if while_waiting is not None:
                while_waiting()
            for done in pending:
                results.extend(done)
                if progress:
                    progress(len(results), total)
        return results
    for n, article in enumerate(articles, 1):
        results.append(extract_one(article, rulebook))
        if progress:
            progress(n, total)
    return results
