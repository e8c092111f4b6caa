"""Baselines: today's accepted findings, keyed by their stable ids."""

from __future__ import annotations

import json
from pathlib import Path

from checker.models import Finding, Report

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file is missing or malformed."""


def write_baseline(report: Report, path: Path) -> None:
    """Write the ids of every finding in ``report`` to ``path`` (sorted, deterministic)."""
    data = {
        "baseline_version": BASELINE_VERSION,
        "findings": sorted({f.id: f.summary for f in report.findings}.items()),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> set[str]:
    """The finding ids accepted in the baseline at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(entry[0]) for entry in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise BaselineError(f"{path}: not a factcheck baseline ({exc})") from exc


def apply_baseline(findings: list[Finding], accepted: set[str]) -> list[Finding]:
    """Mark findings whose id is in ``accepted`` as not new."""
    return [f.model_copy(update={"new": f.id not in accepted}) for f in findings]
