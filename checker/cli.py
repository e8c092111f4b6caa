"""The ``factcheck`` command line.

The pipeline, the reporters and the report model are imported by the commands
that use them, so that ``--help``, ``rules`` and ``schema`` start quickly.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from checker import __version__
from checker.collector import cyclic_gc_paused
from checker.exitcodes import ERROR, FAIL_ON_CHOICES, exit_code
from checker.rulebook import Rulebook, RuleError, default_rulebook

if TYPE_CHECKING:
    from checker.ingest import Limits
    from checker.models import InputRecord
    from checker.pipeline import CheckResult, Progress

_Command = TypeVar("_Command", bound=Callable[..., Any])

# Kept here (not imported from checker.ingest) so that --help stays quick.
_MAX_FILE_BYTES = 50_000_000
_MAX_ARTICLE_CHARS = 300_000

FORMATS = ("text", "json", "html", "junit", "github", "sarif")
# Findings (and corroborated events) listed on the terminal beside a report
# written to a file; a day's crawl has thousands.
SUMMARY_FINDINGS = 20
_SUFFIX_FORMAT = {
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".xml": "junit",
    ".sarif": "sarif",
}


def _rulebook(rule_dirs: tuple[str, ...]) -> Rulebook:
    try:
        return default_rulebook(tuple(rule_dirs))
    except RuleError as exc:
        click.echo(f"factcheck: rule error: {exc}", err=True)
        sys.exit(ERROR)


# Seconds between two updates of the progress line: one per article was a
# million writes to the terminal for a day's crawl.
PROGRESS_EVERY = 0.1


def _progress() -> Progress | None:
    """A progress line on stderr when it is a terminal (at most every
    ``PROGRESS_EVERY`` seconds, and at the end); nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    import time

    due = time.monotonic()

    def show(done: int, total: int) -> None:
        nonlocal due
        now = time.monotonic()
        if now < due and done != total:
            return
        due = now + PROGRESS_EVERY
        click.echo(f"\rextracting {done}/{total} articles", err=True, nl=done == total)

    return show


def _input_options(command: _Command) -> _Command:
    """The size limits and ``--skip-bad-input``, shared by the commands that read articles."""
    options = (
        click.option(
            "--max-file-size",
            type=click.IntRange(min=1),
            default=_MAX_FILE_BYTES,
            show_default=True,
            help="Skip a .txt/.json/HTML file, or a JSON line, larger than this many bytes.",
        ),
        click.option(
            "--max-article-size",
            type=click.IntRange(min=1),
            default=_MAX_ARTICLE_CHARS,
            show_default=True,
            help="Cut an article's text to its first this many characters.",
        ),
        click.option(
            "--skip-bad-input",
            is_flag=True,
            help="Do not exit 2 when an input (or part of one) was skipped or cut.",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _limits(max_file_size: int, max_article_size: int) -> Limits:
    from checker.ingest import Limits

    return Limits(max_file_bytes=max_file_size, max_article_chars=max_article_size)


def _warn_inputs(records: list[InputRecord]) -> None:
    """One line on stderr per input skipped, or read only in part, with its reason."""
    from checker.report.terminal import one_line

    for record in records:
        if record.status == "skipped":
            click.echo(
                f"factcheck: skipped {one_line(record.path)}: {one_line(record.reason)}", err=True
            )
        elif record.incomplete:
            click.echo(
                f"factcheck: read in part {one_line(record.path)}: {one_line(record.reason)}",
                err=True,
            )


def _codes(value: str | None) -> set[str]:
    return {c.strip() for c in (value or "").split(",") if c.strip()}


# Rule files that add to or override the bundled rules/ (see README, "How it works").
_rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    metavar="DIRECTORY",
    help="Rule files that add to or override the bundled rules (repeatable).",
)


_jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes for extraction and judging [default: every core; one for a small batch].",
)


@click.group()
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Cross-source fact-consistency checker for news."""


def run() -> NoReturn:
    """The ``factcheck`` program: ``main``, then an exit that leaves the heap as it stands.

    A batch ends with millions of objects alive (its facts, articles and
    stories); Python's own way out, freeing objects and modules one by one,
    took 0.15 s after a 3 MB batch and 0.3 s after 100 MB, for nothing: the
    process's memory goes back to the system at once. Output is flushed
    first, and the exit status is ``main``'s. Under a profiler or a tracer
    (pyinstrument, cProfile, coverage), and on an error other than
    ``SystemExit`` (a bug, with its traceback), the exit is the usual one.
    """
    try:
        main()
    except SystemExit as done:
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise  # a profiler or coverage writes its results on the usual way out
        status = exit_status(done.code)
    else:
        status = 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        status = status or 120  # as Python exits when its final flush fails
    os._exit(status)


def exit_status(code: object) -> int:
    """The process's status for ``SystemExit(code)``, as Python gives it (a message is printed)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="error",
    show_default=True,
    help="Exit 1 when a new finding is at or above this severity.",
)
@click.option("--baseline", type=click.Path(dir_okay=False), help="Accepted findings (JSON).")
@click.option("--select", help="Only report these finding rule codes (comma-separated).")
@click.option("--ignore", help="Drop these finding rule codes (comma-separated).")
@_jobs_option
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler (tcp://host:8786) or 'local'.",
)
@_rules_option
@_input_options
@cyclic_gc_paused(freeze=True)
def check(
    paths: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    fail_on: str,
    baseline: str | None,
    select: str | None,
    ignore: str | None,
    jobs: int | None,
    dask_address: str | None,
    rule_dirs: tuple[str, ...],
    max_file_size: int,
    max_article_size: int,
    skip_bad_input: bool,
) -> None:
    """Check the articles in PATHS ("-" for stdin) for cross-source discrepancies."""
    # The collector stays paused until the report is written, and what the
    # check made is then frozen: the first full collection after the pipeline
    # walked every fact of the batch (0.24 s at 10 MB, 2.1 s at 100 MB), as
    # would one on the way out.
    from checker.baseline import BaselineError, apply_baseline, read_baseline
    from checker.parallel import default_jobs
    from checker.report import get_reporter, write

    rulebook = _rulebook(rule_dirs)
    limits = _limits(max_file_size, max_article_size)
    if dask_address:
        result = _check_on_dask(paths, rulebook, dask_address, limits)
    else:
        from checker.pipeline import check as run_check

        result = run_check(
            paths,
            rulebook,
            jobs=jobs or default_jobs(),
            stdin=sys.stdin.buffer,
            progress=_progress(),
            limits=limits,
        )
    report = result.report
    findings = report.findings
    if select:
        findings = [f for f in findings if f.rule in _codes(select)]
    if ignore:
        findings = [f for f in findings if f.rule not in _codes(ignore)]
    if baseline:
        try:
            findings = apply_baseline(findings, read_baseline(Path(baseline)))
        except BaselineError as exc:
            click.echo(f"factcheck: {exc}", err=True)
            sys.exit(ERROR)
    report = report.model_copy(update={"findings": findings})
    if output:
        out_fmt = fmt or _SUFFIX_FORMAT.get(Path(output).suffix.lower(), "text")
        write(get_reporter(out_fmt), report, Path(output))
        if fmt is None:
            summary = get_reporter("text", limit=SUMMARY_FINDINGS)
            click.echo(summary.render(report), nl=False)
            click.echo(f"report written to {output}")
    else:
        click.echo(get_reporter(fmt or "text").render(report), nl=False)
    _warn_inputs(report.inputs)
    bad_input = result.had_input_errors and not skip_bad_input
    sys.exit(exit_code(report.findings, fail_on, bad_input))


