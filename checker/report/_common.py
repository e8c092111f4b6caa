"""Small helpers shared by the reporters: how a fact's value and date read, how
findings group by story, and how a finding's sides are named and ordered.

Kept out of ``checker/report/__init__.py`` (which only holds the registry) so
the format modules can import them without a circular import.

Sides (see DESIGN.md, "Findings are two-sided"): a finding's ``sides`` are
lists of fact ids that agree; the finding reads "side 1 vs side 2 ...". Every
reporter shows them through :func:`side_groups`, which also copes with
findings written before sides existed (no ``sides``: one group of all the
claims) and with claims listed in ``facts`` but on no side (an "also cited"
group at the end), so no claim is ever dropped from an output. The sides of
an ``update`` finding are a timeline: :func:`side_groups` orders them by their
as-of dates (earliest first) when every side has one, and otherwise keeps the
order the finding gives (lower, earlier side first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from checker.models import Article, DateRange, Fact, Finding, Report, Story
from checker.wording import side_label

STDIN_SOURCES = frozenset({"-", "<stdin>"})
#: The heading of the findings that belong to no story (or to one the report does not list).
NO_STORY = "No story"


def date_label(date: DateRange) -> str:
    """``2024-02-02``, ``2024-02-01 to 2024-02-03``, or ``""`` when unknown."""
    if date.start is None and date.end is None:
        return ""
    if date.start == date.end:
        return str(date.start)
    return f"{date.start or '…'} to {date.end or '…'}"


def span_label(start: dt.date | None, end: dt.date | None) -> str:
    """Like :func:`date_label` for a pair of dates (a story's span, a side's as-of days)."""
    return date_label(DateRange(start=start, end=end))


def value_label(fact: Fact) -> str:
    """What a fact says, compactly: its literal interval (``16``, ``161+``) with
    the unit, or its date for a date fact (whose interval is not a count)."""
    if fact.metric == "date":
        return date_label(fact.date) or "unknown date"
    label = fact.interval.label()
    return f"{label} {fact.unit}" if fact.unit else label


def likely_label(fact: Fact) -> str:
    """The likely interval a reader would take, with the unit ("" for a date fact)."""
    if fact.metric == "date":
        return ""
    label = fact.likely.label()
    return f"{label} {fact.unit}" if fact.unit else label


def is_file_source(source: str) -> bool:
    """True when an article source names a file (not stdin, not a URL)."""
    return bool(source) and source not in STDIN_SOURCES and "://" not in source


def short_article_id(article_id: str) -> str:
    """``seeds/a.txt#2`` -> ``a.txt#2`` (the file name and the article number)."""
    path, sep, number = article_id.rpartition("#")
    if not sep:
        return PurePosixPath(article_id.replace("\\", "/")).name or article_id
    return f"{PurePosixPath(path.replace(chr(92), '/')).name or path}#{number}"


def outlet_name(article: Article | None) -> str:
    """Who published an article: its outlet, else its URL's host, else ``""``."""
    if article is None:
        return ""
    if article.outlet:
        return article.outlet
    if article.url:
        try:
            host = urlsplit(article.url).hostname or ""
        except ValueError:
            host = ""
        return host.removeprefix("www.")
    return ""


def source_name(fact: Fact, articles: Mapping[str, Article]) -> str:
    """A short name for where a claim comes from: the outlet, else the short article id."""
    return outlet_name(articles.get(fact.article)) or short_article_id(fact.article)


# --- stories -------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryGroup:
    """The findings of one story, in the report's order.

    ``story`` is None for the findings without a story, and for those whose
    story id the report does not list (``story_id`` keeps that id).
    """

    story_id: str | None
    story: Story | None
    findings: list[Finding]

    @property
    def label(self) -> str:
        """The story's label; its id when the report does not list it; ``NO_STORY``."""
        if self.story is not None:
            return self.story.label
        return f"story {self.story_id}" if self.story_id else NO_STORY


def findings_by_story(report: Report) -> list[StoryGroup]:
    """The report's findings grouped by story.

    Stories come in the order of their first finding (the pipeline sorts
    findings most severe first, so the story with the worst finding leads);
    findings keep the report's order inside a story; the findings without a
    story come last. Stories with no finding are not listed.
    """
    stories = {story.id: story for story in report.stories}
    groups: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.story or None, []).append(finding)
    keys: list[str | None] = [key for key in groups if key is not None]
    if None in groups:
        keys.append(None)
    return [StoryGroup(key, stories.get(key) if key else None, groups[key]) for key in keys]


