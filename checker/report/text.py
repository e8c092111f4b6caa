"""``--format text`` (the default): a plain summary for the terminal.

Layout::

    factcheck report (schema 2.0)

    Inputs: 3 (2 read, 1 skipped)
      ok       seeds/a.txt        2 articles
      SKIPPED  seeds/broken.pdf   unsupported file type '.pdf'
    Articles: 3 (1 duplicate)
    Stories: 2
    Facts: 7
    Events: 4 (1 corroborated)
    Findings: 4 (1 error, 1 warning, 2 info)

    Story: US strikes in Iraq and Syria
      2024-02-02 to 2024-02-05; Iraq, Syria · 3 articles · 3 findings (1 error, 2 info)

      ERROR conflict C001 [killed] conflict: 16 (the Iraqi government; 1 outlet) vs ...
        id C001-3f2a...  event killed|all|Iraq
        side 1: 16 (the Iraqi government; 1 outlet)
          - reuters.com  seeds/a.txt#1  "16"  16  per the Iraqi government  as of 2024-02-03
        side 2: ...

    No story
      1 finding (1 warning)
      ...

    Corroborated events (1)
      ...

Findings are grouped by story (the story of the worst finding first, the
findings without a story last) and keep the report's order inside a story.
Each finding lists its sides ("side 1", "side 2"; "claim" for a one-sided
finding), each side its claims with outlet, article, stated words and value;
the sides of an update are in as-of order. Findings already in the baseline
are marked ``(known)``. With a ``limit`` (the summary printed beside a
report written to a file), the report's first findings (its most severe,
grouped the same way) and its first corroborated events are listed, and the
rest counted. Control characters from scraped text are escaped so an article
cannot move the cursor or recolour the terminal. ANSI colour is off unless
the reporter is built with ``color=True``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker.models import SEVERITIES, Article, Event, Fact, Finding, Report, Story
from checker.report._common import (
    NO_STORY,
    StoryGroup,
    findings_by_story,
    side_groups,
    source_name,
    story_details,
    value_label,
)
from checker.report.terminal import one_line
from checker.wording import side_label

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_RESET = "\x1b[0m"
_clean = one_line


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _severities(findings: Sequence[Finding]) -> str:
    """``1 error, 2 info``: the findings per severity, most severe first."""
    counts = Counter[str](f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])


class TextReporter:
    """A readable, deterministic plain-text summary."""

    name = "text"

    def __init__(self, color: bool = False, limit: int | None = None) -> None:
        """A reporter painting severities with ANSI colour (``color``), listing at
        most ``limit`` findings and as many corroborated events (``None``: all)."""
        self.color = color
        self.limit = limit

    def _paint(self, severity: str, text: str) -> str:
        if not self.color or severity not in _COLOURS:
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
        findings = f"Findings: {len(report.findings)}"
        if report.findings:
            findings += f" ({_severities(report.findings)})"
        return [
            f"Articles: {len(report.articles)} ({_plural(duplicates, 'duplicate')})",
            f"Stories: {len(report.stories)}",
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
        # The first findings of the report are its most severe: those are
        # listed, each under its story's heading (which counts them all).
        shown = report.findings if self.limit is None else report.findings[: self.limit]
        listed = {id(finding) for finding in shown}
        lines: list[str] = []
        for group in findings_by_story(report):
            here = [finding for finding in group.findings if id(finding) in listed]
            if not here:
                continue
            lines += ["", *self._story_heading(group)]
            for finding in here:
                lines += ["", *self._finding(finding, facts, articles, events)]
        rest = report.findings[len(shown) :]
        if rest:
            more = _plural(len(rest), "more finding")
            lines += ["", f"... and {more} ({_severities(rest)}) not listed here"]
        return lines

    @staticmethod
    def _story_heading(group: StoryGroup) -> list[str]:
        count = f"{_plural(len(group.findings), 'finding')} ({_severities(group.findings)})"
        if group.story is None:
            heading = NO_STORY if group.story_id is None else f"Story: {group.label}"
            return [_clean(heading), f"  {count}"]
        story: Story = group.story
        details = [story_details(story), _plural(len(story.articles), "article"), count]
        return [
            f"Story: {_clean(story.label)}",
            "  " + " · ".join(_clean(part) for part in details if part),
        ]

    def _finding(
        self,
        finding: Finding,
        facts: dict[str, Fact],
        articles: dict[str, Article],
        events: dict[str, Event],
    ) -> list[str]:
        known = "" if finding.new else " (known)"
        severity = self._paint(finding.severity, finding.severity.upper())
        lines = [
            f"  {severity} {_clean(finding.kind)} {_clean(finding.rule)}"
            f" [{_clean(finding.metric)}] {_clean(finding.summary)}{known}"
        ]
        meta = f"    id {_clean(finding.id)}"
        if finding.event is not None:
            event = events.get(finding.event)
            key = event.key if event is not None else finding.event
            meta += f"  event {_clean(key)}"
        lines.append(meta)
        for group in side_groups(finding, facts, articles):
            side = [facts[fid] for fid in group.facts if fid in facts]
            lines.append(f"    {group.name}: {_clean(side_label(side, articles))}")
            lines += [
                "      " + self._fact_line(fid, facts, articles, asof=True) for fid in group.facts
            ]
        return lines

    @staticmethod
    def _fact_line(
        fact_id: str, facts: dict[str, Fact], articles: dict[str, Article], asof: bool = False
    ) -> str:
        fact = facts.get(fact_id)
        if fact is None:
            return f"- {_clean(fact_id)} (fact not in report)"
        article = articles.get(fact.article)
        parts = [f"- {_clean(fact.article)}"]
        outlet = source_name(fact, articles)
        if article is not None and (article.outlet or article.url):
            parts = [f"- {_clean(outlet)}", _clean(fact.article)]
        parts += [f'"{_clean(fact.stated)}"', _clean(value_label(fact))]
        if asof and fact.attribution:
            parts.append(f"per {_clean(fact.attribution)}")
        if asof and fact.asof is not None:
            parts.append(f"as of {fact.asof.isoformat()}")
        if fact.cumulative:
            parts.append("(cumulative)")
        if fact.background:
            parts.append("(background)")
        if article is not None and article.duplicate_of:
            parts.append(f"(copy of {_clean(article.duplicate_of)})")
        return "  ".join(parts)

    def _corroborated(self, report: Report) -> list[str]:
        events = [event for event in report.events if event.corroborated]
        if not events:
            return []
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        stories = {story.id: story for story in report.stories}
        lines = ["", f"Corroborated events ({len(events)})"]
        for event in events[: self.limit]:
            story = stories.get(event.story or "")
            where = f"  story {_clean(story.label)}" if story is not None else ""
            lines.append(
                f"  {_clean(event.key)}  ({_plural(len(event.facts), 'fact')},"
                f" {_plural(len(event.sources), 'source')}){where}"
            )
            lines += ["    " + self._fact_line(fid, facts, articles) for fid in event.facts]
        if self.limit is not None and len(events) > self.limit:
            more = _plural(len(events) - self.limit, "more corroborated event")
            lines.append(f"  ... and {more} not listed here")
        return lines
