"""A check on a Dask cluster (``factcheck check --dask ADDRESS``), for batches past one machine.

The optional extra ``factcheck[dask]`` installs dask and distributed. The
articles are read here, cut into chunks of about equal text size
(``parallel.chunks``) and extracted on the cluster's workers with the same
function as a local run (``parallel.extract_chunk``), against one copy of the
rulebook sent to every worker; the results come back in the articles' order.
Each worker also counts the terms of its chunk's story signatures; the counts
are folded here into the batch's (``blocks.fold_stats``), the batch is cut
into blocks of articles that could share a story (``blocks.find_blocks``), and
the blocks, packed into partitions, are clustered into stories on the workers
with the same function as a local run (``stories.stories``) and the batch's
counts. Then the stories, in runs of whole stories with their facts and
articles, get their claims, events and findings on the workers
(``judge.judge_part``), with the towns of every story folded here first
(the one thing a story's claims read from other stories). Stories, facts,
events and findings are merged in the order a local run lists them, so the
report is the same bytes.

``ADDRESS`` is a scheduler (``tcp://host:8786``) or ``local``: a LocalCluster
of one single-threaded worker process per core of this machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from checker.blocks import (
    batch_stats,
    find_blocks,
    fold_stats,
    merge_stories,
    pack,
    part_stats,
    partition_stories,
)
from checker.judge import (
    Judged,
    fold_towns,
    judge_part,
    judge_stories,
    merge,
    part_towns,
    split,
)
from checker.models import Article, Fact, Story
from checker.parallel import (
    CHUNKS_PER_WORKER,
    Extracted,
    Progress,
    chunks,
    default_jobs,
    extract_chunk,
    received,
)
from checker.rulebook import Rulebook
from checker.stories import BatchStats, Signature, StoryParams

LOCAL = "local"


class DaskUnavailable(RuntimeError):
    """dask or distributed is not installed, or the scheduler cannot be reached."""


@contextmanager
def dask_client(address: str, *, workers: int | None = None, timeout: str = "20s") -> Iterator[Any]:
    """A distributed Client for ``address`` (``local`` starts a LocalCluster), closed on exit.

    ``workers`` is the LocalCluster's size (default: one per core); ``timeout``
    bounds the wait for a remote scheduler.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable(
            "--dask needs the optional extra: pip install 'factcheck[dask]'"
        ) from exc
    if address == LOCAL:
        cluster = LocalCluster(
            n_workers=workers or default_jobs(),
            threads_per_worker=1,
            processes=True,
            # The scheduler's HTTP endpoints on a free local port and no
            # dashboard: a fixed port (8787) may be taken by another cluster,
            # and the warning would land in the report's output.
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=timeout)
    except OSError as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()


def _workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _chunk_stats(extracted: list[Extracted]) -> BatchStats:
    """The term counts of one extracted chunk's signatures (run on a worker)."""
    return batch_stats(s for _facts, s in extracted)


class DaskRun:
    """One check's stages on the cluster of ``client``: extraction, stories by block, judging.

    ``extract``, ``stories`` and ``judge`` have the shapes ``pipeline.check``
    takes for its ``extractor``, ``storyteller`` and ``judge``.
    """

    def __init__(self, client: Any, params: StoryParams | None = None) -> None:
        self.client = client
        self.params = params
        # The batch's term counts, folded from the workers' while extracting.
        self.stats: BatchStats | None = None
        self._books: dict[int, Any] = {}

    def _book(self, rulebook: Rulebook) -> Any:
        """The rulebook on every worker, sent once per run."""
        if id(rulebook) not in self._books:
            # A key of its own (not the rulebook's content hash): a run that
            # scatters the same rules just as an earlier run's copy is being
            # released would otherwise lose it on the workers mid-run.
            self._books[id(rulebook)] = self.client.scatter(rulebook, broadcast=True, hash=False)
        return self._books[id(rulebook)]

    def extract(
        self, articles: Sequence[Article], rulebook: Rulebook, progress: Progress | None = None
    ) -> list[Extracted]:
        """Extract ``articles`` on the workers; results in the articles' order."""
        if not articles:
            self.stats = BatchStats(originals=0, df={})
            return []
        parts = chunks(articles, _workers(self.client) * CHUNKS_PER_WORKER)
        futures = self.client.map(extract_chunk, parts, rulebook=self._book(rulebook), pure=False)
        counted = self.client.map(_chunk_stats, futures, pure=False)
        results: list[Extracted] = []
        for future in futures:
            results.extend(received(future.result()))
            if progress:
                progress(len(results), len(articles))
        self.stats = fold_stats(c.result() for c in counted)
        return results

    def stories(self, signatures: Sequence[Signature]) -> list[Story]:
        """Stories of ``signatures`` (the whole batch), clustered block by block on the workers."""
        stats = self.stats
        originals = sum(1 for s in signatures if not s.duplicate_of)
        if stats is None or stats.originals != originals:
            # Not the articles extracted here (a caller's own signatures).
            stats = batch_stats(signatures)
        partitions = pack(
            find_blocks(signatures, stats, self.params),
            _workers(self.client) * CHUNKS_PER_WORKER,
        )
        members = [[signatures[i] for i in p] for p in partitions]
        futures = self.client.map(
            partition_stories,
            members,
            [part_stats(m, stats) for m in members],
            params=self.params,
            pure=False,
        )
        return merge_stories(f.result() for f in futures)

    def judge(
        self,
        facts: list[Fact],
        stories: list[Story],
        articles: dict[str, Article],
        rulebook: Rulebook,
        weekdays: dict[str, tuple[int, ...]],
    ) -> Judged:
        """Claims, grouping and comparison of the batch's stories, runs of stories per worker task.

        Two rounds: each part's towns, folded here in the stories' order into
        the batch's, then each part judged with them (its facts, stories and
        articles sent once and kept on the workers between the rounds).
        """
        count = _workers(self.client) * CHUNKS_PER_WORKER
        parts = split(facts, stories, articles, weekdays, count)
        if not parts:
            return judge_stories(facts, stories, articles, rulebook, weekdays)
        book = self._book(rulebook)
        sent = self.client.scatter(parts, hash=False)
        towns = self.client.map(part_towns, sent, rulebook=book, pure=False)
        # A few names: sent with each task (a dict given to scatter would be
        # taken for named data).
        extra = fold_towns(t.result() for t in towns)
        judged = self.client.map(judge_part, sent, towns, extra=extra, rulebook=book, pure=False)
        return merge(parts, [j.result() for j in judged], len(facts))


def extract_dask(
    articles: Sequence[Article],
    rulebook: Rulebook,
    client: Any,
    *,
    progress: Progress | None = None,
) -> list[Extracted]:
    """Extract ``articles`` on the workers of ``client``; results in the articles' order."""
    return DaskRun(client).extract(articles, rulebook, progress)
