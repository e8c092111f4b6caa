"""Exit codes (the pure function) and baselines (write, read, apply)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import BaselineError, apply_baseline, read_baseline, write_baseline
from checker.exitcodes import ERROR, FAIL_ON_CHOICES, FINDINGS, OK, exit_code
from checker.models import Finding, Report


def _finding(fid: str, severity: str, *, new: bool = True, kind: str = "conflict") -> Finding:
    return Finding(
        id=fid,
        rule="C001",
        kind=kind,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        metric="killed",
        event="E1",
        summary=f"summary of {fid}",
        facts=["a#1@1", "b#1@1"],
        new=new,
    )


def test_constants() -> None:
    assert (OK, FINDINGS, ERROR) == (0, 1, 2)
    assert set(FAIL_ON_CHOICES) == {"error", "warning", "info", "never"}


@pytest.mark.parametrize(
    ("severity", "fail_on", "expected"),
    [
        ("error", "error", 1),
        ("error", "warning", 1),
        ("error", "info", 1),
        ("error", "never", 0),
        ("warning", "error", 0),
        ("warning", "warning", 1),
        ("warning", "info", 1),
        ("warning", "never", 0),
        ("info", "error", 0),
        ("info", "warning", 0),
        ("info", "info", 1),
        ("info", "never", 0),
    ],
)
def test_fail_on_levels(severity: str, fail_on: str, expected: int) -> None:
    assert exit_code([_finding("x", severity)], fail_on) == expected


@pytest.mark.parametrize("fail_on", FAIL_ON_CHOICES)
def test_no_findings_is_ok(fail_on: str) -> None:
    assert exit_code([], fail_on) == OK


def test_old_findings_are_ignored() -> None:
    old = [_finding("a", "error", new=False), _finding("b", "warning", new=False)]
    assert exit_code(old, "info") == OK
    assert exit_code([*old, _finding("c", "info")], "info") == FINDINGS
    assert exit_code([*old, _finding("c", "info")], "warning") == OK


@pytest.mark.parametrize("fail_on", FAIL_ON_CHOICES)
def test_input_errors_win(fail_on: str) -> None:
    assert exit_code([], fail_on, had_input_errors=True) == ERROR
    assert exit_code([_finding("a", "error")], fail_on, had_input_errors=True) == ERROR


def test_accepts_any_iterable() -> None:
    assert exit_code(iter([_finding("a", "error")]), "error") == FINDINGS


# --- baseline -----------------------------------------------------------------------------------


def _report(*findings: Finding) -> Report:
    return Report(findings=list(findings))


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    findings = [_finding("C001-bbb", "error"), _finding("T001-aaa", "warning", kind="tension")]
    write_baseline(_report(*findings), path)
    assert read_baseline(path) == {"C001-bbb", "T001-aaa"}

    later = [*findings, _finding("C001-ccc", "error")]
    applied = apply_baseline(later, read_baseline(path))
    assert [(f.id, f.new) for f in applied] == [
        ("C001-bbb", False),
        ("T001-aaa", False),
        ("C001-ccc", True),
    ]
    assert exit_code(applied, "error") == FINDINGS
    assert exit_code(applied[:2], "info") == OK


def test_apply_keeps_everything_else() -> None:
    finding = _finding("C001-bbb", "error")
    (applied,) = apply_baseline([finding], {"C001-bbb"})
    assert applied.new is False
    assert applied.model_dump(exclude={"new"}) == finding.model_dump(exclude={"new"})
    (again,) = apply_baseline([applied], set())
    assert again.new is True


def test_baseline_file_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    f1, f2 = _finding("C001-bbb", "error"), _finding("T001-aaa", "warning", kind="tension")
    write_baseline(_report(f1, f2), a)
    write_baseline(_report(f2, f1), b)
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert "T001-aaa" in a.read_text(encoding="utf-8")


def test_empty_baseline(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_report(), path)
    assert read_baseline(path) == set()


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        "[1, 2, 3]",
        '{"findings": 5}',
        '{"something": []}',
        "",
    ],
)
def test_malformed_baseline(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert str(path) in str(info.value)


def test_missing_baseline(tmp_path: Path) -> None:
    with pytest.raises(BaselineError):
        read_baseline(tmp_path / "nope.json")