def _check_on_dask(
    paths: tuple[str, ...], rulebook: Rulebook, address: str, limits: Limits
) -> CheckResult:
    """The check with extraction, stories and comparison on the Dask cluster at ``address``.

    Exit 2 when the cluster is unavailable.
    """
    from checker.dask_backend import DaskRun, DaskUnavailable, dask_client
    from checker.pipeline import check as run_check

    progress = _progress()
    try:
        with dask_client(address) as client:
            run = DaskRun(client)
            return run_check(
                paths,
                rulebook,
                stdin=sys.stdin.buffer,
                progress=progress,
                limits=limits,
                extractor=run.extract,
                storyteller=run.stories,
                judge=run.judge,
            )
    except DaskUnavailable as exc:
        click.echo(f"factcheck: {exc}", err=True)
        sys.exit(ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help="Output format: one JSON object per line.",
)
@_rules_option
@_input_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    rule_dirs: tuple[str, ...],
    max_file_size: int,
    max_article_size: int,
    skip_bad_input: bool,
) -> None:
    """Print every mention and fact in PATHS, one JSON object per line."""
    from checker.pipeline import stream_extract

    rulebook = _rulebook(rule_dirs)
    limits = _limits(max_file_size, max_article_size)
    had_errors = stream_extract(
        paths,
        rulebook,
        lambda item: click.echo(item.model_dump_json()),
        stdin=sys.stdin.buffer,
        limits=limits,
    )
    sys.exit(ERROR if had_errors and not skip_bad_input else 0)


@main.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the accepted findings' ids to FILE (JSON; for check --baseline).",
)
@_jobs_option
@_rules_option
@_input_options
@cyclic_gc_paused(freeze=True)
def baseline_cmd(
    paths: tuple[str, ...],
    output: str,
    jobs: int | None,
    rule_dirs: tuple[str, ...],
    max_file_size: int,
    max_article_size: int,
    skip_bad_input: bool,
) -> None:
    """Accept today's findings for PATHS: write their ids to OUTPUT."""
    from checker.baseline import write_baseline
    from checker.parallel import default_jobs
    from checker.pipeline import check as run_check

    rulebook = _rulebook(rule_dirs)
    limits = _limits(max_file_size, max_article_size)
    result = run_check(
        paths, rulebook, jobs=jobs or default_jobs(), stdin=sys.stdin.buffer, limits=limits
    )
    write_baseline(result.report, Path(output))
    click.echo(f"{len(result.report.findings)} findings written to {output}")
    _warn_inputs(result.report.inputs)
    sys.exit(ERROR if result.had_input_errors and not skip_bad_input else 0)


@main.group()
def rules() -> None:
    """Show the rules."""


@rules.command("list")
@_rules_option
def rules_list(rule_dirs: tuple[str, ...]) -> None:
    """List metric and finding rules with their codes."""
    book = _rulebook(rule_dirs)
    for metric in book.metrics:
        click.echo(f"{metric.code}  metric.{metric.name:<12} {metric.description}")
    for rule in book.findings.findings:
        click.echo(f"{rule.code}  {rule.kind}.{rule.name:<18} [{rule.severity}] {rule.description}")


@rules.command("explain")
@click.argument("code")
@_rules_option
def rules_explain(code: str, rule_dirs: tuple[str, ...]) -> None:
    """Explain the rule CODE (a metric code or name, or a finding code)."""
    book = _rulebook(rule_dirs)
    metric = book.metric(code)
    if metric is not None:
        click.echo(metric.model_dump_json(indent=2))
        return
    for rule in book.findings.findings:
        if rule.code == code.upper():
            click.echo(rule.model_dump_json(indent=2))
            return
    click.echo(f"factcheck: no rule {code!r}", err=True)
    sys.exit(ERROR)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the ``check --format json`` report."""
    from checker.models import Report

    click.echo(json.dumps(Report.model_json_schema(), indent=2, sort_keys=True))
