"""``-o report.html``: one self-contained HTML page for a person to review.

The page is rendered from ``templates/report.html.j2`` (which extends
``base.html.j2`` and uses ``_story.html.j2``, ``_finding.html.j2``,
``_event.html.j2`` and ``_macros.html.j2``); ``report.css`` and the small
filter script are inlined, nothing is fetched from the network and a
Content-Security-Policy forbids it.

Layout: the findings are grouped by story, one section per story (its label,
date span, places and article count; the story of the worst finding first,
the findings without a story last, see ``_common.findings_by_story``). Each
finding shows its sides side by side, one column per side (its figure, who it
cites, how many outlets, then its claims: outlet, the sentence with the number
highlighted, attribution, as-of date); the sides of an ``update`` are a
timeline in as-of order. Under the sides, a number line draws every claim's
literal interval in its side's colour. Filters by kind, severity and metric
hide findings (and a story whose findings are all hidden). Then come the
corroborated events, a table of every story, the inputs (what was skipped and
why) and the articles.

Safety: Jinja2 runs with ``autoescape=True`` for *every* template (the files end
in ``.html.j2``, so extension-based autoescaping would not apply) and
``StrictUndefined``. This module never builds markup: it turns the report into
plain view data (strings, numbers, booleans in frozen dataclasses) and the
templates escape all of it. The highlighted number in a sentence is passed as
three strings ``(before, number, after)``; the template wraps the middle one in
``<mark>``. The number line's coordinates are computed here as numbers and
drawn by the template as inline SVG.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from checker import paths
from checker.models import SEVERITIES, Article, Event, Fact, Finding, Report, Story
from checker.report._common import (
    SideGroup,
    date_label,
    findings_by_story,
    is_timeline,
    likely_label,
    outlet_name,
    short_article_id,
    side_asof,
    side_groups,
    span_label,
    value_label,
)
from checker.report.terminal import escape_controls
from checker.rulebook import cache_dir
from checker.wording import side_attribution, side_outlets, side_value

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

KINDS = ("conflict", "tension", "update", "scope", "date")
#: Number of distinct colours for the sides of one finding (``series-0`` ...); the
#: last one (grey) is kept for claims that are on no side.
SERIES = 6
EXTRA_SERIES = SERIES - 1

# Number-line geometry (SVG user units).
NL_WIDTH = 720
NL_MARGIN = 40
NL_ROW = 26
NL_TOP = 8
NL_AXIS = 30
NL_OVERSHOOT = 22


# --- view data -----------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """A sentence split around the stated number; ``marked`` false means no highlight."""

    before: str
    number: str
    after: str
    marked: bool


@dataclass(frozen=True)
class FactView:
    """One claim, ready to print."""

    id: str
    series: int
    found: bool
    article: str
    article_short: str
    title: str
    outlet: str
    metric: str
    stated: str
    sentence: Highlight
    value: str
    likely: str
    victims: str
    places: str
    date: str
    attribution: str
    cumulative: bool
    weekday: str
    duplicate_of: str
    source: str = ""
    asof: str = ""
    scope: str = ""
    part_of: str = ""
    background: bool = False
    increment: bool = False
    #: True when the claim before it (in the same side) comes from the same article.
    continued: bool = False


def _places_text(places: list[str], countries: list[str]) -> str:
    """The places a fact names, with the countries it was given when it names none."""
    if places:
        return ", ".join(places)
    if countries:
        return f"{', '.join(countries)} (from the article)"
    return ""


@dataclass(frozen=True)
class Tick:
    """An axis tick at ``x`` with its label."""

    x: float
    label: str


@dataclass(frozen=True)
class Bar:
    """One claim's interval on the number line."""

    series: int
    y: float
    x1: float
    x2: float
    open_low: bool
    open_high: bool
    point: bool
    unknown: bool
    label: str
    label_x: float
    label_anchor: str


@dataclass(frozen=True)
class NumberLine:
    """An SVG number line of the claims' literal intervals."""

    width: int
    height: int
    left: float
    right: float
    axis_y: float
    ticks: list[Tick]
    bars: list[Bar]
    description: str


@dataclass(frozen=True)
class SideView:
    """One side of a finding: claims that agree, with what they say and who says it.

    ``number`` is the side's 1-based place in the finding's ``sides`` (0 for
    claims on no side); ``name`` is its heading ("Side 1", "Claim", "Also
    cited"); ``asof`` the as-of day(s) of its claims, the timeline's dates.
    """

    number: int
    series: int
    name: str
    value: str
    attribution: str
    outlets: int
    asof: str
    extra: bool
    claims: list[FactView]


