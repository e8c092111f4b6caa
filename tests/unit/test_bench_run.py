"""The benchmark's measuring (benchmarks/run.py): facts counted, memory of every process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import bench_module  # tests/bench_module.py (tests/ is on sys.path)
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return bench_module.load("run")


def test_facts_are_counted_line_by_line_as_the_report_writes_them(
    bench: ModuleType, tmp_path: Path
) -> None:
    from checker.pipeline import check
    from checker.report.json_report import JsonReporter
    from checker.rulebook import load_rulebook

    report = check([str(ROOT / "seeds")], load_rulebook()).report
    out = tmp_path / "r.json"
    with out.open("wb") as stream:
        JsonReporter().write_bytes(report, stream)
    assert report.facts
    assert bench.count_facts(out) == len(report.facts)


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="no /proc")
def test_the_process_tree_and_its_memory_are_read_from_proc(bench: ModuleType) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in bench._tree(os.getpid())
        assert bench._pss_kb(os.getpid()) > 0
    finally:
        child.kill()
        child.wait()
    assert bench._pss_kb(child.pid) == 0  # gone: nothing, no error


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="no /proc")
def test_a_run_reports_its_time_and_the_memory_of_all_its_processes(bench: ModuleType) -> None:
    run = bench.run_cli(["check", str(ROOT / "seeds"), "--fail-on", "never", "-o", os.devnull])
    assert run.code == 0
    assert run.wall > 0 and run.cpu > 0 and run.rss > 10
    assert run.together is not None and run.together > 10


def test_every_format_is_timed_from_a_written_report(bench: ModuleType, tmp_path: Path) -> None:
    from checker.pipeline import check
    from checker.report import FORMATS
    from checker.report.json_report import JsonReporter
    from checker.rulebook import load_rulebook

    report = check([str(ROOT / "seeds")], load_rulebook()).report
    out = tmp_path / "r.json"
    with out.open("wb") as stream:
        JsonReporter().write_bytes(report, stream)
    timed = bench.format_times(out)
    assert [part.split()[0] for part in timed.removesuffix(" s").split(", ")] == list(FORMATS)
