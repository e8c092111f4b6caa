"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards.

One run whose tool driver is ``factcheck``; its ``rules`` are the distinct
finding rule codes present in the report (sorted), with the name and
description from the rulebook when the reporter is given one. Each finding is
one result:

* ``ruleId`` / ``ruleIndex``, ``level`` (error, warning, or note for info),
  ``message.text`` = the summary;
* ``partialFingerprints["factcheck/v1"]`` = the finding's stable id, so
  dashboards track it across runs;
* ``baselineState`` ``new`` or ``unchanged`` (already in the baseline);
* ``locations``: the source of the first claim whose article has one (a file
  path becomes a relative URI, an absolute path a ``file://`` URI);
* ``properties``: kind, metric, event and the claims (article, stated, interval).

Skipped inputs are listed as run-level ``toolExecutionNotifications``.
Serialised with ``json.dumps(sort_keys=True, indent=2)``: deterministic.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker.models import Article, Fact, Finding, Report
from checker.report._common import STDIN_SOURCES, value_label
from checker.rulebook import Rulebook

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
        codes = sorted({finding.rule for finding in report.findings})
        index = {code: i for i, code in enumerate(codes)}
        rules = [self._rule(code, report.findings) for code in codes]
        results = [self._result(f, index[f.rule], facts, articles) for f in report.findings]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "factcheck",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"schema_version": report.schema_version},
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
        finding: Finding, rule_index: int, facts: dict[str, Fact], articles: dict[str, Article]
    ) -> dict[str, Any]:
        claims: list[dict[str, Any]] = []
        uri: str | None = None
        for fact_id in finding.facts:
            fact = facts.get(fact_id)
            if fact is None:
                claims.append({"fact": fact_id})
                continue
            claims.append(
                {
                    "fact": fact.id,
                    "article": fact.article,
                    "stated": fact.stated,
                    "value": value_label(fact),
                    "sentence": fact.sentence,
                }
            )
            article = articles.get(fact.article)
            if uri is None and article is not None:
                uri = source_uri(article.source)
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index,
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.summary},
            "partialFingerprints": {"factcheck/v1": finding.id},
            "baselineState": "new" if finding.new else "unchanged",
            "properties": {
                "kind": finding.kind,
                "metric": finding.metric,
                "event": finding.event,
                "severity": finding.severity,
                "claims": claims,
            },
        }
        if uri is not None:
            result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]
        return result
