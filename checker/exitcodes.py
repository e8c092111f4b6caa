"""Exit codes, and the one pure function that decides them."""

from __future__ import annotations

from collections.abc import Iterable

from checker.models import SEVERITY_RANK, Finding

OK = 0
FINDINGS = 1
ERROR = 2

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def exit_code(findings: Iterable[Finding], fail_on: str, had_input_errors: bool = False) -> int:
    """Return the process exit code for a finished run.

    2 when an input could not be read (or a usage/rule error happened), else 1
    when a *new* finding is at or above ``fail_on``, else 0. ``fail_on="never"``
    never fails on findings.
    """
    if had_input_errors:
        return ERROR
    if fail_on == "never":
        return OK
    threshold = SEVERITY_RANK[fail_on]
    for finding in findings:
        if finding.new and SEVERITY_RANK[finding.severity] >= threshold:
            return FINDINGS
    return OK
