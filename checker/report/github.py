"""``--format github``: GitHub Actions workflow commands (annotations).

One line per finding::

    ::error title=factcheck conflict C001 (killed),file=seeds/a.txt::conflict: 16 (...) vs ...

``error`` and ``warning`` findings keep their level, ``info`` becomes
``notice``; a finding already in the baseline (``new`` is false) is always a
``notice`` with "(known)" in its title, so only new findings show as red or
yellow. The message is the summary, then the story (``story: <label>
(<dates>; <places>)``), then each side (``side 1: 16 (the ministry;
2 outlets)``) followed by its claims (article, outlet, stated words,
interval), then the finding's id. ``file=`` is the source of the first claim
(in side order) whose article was read from a file (not stdin, not a URL).
Each skipped input adds one ``::warning`` line with its reason, so no input
is silently lost.

Escaping follows GitHub's toolkit: in messages ``%`` -> ``%25``, ``\\r`` ->
``%0D``, ``\\n`` -> ``%0A``; in properties additionally ``:`` -> ``%3A`` and
``,`` -> ``%2C``.
"""

from __future__ import annotations

from checker.models import Article, Fact, Finding, Report, Story
from checker.report._common import (
    is_file_source,
    outlet_name,
    side_groups,
    side_lines,
    story_line,
    value_label,
)
from checker.report.terminal import escape_controls

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command message (and show control characters as escapes:
    the log that displays it is a terminal)."""
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(escaped)


def escape_property(value: str) -> str:
    """Escape a workflow command property value (``title=``, ``file=``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return (
        f"::{level} {props}::{escape_data(message)}"
        if props
        else f"::{level}::{escape_data(message)}"
    )


class GithubReporter:
    """Workflow-command annotations, one per finding."""

    name = "github"

    def render(self, report: Report) -> str:
        """The annotation lines, each ending with a newline (empty when nothing to say)."""
        facts = {fact.id: fact for fact in report.facts}
        articles = {article.id: article for article in report.articles}
        stories = {story.id: story for story in report.stories}
        lines = [self._finding(finding, facts, articles, stories) for finding in report.findings]
        for record in report.inputs:
            if record.status == "skipped":
                props = {"title": "factcheck skipped input"}
                if is_file_source(record.path):
                    props["file"] = record.path
                reason = record.reason or "no reason given"
                lines.append(_command("warning", props, f"{record.path}: {reason}"))
        return "".join(line + "\n" for line in lines)

    @staticmethod
    def _finding(
        finding: Finding,
        facts: dict[str, Fact],
        articles: dict[str, Article],
        stories: dict[str, Story],
    ) -> str:
        level = _LEVELS[finding.severity] if finding.new else "notice"
        title = f"factcheck {finding.kind} {finding.rule} ({finding.metric})"
        if not finding.new:
            title += " (known)"
        properties = {"title": title}
        message = [finding.summary]
        if finding.story:
            message.append(story_line(finding, stories))
        message.extend(side_lines(finding, facts, articles, _claim))
        sources = [
            a.source
            for group in side_groups(finding, facts, articles)
            for fid in group.facts
            if fid in facts
            and (a := articles.get(facts[fid].article)) is not None
            and is_file_source(a.source)
        ]
        if sources:
            properties["file"] = sources[0]
        message.append(f"id {finding.id}")
        return _command(level, properties, "\n".join(message))


def _claim(fact: Fact, article: Article | None) -> str:
    outlet = outlet_name(article)
    where = f"{fact.article} ({outlet})" if outlet else fact.article
    return f'{where}: "{fact.stated}" -> {value_label(fact)}'
