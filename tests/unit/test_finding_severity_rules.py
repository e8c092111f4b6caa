"""Finding severities come from the rules: findings.yaml and each metric's tolerance."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from checker.compare import compare
from checker.group import group
from checker.models import Article, DateRange, Fact, Interval
from checker.paths import rules_dir
from checker.rulebook import Rulebook, load_rulebook

DAY = DateRange(start=dt.date(2024, 2, 2), end=dt.date(2024, 2, 2))


def _fact(article: str, low: int, high: int | None, likely_high: int | None) -> Fact:
    return Fact(
        id=f"{article}@0",
        article=article,
        metric="killed",
        stated="x",
        sentence="x",
        span=(0, 1),
        sentence_span=(0, 1),
        interval=Interval(low=low, high=high),
        likely=Interval(low=low, high=likely_high),
        countries=["Iraq"],
        date=DAY,
        story="S1",
        asof=DAY.start,
        scope="",
    )


def _findings(facts: list[Fact], rulebook: Rulebook) -> list[tuple[str, str]]:
    articles = {
        f.article: Article(id=f.article, source=f.article, index=1, fingerprint=f.article)
        for f in facts
    }
    events = group(facts, articles, rulebook)
    return [(f.rule, f.severity) for f in compare(events, facts, articles, rulebook)]


def _tension_pair() -> list[Fact]:
    return [_fact("a#1", 6001, None, 6999), _fact("b#1", 9000, 9000, 9000)]


def test_tension_takes_its_severity_from_findings_yaml(rulebook: Rulebook, tmp_path: Path) -> None:
    assert _findings(_tension_pair(), rulebook) == [("T001", "warning")]
    override = tmp_path / "rules"
    override.mkdir()
    text = (rules_dir() / "findings.yaml").read_text(encoding="utf-8")
    marker = "  - code: T001\n    name: tension\n    kind: tension\n    severity: warning\n"
    assert marker in text
    (override / "findings.yaml").write_text(
        text.replace(marker, marker.replace("severity: warning", "severity: info")),
        encoding="utf-8",
    )
    assert _findings(_tension_pair(), load_rulebook([override])) == [("T001", "info")]


def test_conflict_severity_follows_the_metric_tolerance(rulebook: Rulebook, tmp_path: Path) -> None:
    # One count told two ways on one day: a gap of 8 is beyond killed's
    # tolerance (1, or 5%) but close enough to be a conflict, not an update.
    pair = [_fact("a#1", 100, 100, 100), _fact("b#1", 108, 108, 108)]
    assert _findings(pair, rulebook) == [("C001", "error")]
    override = tmp_path / "rules"
    (override / "metrics").mkdir(parents=True)
    shutil.copy(rules_dir() / "metrics" / "killed.yaml", override / "metrics" / "killed.yaml")
    path = override / "metrics" / "killed.yaml"
    text = path.read_text(encoding="utf-8")
    assert "tolerance: {abs: 1," in text
    path.write_text(text.replace("tolerance: {abs: 1,", "tolerance: {abs: 8,"), encoding="utf-8")
    assert _findings(pair, load_rulebook([override])) == [("C001", "warning")]


def test_an_announced_revision_takes_its_severity_from_findings_yaml(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    earlier = _fact("a#1", 20, 20, 20)
    later = _fact("b#1", 17, 17, 17).model_copy(
        update={
            "asof": dt.date(2024, 2, 4),
            "sentence": "The ministry revised the toll to 17.",
        }
    )
    assert _findings([earlier, later], rulebook) == [("C002", "info")]
    override = tmp_path / "rules"
    override.mkdir()
    text = (rules_dir() / "findings.yaml").read_text(encoding="utf-8")
    assert "revised_severity: info" in text
    (override / "findings.yaml").write_text(
        text.replace("revised_severity: info", "revised_severity: warning"), encoding="utf-8"
    )
    assert _findings([earlier, later], load_rulebook([override])) == [("C002", "warning")]
