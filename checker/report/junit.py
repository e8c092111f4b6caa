"""``--format junit``: JUnit XML for CI test dashboards.

One ``<testsuite name="factcheck">`` holding:

* one ``<testcase>`` per event (``name`` = the event key, ``classname`` =
  ``factcheck.<metric>``); each *new* finding of severity ``warning`` or
  ``error`` on that event is a ``<failure>`` (``type`` = the finding kind,
  ``message`` = its summary, text = the claims). Info findings and findings
  already in the baseline are listed in the test case's ``<system-out>``
  instead, so they are visible but do not turn the build red;
* one ``<testcase>`` per finding that names no known event (same rules);
* one skipped ``<testcase>`` (classname ``factcheck.inputs``) per input that
  could not be read, with the reason, so no input is silently lost.

Built with :mod:`xml.etree.ElementTree` (never by string concatenation);
characters XML 1.0 cannot carry are replaced with U+FFFD. No timestamps or
durations are written, so the output is deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.models import Article, Fact, Finding, Report
from checker.report._common import value_label

_FAILING = frozenset({"error", "warning"})
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _fact_lines(finding: Finding, facts: dict[str, Fact], articles: dict[str, Article]) -> str:
    lines = [finding.summary, f"rule {finding.rule}, id {finding.id}"]
    for fact_id in finding.facts:
        fact = facts.get(fact_id)
        if fact is None:
            lines.append(f"- {fact_id}: fact not in report")
            continue
        article = articles.get(fact.article)
        title = f" ({article.title})" if article is not None and article.title else ""
        lines.append(
            f'- {fact.article}{title}: "{fact.stated}" -> {value_label(fact)} | {fact.sentence}'
        )
    return "\n".join(lines)


class JunitReporter:
    """Events as test cases, warning/error findings as failures."""

    name = "junit"

    def render(self, report: Report) -> str:
        """The XML document (with declaration), ending with a newline."""
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
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
                detail = _fact_lines(finding, facts, articles)
                if finding.new and finding.severity in _FAILING:
                    failures += 1
                    failure = ET.SubElement(
                        case,
                        "failure",
                        {
                            "type": finding.kind,
                            "message": _xml(f"[{finding.severity}] {finding.summary}"),
                        },
                    )
                    failure.text = _xml(detail)
                else:
                    state = "new" if finding.new else "known"
                    notes.append(f"[{finding.severity}, {finding.kind}, {state}] {detail}")
            if notes:
                ET.SubElement(case, "system-out").text = _xml("\n\n".join(notes))

        for event in report.events:
            add_case(f"factcheck.{event.metric}", event.key, by_event.get(event.id, []))
        for finding in loose:
            add_case(f"factcheck.{finding.metric}", f"{finding.kind} {finding.id}", [finding])
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
