"""Same inputs, same bytes: across reruns, hash seeds, ``--jobs`` and input order.

The batch is the project's seed articles plus the hostile batch, copied into
``tmp_path`` so that every run names them by the same relative paths.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import hostile_batch as hb  # tests/hostile_batch.py (tests/ is on sys.path)
import pytest

from checker.pipeline import check
from checker.report import get_reporter
from checker.rulebook import Rulebook

ROOT = Path(__file__).resolve().parents[2]

# Runs the pipeline once and writes the JSON and HTML reports.
SCRIPT = """
import sys
from pathlib import Path
from checker.pipeline import check
from checker.report import get_reporter
from checker.rulebook import load_rulebook
report = check(["batch"], load_rulebook(), jobs=int(sys.argv[1])).report
Path(sys.argv[2] + ".json").write_text(get_reporter("json").render(report), encoding="utf-8")
Path(sys.argv[2] + ".html").write_text(get_reporter("html").render(report), encoding="utf-8")
"""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism")
    shutil.copytree(ROOT / "seeds", root / "batch" / "seeds")
    (root / "batch" / "hostile").mkdir()
    hb.write_batch(root / "batch" / "hostile")
    return root


def _run(workdir: Path, jobs: int, hash_seed: str, name: str) -> tuple[bytes, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-c", SCRIPT, str(jobs), name],
        cwd=workdir,
        env=env,
        check=True,
        timeout=300,
    )
    return (workdir / f"{name}.json").read_bytes(), (workdir / f"{name}.html").read_bytes()


def test_reruns_hash_seeds_and_jobs_give_the_same_bytes(workdir: Path) -> None:
    first = _run(workdir, 1, "1", "a")
    again = _run(workdir, 1, "2", "b")
    pooled = _run(workdir, 2, "3", "c")
    report = json.loads(first[0])
    assert report["findings"] and len(report["articles"]) > 5
    assert first == again
    assert first == pooled


def test_directory_listing_order_does_not_matter(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    outputs = []
    for label, order in (("forward", names), ("backward", names[::-1])):
        batch = tmp_path / label / "batch"
        batch.mkdir(parents=True)
        for name in order:  # created in a different order each time
            shutil.copy(ROOT / "seeds" / name, batch / name)
        monkeypatch.chdir(tmp_path / label)
        report = check(["batch"], rulebook).report
        outputs.append((get_reporter("json").render(report), get_reporter("html").render(report)))
    assert outputs[0] == outputs[1]


def _as_sets(report_json: str) -> dict[str, list[str]]:
    data = json.loads(report_json)
    return {
        key: sorted(json.dumps(item, sort_keys=True) for item in data[key])
        for key in ("articles", "facts", "stories", "events", "findings")
    }


def test_command_line_order_changes_only_the_listing_order(
    workdir: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workdir)
    files = sorted(str(p.relative_to(workdir)) for p in (workdir / "batch").rglob("*.*"))
    forward = check(files, rulebook).report
    backward = check(files[::-1], rulebook).report
    assert [r.path for r in backward.inputs] == [r.path for r in forward.inputs][::-1]
    # which copy is the original, the facts, stories and findings do not change
    assert any(a.duplicate_of for a in forward.articles)
    assert _as_sets(get_reporter("json").render(forward)) == _as_sets(
        get_reporter("json").render(backward)
    )
