"""A report built by the pipeline from hostile articles, opened in headless Chromium.

tests/hostile_batch.py puts script, markup and template-injection payloads in
titles, text, URLs, outlets and a file name; the batch is checked as any
scraped batch would be and its HTML report opened via ``file://``. While the
page loads, its filters are used and every claim and link is hovered, the
test records dialogs (alert, confirm, prompt), requests and console messages,
and asserts: no dialog, no request but the file itself, no console error, no
page error, and no payload marker set on ``window``.

Uses Debian's /usr/bin/chromium (never ``playwright install``); skipped when
it is missing unless ``CI`` is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hostile_batch as hb  # tests/hostile_batch.py (tests/ is on sys.path)
import pytest

from checker.pipeline import check
from checker.report.html import HtmlReporter
from checker.rulebook import Rulebook

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, rulebook: Rulebook) -> Path:
    root = tmp_path_factory.mktemp("hostile-browser")
    batch = root / "batch"
    batch.mkdir()
    hb.write_batch(batch)
    report = check([str(batch)], rulebook).report
    assert report.findings
    path = root / "report.html"
    path.write_text(HtmlReporter().render(report), encoding="utf-8")
    return path


@pytest.fixture()
def session(browser: Any, report_file: Path) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    """The loaded page, and what it did: dialogs, requests, console errors, page errors."""
    seen: dict[str, list[str]] = {"dialogs": [], "requests": [], "console": [], "errors": []}
    context = browser.new_context()
    page = context.new_page()

    def on_dialog(dialog: Any) -> None:
        seen["dialogs"].append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on(
        "console",
        lambda message: (
            seen["console"].append(message.text) if message.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else route.abort()
        ),
    )
    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    try:
        yield page, seen
    finally:
        context.close()


def _exercise(page: Any) -> None:
    """Use the page as a reviewer would: filters off and on, hover claims and links."""
    boxes = page.locator("input[data-filter]")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
        boxes.nth(i).check()
    reset = page.locator("#filters-reset")
    if reset.count():
        reset.click()
    for selector in ("li.claim", "a", ".claim-title", "td", "code"):
        items = page.locator(selector)
        for i in range(min(items.count(), 40)):
            if items.nth(i).is_visible():
                items.nth(i).hover()
    page.wait_for_timeout(200)


def test_hostile_articles_run_nothing_and_reach_nothing(
    session: tuple[Any, dict[str, list[str]]],
) -> None:
    page, seen = session
    _exercise(page)
    assert seen["dialogs"] == []
    assert seen["requests"] == [page.url]
    assert page.url.startswith("file://")
    assert seen["console"] == []
    assert seen["errors"] == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0


def test_payloads_are_shown_as_text(session: tuple[Any, dict[str, list[str]]]) -> None:
    page, _ = session
    body = page.locator("body").inner_text()
    assert hb.SCRIPT in body
    assert hb.JINJA in body  # template syntax shown as written, never evaluated
    assert "onmouseover=alert(6)" in body  # the file name, as text


def test_links_lead_nowhere_but_the_web_and_the_page(
    session: tuple[Any, dict[str, list[str]]],
) -> None:
    page, _ = session
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    for href in hrefs:
        assert href.startswith(("#", "https://", "http://")), href
        assert "javascript:" not in href.lower()
