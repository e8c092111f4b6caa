"""``--format text`` (the default): a plain summary for the terminal.

Layout::

    factcheck report (schema 1.0)

    Inputs: 3 (2 read, 1 skipped)
      ok       seeds/a.txt        2 articles
      SKIPPED  seeds/broken.pdf   unsupported file type '.pdf'
    Articles: 3 (1 duplicate)
    Facts: 7
    Events: 4 (1 corroborated)
    Findings: 4 (1 error, 1 warning, 2 info)

    ERROR (1)
      conflict C001 [killed] 16 vs 17 killed ...
        id 3f2a...  event killed|iraq|2024-02
        - seeds/a.txt#1  "16"  16
        ...

    Corroborated events (1)
      ...

Findings are grouped by severity (error, warning, info) and keep the report's
order inside a group. Findings already in the baseline are marked
``(known)``. Control characters from scraped text are escaped so an article
cannot move the cursor or recolour the terminal. ANSI colour is off unless the
reporter is built with ``color=True``.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.models import SEVERITIES, Article, Event, Fact, Finding, Report
from checker.report._common import value_label

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_RESET = "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"[\t\n\r]+")


def _clean(value: object) -> str:
    """One line of printable text: newlines become spaces, controls become escapes."""
    text = _SPACE.sub(" ", str(value))
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class TextReporter:
    """A readable, deterministic plain-text summary."""

    name = "text"

    def __init__(self, color: bool = False) -> None:
        self.color = color

    def _heading(self, severity: str, text: str) -> str:
        if not self.color:
            return text
        return f"{_COLOURS[severity]}{text}{_RESET}"

    def render(self, report: Report) -> str:
        """The summary, ending with a newline."""
        lines: list[str] = [f"factcheck report (schema {_clean(report.schema_version)})", ""]
        lines += self._inputs(report)
        lines += self._counts(report)
        lines += self._findings(report)
        lines += self._corroborated(report)
        return "\n".join(lines).rstrip("\n") + "\n"

    def _inputs(self, report: Report) -> list[str]:
        skipped = sum(1 for record in report.inputs if record.status == "skipped")
        read = len(report.inputs) - skipped
        lines = [f"Inputs: {len(report.inputs)} ({read} read, {skipped} skipped)"]
        width = max((len(_clean(r.path)) for r in report.inputs), default=0)
        for record in report.inputs:
            path = _clean(record.path).ljust(width)
            if record.status == "skipped":
                reason = _clean(record.reason) if record.reason else "no reason given"
                lines.append(f"  SKIPPED  {path}  {reason}")
            else:
                detail = _plural(record.articles, "article")
                if record.reason:
                    detail += f" ({_clean(record.reason)})"
                lines.append(f"  ok       {path}  {detail}")
        return lines

    def _counts(self, report: Report) -> list[str]:
        duplicates = sum(1 for a in report.articles if a.duplicate_of)
        corroborated = sum(1 for e in report.events if e.corroborated)
        severities = Counter[str](f.severity for f in report.findings)
        by_severity = ", ".join(f"{severities[s]} {s}" for s in SEVERITIES if severities[s])
        findings = f"Findings: {len(report.findings)}"
        if by_severity:
            findings += f" ({by_severity})"
        return [
            f"Articles: {len(report.articles)} ({_plural(duplicates, 'duplicate')})",
            f"Facts: {len(report.facts)}",
            f"Events: {len(report.events)} ({corroborated} corroborated)",
            findings,
        ]

    def _findings(self, report: Report) -> list[str]:
        if not report.findings:
            return ["", "No findings."]
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        events = {event.id: event for event in report.events}
        lines: list[str] = []
        for severity in SEVERITIES:
            group = [f for f in report.findings if f.severity == severity]
            if not group:
                continue
            lines += ["", self._heading(severity, f"{severity.upper()} ({len(group)})")]
            for finding in group:
                lines += self._finding(finding, facts, articles, events)
        return lines

    def _finding(
        self,
        finding: Finding,
        facts: dict[str, Fact],
        articles: dict[str, Article],
        events: dict[str, Event],
    ) -> list[str]:
        known = "" if finding.new else " (known)"
        lines = [
            f"  {finding.kind} {_clean(finding.rule)} [{_clean(finding.metric)}]"
            f" {_clean(finding.summary)}{known}"
        ]
        meta = f"    id {_clean(finding.id)}"
        if finding.event is not None:
            event = events.get(finding.event)
            key = event.key if event is not None else finding.event
            meta += f"  event {_clean(key)}"
        lines.append(meta)
        lines += [self._fact_line(fid, facts, articles) for fid in finding.facts]
        return lines

    @staticmethod
    def _fact_line(fact_id: str, facts: dict[str, Fact], articles: dict[str, Article]) -> str:
        fact = facts.get(fact_id)
        if fact is None:
            return f"    - {_clean(fact_id)} (fact not in report)"
        line = f'    - {_clean(fact.article)}  "{_clean(fact.stated)}"  {_clean(value_label(fact))}'
        if fact.cumulative:
            line += "  (cumulative)"
        article = articles.get(fact.article)
        if article is not None and article.duplicate_of:
            line += f"  (copy of {_clean(article.duplicate_of)})"
        return line

    def _corroborated(self, report: Report) -> list[str]:
        events = [event for event in report.events if event.corroborated]
        if not events:
            return []
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        lines = ["", f"Corroborated events ({len(events)})"]
        for event in events:
            lines.append(
                f"  {_clean(event.key)}  ({_plural(len(event.facts), 'fact')},"
                f" {_plural(len(event.sources), 'source')})"
            )
            lines += [self._fact_line(fid, facts, articles) for fid in event.facts]
        return lines
