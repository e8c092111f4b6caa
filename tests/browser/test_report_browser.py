"""Drive the HTML report in headless Chromium (Debian's /usr/bin/chromium).

The page is ``hostile_report()`` from tests/report_fixture.py, written to
``tmp_path`` and opened via ``file://``. Checks: no network request is even
attempted, the kind filter hides and shows findings (and a story whose
findings are all hidden), injected scripts never run, a finding's sides are
laid out as columns (an update's as a timeline, earliest first), and every
finding has its number-line SVG.

Skipped when /usr/bin/chromium is missing, except when the ``CI`` environment
variable is set (CI installs chromium, so a missing browser is a failure).
Never runs ``playwright install``: it uses the system chromium. One browser is
launched per module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import report_fixture  # tests/report_fixture.py (tests/ is on sys.path)

from checker.models import Report
from checker.report.html import HtmlReporter

pytestmark = pytest.mark.browser


fx = report_fixture


@pytest.fixture(scope="module")
def report() -> Report:
    return fx.hostile_report()


@pytest.fixture()
def loaded(browser: Any, report: Report, tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    """A page with the report loaded, and every URL it requested."""
    path = tmp_path / "report.html"
    path.write_text(HtmlReporter().render(report), encoding="utf-8")
    context = browser.new_context()
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    # Anything that is not the file itself is aborted (and recorded above).
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else route.abort()
        ),
    )
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    try:
        yield page, requests
    finally:
        context.close()


def test_no_network_requests(loaded: tuple[Any, list[str]]) -> None:
    page, requests = loaded
    page.wait_for_timeout(100)
    assert requests == [page.url], f"unexpected requests: {requests}"
    assert page.url.startswith("file://")


def test_hostile_text_does_not_execute(loaded: tuple[Any, list[str]]) -> None:
    page, _ = loaded
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    # the payloads are visible as text instead
    title = page.locator("article.finding .claim-title").first.inner_text()
    assert "<script>window.__pwned" in title


def test_kind_filter_hides_and_shows_findings(
    loaded: tuple[Any, list[str]], report: Report
) -> None:
    page, _ = loaded
    findings = page.locator("article.finding")
    assert findings.count() == len(report.findings)
    conflicts = page.locator('article.finding[data-kind="conflict"]')
    others = page.locator('article.finding:not([data-kind="conflict"])')
    assert conflicts.count() == 1 and others.count() == len(report.findings) - 1
    box = page.locator('input[data-filter="kind"][value="conflict"]')
    assert box.is_visible() and box.is_checked()

    box.uncheck()
    assert conflicts.first.is_hidden()
    assert all(others.nth(i).is_visible() for i in range(others.count()))
    assert page.locator("#shown").inner_text() == f"{others.count()} of {findings.count()} shown"

    box.check()
    assert conflicts.first.is_visible()
    assert all(findings.nth(i).is_visible() for i in range(findings.count()))


def test_severity_filter_and_reset(loaded: tuple[Any, list[str]]) -> None:
    page, _ = loaded
    info = page.locator('article.finding[data-severity="info"]')
    assert info.count() == 2
    page.locator('input[data-filter="severity"][value="info"]').uncheck()
    assert all(info.nth(i).is_hidden() for i in range(info.count()))
    page.locator("#filters-reset").click()
    assert all(info.nth(i).is_visible() for i in range(info.count()))


def test_number_line_per_finding(loaded: tuple[Any, list[str]], report: Report) -> None:
    page, _ = loaded
    findings = page.locator("article.finding")
    for i in range(findings.count()):
        finding = findings.nth(i)
        svg = finding.locator("svg.numberline")
        assert svg.count() == 1
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 40
        assert svg.locator("g.bar").count() == finding.locator("li.claim").count()


def test_story_sections_hide_with_their_findings(loaded: tuple[Any, list[str]]) -> None:
    page, _ = loaded
    strikes = page.locator(f"section#story-{fx.STRIKES}")
    ferry = page.locator(f"section#story-{fx.FERRY}")
    loose = page.locator("section#story-none")
    assert strikes.is_visible() and ferry.is_visible() and loose.is_visible()
    # the ferry story and the story-less finding are warnings only
    page.locator('input[data-filter="severity"][value="warning"]').uncheck()
    assert ferry.is_hidden() and loose.is_hidden()
    assert strikes.is_visible()
    page.locator("#filters-reset").click()
    assert ferry.is_visible() and loose.is_visible()


def test_sides_are_columns_and_an_update_is_a_timeline(loaded: tuple[Any, list[str]]) -> None:
    page, _ = loaded
    page.set_viewport_size({"width": 1280, "height": 900})
    conflict = page.locator('article.finding[data-kind="conflict"]')
    sides = conflict.locator("section.side")
    assert sides.count() == 2
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) < 1, "the sides sit side by side"
    assert second["x"] > first["x"] + first["width"]
    assert sides.nth(0).locator(".side-value").inner_text() == "16"
    assert sides.nth(1).locator(".side-value").inner_text() == "Seventeen"
    # each claim: its outlet (a payload here, shown as text), the number marked
    assert sides.nth(0).locator(".claim-source .outlet").inner_text() == fx.IMG
    assert sides.nth(0).locator("blockquote.sentence mark").inner_text() == "16"
    assert sides.nth(1).locator("blockquote.sentence mark").inner_text() == "Seventeen"
    update = page.locator('article.finding[data-kind="update"]')
    steps = update.locator("ol.timeline > li.step")
    assert steps.count() == 2
    assert [steps.nth(i).locator(".side-when").inner_text() for i in range(2)] == [
        "as of 2024-02-03",
        "as of 2024-02-05",
    ]
    early, late = steps.nth(0).bounding_box(), steps.nth(1).bounding_box()
    assert early is not None and late is not None and late["x"] > early["x"]
