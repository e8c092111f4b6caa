"""The ``factcheck`` program as a process: output flushed, exit status kept, no teardown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import exit_status

# The program's entry point, run with an object that says when it is freed.
_PROGRAM = """
import sys
from checker.cli import run


class Noted:
    def __del__(self) -> None:
        sys.stdout.write("torn down\\n")


held = Noted()
sys.argv = ["factcheck", *sys.argv[1:]]
run()
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_report_on_stdout_is_whole_and_the_status_is_the_checks(seeds_dir: Path) -> None:
    done = _run("check", str(seeds_dir), "--format", "json", "--fail-on", "never")
    assert done.returncode == 0
    report = json.loads(done.stdout)  # flushed to the last byte before the exit
    assert report["facts"]
    failing = _run("check", str(seeds_dir), "--format", "json", "--fail-on", "info")
    assert failing.returncode == 1


def test_bad_input_exits_2_with_its_reason(tmp_path: Path) -> None:
    done = _run("check", str(tmp_path / "nowhere.jsonl"), "--format", "json")
    assert done.returncode == 2
    assert "nowhere.jsonl" in done.stderr


def test_the_heap_is_left_as_it_stands_at_the_exit() -> None:
    # Freeing every object of a large batch one by one took seconds.
    done = _run("rules", "list")
    assert done.returncode == 0
    assert done.stdout.strip()
    assert "torn down" not in done.stdout
    control = subprocess.run(
        [sys.executable, "-c", _PROGRAM.replace("run()", "pass")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "torn down" in control.stdout  # what a usual exit does


@pytest.mark.parametrize(
    ("code", "status", "printed"),
    [(None, 0, ""), (0, 0, ""), (2, 2, ""), ("no such file", 1, "no such file\n")],
)
def test_exit_status_is_pythons(
    code: object, status: int, printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_status(code) == status
    assert capsys.readouterr().err == printed


def test_a_profiler_still_gets_its_results(tmp_path: Path) -> None:
    # pyinstrument and cProfile write what they measured on the usual way out.
    results = tmp_path / "run.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(results), "-m", "checker", "rules", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert results.stat().st_size > 0
