"""The Dask backend: on a LocalCluster of two workers the report is the same bytes as locally."""

from __future__ import annotations

import json
from pathlib import Path

import parallel_batch as batch  # tests/parallel_batch.py (tests/ is on sys.path)
import pytest

from checker.pipeline import check
from checker.rulebook import Rulebook

pytest.importorskip("distributed")

from checker.dask_backend import DaskUnavailable, dask_client, extract_dask


def test_dask_report_is_the_same_bytes(tmp_path: Path, rulebook: Rulebook, seeds_dir: Path) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl")
    paths = [str(path), str(seeds_dir)]
    local = check(paths, rulebook, jobs=1).report.model_dump_json()
    with dask_client("local", workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = check(
            paths,
            rulebook,
            extractor=lambda articles, book, progress: extract_dask(
                articles, book, client, progress=progress
            ),
        ).report.model_dump_json()
    assert '"findings":[{' in local
    assert on_dask == local


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
