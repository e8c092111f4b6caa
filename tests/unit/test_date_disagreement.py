"""D002: two sources give one figure for one place with dates a few days apart."""

from __future__ import annotations

import json
from pathlib import Path

from checker.pipeline import check
from checker.rulebook import Rulebook


def _batch(tmp_path: Path, records: list[dict[str, str]]) -> str:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _record(day: str, outlet: str, value: int = 7) -> dict[str, str]:
    return {
        "title": f"Market attack ({outlet})",
        "text": f"Gunmen killed {value} people in a market in Kabul on {day}, police said.",
        "date_publish": "2024-03-10 10:00:00",
        "source_domain": outlet,
    }


def _d002(path: str, rulebook: Rulebook) -> list[str]:
    report = check([path], rulebook).report
    return [f.summary for f in report.findings if f.rule == "D002"]


def test_friday_versus_saturday_is_flagged(tmp_path: Path, rulebook: Rulebook) -> None:
    path = _batch(tmp_path, [_record("Friday", "a.example"), _record("Saturday", "b.example")])
    (summary,) = _d002(path, rulebook)
    assert "2024-03-08" in summary and "2024-03-09" in summary


def test_same_day_is_agreement(tmp_path: Path, rulebook: Rulebook) -> None:
    path = _batch(tmp_path, [_record("Friday", "a.example"), _record("Friday", "b.example")])
    assert _d002(path, rulebook) == []


def test_dates_weeks_apart_are_different_events(tmp_path: Path, rulebook: Rulebook) -> None:
    path = _batch(tmp_path, [_record("Friday", "a.example"), _record("1 February", "b.example")])
    assert _d002(path, rulebook) == []


def test_different_figures_are_not_a_date_disagreement(tmp_path: Path, rulebook: Rulebook) -> None:
    path = _batch(
        tmp_path, [_record("Friday", "a.example", 7), _record("Saturday", "b.example", 9)]
    )
    assert _d002(path, rulebook) == []


def test_dates_from_publication_alone_are_never_compared(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    records = [_record("Friday", "a.example"), _record("Saturday", "b.example")]
    for record in records:
        record["text"] = "Gunmen killed 7 people in a market in Kabul, police said."
    records[1]["date_publish"] = "2024-03-12 10:00:00"
    assert _d002(_batch(tmp_path, records), rulebook) == []
