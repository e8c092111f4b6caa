"""Golden test: the JSON report of ``factcheck check seeds`` against tests/golden/seeds.json.

It pins every article, fact, event and finding the pipeline produces for the
five seed files. After an *intended* change to extraction, grouping, comparison
or the rules, refresh the gold file and review the diff before committing::

    FACTCHECK_REFRESH_GOLDEN=1 .venv/bin/pytest -q tests/golden   # or: make golden

The run uses the relative path ``seeds`` from the project root, so the article
ids in the gold file do not depend on where the checkout lives.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from checker.pipeline import check
from checker.report.json_report import JsonReporter
from checker.rulebook import Rulebook

GOLDEN = Path(__file__).with_name("seeds.json")
ROOT = Path(__file__).resolve().parents[2]


def _seeds_json(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    return JsonReporter().render(check(["seeds"], rulebook).report)


def test_seeds_report_matches_golden(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    produced = _seeds_json(rulebook, monkeypatch)
    if os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1":
        GOLDEN.write_text(produced, encoding="utf-8")
        return
    expected = GOLDEN.read_text(encoding="utf-8")
    if produced != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                produced.splitlines(keepends=True),
                "tests/golden/seeds.json",
                "produced",
                n=2,
            )
        )
        pytest.fail("seeds report differs from the golden file (make golden):\n" + diff[:6000])


def test_seeds_report_holds_the_key_findings(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Independent of the golden file: the findings a reader of the seeds must see."""
    data = json.loads(_seeds_json(rulebook, monkeypatch))
    facts = {f["id"]: f for f in data["facts"]}

    def files(finding: dict[str, object]) -> set[str]:
        ids = finding["facts"]
        assert isinstance(ids, list)
        return {facts[i]["article"].split("/")[-1].split("_")[0] for i in ids}

    def values(finding: dict[str, object]) -> set[object]:
        ids = finding["facts"]
        assert isinstance(ids, list)
        return {facts[i]["interval"]["low"] for i in ids}

    kinds = {
        (f["kind"], f["metric"], frozenset(files(f)), frozenset(values(f)))
        for f in data["findings"]
    }
    # 17 militiamen buried in one Iraqi city against 16 killed in Iraq in all:
    # a part larger than its whole, a low-severity conflict for review.
    assert ("conflict", "killed", frozenset({"002", "004"}), frozenset({16, 17})) in kinds
    # 16 in Iraq beside 23 in Syria: one operation in two places, side by side.
    assert any(
        k[0] == "scope" and k[1] == "killed" and {16, 23} <= set(k[3]) and "004" in k[2]
        for k in kinds
    )
    assert any(k[0] == "date" and k[2] == frozenset({"003"}) for k in kinds)
    # The 2024 toll of the war is background, never set against a 2023 figure.
    assert not any({6001, 43001} <= set(k[3]) for k in kinds)
    assert not any(
        f["kind"] in ("conflict", "tension") and f["severity"] == "error" for f in data["findings"]
    )
    duplicates = [a for a in data["articles"] if a["duplicate_of"]]
    assert [(a["id"], a["duplicate_of"]) for a in duplicates] == [
        ("seeds/001_ca2bc868b3b9745d.txt#1", "seeds/000_1c14c3b61636dbfb.txt#1")
    ]