@dataclass(frozen=True)
class FindingView:
    """One finding with its sides side by side (a timeline for an update)."""

    id: str
    rule: str
    kind: str
    severity: str
    metric: str
    event: str
    summary: str
    new: bool
    timeline: bool
    sides: list[SideView]
    facts: list[FactView]
    numberline: NumberLine


@dataclass(frozen=True)
class StoryView:
    """A section of the page: one story's findings (``listed`` false: no story)."""

    id: str
    anchor: str
    label: str
    listed: bool
    dates: str
    places: str
    articles: int
    findings: list[FindingView]
    severities: list[Choice]


@dataclass(frozen=True)
class StoryRow:
    """One row of the stories table."""

    id: str
    anchor: str
    label: str
    dates: str
    places: str
    articles: int
    findings: int
    severities: list[Choice]


@dataclass(frozen=True)
class EventView:
    """A corroborated event and its claims."""

    id: str
    key: str
    metric: str
    story: str
    sources: int
    facts: list[FactView]
    numberline: NumberLine


@dataclass(frozen=True)
class InputView:
    """One row of the inputs table."""

    path: str
    status: str
    reason: str
    articles: int


@dataclass(frozen=True)
class ArticleView:
    """One row of the articles table."""

    id: str
    title: str
    outlet: str
    url: str
    published: str
    published_from: str
    duplicate_of: str
    facts: int
    story: str = ""
    story_anchor: str = ""


@dataclass(frozen=True)
class Choice:
    """A filter checkbox: its value and how many findings have it."""

    value: str
    count: int


@dataclass(frozen=True)
class Counts:
    """Header numbers."""

    inputs: int
    inputs_ok: int
    inputs_skipped: int
    articles: int
    duplicates: int
    facts: int
    events: int
    corroborated: int
    stories: int
    stories_with_findings: int
    findings: int
    new_findings: int
    severities: list[Choice]
    kinds: list[Choice]
    metrics: list[Choice]


# --- helpers -------------------------------------------------------------------------


def highlight(sentence: str, span: Sequence[int], sentence_span: Sequence[int]) -> Highlight:
    """Split ``sentence`` around the absolute ``span`` of the number.

    ``span`` and ``sentence_span`` are absolute offsets in the article text;
    the local offsets are ``span - sentence_span[0]``. When they do not fall
    inside the sentence the whole sentence is returned unhighlighted.
    """
    try:
        start = int(span[0]) - int(sentence_span[0])
        end = int(span[1]) - int(sentence_span[0])
    except (IndexError, TypeError, ValueError):
        return Highlight(sentence, "", "", False)
    if 0 <= start < end <= len(sentence):
        return Highlight(sentence[:start], sentence[start:end], sentence[end:], True)
    return Highlight(sentence, "", "", False)


def _number(value: float) -> str:
    value = round(value, 6)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _nice_step(span: float, target: int = 5, integer: bool = False) -> float:
    """A round tick step giving about ``target`` ticks; whole numbers for whole data."""
    raw = span / target
    if integer and raw <= 1:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(raw))
    factors = (1.0, 2.0, 5.0, 10.0) if integer else (1.0, 2.0, 2.5, 5.0, 10.0)
    for factor in factors:
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10.0 * magnitude  # pragma: no cover - the loop always returns


def _bounds(fact: Fact) -> tuple[float | None, float | None]:
    """The literal interval of a fact, or its date range (as day ordinals) for dates."""
    if fact.metric == "date":
        start, end = fact.date.start, fact.date.end
        return (
            float(start.toordinal()) if start else None,
            float(end.toordinal()) if end else None,
        )
    low, high = fact.interval.low, fact.interval.high
    return (
        None if low is None else float(low),
        None if high is None else float(high),
    )