def story_details(story: Story) -> str:
    """``2024-02-02 to 2024-02-05; Iraq, Syria`` (empty parts left out)."""
    parts = [span_label(story.start, story.end), ", ".join(story.places)]
    return "; ".join(part for part in parts if part)


def story_line(finding: Finding, stories: Mapping[str, Story]) -> str:
    """``story: US strikes in Iraq (2024-02-02; Iraq)``, or ``story S12`` when not listed."""
    story = stories.get(finding.story or "")
    if story is None:
        return f"story {finding.story}"
    details = story_details(story)
    return f"story: {story.label}" + (f" ({details})" if details else "")


def story_headline(group: StoryGroup) -> str:
    """``US strikes in Iraq (2024-02-02 to 2024-02-05; Iraq, Syria)``: label and details."""
    if group.story is None:
        return group.label
    details = story_details(group.story)
    return f"{group.label} ({details})" if details else group.label


def finding_headline(finding: Finding, stories: Mapping[str, Story]) -> str:
    """The finding's summary followed by its story's label: one line for CI messages."""
    if not finding.story:
        return finding.summary
    story = stories.get(finding.story)
    label = story.label if story is not None else finding.story
    return f"{finding.summary} (story: {label})"


# --- sides ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SideGroup:
    """A group of a finding's claims as a reporter shows it.

    ``number`` is the side's 1-based place in the finding's ``sides`` (0 for a
    group that is not a side); ``name`` is how to call it in lower case:
    ``side 1``, ``claim``/``claims`` for a one-sided finding or one without
    sides, ``also cited`` for claims on no side.
    """

    number: int
    name: str
    facts: list[str]
    extra: bool = False


def _asof(fact: Fact, articles: Mapping[str, Article]) -> dt.date | None:
    if fact.asof is not None:
        return fact.asof
    article = articles.get(fact.article)
    return article.published if article is not None else None


def side_asof(
    fact_ids: Sequence[str], facts: Mapping[str, Fact], articles: Mapping[str, Article]
) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and latest as-of day of a side's claims (publication day when unset)."""
    days = sorted(
        day
        for fid in fact_ids
        if (fact := facts.get(fid)) is not None and (day := _asof(fact, articles)) is not None
    )
    return (days[0], days[-1]) if days else (None, None)


def is_timeline(finding: Finding) -> bool:
    """True when a finding's sides are moments of one running figure (an update)."""
    return finding.kind == "update"


def side_groups(
    finding: Finding, facts: Mapping[str, Fact], articles: Mapping[str, Article]
) -> list[SideGroup]:
    """The finding's sides as reporters show them (see the module docstring)."""
    sides = [list(side) for side in finding.sides if side]
    on_side = {fid for side in sides for fid in side}
    rest = [fid for fid in finding.facts if fid not in on_side]
    groups: list[SideGroup] = []
    if not sides:
        return [SideGroup(0, "claim" if len(rest) == 1 else "claims", rest)] if rest else []
    numbered = list(enumerate(sides, 1))
    if is_timeline(finding):
        spans = [side_asof(side, facts, articles) for side in sides]
        if all(start is not None for start, _end in spans):
            order = sorted(range(len(sides)), key=lambda i: (spans[i][0], spans[i][1], i))
            numbered = [numbered[i] for i in order]
    for number, side in numbered:
        name = f"side {number}" if len(sides) > 1 else ("claim" if len(side) == 1 else "claims")
        groups.append(SideGroup(number, name, side))
    if rest:
        groups.append(SideGroup(0, "also cited", rest, extra=True))
    return groups


def side_lines(
    finding: Finding,
    facts: Mapping[str, Fact],
    articles: Mapping[str, Article],
    claim: Callable[[Fact, Article | None], str],
) -> list[str]:
    """Plain-text lines for a finding's sides: each side's label, then one line per claim.

    ``claim`` words one claim (its source, stated text and value) for the
    reporter at hand; a fact the report does not hold is said to be missing.
    """
    lines: list[str] = []
    for group in side_groups(finding, facts, articles):
        side = [facts[fid] for fid in group.facts if fid in facts]
        lines.append(f"{group.name}: {side_label(side, articles)}")
        for fact_id in group.facts:
            fact = facts.get(fact_id)
            if fact is None:
                lines.append(f"- {fact_id}: fact not in report")
            else:
                lines.append("- " + claim(fact, articles.get(fact.article)))
    return lines
