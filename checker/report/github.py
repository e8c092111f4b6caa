"""``--format github``: GitHub Actions workflow commands (annotations).

One line per finding::

    ::error title=factcheck conflict C001 (killed),file=seeds/a.txt::16 vs 17 killed...

``error`` and ``warning`` findings keep their level, ``info`` becomes
``notice``; a finding already in the baseline (``new`` is false) is always a
``notice`` with "(known)" in its title, so only new findings show as red or
yellow. The message is the summary followed by one line per claim (article,
stated words, interval). ``file=`` is the source of the first claim whose
article was read from a file (not stdin, not a URL). Each skipped input adds
one ``::warning`` line with its reason, so no input is silently lost.

Escaping follows GitHub's toolkit: in messages ``%`` -> ``%25``, ``\\r`` ->
``%0D``, ``\\n`` -> ``%0A``; in properties additionally ``:`` -> ``%3A`` and
``,`` -> ``%2C``.
"""

from __future__ import annotations

from checker.models import Article, Fact, Finding, Report
from checker.report._common import is_file_source, value_label

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
        lines = [self._finding(finding, facts, articles) for finding in report.findings]
        for record in report.inputs:
            if record.status == "skipped":
                props = {"title": "factcheck skipped input"}
                if is_file_source(record.path):
                    props["file"] = record.path
                reason = record.reason or "no reason given"
                lines.append(_command("warning", props, f"{record.path}: {reason}"))
        return "".join(line + "\n" for line in lines)

    @staticmethod
    def _finding(finding: Finding, facts: dict[str, Fact], articles: dict[str, Article]) -> str:
        level = _LEVELS[finding.severity] if finding.new else "notice"
        title = f"factcheck {finding.kind} {finding.rule} ({finding.metric})"
        if not finding.new:
            title += " (known)"
        properties = {"title": title}
        message = [finding.summary]
        for fact_id in finding.facts:
            fact = facts.get(fact_id)
            if fact is None:
                message.append(f"- {fact_id}: fact not in report")
                continue
            message.append(f'- {fact.article}: "{fact.stated}" -> {value_label(fact)}')
            article = articles.get(fact.article)
            if "file" not in properties and article is not None and is_file_source(article.source):
                properties["file"] = article.source
        message.append(f"id {finding.id}")
        return _command(level, properties, "\n".join(message))
