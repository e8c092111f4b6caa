"""Every output format renders the small hand-built report of tests/report_fixture.py.

The report has two stories (the strikes, with four findings; the ferry, with
one), a finding without a story, and sides on every finding; the checks below
look for the story labels and the sides in every format.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import report_fixture  # tests/report_fixture.py (tests/ is on sys.path)

from checker.models import SCHEMA_VERSION, Finding, InputRecord, Report
from checker.report import FORMATS, REPORTERS, UnknownFormatError, get_reporter, render
from checker.report._common import findings_by_story, side_groups
from checker.report.github import escape_data, escape_property
from checker.report.html import HtmlReporter, highlight, number_line
from checker.report.sarif import source_uri
from checker.report.text import TextReporter
from checker.wording import side_label

fx = report_fixture

STRIKES_LABEL = "US strikes on militias in Iraq and Syria"
FERRY_LABEL = "Ferry capsizes near Mwanza, Tanzania"


@pytest.fixture()
def report() -> Report:
    return fx.build_report()


def _finding(report: Report, rule: str, story: str | None = "any") -> Finding:
    return next(
        f for f in report.findings if f.rule == rule and (story == "any" or f.story == story)
    )


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
    assert [s["label"] for s in data["stories"]] == [FERRY_LABEL, STRIKES_LABEL]
    assert all(f["sides"] for f in data["findings"])
    back = Report.model_validate_json(out)
    assert back.findings == report.findings
    assert back.facts == report.facts
    assert back.stories == report.stories
    assert back.inputs == report.inputs
    assert len(back.articles) == 5


# --- text ------------------------------------------------------------------------


def test_text_summary(report: Report) -> None:
    out = get_reporter("text").render(report)
    assert "Inputs: 3 (2 read, 1 skipped)" in out
    assert "seeds/broken.pdf" in out and fx.SKIP_REASON in out
    assert "Articles: 5" in out and "Stories: 2" in out and "Facts: 10" in out
    assert "Events: 5 (1 corroborated)" in out
    assert "Findings: 6 (1 error, 3 warning, 2 info)" in out
    for finding in report.findings:
        assert finding.summary in out
        assert finding.id in out
    assert "\x1b[" not in out


def test_text_groups_findings_by_story(report: Report) -> None:
    out = get_reporter("text").render(report)
    strikes = out.index(f"Story: {STRIKES_LABEL}")
    ferry = out.index(f"Story: {FERRY_LABEL}")
    loose = out.index("\nNo story\n")
    # the story of the worst finding first, the findings without a story last
    assert strikes < ferry < loose < out.index("Corroborated events (1)")
    assert "2024-02-02 to 2024-02-05; Iraq, Syria, Akashat · 3 articles" in out
    assert "4 findings (1 error, 1 warning, 2 info)" in out
    # each finding sits under its story's heading
    assert strikes < out.index("C001-3f9c1a7b2e10") < ferry
    assert ferry < out.index("D001-6b1e0d9a4c27") < loose < out.index("D001-e3c5a2f81b90")
    assert "  ERROR conflict C001 [killed]" in out


def test_text_prints_each_side_with_outlet_and_stated_value(report: Report) -> None:
    out = get_reporter("text").render(report)
    lines = out.splitlines()
    side1 = lines.index("    side 1: 16 (the Iraqi government; 1 outlet)")
    assert lines[side1 + 1] == (
        '      - reuters.com  seeds/raid_reuters.txt#1  "16"  16'
        "  per the Iraqi government  as of 2024-02-03"
    )
    assert lines[side1 + 2] == "    side 2: Seventeen (an Iraqi military spokesman; 1 outlet)"
    assert lines[side1 + 3].startswith('      - apnews.com  seeds/raid_ap.jsonl#1  "Seventeen"  17')
    # an update's sides are in as-of order, the earlier first
    assert out.index('"at least 150"  150+') < out.index('"more than 160"  161+')
    assert '"more than 160"  161+  per the Pentagon  as of 2024-02-05  (cumulative)' in out
    # a one-sided finding names its side "claim"
    assert "    claim: Wednesday, 12 October (1 outlet)" in out
    assert "Corroborated events (1)" in out and f"story {STRIKES_LABEL}" in out


def test_text_colour_is_opt_in_and_control_chars_are_escaped(report: Report) -> None:
    coloured = TextReporter(color=True).render(report)
    assert "\x1b[1;31mERROR\x1b[0m conflict C001" in coloured
    evil = report.model_copy(
        update={"inputs": [InputRecord(path="a\x1b[2J.txt", status="skipped", reason="bad\nline")]}
    )
    out = TextReporter().render(evil)
    assert "\x1b" not in out
    assert "a\\x1b[2J.txt" in out and "bad line" in out


def test_text_with_a_limit_lists_the_most_severe_findings_and_counts_the_rest(
    report: Report,
) -> None:
    out = TextReporter(limit=2).render(report)
    listed, rest = report.findings[:2], report.findings[2:]
    assert [f.severity for f in listed] == ["error", "warning"]  # most severe first
    for finding in listed:
        assert finding.id in out
    for finding in rest:
        assert finding.id not in out
    assert "... and 4 more findings (2 warning, 2 info) not listed here" in out
    # a story's heading still counts all of its findings
    assert "4 findings (1 error, 1 warning, 2 info)" in out
    assert "Findings: 6 (1 error, 3 warning, 2 info)" in out
    none = TextReporter(limit=0).render(report)
    assert "... and 6 more findings" in none
    assert "Corroborated events (1)\n  ... and 1 more corroborated event not listed here" in none
    assert TextReporter(limit=99).render(report) == TextReporter().render(report)


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
    names = [c.get("name") or "" for c in cases]
    for event in report.events:
        assert any(name.startswith(event.key + " (") for name in names)
    # two stories have a "killed|all|..." event: the story's label tells them apart
    assert f"killed|all|whole ({FERRY_LABEL})" in names
    failures = suite.findall("testcase/failure")
    # conflict (error) and the three dates (warning) fail; update and scope (info) do not
    assert len(failures) == 4
    assert suite.get("failures") == "4"
    assert sorted(f.get("type") or "" for f in failures) == ["conflict", "date", "date", "date"]
    assert suite.get("tests") == str(len(cases))
    conflict = next(c for c in cases if c.get("name") == f"killed|all|Iraq ({STRIKES_LABEL})")
    failure = conflict.find("failure")
    assert failure is not None
    message = failure.get("message") or ""
    assert message.startswith("[error] conflict: 16 (the Iraqi government; 1 outlet) vs ")
    assert message.endswith(f"(story: {STRIKES_LABEL})")
    text = failure.text or ""
    assert f"story: {STRIKES_LABEL} (2024-02-02 to 2024-02-05; Iraq, Syria, Akashat)" in text
    assert "side 1: 16 (the Iraqi government; 1 outlet)\n- seeds/raid_reuters.txt#1" in text
    assert "side 2: Seventeen (an Iraqi military spokesman; 1 outlet)" in text
    assert '"Seventeen" -> 17' in text
    loose = next(c for c in cases if (c.get("name") or "").endswith("D001-e3c5a2f81b90"))
    loose_failure = loose.find("failure")
    assert loose_failure is not None and "story" not in (loose_failure.get("message") or "")
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
    assert "known" in outs and "side 2: Seventeen" in outs


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
    assert all(line.startswith("::warning ") for line in lines[1:4])
    assert all(line.startswith("::notice ") for line in finding_lines[4:])
    # messages are one line: newlines inside are escaped; the story and the sides follow
    story = f"%0Astory: {STRIKES_LABEL} (2024-02-02 to 2024-02-05; Iraq, Syria, Akashat)%0A"
    assert story in lines[0]
    assert (
        "%0Aside 2: Seventeen (an Iraqi military spokesman; 1 outlet)"
        '%0A- seeds/raid_ap.jsonl#1 (apnews.com): "Seventeen" -> 17%0A'
    ) in lines[0]
    assert lines[0].index("%0Aside 1: 16 ") < lines[0].index("%0Aside 2: Seventeen")
    loose = next(line for line in lines if "D001-e3c5a2f81b90" in line)
    assert "story" not in loose and "%0Aclaim: Wednesday, Feb. 8 (1 outlet)" in loose
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
    labels = {s.id: s.label for s in report.stories}
    for finding in report.findings:
        result = by_id[finding.id]
        assert result["ruleId"] == finding.rule
        assert rule_ids[result["ruleIndex"]] == finding.rule
        assert result["properties"]["story"] == finding.story
        if finding.story:
            story = labels[finding.story]
            assert result["message"]["text"] == f"{finding.summary} (story: {story})"
            assert result["properties"]["storyLabel"] == story
        else:
            assert result["message"]["text"] == finding.summary
            assert result["properties"]["storyLabel"] is None
        level = {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert result["level"] == level
        sides = result["properties"]["sides"]
        assert sorted(fid for side in sides for fid in side["facts"]) == sorted(finding.facts)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert fx.SKIP_REASON in notes[0]["message"]["text"]
    assert [s["label"] for s in run["properties"]["stories"]] == [FERRY_LABEL, STRIKES_LABEL]
    assert out == json.dumps(log, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_sarif_sides_are_locations(report: Report) -> None:
    log = json.loads(get_reporter("sarif").render(report))
    by_id = {r["partialFingerprints"]["factcheck/v1"]: r for r in log["runs"][0]["results"]}
    conflict = by_id["C001-3f9c1a7b2e10"]
    (primary,) = conflict["locations"]
    assert primary["physicalLocation"]["artifactLocation"]["uri"] == "seeds/raid_reuters.txt"
    assert primary["logicalLocations"] == [
        {"fullyQualifiedName": "seeds/raid_reuters.txt#1", "kind": "resource"}
    ]
    assert primary["message"]["text"] == 'side 1: "16" = 16 (reuters.com, seeds/raid_reuters.txt#1)'
    related = conflict["relatedLocations"]
    assert [loc["id"] for loc in related] == [1, 2]
    assert [loc["properties"] for loc in related] == [
        {"side": 1, "fact": "fact-killed-16"},
        {"side": 2, "fact": "fact-killed-17"},
    ]
    assert related[1]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/raid_ap.jsonl"
    assert related[1]["message"]["text"].startswith('side 2: "Seventeen" = 17 (apnews.com, ')
    sides = conflict["properties"]["sides"]
    assert [(s["side"], s["label"]) for s in sides] == [
        (1, "16 (the Iraqi government; 1 outlet)"),
        (2, "Seventeen (an Iraqi military spokesman; 1 outlet)"),
    ]
    # an update lists its sides in as-of order
    update = by_id["U001-b7e45f0a9c22"]
    assert [loc["properties"]["fact"] for loc in update["relatedLocations"]] == [
        "fact-attacks-150",
        "fact-attacks-160",
    ]


def test_sarif_primary_location_prefers_a_file(report: Report) -> None:
    articles = [
        a.model_copy(update={"source": "-"}) if a.id == f"{fx.REUTERS}#1" else a
        for a in report.articles
    ]
    out = get_reporter("sarif").render(report.model_copy(update={"articles": articles}))
    (conflict,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "C001"]
    assert conflict["locations"][0]["message"]["text"].startswith("side 2: ")
    assert "physicalLocation" not in conflict["relatedLocations"][0]


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
    assert html.count('<section class="story" ') == 3
    assert html.count("<tr>") >= len(report.stories)


def test_html_story_sections_in_order_with_their_findings(report: Report) -> None:
    html = get_reporter("html").render(report)
    strikes = html.index(f'id="story-{fx.STRIKES}"')
    ferry = html.index(f'id="story-{fx.FERRY}"')
    loose = html.index('id="story-none"')
    assert strikes < ferry < loose < html.index('id="corroborated"')
    assert strikes < html.index('id="finding-C001-3f9c1a7b2e10"') < ferry
    assert strikes < html.index('id="finding-U001-b7e45f0a9c22"') < ferry
    assert ferry < html.index('id="finding-D001-6b1e0d9a4c27"') < loose
    assert loose < html.index('id="finding-D001-e3c5a2f81b90"')
    # the story's label, date span and places head its section
    head = html[strikes : html.index("</header>", strikes)]
    assert STRIKES_LABEL in head and "2024-02-02 to 2024-02-05" in head
    assert "Iraq, Syria, Akashat" in head and "3 articles" in head
    assert "Findings without a story" in html[loose:]


def test_html_sides_side_by_side_and_update_as_timeline(report: Report) -> None:
    context = HtmlReporter().context(report)
    stories = context["stories"]
    assert isinstance(stories, list)
    findings = {f.id: f for story in stories for f in story.findings}
    conflict = findings["C001-3f9c1a7b2e10"]
    assert not conflict.timeline
    assert [(s.name, s.value, s.attribution, s.outlets) for s in conflict.sides] == [
        ("Side 1", "16", "the Iraqi government", 1),
        ("Side 2", "Seventeen", "an Iraqi military spokesman", 1),
    ]
    assert [c.outlet for s in conflict.sides for c in s.claims] == ["reuters.com", "apnews.com"]
    assert [bar.series for bar in conflict.numberline.bars] == [0, 1]
    update = findings["U001-b7e45f0a9c22"]
    assert update.timeline
    assert [s.asof for s in update.sides] == ["2024-02-03", "2024-02-05"]
    assert update.numberline.bars[0].label == "150+ · apnews.com · as of 2024-02-03"
    one = findings["D001-6b1e0d9a4c27"]
    assert [s.name for s in one.sides] == ["Claim"] and not one.timeline
    html = get_reporter("html").render(report)
    assert html.count('<ol class="sides timeline"') == 1
    assert html.count('<div class="sides versus">') == 3  # conflict, date, scope


def test_html_timeline_follows_asof_not_the_given_order(report: Report) -> None:
    update = _finding(report, "U001")
    flipped = update.model_copy(update={"sides": list(reversed(update.sides))})
    context = HtmlReporter().context(report.model_copy(update={"findings": [flipped]}))
    stories = context["stories"]
    assert isinstance(stories, list)
    (story,) = stories
    (view,) = story.findings
    assert [s.asof for s in view.sides] == ["2024-02-03", "2024-02-05"]
    assert [s.number for s in view.sides] == [2, 1]  # numbered as in the finding


# --- stories and sides, shared by every format ---------------------------------------------


def test_findings_by_story_order(report: Report) -> None:
    groups = findings_by_story(report)
    assert [g.label for g in groups] == [STRIKES_LABEL, FERRY_LABEL, "No story"]
    assert [len(g.findings) for g in groups] == [4, 1, 1]
    unknown = report.findings[0].model_copy(update={"story": "S-gone"})
    groups = findings_by_story(report.model_copy(update={"findings": [unknown]}))
    assert [(g.story_id, g.story, g.label) for g in groups] == [("S-gone", None, "story S-gone")]


def test_side_groups_fallbacks(report: Report) -> None:
    facts = {f.id: f for f in report.facts}
    articles = {a.id: a for a in report.articles}
    conflict = _finding(report, "C001")
    no_sides = conflict.model_copy(update={"sides": []})
    assert [(g.name, g.facts) for g in side_groups(no_sides, facts, articles)] == [
        ("claims", conflict.facts)
    ]
    extra = conflict.model_copy(update={"facts": [*conflict.facts, "fact-killed-23"]})
    groups = side_groups(extra, facts, articles)
    assert [(g.name, g.extra) for g in groups] == [
        ("side 1", False),
        ("side 2", False),
        ("also cited", True),
    ]
    assert side_label([facts["fact-killed-16"], facts["fact-killed-17"]], articles) == (
        "16 (an Iraqi military spokesman and others; 2 outlets)"
    )


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_names_the_story(name: str, report: Report) -> None:
    out = render(report, name)
    if name == "json":
        assert STRIKES_LABEL in out
        return
    assert STRIKES_LABEL in out and FERRY_LABEL in out
    # a finding's story the report does not list is still named, by its id
    finding = _finding(report, "C001").model_copy(update={"story": "S-gone"})
    assert "S-gone" in render(report.model_copy(update={"findings": [finding]}), name)


def test_compiled_templates_are_cached_and_render_the_same(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.rulebook import CACHE_DIR_ENV

    monkeypatch.setenv(CACHE_DIR_ENV, "")
    uncached = render(report, "html")
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    first = render(report, "html")
    kept = sorted(p.name for p in (tmp_path / "templates").iterdir())
    second = render(report, "html")
    assert kept, "the compiled templates were not kept"
    assert first == second == uncached


@pytest.mark.parametrize("name", ["json", "html", "text"])
def test_a_written_report_is_its_rendered_text(name: str, report: Report, tmp_path: Path) -> None:
    from checker.report import write

    out = tmp_path / f"report.{name}"
    write(get_reporter(name), report, out)
    assert out.read_bytes() == get_reporter(name).render(report).encode("utf-8")


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_json_written_a_chunk_at_a_time_is_the_rendered_document(
    chunk: int, report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.report import json_report, write

    monkeypatch.setattr(json_report, "_CHUNK", chunk)
    assert len(report.facts) > 3 and report.findings, "the report has lists to cut"
    out = tmp_path / "report.json"
    write(get_reporter("json"), report, out)
    assert out.read_bytes() == get_reporter("json").render(report).encode("utf-8")
    empty = Report()
    write(get_reporter("json"), empty, out)
    assert out.read_bytes() == get_reporter("json").render(empty).encode("utf-8")


# --- scale --------------------------------------------------------------------


class _CountedList(list[Finding]):
    """A list that counts the passes made over it."""

    passes = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.passes += 1
        return super().__iter__()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_format_reads_the_findings_a_few_times_whatever_the_number_of_stories(
    report: Report, fmt: str
) -> None:
    # A day's crawl has tens of thousands of stories and findings: a pass
    # over the findings for every story is hours of rendering.
    quiet = [
        report.stories[0].model_copy(update={"id": f"SQ{i:04d}", "articles": []})
        for i in range(300)
    ]
    findings = _CountedList(report.findings)
    large = report.model_copy(update={"stories": [*report.stories, *quiet], "findings": findings})
    assert get_reporter(fmt).render(large)
    assert findings.passes <= 20  # (the JSON serializer reads the list in Rust: 0)
