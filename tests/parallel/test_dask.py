"""The Dask backend: on a LocalCluster of two workers the report is the same bytes as locally."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import parallel_batch as batch  # tests/parallel_batch.py (tests/ is on sys.path)
import pytest
import story_batch  # tests/story_batch.py

from checker.blocks import batch_stats, find_blocks
from checker.pipeline import check
from checker.rulebook import Rulebook
from checker.stories import stories

pytest.importorskip("distributed")

from checker.dask_backend import DaskRun, DaskUnavailable, dask_client, extract_dask


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, shared by this module's tests."""
    with dask_client("local", workers=2) as started:
        assert len(started.scheduler_info()["workers"]) == 2
        yield started


def test_dask_report_is_the_same_bytes(
    tmp_path: Path, rulebook: Rulebook, seeds_dir: Path, client: Any
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl")
    paths = [str(path), str(seeds_dir)]
    local = check(paths, rulebook, jobs=1).report
    run = DaskRun(client)
    on_dask = check(
        paths, rulebook, extractor=run.extract, storyteller=run.stories, judge=run.judge
    ).report
    assert run.stats is not None and run.stats.originals > 36
    assert len(local.stories) > 4, "the batch holds several stories"
    assert '"findings":[{' in local.model_dump_json()
    assert on_dask.model_dump_json() == local.model_dump_json()


def test_extraction_alone_on_dask_gives_the_same_report(
    tmp_path: Path, rulebook: Rulebook, client: Any
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl", articles=12)
    local = check([str(path)], rulebook, jobs=1).report.model_dump_json()
    on_dask = check(
        [str(path)],
        rulebook,
        extractor=lambda articles, book, progress: extract_dask(
            articles, book, client, progress=progress
        ),
    ).report.model_dump_json()
    assert on_dask == local


def test_each_run_sends_the_rules_under_a_key_of_its_own(rulebook: Rulebook, client: Any) -> None:
    # The content's hash as the key made a run that sent the same rules while
    # an earlier run's copy was being released lose them on the workers.
    first, second = DaskRun(client), DaskRun(client)
    assert first._book(rulebook).key != second._book(rulebook).key
    assert first._book(rulebook) is first._book(rulebook)  # sent once per run


@pytest.mark.parametrize(("size", "least"), [(100, 3), (400, 17)])
def test_stories_by_block_on_two_workers_are_the_local_stories(
    size: int, least: int, client: Any
) -> None:
    # 100 articles take the plain-Python path, 400 scikit-learn's; with 400
    # there are more blocks than the 16 partitions, so each holds several.
    signatures = story_batch.signatures(size)
    assert len(find_blocks(signatures, batch_stats(signatures))) >= least
    local = [s.model_dump_json() for s in stories(signatures)]
    assert [s.model_dump_json() for s in DaskRun(client).stories(signatures)] == local


def test_unreachable_scheduler_is_reported() -> None:
    with (
        pytest.raises(DaskUnavailable, match="Dask scheduler"),
        dask_client("tcp://127.0.0.1:9", timeout="1s"),
    ):
        pass


def test_cli_dask_local_prints_the_local_report(seeds_dir: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    runner = CliRunner()
    local = runner.invoke(main, ["check", str(seeds_dir), "--format", "json", "--jobs", "1"])
    on_dask = runner.invoke(main, ["check", str(seeds_dir), "--format", "json", "--dask", "local"])
    assert on_dask.exit_code == local.exit_code
    assert json.loads(local.output)["findings"]
    assert on_dask.output == local.output
