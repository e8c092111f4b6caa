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
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from checker.collector import sweep_young
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
    facts = normalise(analysis, rulebook)
    return analysis.mentions, facts, article_signature(analysis, rulebook, facts)


def extract_one(article: Article, rulebook: Rulebook) -> Extracted:
    """The facts and story signature of one article."""
    _mentions, facts, signature = article_facts(article, rulebook)
    return facts, signature


def received(extracted: list[Extracted]) -> list[Extracted]:
    """Results made in another process, their story terms shared with this one's
    (``stories.shared``): each chunk arrives with its own copies."""
    from checker.stories import shared

    return [(facts, shared(signature)) for facts, signature in extracted]


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
    """Compile the rules, plan the number scan and prepare quantulum3 before the pool starts.

    Workers forked after this share all three with this process instead of
    each doing the work again (where processes are spawned, nothing is
    shared and this costs the work once here). With the plan made, a worker
    scans its first articles with it too, rather than pattern by pattern as a
    process that has read little does (``number_scan.PLAN_AFTER_CHARS``).
    """
    from checker.extract import lexicon
    from checker.extract.number_scan import plan_scan
    from checker.extract.quantities import prepare_quantulum

    plan_scan(lexicon(rulebook))
    prepare_quantulum()


def _work(chunk: list[Article]) -> list[Extracted]:
    extracted = extract_chunk(chunk, _WORKER_RULEBOOK[0])
    sweep_young()
    return extracted


# A chunk sent to a worker while articles stream in: big enough to be worth
# sending, small enough that workers start early and stay evenly busy.
CHUNK_CHARS = 128_000
# Articles extracted (or received from the pool) between two sweeps for
# reference cycles while the collector is paused (see checker/collector.py).
SWEEP_EVERY = 256
# Chunks in flight per worker: enough to keep every worker busy, few enough
# that a streamed crawl is not all held in memory waiting for a worker.
IN_FLIGHT_PER_WORKER = 4


class Extraction:
    """Articles extracted as they come (``add``), in order (``finish``).

    In this process, or, once the articles given add up to
    ``min_parallel_bytes`` of text, in a pool of ``jobs`` worker processes
    that extract chunks of about ``chunk_chars`` while more articles are
    still being read. Results are in the order the articles were added,
    whatever the number of workers, so the report is the same bytes.
    """

    def __init__(
        self,
        rulebook: Rulebook,
        *,
        jobs: int = 1,
        progress: Progress | None = None,
        min_parallel_bytes: int | None = None,
        chunk_chars: int = CHUNK_CHARS,
        while_waiting: Callable[[], None] | None = None,
    ) -> None:
        """An extraction with nothing added yet (see the class for the arguments)."""
        self.rulebook = rulebook
        self.jobs = jobs
        self.progress = progress
        self.threshold = MIN_PARALLEL_BYTES if min_parallel_bytes is None else min_parallel_bytes
        self.chunk_chars = max(1, chunk_chars)
        self.while_waiting = while_waiting
        self.results: list[Extracted] = []
        self.added = 0
        self._held: list[Article] = []  # added, not yet extracted or sent
        self._held_chars = 0
        self._pool: Any = None
        self._pending: deque[Any] = deque()
        self._warm = False  # what the workers share is built (``prepare``)

    def add(self, article: Article) -> None:
        """Extract ``article`` now, or hold it for the next chunk sent to the pool."""
        self.added += 1
        if self.jobs <= 1:
            self._done([extract_one(article, self.rulebook)])
            return
        self._held.append(article)
        self._held_chars += len(article.text)
        if self._pool is None and self._held_chars >= max(self.threshold, 1):
            self._start()
        if self._pool is not None and self._held_chars >= self.chunk_chars:
            self._send()

    def prepare(self) -> None:
        """Build now what the workers will share (see ``_warm_up``), when the pool is
        to start: called while articles are read elsewhere, it costs no wall time."""
        if self.jobs > 1 and not self._warm:
            _warm_up(self.rulebook)
            self._warm = True

    def finish(self) -> list[Extracted]:
        """Every added article's facts and story signature, in the order added."""
        if self._pool is None:
            # Too little text for a pool (or one job): done here.
            for article in self._held:
                self._done([extract_one(article, self.rulebook)])
            self._held = []
            return self.results
        if self._held:
            self._send()
        try:
            if self.while_waiting is not None:
                self.while_waiting()
            while self._pending:
                self._done(received(self._pending.popleft().result()))
        finally:
            self._pool.shutdown()
            self._pool = None
        return self.results

    def _start(self) -> None:
        # Imported here: a small batch never starts a pool, and the import
        # (multiprocessing with it) is a tenth of a small check's start-up.
        from concurrent.futures import ProcessPoolExecutor

        self.prepare()
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs, initializer=_init_worker, initargs=(self.rulebook,)
        )

    def _send(self) -> None:
        chunk: list[Article] = []
        size = 0
        for article in self._held:  # the held text in runs of about ``chunk_chars``
            chunk.append(article)
            size += len(article.text)
            if size >= self.chunk_chars:
                self._pending.append(self._pool.submit(_work, chunk))
                chunk, size = [], 0
        if chunk:
            self._pending.append(self._pool.submit(_work, chunk))
        self._held, self._held_chars = [], 0
        while len(self._pending) > self.jobs * IN_FLIGHT_PER_WORKER:
            self._done(received(self._pending.popleft().result()))

    def _done(self, extracted: list[Extracted]) -> None:
        before = len(self.results)
        self.results.extend(extracted)
        if before // SWEEP_EVERY != len(self.results) // SWEEP_EVERY:
            sweep_young()
        if self.progress:
            self.progress(len(self.results), self.added)


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
    runs ``while_waiting`` (work for the later stages) while the workers
    extract ``CHUNKS_PER_WORKER`` chunks each of about equal text size.
    """
    size = sum(len(a.text) for a in articles)
    threshold = MIN_PARALLEL_BYTES if min_parallel_bytes is None else min_parallel_bytes
    parallel = jobs > 1 and len(articles) > 1 and size >= threshold
    extraction = Extraction(
        rulebook,
        jobs=jobs if parallel else 1,
        progress=progress,
        min_parallel_bytes=1 if parallel else None,
        chunk_chars=-(-size // (jobs * CHUNKS_PER_WORKER)) if parallel else CHUNK_CHARS,
        while_waiting=while_waiting,
    )
    for article in articles:
        extraction.add(article)
    return extraction.finish()