def number_line(
    facts: Sequence[Fact], labels: Sequence[str], series: Sequence[int] | None = None
) -> NumberLine:
    """Lay out the facts' intervals on one axis (all coordinates in SVG units).

    ``series`` gives each bar its colour (its side's); by default each bar
    has its own.
    """
    is_date = bool(facts) and all(f.metric == "date" for f in facts)
    bounds = [_bounds(f) for f in facts]
    finite = [v for pair in bounds for v in pair if v is not None]
    if finite:
        lo, hi = min(finite), max(finite)
    else:
        lo, hi = 0.0, 1.0
    span = hi - lo
    pad = max(span * 0.12, 1.0)
    dlo, dhi = lo - pad, hi + pad
    if any(high is None and low is not None for low, high in bounds):
        dhi += max(span * 0.25, 1.5)
    if any(low is None and high is not None for low, high in bounds):
        dlo -= max(span * 0.25, 1.5)

    left, right = float(NL_MARGIN), float(NL_WIDTH - NL_MARGIN)

    def x(value: float) -> float:
        return round(left + (value - dlo) / (dhi - dlo) * (right - left), 1)

    integer = is_date or all(float(v).is_integer() for v in finite)
    step = _nice_step(dhi - dlo, integer=integer)
    ticks: list[Tick] = []
    k = math.ceil(dlo / step)
    while k * step <= dhi + 1e-9:
        value = k * step
        label = dt.date.fromordinal(int(value)).isoformat() if is_date else _number(value)
        ticks.append(Tick(x(value), label))
        k += 1

    bars: list[Bar] = []
    for i, ((low, high), label) in enumerate(zip(bounds, labels, strict=True)):
        y = float(NL_TOP + 14 + i * NL_ROW)
        unknown = low is None and high is None
        # open ends run past the axis into the margin, so they never seem to stop at a tick
        x1 = left - (0 if unknown else NL_OVERSHOOT) if low is None else x(low)
        x2 = right + (0 if unknown else NL_OVERSHOOT) if high is None else x(high)
        if x1 < right * 0.6 or unknown:
            label_x, anchor = x1, "start"
        else:
            label_x, anchor = x2, "end"
        bars.append(
            Bar(
                series=(series[i] if series is not None else i) % SERIES,
                y=y,
                x1=x1,
                x2=x2,
                open_low=low is None and not unknown,
                open_high=high is None and not unknown,
                point=low is not None and low == high,
                unknown=unknown,
                label=label,
                label_x=label_x,
                label_anchor=anchor,
            )
        )
    axis_y = float(NL_TOP + 14 + max(len(facts), 1) * NL_ROW - 8)
    description = "Number line of the claims: " + "; ".join(labels) if labels else "No claims"
    return NumberLine(
        width=NL_WIDTH,
        height=int(axis_y + NL_AXIS),
        left=left,
        right=right,
        axis_y=axis_y,
        ticks=ticks,
        bars=bars,
        description=description,
    )


def _missing_fact(fact_id: str, series: int) -> FactView:
    return FactView(
        id=fact_id,
        series=series,
        found=False,
        article="",
        article_short="",
        title="",
        outlet="",
        metric="",
        stated="",
        sentence=Highlight("", "", "", False),
        value="",
        likely="",
        victims="",
        places="",
        date="",
        attribution="",
        cumulative=False,
        weekday="",
        duplicate_of="",
    )


def fact_view(fact: Fact, article: Article | None, series: int) -> FactView:
    """The printable form of one fact."""
    outlet = outlet_name(article)
    return FactView(
        id=fact.id,
        series=series % SERIES,
        found=True,
        article=fact.article,
        article_short=short_article_id(fact.article),
        title=(article.title or "") if article else "",
        outlet=outlet,
        metric=fact.metric,
        stated=fact.stated,
        sentence=highlight(fact.sentence, fact.span, fact.sentence_span),
        value=value_label(fact),
        likely=likely_label(fact),
        victims=fact.victims or "",
        places=_places_text(fact.places, fact.countries),
        date=date_label(fact.date),
        attribution=fact.attribution or "",
        cumulative=fact.cumulative,
        weekday=fact.weekday or "",
        duplicate_of=(article.duplicate_of or "") if article else "",
        source=outlet or short_article_id(fact.article),
        asof=fact.asof.isoformat() if fact.asof else "",
        scope=fact.scope or "",
        part_of=fact.part_of or "",
        background=fact.background,
        increment=fact.increment,
    )


def _story_anchor(story_id: str | None) -> str:
    """The element id of a story's section (``story-none`` for the findings without one)."""
    return f"story-{story_id}" if story_id else "story-none"


