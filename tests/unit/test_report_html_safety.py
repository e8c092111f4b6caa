"""The HTML report is self-contained and never lets article text become markup.

Renders tests/report_fixture.py's ``hostile_report()`` (script/img/svg
payloads in titles, sentences, places, attribution, part-of notes, story
labels and places, input paths and reasons, summaries, URLs, metrics) and
inspects the page with :mod:`html.parser`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import report_fixture  # tests/report_fixture.py (tests/ is on sys.path)

from checker.models import Report
from checker.report.html import HtmlReporter, make_environment

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


fx = report_fixture


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text outside script/style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in {"script", "style"}:
            self._in = tag
        if tag == "h3":
            self._heading = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
        if tag == "h3" and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)
            if self._heading is not None:
                self._heading.append(data)

    def named(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def hostile() -> Report:
    return fx.hostile_report()


@pytest.fixture(scope="module")
def html(hostile: Report) -> str:
    return HtmlReporter().render(hostile)


@pytest.fixture(scope="module")
def page(html: str) -> _Page:
    parser = _Page()
    parser.feed(html)
    parser.close()
    return parser


def test_environment_autoescapes_every_template() -> None:
    env = make_environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("payload", (*fx.PAYLOADS, fx.HOSTILE_PATH))
def test_payloads_never_appear_raw(html: str, payload: str) -> None:
    assert payload not in html
    # ...but they are shown, escaped, as text
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped.replace('"', "&#34;").replace("'", "&#39;") in html


def test_no_markup_from_the_data(page: _Page) -> None:
    tags = {name for name, _ in page.tags}
    assert "img" not in tags
    assert "link" not in tags
    assert "iframe" not in tags and "object" not in tags and "embed" not in tags
    assert len(page.named("script")) == 1, "only the report's own inline script"
    assert len(page.named("style")) == 1
    assert all("src" not in attrs for attrs in page.named("script"))
    for name, attrs in page.tags:
        handlers = [key for key in attrs if key.startswith("on")]
        assert not handlers, f"<{name}> has event handler attributes {handlers}"
    # svg only as our number lines
    assert all("numberline" in attrs.get("class", "") for attrs in page.named("svg"))


def test_no_external_urls(html: str, page: _Page) -> None:
    for name, attrs in page.tags:
        for key in ("src", "href", "action", "formaction", "xlink:href", "poster", "data"):
            value = attrs.get(key, "")
            assert "http://" not in value and "https://" not in value, (name, key, value)
            assert not value.strip().lower().startswith("javascript:"), (name, key, value)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), f"only in-page links, got {attrs['href']!r}"
    css = "".join(page.styles)
    assert "url(" not in css and "@import" not in css
    assert "http" not in css and "http" not in "".join(page.scripts)


def test_article_urls_are_text_not_links(hostile: Report, page: _Page) -> None:
    assert fx.EVIL_URL in page.all_text
    assert all(attrs.get("href", "").startswith("#") for attrs in page.named("a"))


def test_csp_meta_present(page: _Page) -> None:
    metas = [m for m in page.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    assert metas[0]["content"] == CSP
    # the CSP comes before anything that could load or run
    first = [name for name, _ in page.tags].index("meta")
    assert first < [name for name, _ in page.tags].index("style")


def test_every_input_and_reason_is_listed(hostile: Report, page: _Page) -> None:
    text = page.all_text
    for record in hostile.inputs:
        assert record.path in text
        if record.reason:
            assert record.reason in text
    rows = [a for a in page.named("tr") if a.get("class", "").startswith("status-")]
    assert [r["class"] for r in rows] == [f"status-{i.status}" for i in hostile.inputs]


def test_hostile_text_lands_in_text_and_attributes_only(hostile: Report, page: _Page) -> None:
    text = page.all_text
    assert fx.SCRIPT in text  # titles, sentences, victims
    assert fx.SVG in text  # places
    assert fx.IMG in text  # outlet, attribution
    finding_attrs = [
        attrs for attrs in page.named("article") if "finding" in attrs.get("class", "").split()
    ]
    assert len(finding_attrs) == len(hostile.findings)
    assert all(attrs["data-metric"] == fx.IMG for attrs in finding_attrs)


def test_number_still_highlighted_after_hostile_prefix(html: str) -> None:
    assert re.search(r"<mark>16</mark> people in Iraq", html)
    assert "<mark>Seventeen</mark>" in html


def test_inherited_country_is_shown_when_the_sentence_names_no_place() -> None:
    from checker.report.html import fact_view

    fact = fx.build_report().facts[0].model_copy(update={"places": [], "countries": ["Iraq"]})
    assert fact_view(fact, None, 0).places == "Iraq (from the article)"


def test_story_labels_and_places_are_text(hostile: Report, page: _Page) -> None:
    """The free text of stories (label, places) and of claims (part-of) stays text."""
    for story in hostile.stories:
        assert story.label in page.headings  # the section heading, verbatim
        assert ", ".join(story.places) in page.all_text
    part_of = {fact.part_of for fact in hostile.facts if fact.part_of}
    assert part_of and all(f"part of: {note}" in page.all_text for note in part_of)
    sections = [a for a in page.named("section") if a.get("class") == "story"]
    assert [a["id"] for a in sections] == [
        f"story-{fx.STRIKES}",
        f"story-{fx.FERRY}",
        "story-none",
    ]


def test_links_to_story_sections_stay_in_the_page(page: _Page) -> None:
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    links = [attrs["href"] for attrs in page.named("a")]
    story_links = [href for href in links if href.startswith("#story-")]
    assert story_links, "the stories and articles tables link to the story sections"
    assert all(href[1:] in ids for href in links), "every in-page link has its target"
