"""The shared state of one pass of date finding over a text, and the nearest-year rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.extract.date_cues import CueScan
from checker.extract.date_grammar import DateGrammar
from checker.extract.lexicon import Lexicon
from checker.extract.spans import SpanIndex
from checker.extract.tense import is_future, is_past
from checker.models import DateRange, Interval, Mention, MentionKind

_LONG_WORD_STOP_RE = re.compile(r"[A-Za-z]{5,}\.$")


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 April)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, published: dt.date, ahead_weight: float) -> int:
    """The year that puts month/day nearest the publication date, preferring the past.

    A day after publication counts ``ahead_weight`` times its distance: news
    mostly reports what has happened, but "on January 2" in a paper of 30
    December is the coming January.
    """
    best: tuple[float, int] | None = None
    for year in (published.year + 1, published.year, published.year - 1):
        when = safe_date(year, month, day if month != 2 or day < 29 else 28)
        if when is None:
            continue
        ahead = (when - published).days
        distance = -ahead if ahead <= 0 else ahead_weight * ahead
        if best is None or distance <= best[0]:
            best = (distance, year)
    return best[1] if best else published.year


def nearest_month_year(month: int, published: dt.date, ahead_weight: float) -> int:
    """The year that puts a month named alone nearest publication, as ``nearest_year`` does."""
    ahead = (month - published.month) % 12
    if ahead and ahead_weight * ahead <= 12 - ahead:
        return published.year + (month < published.month)
    return published.year - (month > published.month)


def capitalised(text: str) -> bool:
    """True when ``text`` starts with a capital letter (month and weekday names must)."""
    return text[:1].isupper()


@dataclass
class Pending:
    """A phrase that takes its date from the quarter the text last named ("the quarter")."""

    start: int
    end: int
    surface: str
    years_back: int
    fallback: DateRange | None
    year: int | None = None


@dataclass
class DateFinder:
    """The state of one pass over a text: what is found, and which spans are taken."""

    text: str
    lex: Lexicon
    g: DateGrammar
    article: str
    published: dt.date | None
    published_from: str | None
    found: list[Mention] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    anchored: list[tuple[int, int, str]] = field(default_factory=list)
    taken: SpanIndex = field(default_factory=SpanIndex)
    cues: CueScan = field(init=False)

    def __post_init__(self) -> None:
        self.cues = CueScan(self.text, self.g.cues)

    def scan(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of one of the grammar's patterns in the text, in order, as ``finditer``."""
        return self.cues.finditer(pattern)

    def free(self, m: re.Match[str]) -> bool:
        """True when no date found so far overlaps the match ``m``."""
        return not self.taken.overlaps(*m.span())

    def future(self, m: re.Match[str], group: int | str = 0) -> bool:
        """Whether the date of ``m`` (from its ``group`` on) is told in the future tense."""
        return is_future(
            self.text,
            m.start(group),
            m.end(),
            self.g.future,
            self.g.past,
            self.lex.function_words,
        )

    def past(self, m: re.Match[str], group: int | str = 0) -> bool:
        """Whether a past-tense verb comes before the date of ``m`` (from its ``group`` on)."""
        return is_past(self.text, m.start(group), self.g.past)

    def add(
        self,
        m: re.Match[str],
        rng: DateRange | None,
        weekday: str | None = None,
        kind: MentionKind = "date",
        span: tuple[int, int] | None = None,
    ) -> None:
        """Record a date mention for ``m`` (or ``span`` within it) and take its span."""
        start, end = span or m.span()
        surface = self.text[start:end]
        if surface.endswith(".") and _LONG_WORD_STOP_RE.search(surface):
            surface, end = surface[:-1], end - 1
        self.taken.add(start, end)
        # A year read here carries its number too, as one read with the numbers does.
        year = None
        if kind == "year" and rng and rng.start and rng.granularity == "year":
            year = rng.start.year
        self.found.append(
            Mention(
                article=self.article,
                kind=kind,
                text=surface,
                span=(start, end),
                value=year,
                interval=Interval(low=year, high=year) if year else None,
                likely=Interval(low=year, high=year) if year else None,
                date=rng,
                weekday=weekday,
                label="decade" if rng and rng.granularity == "decade" else None,
            )
        )
