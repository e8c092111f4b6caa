"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards.

One run whose tool driver is ``factcheck``; its ``rules`` are the distinct
finding rule codes present in the report (sorted), with the name and
description from the rulebook when the reporter is given one. Each finding is
one result:

* ``ruleId`` / ``ruleIndex``, ``level`` (error, warning, or note for info),
  ``message.text`` = the summary followed by ``(story: <label>)`` when the
  finding belongs to a story;
* ``partialFingerprints["factcheck/v1"]`` = the finding's stable id, so
  dashboards track it across runs;
* ``baselineState`` ``new`` or ``unchanged`` (already in the baseline);
* ``locations``: one location, the first claim (in the order the reporters
  show sides: as-of order for an update) whose article has a file or URL,
  else the first claim;
* ``relatedLocations``: every claim of every side, the first one included, in
  side order, with ``id`` 1, 2, ... and ``properties.side`` (the side's
  1-based number in the finding's ``sides``; 0 for a claim on no side) and
  ``properties.fact`` (the fact id);
* each location has a ``physicalLocation`` when the claim's article has a
  source (a file path becomes a relative URI, an absolute path a ``file://``
  URI; none for stdin), a ``logicalLocation`` naming the article id (one file
  may hold several articles, and the fact spans count in the article's
  cleaned text, so no file region is given), and a ``message`` such as
  ``side 2: "Seventeen" = 17 (apnews.com, seeds/ap.jsonl#1)``;
* ``properties``: kind, metric, event, severity, ``story`` (the story id,
  or null), ``storyLabel``, ``sides`` (one object per side: ``side``,
  ``label`` as in "16 (the ministry; 2 outlets)", ``facts``) and the
  ``claims`` (fact, side, article, stated, value, sentence).

The run's ``properties`` list the report's stories (id, label, start, end,
places, articles). Skipped inputs are listed as run-level
``toolExecutionNotifications``. Serialised with ``json.dumps(sort_keys=True,
indent=2)``: deterministic.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker.models import Article, Fact, Finding, Report, Story
from checker.report._common import (
    STDIN_SOURCES,
    finding_headline,
    outlet_name,
    side_groups,
    value_label,
)
from checker.rulebook import Rulebook
from checker.wording import side_label

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_RANK = {"note": 0, "warning": 1, "error": 2}


def source_uri(source: str) -> str | None:
    """A SARIF ``uri`` for an article source, or None for stdin."""
    if not source or source in STDIN_SOURCES:
        return None
    if "://" in source:
        return source
    if PureWindowsPath(source).drive:
        return PureWindowsPath(source).as_uri()
    posix = PurePosixPath(source.replace("\\", "/"))
    if posix.is_absolute():
        return posix.as_uri()
    return quote(posix.as_posix(), safe="/")


class SarifReporter:
    """SARIF 2.1.0 log with one result per finding."""

    name = "sarif"

    def __init__(self, rulebook: Rulebook | None = None) -> None:
        self.rulebook = rulebook

    def render(self, report: Report) -> str:
        """The SARIF JSON document, ending with a newline."""
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        stories = {story.id: story for story in report.stories}
        codes = sorted({finding.rule for finding in report.findings})
        index = {code: i for i, code in enumerate(codes)}
        rules = [self._rule(code, report.findings) for code in codes]
        results = [
            self._result(f, index[f.rule], facts, articles, stories) for f in report.findings
        ]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "factcheck",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "schema_version": report.schema_version,
                "stories": [_story(story) for story in report.stories],
            },
        }
        skipped = [record for record in report.inputs if record.status == "skipped"]
        if skipped:
            run["invocations"] = [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": [
                        self._skipped(record.path, record.reason) for record in skipped
                    ],
                }
            ]
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    @staticmethod
    def _skipped(path: str, reason: str | None) -> dict[str, Any]:
        note: dict[str, Any] = {
            "level": "warning",
            "message": {"text": f"skipped input {path}: {reason or 'no reason given'}"},
        }
        uri = source_uri(path)
        if uri is not None:
            note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]
        return note

    def _rule(self, code: str, findings: list[Finding]) -> dict[str, Any]:
        mine = [f for f in findings if f.rule == code]
        level = max((_LEVELS[f.severity] for f in mine), key=_RANK.__getitem__)
        kind = mine[0].kind
        name: str = kind
        description = f"factcheck {kind} finding ({code})"
        if self.rulebook is not None:
            try:
                rule = self.rulebook.finding_rule(code)
            except KeyError:
                pass
            else:
                name, description = rule.name, rule.description
        return {
            "id": code,
            "name": name,
            "shortDescription": {"text": description},
            "defaultConfiguration": {"level": level},
            "properties": {"kind": kind},
        }

    @staticmethod
    def _result(
        finding: Finding,
        rule_index: int,
        facts: dict[str, Fact],
        articles: dict[str, Article],
        stories: dict[str, Story],
    ) -> dict[str, Any]:
        claims: list[dict[str, Any]] = []
        sides: list[dict[str, Any]] = []
        related: list[dict[str, Any]] = []
        for group in side_groups(finding, facts, articles):
            side = [facts[fid] for fid in group.facts if fid in facts]
            sides.append(
                {
                    "side": group.number,
                    "name": group.name,
                    "label": side_label(side, articles),
                    "facts": list(group.facts),
                }
            )
            for fact_id in group.facts:
                fact = facts.get(fact_id)
                if fact is None:
                    claims.append({"fact": fact_id, "side": group.number})
                    location: dict[str, Any] = {
                        "message": {"text": f"{group.name}: {fact_id} (fact not in report)"}
                    }
                else:
                    claims.append(
                        {
                            "fact": fact.id,
                            "side": group.number,
                            "article": fact.article,
                            "stated": fact.stated,
                            "value": value_label(fact),
                            "sentence": fact.sentence,
                        }
                    )
                    location = _location(fact, group.name, articles.get(fact.article))
                location["id"] = len(related) + 1
                location["properties"] = {"side": group.number, "fact": fact_id}
                related.append(location)
        story = stories.get(finding.story) if finding.story else None
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index,
            "level": _LEVELS[finding.severity],
            "message": {"text": finding_headline(finding, stories)},
            "partialFingerprints": {"factcheck/v1": finding.id},
            "baselineState": "new" if finding.new else "unchanged",
            "properties": {
                "kind": finding.kind,
                "metric": finding.metric,
                "event": finding.event,
                "severity": finding.severity,
                "story": finding.story,
                "storyLabel": story.label if story is not None else None,
                "sides": sides,
                "claims": claims,
            },
        }
        if related:
            first = next((loc for loc in related if "physicalLocation" in loc), related[0])
            primary = {k: v for k, v in first.items() if k not in ("id", "properties")}
            result["locations"] = [primary]
            result["relatedLocations"] = related
        return result


def _location(fact: Fact, side: str, article: Article | None) -> dict[str, Any]:
    """A SARIF location for one claim: its article's file (if any), the article id, the words."""
    outlet = outlet_name(article)
    where = f"{outlet}, {fact.article}" if outlet else fact.article
    location: dict[str, Any] = {
        "logicalLocations": [{"fullyQualifiedName": fact.article, "kind": "resource"}],
        "message": {"text": f'{side}: "{fact.stated}" = {value_label(fact)} ({where})'},
    }
    uri = source_uri(article.source) if article is not None else None
    if uri is not None:
        location["physicalLocation"] = {"artifactLocation": {"uri": uri}}
    return location


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "label": story.label,
        "start": story.start.isoformat() if story.start else None,
        "end": story.end.isoformat() if story.end else None,
        "places": list(story.places),
        "articles": list(story.articles),
    }
