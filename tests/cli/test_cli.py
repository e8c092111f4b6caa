"""The factcheck command line, run on the seed articles (click's CliRunner and a subprocess)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from checker.cli import main
from checker.paths import rules_dir

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_004 = next(SEEDS.glob("004_*.txt"))
RANK = {"info": 0, "warning": 1, "error": 2}


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _json(result: Result) -> dict[str, Any]:
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def seeds_report() -> dict[str, Any]:
    result = _run("check", SEEDS, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return _json(result)


# --- check --format json -------------------------------------------------------------------


def test_json_report_shape(seeds_report: dict[str, Any]) -> None:
    data = seeds_report
    assert data["schema_version"]
    for key in ("inputs", "articles", "facts", "events", "findings"):
        assert isinstance(data[key], list), key
    assert len(data["inputs"]) == len(list(SEEDS.glob("*.txt")))
    for record in data["inputs"]:
        assert set(record) >= {"path", "status", "reason", "articles"}
        assert record["status"] == "ok"
    assert sum(r["articles"] for r in data["inputs"]) == len(data["articles"])
    article_fields = {
        "id",
        "source",
        "index",
        "title",
        "url",
        "outlet",
        "published",
        "published_from",
        "duplicate_of",
    }
    article_ids = set()
    for article in data["articles"]:
        assert set(article) >= article_fields
        assert article["published_from"] in (None, "metadata", "dateline", "inferred")
        assert article["id"].startswith(article["source"] + "#")
        article_ids.add(article["id"])
    fact_fields = {
        "id",
        "article",
        "metric",
        "stated",
        "sentence",
        "span",
        "interval",
        "likely",
        "unit",
        "victims",
        "places",
        "date",
        "cumulative",
        "attribution",
    }
    assert data["facts"], "the seeds give facts"
    fact_ids = set()
    for fact in data["facts"]:
        assert set(fact) >= fact_fields
        assert fact["article"] in article_ids
        assert set(fact["interval"]) >= {"low", "high"}
        assert set(fact["likely"]) >= {"low", "high"}
        assert set(fact["date"]) >= {"start", "end"}
        assert len(fact["span"]) == 2 and fact["span"][0] <= fact["span"][1]
        assert fact["stated"] in fact["sentence"]
        fact_ids.add(fact["id"])
    for event in data["events"]:
        assert set(event) >= {"id", "metric", "key", "facts"}
        assert set(event["facts"]) <= fact_ids
    event_ids = {e["id"] for e in data["events"]}
    for finding in data["findings"]:
        assert set(finding) >= {"id", "kind", "severity", "metric", "event", "summary", "facts"}
        assert finding["kind"] in ("conflict", "tension", "update", "scope", "date")
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["event"] is None or finding["event"] in event_ids
        assert set(finding["facts"]) <= fact_ids


def test_fact_spans_point_at_the_article_text(seeds_report: dict[str, Any]) -> None:
    """Span and sentence_span are article offsets: the sentence holds the stated words there."""
    for fact in seeds_report["facts"]:
        start, end = fact["span"]
        s_start, s_end = fact["sentence_span"]
        assert s_start <= start <= end <= s_end
        assert s_end - s_start == len(fact["sentence"])
        assert fact["sentence"][start - s_start : end - s_start] == fact["stated"]


def test_jobs_give_the_same_report(seeds_report: dict[str, Any]) -> None:
    result = _run("check", SEEDS, "--format", "json", "--fail-on", "never", "--jobs", "2")
    assert result.exit_code == 0
    assert _json(result) == seeds_report


def test_exit_codes_follow_fail_on(seeds_report: dict[str, Any]) -> None:
    severities = {f["severity"] for f in seeds_report["findings"]}
    assert "warning" in severities, "the seeds have warning findings"
    top = max(RANK[s] for s in severities)
    assert _run("check", SEEDS, "--format", "json", "--fail-on", "never").exit_code == 0
    assert _run("check", SEEDS, "--format", "json", "--fail-on", "warning").exit_code == 1
    assert _run("check", SEEDS, "--format", "json", "--fail-on", "info").exit_code == 1
    expected_error = 1 if top >= RANK["error"] else 0
    assert _run("check", SEEDS, "--format", "json", "--fail-on", "error").exit_code == (
        expected_error
    )


def test_default_text_output(seeds_report: dict[str, Any]) -> None:
    result = _run("check", SEEDS, "--fail-on", "never")
    assert result.exit_code == 0
    assert result.stdout.strip()
    assert seeds_report["findings"][0]["summary"].split(":")[0] in result.stdout


def test_missing_path_is_reported_and_others_processed(
    tmp_path: Path, seeds_report: dict[str, Any]
) -> None:
    missing = tmp_path / "nope.txt"
    result = _run("check", SEEDS, missing, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr
    data = _json(result)
    assert len(data["articles"]) == len(seeds_report["articles"])
    skipped = [r for r in data["inputs"] if r["status"] == "skipped"]
    assert len(skipped) == 1
    assert skipped[0]["path"].endswith("nope.txt")
    assert skipped[0]["reason"]


def test_finding_ids_do_not_depend_on_paths(tmp_path: Path, seeds_report: dict[str, Any]) -> None:
    moved = tmp_path / "batch" / "renamed"
    moved.mkdir(parents=True)
    for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        (moved / f"copy_{n}.txt").write_bytes(path.read_bytes())
    data = _json(_run("check", moved, "--format", "json", "--fail-on", "never"))
    assert data["findings"]
    assert sorted(f["id"] for f in data["findings"]) == sorted(
        f["id"] for f in seeds_report["findings"]
    )


def test_html_output_file(tmp_path: Path, seeds_report: dict[str, Any]) -> None:
    out = tmp_path / "report.html"
    result = _run("check", SEEDS, "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert "</html>" in html.lower()
    for finding in seeds_report["findings"]:
        assert finding["id"] in html or finding["summary"][:20] in html


def test_the_summary_beside_a_written_report_is_bounded(
    tmp_path: Path, seeds_report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A day's crawl has thousands of findings: the terminal gets the most
    # severe and a count of the rest; the file has them all.
    from checker import cli

    monkeypatch.setattr(cli, "SUMMARY_FINDINGS", 1)
    out = tmp_path / "report.html"
    result = _run("check", SEEDS, "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    first, *rest = seeds_report["findings"]
    assert first["id"] in result.output
    assert all(f["id"] not in result.output for f in rest)
    assert f"... and {len(rest)} more findings" in result.output
    assert result.output.rstrip().endswith(f"report written to {out}")
    assert all(f["id"] in out.read_text(encoding="utf-8") for f in seeds_report["findings"])


def test_json_output_file(tmp_path: Path, seeds_report: dict[str, Any]) -> None:
    out = tmp_path / "report.json"
    result = _run("check", SEEDS, "-o", out, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == seeds_report


def test_junit(seeds_report: dict[str, Any]) -> None:
    result = _run("check", SEEDS, "--format", "junit", "--fail-on", "never")
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    assert root.tag in ("testsuites", "testsuite")
    text = result.stdout
    assert all(f["id"] in text for f in seeds_report["findings"])


def test_github(seeds_report: dict[str, Any]) -> None:
    result = _run("check", SEEDS, "--format", "github", "--fail-on", "never")
    assert result.exit_code == 0
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert len(lines) >= len(seeds_report["findings"])
    levels = {ln[2:].split(" ", 1)[0] for ln in lines}
    assert levels <= {"error", "warning", "notice", "group", "endgroup", "debug"}
    assert "warning" in levels


def test_sarif(seeds_report: dict[str, Any]) -> None:
    result = _run("check", SEEDS, "--format", "sarif", "--fail-on", "never")
    assert result.exit_code == 0
    data = _json(result)
    assert data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    assert len(results) == len(seeds_report["findings"])
    assert {r["ruleId"] for r in results} == {f["rule"] for f in seeds_report["findings"]}


def test_select_and_ignore(seeds_report: dict[str, Any]) -> None:
    rules = sorted({f["rule"] for f in seeds_report["findings"]})
    assert len(rules) >= 2
    chosen = rules[0]
    selected = _json(
        _run("check", SEEDS, "--format", "json", "--fail-on", "never", "--select", chosen)
    )
    assert selected["findings"]
    assert {f["rule"] for f in selected["findings"]} == {chosen}
    ignored = _json(
        _run("check", SEEDS, "--format", "json", "--fail-on", "never", "--ignore", chosen)
    )
    assert chosen not in {f["rule"] for f in ignored["findings"]}
    assert len(ignored["findings"]) == len(seeds_report["findings"]) - len(selected["findings"])
    both = _json(
        _run("check", SEEDS, "--format", "json", "--fail-on", "never", "--select", ",".join(rules))
    )
    assert len(both["findings"]) == len(seeds_report["findings"])


def test_ignore_changes_the_exit_code(seeds_report: dict[str, Any]) -> None:
    warning_rules = {f["rule"] for f in seeds_report["findings"] if RANK[f["severity"]] >= 1}
    result = _run("check", SEEDS, "--fail-on", "warning", "--ignore", ",".join(warning_rules))
    assert result.exit_code == 0


def test_baseline_round_trip(tmp_path: Path, seeds_report: dict[str, Any]) -> None:
    baseline = tmp_path / "baseline.json"
    made = _run("baseline", SEEDS, "-o", baseline)
    assert made.exit_code == 0, made.output
    assert baseline.is_file()
    assert _run("check", SEEDS, "--fail-on", "info").exit_code == 1
    result = _run("check", SEEDS, "--format", "json", "--fail-on", "info", "--baseline", baseline)
    assert result.exit_code == 0, result.output
    data = _json(result)
    assert len(data["findings"]) == len(seeds_report["findings"])
    assert all(f["new"] is False for f in data["findings"])


@pytest.mark.parametrize("given", [None, 3])
def test_baseline_runs_the_check_on_every_core_as_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: int | None
) -> None:
    from checker import parallel, pipeline

    used: list[int] = []
    check = pipeline.check

    def spy(*args: Any, **kwargs: Any) -> pipeline.CheckResult:
        used.append(kwargs["jobs"])
        return check(*args, **kwargs)

    monkeypatch.setattr(pipeline, "check", spy)
    jobs = [] if given is None else ["--jobs", str(given)]
    made = _run("baseline", SEEDS, "-o", tmp_path / "b.json", *jobs)
    assert made.exit_code == 0, made.output
    assert used == [given or parallel.default_jobs()]


def test_malformed_baseline_exits_2(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    result = _run("check", SEEDS, "--baseline", baseline)
    assert result.exit_code == 2
    assert "baseline.json" in result.stderr


# --- extract, rules, schema --------------------------------------------------------------------


def test_extract_jsonl() -> None:
    result = _run("extract", SEED_004, "--format", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines
    objects = [json.loads(line) for line in lines]
    types = {o["type"] for o in objects}
    assert types == {"mention", "fact"}
    kinds = {
        "count",
        "money",
        "percent",
        "quantity",
        "date",
        "year",
        "time",
        "ordinal",
        "age",
        "other",
    }
    for o in objects:
        assert o["article"].startswith(str(SEED_004))
        if o["type"] == "mention":
            assert o["kind"] in kinds
            assert {"text", "span", "value", "interval", "unit", "date"} <= set(o)
        else:
            assert {"metric", "stated", "sentence", "span", "interval", "likely"} <= set(o)
    assert any(o["type"] == "fact" and o["metric"] == "killed" for o in objects)


def test_rules_list() -> None:
    result = _run("rules", "list")
    assert result.exit_code == 0
    assert "M101" in result.stdout
    assert "C001" in result.stdout
    assert "killed" in result.stdout


def test_rules_explain() -> None:
    result = _run("rules", "explain", "M101")
    assert result.exit_code == 0
    assert "killed" in result.stdout
    finding = _run("rules", "explain", "C001")
    assert finding.exit_code == 0
    assert "conflict" in finding.stdout


def test_rules_explain_unknown() -> None:
    result = _run("rules", "explain", "NOPE")
    assert result.exit_code == 2
    assert "NOPE" in result.stderr


def test_schema() -> None:
    result = _run("schema")
    assert result.exit_code == 0
    schema = _json(result)
    props = schema["properties"]
    for key in ("schema_version", "inputs", "articles", "facts", "events", "findings"):
        assert key in props
    assert "Fact" in json.dumps(schema)


def test_bad_rules_dir(tmp_path: Path) -> None:
    data = yaml.safe_load((rules_dir() / "metrics" / "killed.yaml").read_text(encoding="utf-8"))
    data["window"] = "wide"
    bad = tmp_path / "rules" / "metrics" / "killed.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = _run("check", SEEDS, "--rules", tmp_path / "rules")
    assert result.exit_code == 2
    assert "killed.yaml" in result.stderr
    assert "window" in result.stderr
    listed = _run("rules", "list", "--rules", tmp_path / "rules")
    assert listed.exit_code == 2


def test_extra_rules_dir_is_used(tmp_path: Path) -> None:
    data = yaml.safe_load((rules_dir() / "metrics" / "killed.yaml").read_text(encoding="utf-8"))
    data["description"] = "Overridden for the test."
    path = tmp_path / "rules" / "metrics" / "killed.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = _run("rules", "explain", "M101", "--rules", tmp_path / "rules")
    assert result.exit_code == 0
    assert "Overridden for the test." in result.stdout


# --- determinism (separate processes, different hash seeds) --------------------------------------


def test_json_output_is_deterministic() -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "check",
                "seeds/",
                "--format",
                "json",
                "--fail-on",
                "never",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode()
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["articles"]


def test_every_option_of_every_command_says_what_it_does() -> None:
    import click

    def commands(group: click.Command, path: str) -> list[tuple[str, click.Command]]:
        found = [(path, group)]
        if isinstance(group, click.Group):
            for name, sub in sorted(group.commands.items()):
                found += commands(sub, f"{path} {name}")
        return found

    silent = [
        f"{path} {param.opts[0]}"
        for path, command in commands(main, "factcheck")
        for param in command.params
        if isinstance(param, click.Option) and not param.help
    ]
    assert silent == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_is_updated_a_few_times_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One update per article was a million writes to the terminal for a day's crawl.
    from checker import cli

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 3600.0)
    show = cli._progress()
    assert show is not None
    for done in range(1, 10_001):
        show(done, 10_000)
    written = terminal.getvalue()
    assert written == "\rextracting 1/10000 articles\rextracting 10000/10000 articles\n"
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal: no progress
    assert cli._progress() is None