class _Lookup:
    def __init__(self, report: Report) -> None:
        self.facts = {fact.id: fact for fact in report.facts}
        self.articles = {article.id: article for article in report.articles}
        self.events = {event.id: event for event in report.events}
        self.stories = {story.id: story for story in report.stories}

    def claims(self, fact_ids: Sequence[str]) -> tuple[list[FactView], NumberLine]:
        """The claims of an event, each in its own colour, and their number line."""
        views: list[FactView] = []
        found: list[Fact] = []
        labels: list[str] = []
        for i, fact_id in enumerate(fact_ids):
            fact = self.facts.get(fact_id)
            if fact is None:
                views.append(_missing_fact(fact_id, i % SERIES))
                continue
            view = fact_view(fact, self.articles.get(fact.article), len(found))
            views.append(view)
            found.append(fact)
            labels.append(f"{view.value} · {view.source}")
        return views, number_line(found, labels)

    def side(self, group: SideGroup, position: int) -> tuple[SideView, list[Fact]]:
        """One side's view (coloured by its place among the sides) and its facts."""
        series = EXTRA_SERIES if group.extra else position % EXTRA_SERIES
        facts = [self.facts[fid] for fid in group.facts if fid in self.facts]
        claims: list[FactView] = []
        previous = ""
        for fid in group.facts:
            fact = self.facts.get(fid)
            if fact is None:
                claims.append(_missing_fact(fid, series))
                previous = ""
                continue
            claim = fact_view(fact, self.articles.get(fact.article), series)
            claims.append(replace(claim, continued=fact.article == previous))
            previous = fact.article
        start, end = side_asof(group.facts, self.facts, self.articles)
        side = SideView(
            number=group.number,
            series=series,
            name=group.name[:1].upper() + group.name[1:],
            value=side_value(facts),
            attribution=side_attribution(facts),
            outlets=side_outlets(facts, self.articles),
            asof=span_label(start, end),
            extra=group.extra,
            claims=claims,
        )
        return side, facts

    def finding(self, finding: Finding) -> FindingView:
        """A finding with its sides (in as-of order for an update) and their number line."""
        sides: list[SideView] = []
        drawn: list[Fact] = []
        labels: list[str] = []
        colours: list[int] = []
        groups = side_groups(finding, self.facts, self.articles)
        timeline = is_timeline(finding) and len(groups) > 1
        for position, group in enumerate(groups):
            view, facts = self.side(group, position)
            sides.append(view)
            for fact, claim in zip(facts, [c for c in view.claims if c.found], strict=True):
                drawn.append(fact)
                when = f" · as of {claim.asof}" if timeline and claim.asof else ""
                labels.append(f"{claim.value} · {claim.source}{when}")
                colours.append(view.series)
        event = self.events.get(finding.event) if finding.event else None
        return FindingView(
            id=finding.id,
            rule=finding.rule,
            kind=finding.kind,
            severity=finding.severity,
            metric=finding.metric,
            event=event.key if event else (finding.event or ""),
            summary=finding.summary,
            new=finding.new,
            timeline=timeline,
            sides=sides,
            facts=[claim for side in sides for claim in side.claims],
            numberline=number_line(drawn, labels, colours),
        )


def _choices(values: Sequence[str], order: Sequence[str] = ()) -> list[Choice]:
    counts = Counter(values)
    known = [v for v in order if v in counts]
    rest = sorted(v for v in counts if v not in order)
    return [Choice(v, counts[v]) for v in [*known, *rest]]


def _severity_rank(finding: Finding) -> int:
    return SEVERITIES.index(finding.severity) if finding.severity in SEVERITIES else 99


def _story_view(
    story: Story | None, story_id: str | None, findings: list[FindingView]
) -> StoryView:
    severities = _choices([f.severity for f in findings], SEVERITIES)
    if story is None:
        return StoryView(
            id=story_id or "",
            anchor=_story_anchor(story_id),
            label=f"Story {story_id}" if story_id else "Findings without a story",
            listed=False,
            dates="",
            places="",
            articles=0,
            findings=findings,
            severities=severities,
        )
    return StoryView(
        id=story.id,
        anchor=_story_anchor(story.id),
        label=story.label,
        listed=True,
        dates=span_label(story.start, story.end),
        places=", ".join(story.places),
        articles=len(story.articles),
        findings=findings,
        severities=severities,
    )


# --- the reporter ---------------------------------------------------------------------


