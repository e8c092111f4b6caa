"""Golden test: the HTML report of a fixed hand-built Report, byte for byte.

The report comes from ``report_fixture.build_report()`` (tests/report_fixture.py) and
is compared with ``tests/golden/report.html``. After an *intended* change to
the templates, the CSS or ``checker/report/html.py``, refresh the gold file and
review the diff before committing it::

    FACTCHECK_REFRESH_GOLDEN=1 .venv/bin/pytest -q tests/golden   # or: make golden

With ``FACTCHECK_REFRESH_GOLDEN=1`` the test rewrites the file instead of
comparing, and passes.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import report_fixture  # tests/report_fixture.py (tests/ is on sys.path)

from checker.report.html import HtmlReporter

GOLDEN = Path(__file__).with_name("report.html")


def test_html_report_matches_golden() -> None:
    html = HtmlReporter().render(report_fixture.build_report())
    if os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1":
        GOLDEN.write_text(html, encoding="utf-8", newline="\n")
        return
    assert GOLDEN.exists(), f"{GOLDEN} missing: run with FACTCHECK_REFRESH_GOLDEN=1 to create it"
    expected = GOLDEN.read_text(encoding="utf-8")
    if html != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                html.splitlines(keepends=True),
                fromfile=str(GOLDEN),
                tofile="rendered",
                n=2,
            )
        )
        lines = diff.splitlines()
        shown = "\n".join(lines[:80]) + ("\n..." if len(lines) > 80 else "")
        raise AssertionError(
            "HTML report differs from the golden file "
            "(if intended: FACTCHECK_REFRESH_GOLDEN=1 pytest tests/golden):\n" + shown
        )


def test_golden_file_is_the_full_report() -> None:
    """Guard against a truncated or empty gold file being accepted."""
    text = GOLDEN.read_text(encoding="utf-8")
    report = report_fixture.build_report()
    assert text.startswith("<!DOCTYPE html>")
    for finding in report.findings:
        assert finding.id in text
    for record in report.inputs:
        assert record.path in text
    assert text.count('class="numberline"') == len(report.findings) + sum(
        e.corroborated for e in report.events
    )
