"""Extraction on a Dask cluster (``factcheck check --dask ADDRESS``), for batches past one machine.

The optional extra ``factcheck[dask]`` installs dask and distributed. The
articles are read here, cut into chunks of about equal text size
(``parallel.chunks``) and extracted on the cluster's workers with the same
function as a local run (``parallel.extract_chunk``), against one copy of the
rulebook sent to every worker; the results come back in the articles' order,
so stories, grouping and comparison then see exactly what a local run sees and
the report is the same bytes.

``ADDRESS`` is a scheduler (``tcp://host:8786``) or ``local``: a LocalCluster
of one single-threaded worker process per core of this machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from checker.models import Article
from checker.parallel import (
    CHUNKS_PER_WORKER,
    Extracted,
    Progress,
    chunks,
    default_jobs,
    extract_chunk,
)
from checker.rulebook import Rulebook

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
            dashboard_address=None,
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


def extract_dask(
    articles: Sequence[Article],
    rulebook: Rulebook,
    client: Any,
    *,
    progress: Progress | None = None,
) -> list[Extracted]:
    """Extract ``articles`` on the workers of ``client``; results in the articles' order."""
    if not articles:
        return []
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    parts = chunks(articles, workers * CHUNKS_PER_WORKER)
    book = client.scatter(rulebook, broadcast=True)
    futures = client.map(extract_chunk, parts, rulebook=book, pure=False)
    results: list[Extracted] = []
    for future in futures:
        results.extend(future.result())
        if progress:
            progress(len(results), len(articles))
    return results
