"""``--format junit``: JUnit XML for CI test dashboards.

One ``<testsuite name="factcheck">`` holding:

* one ``<testcase>`` per event (``name`` = the event key followed by its
  story's label in parentheses, since two stories may have events of one key;
  ``classname`` = ``factcheck.<metric>``); each *new* finding of severity
  ``warning`` or ``error`` on that event is a ``<failure>`` (``type`` = the
  finding kind, ``message`` = ``[severity]`` and its summary with the story's
  label, text = the story and the sides, each side with its claims). Info
  findings and findings already in the baseline are listed in the test case's
  ``<system-out>`` instead, so they are visible but do not turn the build red;
* one ``<testcase>`` per finding that names no known event (``name`` = kind and
  id, with the story's label; same rules);
* one skipped ``<testcase>`` (classname ``factcheck.inputs``) per input that
  could not be read, with the reason, so no input is silently lost.

Built with :mod:`xml.etree.ElementTree` (never by string concatenation);
characters XML 1.0 cannot carry are replaced with U+FFFD. No timestamps or
durations are written, so the output is deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.models import Article, Fact, Finding, Report, Story
from checker.report._common import (
    finding_headline,
    side_lines,
    story_line,
    value_label,
)

_FAILING = frozenset({"error", "warning"})
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _detail(
    finding: Finding,
    facts: dict[str, Fact],
    articles: dict[str, Article],
    stories: dict[str, Story],
) -> str:
    """The finding in a few lines: summary, story, rule and id, then each side and its claims."""
    lines = [finding.summary]
    if finding.story:
        known = finding.story in stories
        lines.append(story_line(finding, stories) + (f" [{finding.story}]" if known else ""))
    lines.append(f"rule {finding.rule}, id {finding.id}")
    lines.extend(side_lines(finding, facts, articles, _claim))
    return "\n".join(lines)


def _claim(fact: Fact, article: Article | None) -> str:
    title = f" ({article.title})" if article is not None and article.title else ""
    return f'{fact.article}{title}: "{fact.stated}" -> {value_label(fact)} | {fact.sentence}'


class JunitReporter:
    """Events as test cases, warning/error findings as failures."""

    name = "junit"

    def render(self, report: Report) -> str:
        """The XML document (with declaration), ending with a newline."""
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        stories = {story.id: story for story in report.stories}
        by_event: dict[str, list[Finding]] = {}
        event_ids = {event.id for event in report.events}
        loose: list[Finding] = []
        for finding in report.findings:
            if finding.event is not None and finding.event in event_ids:
                by_event.setdefault(finding.event, []).append(finding)
            else:
                loose.append(finding)

        suite = ET.Element("testsuite", {"name": "factcheck"})
        failures = skipped = tests = 0

        def add_case(classname: str, name: str, findings: list[Finding]) -> None:
            nonlocal failures, tests
            tests += 1
            case = ET.SubElement(
                suite, "testcase", {"classname": _xml(classname), "name": _xml(name)}
            )
            notes: list[str] = []
            for finding in findings:
                detail = _detail(finding, facts, articles, stories)
                if finding.new and finding.severity in _FAILING:
                    failures += 1
                    failure = ET.SubElement(
                        case,
                        "failure",
                        {
                            "type": finding.kind,
                            "message": _xml(
                                f"[{finding.severity}] {finding_headline(finding, stories)}"
                            ),
                        },
                    )
                    failure.text = _xml(detail)
                else:
                    state = "new" if finding.new else "known"
                    notes.append(f"[{finding.severity}, {finding.kind}, {state}] {detail}")
            if notes:
                ET.SubElement(case, "system-out").text = _xml("\n\n".join(notes))

        for event in report.events:
            story = stories.get(event.story) if event.story else None
            name = f"{event.key} ({story.label})" if story is not None else event.key
            add_case(f"factcheck.{event.metric}", name, by_event.get(event.id, []))
        for finding in loose:
            story = stories.get(finding.story) if finding.story else None
            name = f"{finding.kind} {finding.id}"
            if story is not None:
                name += f" ({story.label})"
            add_case(f"factcheck.{finding.metric}", name, [finding])
        for record in report.inputs:
            if record.status != "skipped":
                continue
            tests += 1
            skipped += 1
            case = ET.SubElement(
                suite, "testcase", {"classname": "factcheck.inputs", "name": _xml(record.path)}
            )
            ET.SubElement(case, "skipped", {"message": _xml(record.reason or "skipped")})

        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        ET.indent(suite)
        body = ET.tostring(suite, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