def _visible_controls(value: Any) -> Any:
    """A printed value with control characters (a file name's escape sequences, a
    bidi override) shown as escapes; the replacement adds no markup, so a
    ``Markup`` value stays safe."""
    if not isinstance(value, str):
        return value
    shown = escape_controls(value)
    if shown == value:
        return value
    return Markup(shown) if isinstance(value, Markup) else shown


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept in the user's cache directory (beside the rulebook's).

    Compiling the templates takes longer than rendering a small report;
    Jinja2 keys each entry by the template's name and source, so an edited
    template is compiled again. None when there is no cache directory.
    """
    from jinja2 import FileSystemBytecodeCache

    base = cache_dir()
    if base is None:
        return None
    directory = base / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory))


def make_environment(templates: Path | None = None) -> Environment:
    """The Jinja2 environment: autoescape on for every template, strict undefined,
    control characters in printed values shown as escapes."""
    # Imported here: a check that writes no HTML need not load Jinja2.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(templates or paths.templates_dir())),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        finalize=_visible_controls,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class HtmlReporter:
    """The self-contained HTML review page."""

    name = "html"

    def __init__(self, templates: Path | None = None, title: str = "factcheck report") -> None:
        self.environment = make_environment(templates)
        self.title = title

    def context(self, report: Report) -> dict[str, object]:
        """The plain data handed to ``report.html.j2``."""
        lookup = _Lookup(report)
        # most severe first (a stable sort: the pipeline's order is kept otherwise),
        # then grouped by story, the story of the worst finding first
        ordered = report.model_copy(
            update={"findings": sorted(report.findings, key=_severity_rank)}
        )
        stories = [
            _story_view(group.story, group.story_id, [lookup.finding(f) for f in group.findings])
            for group in findings_by_story(ordered)
        ]
        # Each story's findings' severities, in the report's order: one pass
        # over the findings, not one per story (a day's crawl has tens of
        # thousands of each).
        severities_of: dict[str, list[str]] = defaultdict(list)
        for finding in report.findings:
            if finding.story:
                severities_of[finding.story].append(finding.severity)
        per_story = Counter({story: len(found) for story, found in severities_of.items()})
        story_rows = [
            StoryRow(
                id=story.id,
                anchor=_story_anchor(story.id) if per_story[story.id] else "",
                label=story.label,
                dates=span_label(story.start, story.end),
                places=", ".join(story.places),
                articles=len(story.articles),
                findings=per_story[story.id],
                severities=_choices(severities_of.get(story.id, []), SEVERITIES),
            )
            for story in report.stories
        ]
        story_of = {aid: story for story in report.stories for aid in story.articles}
        events = [self._event(event, lookup) for event in report.events if event.corroborated]
        fact_counts = Counter(fact.article for fact in report.facts)
        articles = [
            ArticleView(
                id=a.id,
                title=a.title or "",
                outlet=a.outlet or "",
                url=a.url or "",
                published=a.published.isoformat() if a.published else "",
                published_from=a.published_from or "",
                duplicate_of=a.duplicate_of or "",
                facts=fact_counts[a.id],
                story=story_of[a.id].label if a.id in story_of else "",
                story_anchor=(
                    _story_anchor(story_of[a.id].id)
                    if a.id in story_of and per_story[story_of[a.id].id]
                    else ""
                ),
            )
            for a in report.articles
        ]
        inputs = [
            InputView(path=r.path, status=r.status, reason=r.reason or "", articles=r.articles)
            for r in report.inputs
        ]
        skipped = sum(1 for r in report.inputs if r.status == "skipped")
        counts = Counts(
            inputs=len(report.inputs),
            inputs_ok=len(report.inputs) - skipped,
            inputs_skipped=skipped,
            articles=len(report.articles),
            duplicates=sum(1 for a in report.articles if a.duplicate_of),
            facts=len(report.facts),
            events=len(report.events),
            corroborated=len(events),
            stories=len(report.stories),
            stories_with_findings=sum(1 for row in story_rows if row.findings),
            findings=len(report.findings),
            new_findings=sum(1 for f in report.findings if f.new),
            severities=_choices([f.severity for f in report.findings], SEVERITIES),
            kinds=_choices([f.kind for f in report.findings], KINDS),
            metrics=_choices([f.metric for f in report.findings]),
        )
        return {
            "title": self.title,
            "schema_version": report.schema_version,
            "generator": report.generator,
            "counts": counts,
            "stories": stories,
            "story_rows": story_rows,
            "events": events,
            "inputs": inputs,
            "articles": articles,
        }

    @staticmethod
    def _event(event: Event, lookup: _Lookup) -> EventView:
        facts, line = lookup.claims(event.facts)
        story = lookup.stories.get(event.story) if event.story else None
        return EventView(
            id=event.id,
            key=event.key,
            metric=event.metric,
            story=story.label if story is not None else "",
            sources=len(event.sources),
            facts=facts,
            numberline=line,
        )

    def render(self, report: Report) -> str:
        """The whole HTML document, ending with a newline."""
        html = self.environment.get_template("report.html.j2").render(self.context(report))
        return html.rstrip("\n") + "\n"


__all__ = [
    "HtmlReporter",
    "date_label",
    "fact_view",
    "highlight",
    "make_environment",
    "number_line",
]
