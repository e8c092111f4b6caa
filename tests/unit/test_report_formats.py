"""Every output format renders the small hand-built report of tests/golden/report_fixture.py."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import report_fixture  # tests/report_fixture.py (tests/ is on sys.path)

from checker.models import SCHEMA_VERSION, InputRecord, Report
from checker.report import FORMATS, REPORTERS, UnknownFormatError, get_reporter, render
from checker.report.github import escape_data, escape_property
from checker.report.html import highlight, number_line
from checker.report.sarif import source_uri
from checker.report.text import TextReporter

fx = report_fixture


@pytest.fixture()
def report() -> Report:
    return fx.build_report()


# --- registry --------------------------------------------------------------------


def test_registry_knows_every_format() -> None:
    assert set(FORMATS) == {"text", "json", "html", "junit", "github", "sarif"}
    for name, cls in REPORTERS.items():
        reporter = get_reporter(name)
        assert isinstance(reporter, cls)
        assert reporter.name == name


def test_unknown_format_raises_clear_error() -> None:
    with pytest.raises(UnknownFormatError) as info:
        get_reporter("xml")
    message = str(info.value)
    assert "'xml'" in message and "json" in message and "sarif" in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, KeyError)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_is_deterministic_and_ends_with_newline(name: str, report: Report) -> None:
    first = render(report, name)
    again = render(fx.build_report(), name)
    assert first == again
    assert first.endswith("\n")
    assert first.strip()


# --- json ------------------------------------------------------------------------


def test_json_round_trips(report: Report) -> None:
    out = get_reporter("json").render(report)
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert [i["status"] for i in data["inputs"]] == ["ok", "ok", "skipped"]
    assert "text" not in data["articles"][0]
    back = Report.model_validate_json(out)
    assert back.findings == report.findings
    assert back.facts == report.facts
    assert back.inputs == report.inputs
    assert len(back.articles) == 3


# --- text ------------------------------------------------------------------------


def test_text_summary(report: Report) -> None:
    out = get_reporter("text").render(report)
    assert "Inputs: 3 (2 read, 1 skipped)" in out
    assert "seeds/broken.pdf" in out and fx.SKIP_REASON in out
    assert "Articles: 3" in out and "Facts: 7" in out and "Events: 4 (1 corroborated)" in out
    assert "Findings: 4 (1 error, 1 warning, 2 info)" in out
    # grouped by severity, most severe first
    assert out.index("ERROR (1)") < out.index("WARNING (1)") < out.index("INFO (2)")
    for finding in report.findings:
        assert finding.summary in out
        assert finding.id in out
    # per fact: article id, stated words, interval label
    assert 'seeds/raid_reuters.txt#1  "16"  16' in out
    assert 'seeds/raid_ap.jsonl#1  "Seventeen"  17' in out
    assert '"more than 160"  161+  (cumulative)' in out
    assert '"Friday, Feb. 2"  2024-02-02' in out
    assert "Corroborated events (1)" in out and "attacks|iraq+syria|2023-10" in out
    assert "\x1b[" not in out


def test_text_colour_is_opt_in_and_control_chars_are_escaped(report: Report) -> None:
    coloured = TextReporter(color=True).render(report)
    assert "\x1b[1;31mERROR (1)\x1b[0m" in coloured
    evil = report.model_copy(
        update={"inputs": [InputRecord(path="a\x1b[2J.txt", status="skipped", reason="bad\nline")]}
    )
    out = TextReporter().render(evil)
    assert "\x1b" not in out
    assert "a\\x1b[2J.txt" in out and "bad line" in out


def test_text_without_findings() -> None:
    out = TextReporter().render(Report())
    assert "No findings." in out and "Inputs: 0" in out


# --- junit -----------------------------------------------------------------------


def test_junit_structure(report: Report) -> None:
    out = get_reporter("junit").render(report)
    assert out.startswith("<?xml")
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert suite.tag == "testsuite" and suite.get("name") == "factcheck"
    cases = suite.findall("testcase")
    names = [c.get("name") for c in cases]
    for event in report.events:
        assert event.key in names
    failures = suite.findall("testcase/failure")
    # conflict (error) and date (warning) fail; update and scope (info) do not
    assert len(failures) == 2
    assert suite.get("failures") == "2"
    assert sorted(f.get("type") or "" for f in failures) == ["conflict", "date"]
    assert suite.get("tests") == str(len(cases))
    conflict = next(c for c in cases if c.get("name") == "killed|iraq|2024-02")
    failure = conflict.find("failure")
    assert failure is not None and "16 vs 17" in (failure.get("message") or "")
    assert '"Seventeen" -> 17' in (failure.text or "")
    skipped = suite.findall("testcase/skipped")
    assert len(skipped) == 1 and skipped[0].get("message") == fx.SKIP_REASON
    assert suite.get("skipped") == "1"


def test_junit_known_findings_do_not_fail(report: Report) -> None:
    known = report.model_copy(
        update={"findings": [f.model_copy(update={"new": False}) for f in report.findings]}
    )
    suite = ET.fromstring(get_reporter("junit").render(known).split("\n", 1)[1])
    assert suite.findall("testcase/failure") == []
    assert suite.get("failures") == "0"
    outs = " ".join(e.text or "" for e in suite.iter("system-out"))
    assert "known" in outs and "16 vs 17" in outs


def test_junit_strips_characters_xml_cannot_hold(report: Report) -> None:
    finding = report.findings[0].model_copy(update={"summary": "bad \x00\x1b byte"})
    evil = report.model_copy(update={"findings": [finding]})
    ET.fromstring(get_reporter("junit").render(evil).split("\n", 1)[1])  # parses


# --- github ----------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_lines(report: Report) -> None:
    out = get_reporter("github").render(report)
    lines = out.splitlines()
    finding_lines = [line for line in lines if "factcheck skipped input" not in line]
    assert len(finding_lines) == len(report.findings)
    assert lines[0].startswith("::error title=factcheck conflict C001 (killed),file=")
    assert "file=seeds/raid_reuters.txt::" in lines[0]
    assert lines[1].startswith("::warning ")
    assert all(line.startswith("::notice ") for line in finding_lines[2:])
    # messages are one line: newlines inside are escaped
    assert '%0A- seeds/raid_ap.jsonl#1: "Seventeen" -> 17' in lines[0]
    skipped = [line for line in lines if "factcheck skipped input" in line]
    assert len(skipped) == 1 and fx.SKIP_REASON in skipped[0]
    assert "file=seeds/broken.pdf" in skipped[0]


def test_github_escapes_hostile_summary(report: Report) -> None:
    finding = report.findings[0].model_copy(
        update={"summary": "50% more\nline two\r::error::fake", "rule": "R:1,2"}
    )
    out = get_reporter("github").render(report.model_copy(update={"findings": [finding]}))
    first = out.splitlines()[0]
    assert "50%25 more%0Aline two%0D::error::fake" in first
    assert "title=factcheck conflict R%3A1%2C2 (killed)" in first
    assert len(out.splitlines()) == 2  # the finding and the skipped input, nothing injected


def test_github_no_file_for_stdin(report: Report) -> None:
    articles = [a.model_copy(update={"source": "-"}) for a in report.articles]
    out = get_reporter("github").render(report.model_copy(update={"articles": articles}))
    first = out.splitlines()[0]
    assert "file=" not in first.split("::")[1]


# --- sarif -----------------------------------------------------------------------


def test_sarif(report: Report) -> None:
    out = get_reporter("sarif").render(report)
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "factcheck"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted({f.rule for f in report.findings})
    results = run["results"]
    assert len(results) == len(report.findings)
    by_id = {r["partialFingerprints"]["factcheck/v1"]: r for r in results}
    assert set(by_id) == {f.id for f in report.findings}
    for finding in report.findings:
        result = by_id[finding.id]
        assert result["ruleId"] == finding.rule
        assert rule_ids[result["ruleIndex"]] == finding.rule
        assert result["message"]["text"] == finding.summary
        level = {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert result["level"] == level
    conflict = by_id["3f9c1a7b2e10"]
    uri = conflict["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "seeds/raid_reuters.txt"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert fx.SKIP_REASON in notes[0]["message"]["text"]
    assert out == json.dumps(log, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_sarif_uses_rulebook_descriptions_when_given(report: Report) -> None:
    from checker.rulebook import default_rulebook

    log = json.loads(get_reporter("sarif", rulebook=default_rulebook()).render(report))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["C001"]["name"] == "conflict"
    assert "overlap" in rules["C001"]["shortDescription"]["text"]


def test_sarif_source_uris() -> None:
    assert source_uri("seeds/a b.txt") == "seeds/a%20b.txt"
    assert source_uri("/data/x.json") == "file:///data/x.json"
    assert source_uri("-") is None
    assert source_uri("https://example.org/a") == "https://example.org/a"


# --- html helpers ------------------------------------------------------------------


def test_highlight_uses_local_offsets_and_guards_range() -> None:
    sentence = "The strikes killed 16 people."
    h = highlight(sentence, (119, 121), (100, 129))
    assert (h.before, h.number, h.after, h.marked) == (
        "The strikes killed ",
        "16",
        " people.",
        True,
    )
    assert highlight(sentence, (90, 95), (100, 129)).marked is False
    assert highlight(sentence, (125, 140), (100, 129)).marked is False
    assert highlight(sentence, (110, 110), (100, 129)).before == sentence


def test_number_line_positions(report: Report) -> None:
    facts = {f.id: f for f in report.facts}
    line = number_line([facts["fact-killed-16"], facts["fact-killed-17"]], ["16", "17"])
    a, b = line.bars
    assert a.point and b.point
    assert line.left <= a.x1 < b.x1 <= line.right
    open_line = number_line([facts["fact-attacks-150"], facts["fact-attacks-160"]], ["a", "b"])
    assert all(bar.open_high and not bar.open_low for bar in open_line.bars)
    assert open_line.bars[0].x2 > open_line.right  # runs past the axis: open
    assert open_line.bars[0].x1 < open_line.bars[1].x1
    assert [t.label for t in open_line.ticks] == sorted(
        (t.label for t in open_line.ticks), key=float
    )


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_an_empty_report(name: str) -> None:
    out = render(Report(), name)
    if name == "github":
        assert out == ""  # nothing to annotate
    else:
        assert out.endswith("\n") and out.strip()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_survives_a_dangling_fact_id(name: str, report: Report) -> None:
    finding = report.findings[0].model_copy(update={"facts": ["fact-missing", "fact-killed-16"]})
    out = render(report.model_copy(update={"findings": [finding]}), name)
    assert "fact-missing" in out


def test_html_counts_and_tables(report: Report) -> None:
    html = get_reporter("html").render(report)
    assert html.count('class="finding sev-') == len(report.findings)
    assert html.count('<tr class="status-') == len(report.inputs)
    assert (
        'class="status status-skipped">skipped' in html
        and fx.SKIP_REASON.replace("'", "&#39;") in html
    )
    # the Reuters #1 article carries 3 facts in the articles table
    assert '<td class="num">3</td>' in html
    assert "<mark>16</mark>" in html and "<mark>more than 160</mark>" in html
