"""Dates in article text: absolute, partial and relative to the publication date.

Relative expressions resolve by calendar units, the TimeML conventions:
"last week" is the ISO week before the publication's, "this month" its
calendar month, "two years ago" a calendar year, "the third quarter" three
months, "Monday" the nearest such day before publication unless the sentence
speaks of the future. Each date keeps its granularity. What cannot be
resolved stays unresolved (a mention without a date), never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from checker.extract.calendar_units import (
    add_months,
    day_range,
    decade_range,
    half_range,
    month_range,
    months_range,
    quarter_range,
    shifted,
    unit_range,
    week_range,
    year_range,
)
from checker.extract.date_grammar import DateGrammar, grammar
from checker.extract.lexicon import Lexicon
from checker.extract.spans import SpanIndex
from checker.extract.tense import is_future, is_past
from checker.models import DateRange, Interval, Mention, MentionKind
from checker.rulebook import Holiday

_LONG_WORD_STOP_RE = re.compile(r"[A-Za-z]{5,}\.$")
_LATEST_RE = re.compile(r"latest|recent", re.IGNORECASE)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _guess_year(month: int, day: int, published: dt.date, ahead_weight: float) -> int:
    """The year that puts month/day nearest the publication date, preferring the past.

    A day after publication counts ``ahead_weight`` times its distance: news
    mostly reports what has happened, but "on January 2" in a paper of 30
    December is the coming January.
    """
    best: tuple[float, int] | None = None
    for year in (published.year + 1, published.year, published.year - 1):
        when = _safe_date(year, month, day if month != 2 or day < 29 else 28)
        if when is None:
            continue
        ahead = (when - published).days
        distance = -ahead if ahead <= 0 else ahead_weight * ahead
        if best is None or distance <= best[0]:
            best = (distance, year)
    return best[1] if best else published.year


def _month_year(month: int, published: dt.date, ahead_weight: float) -> int:
    """The year that puts a month named alone nearest publication, as ``_guess_year`` does."""
    ahead = (month - published.month) % 12
    if ahead and ahead_weight * ahead <= 12 - ahead:
        return published.year + (month < published.month)
    return published.year - (month > published.month)


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


@dataclass
class _Pending:
    """A phrase that takes its date from the quarter the text last named ("the quarter")."""

    start: int
    end: int
    surface: str
    years_back: int
    fallback: DateRange | None
    year: int | None = None


@dataclass
class _Finder:
    """The state of one pass over a text: what is found, and which spans are taken."""

    text: str
    lex: Lexicon
    g: DateGrammar
    article: str
    published: dt.date | None
    published_from: str | None
    found: list[Mention] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    anchored: list[tuple[int, int, str]] = field(default_factory=list)
    taken: SpanIndex = field(default_factory=SpanIndex)

    def free(self, m: re.Match[str]) -> bool:
        return not self.taken.overlaps(*m.span())

    def future(self, m: re.Match[str], group: int | str = 0) -> bool:
        """Whether the date of ``m`` (from its ``group`` on) is told in the future tense."""
        return is_future(self.text, m.start(group), m.end(), self.g.future, self.g.past)

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
            )
        )


def find_dates(
    text: str,
    lex: Lexicon,
    article: str,
    published: dt.date | None,
    published_from: str | None = None,
) -> list[Mention]:
    """Every date mention in ``text``, resolved against the publication date when known.

    With a publication date from metadata or a dateline, a bare weekday is the
    most recent such day on or before it (the next one on or after it when
    the sentence speaks of the future); with an inferred date (a lower bound)
    it is the first such day on or after it.
    """
    f = _Finder(text, lex, grammar(lex), article, published, published_from)
    _absolute(f)
    _references(f)
    _anaphora(f)
    _quarters(f)
    _months(f)
    _units(f)
    _holidays(f)
    _weekdays(f)
    _days(f)
    _ago(f)
    _years(f)
    _resolve_anaphora(f)
    _resolve_references(f)
    f.found.sort(key=lambda x: x.span)
    return f.found


def _absolute(f: _Finder) -> None:
    """ISO dates and dates that name a day or a month ("Oct. 7", "7 October 2023", "May 2021")."""
    for m in f.g.iso.finditer(f.text):
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            f.add(m, day_range(day))
    for m in f.g.full.finditer(f.text):
        if not f.free(m):
            continue
        mon_word = m["m1"] or m["m2"] or m["m3"]
        if not _capitalised(mon_word):
            continue
        month = f.lex.months[mon_word.lower().rstrip(".")]
        year_s = m["y1"] or m["y2"] or m["y3"]
        day_s = m["d1"] or m["d2"]
        weekday = m["wd"].capitalize() if m["wd"] else None
        if day_s is None:
            assert year_s is not None
            f.add(m, month_range(int(year_s), month))
            continue
        day_n = int(day_s)
        if not 1 <= day_n <= 31:
            continue
        if year_s:
            year = int(year_s)
        elif f.published and f.future(m):
            ahead = (month, day_n) >= (f.published.month, f.published.day)
            year = f.published.year + (0 if ahead else 1)
        elif f.published and f.past(m):
            behind = (month, day_n) <= (f.published.month, f.published.day)
            year = f.published.year - (0 if behind else 1)
        elif f.published:
            year = _guess_year(month, day_n, f.published, f.lex.rulebook.dates.ahead_weight)
        else:
            f.add(m, None, weekday)
            continue
        when = _safe_date(year, month, day_n)
        f.add(m, day_range(when) if when else None, weekday)
        second = None
        if m["m2"] and not year_s:
            second = _SECOND_DAY_RE.match(f.text, m.end(), m.end() + _SECOND_DAY_REACH)
        if when and second and not f.taken.overlaps(*second.span("d")):
            # "on April 24 and 25": the 25th of the same month
            other = _safe_date(year, month, int(second["d"]))
            if other:
                f.add(second, day_range(other), span=second.span("d"))


# The second day of "April 24 and 25", when nothing but punctuation follows it
# (looked for within a few characters of the first).
_SECOND_DAY_REACH = 24
_SECOND_DAY_RE = re.compile(
    r"[ \t]*(?:and|or|to|through|-|–)[ \t]*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?=[ \t]*(?:[,.;:)]|$))",
    re.MULTILINE,
)


def _quarters(f: _Finder) -> None:
    """Quarters and halves of a year ("the third quarter", "third-quarter", "Q3 2023")."""
    rules = f.lex.rulebook.dates
    for m in f.g.quarter.finditer(f.text):
        if not f.free(m):
            continue
        if m["qn"]:
            number, kind = int(m["qn"]), "quarter"
        else:
            kind = m["kind"].lower()
            ordinal = m["ord"].lower()
            table = rules.quarter_ordinals if kind == "quarter" else rules.half_ordinals
            if ordinal not in table:
                continue
            number = table[ordinal]
        year_s = m["qy1"] or m["qy2"] or m["qy3"]
        rel = m["qr1"] or m["qr2"]
        year: int | None = None
        if year_s:
            year = int(year_s)
        elif f.published and rel:
            year = f.published.year + rules.offsets[" ".join(rel.lower().split())]
        elif f.published:
            year = _nearest_period_year(f.published, number, kind, future=f.future(m))
        if year is None:
            f.add(m, None)
        else:
            f.add(m, quarter_range(year, number) if kind == "quarter" else half_range(year, number))


def _nearest_period_year(published: dt.date, number: int, kind: str, *, future: bool) -> int:
    """The year of the quarter (or half) ``number`` nearest publication.

    It is the latest such period that has begun by the publication date;
    told in the future, the next one instead when that period ended more
    than a quarter ago (results of a quarter are reported, in the future
    tense, for weeks after it ends).
    """
    first_month = 3 * number - 2 if kind == "quarter" else 6 * number - 5
    months = 3 if kind == "quarter" else 6
    year = published.year if published.month >= first_month else published.year - 1
    ended = (published.year - year) * 12 + published.month - (first_month + months - 1)
    return year + 1 if future and ended > 3 else year


def _anaphora(f: _Finder) -> None:
    """Claim the phrases whose date is the quarter last named ("the quarter", "a year earlier")."""
    pub = f.published
    for m in f.g.year_before.finditer(f.text):
        if not f.free(m):
            continue
        quarter = f.lex.rulebook.dates.quarter_ordinals.get((m["ord"] or "").lower())
        if quarter and pub:  # "the year-ago third quarter"
            year = _nearest_period_year(pub, quarter, "quarter", future=False) - 1
            f.add(m, quarter_range(year, quarter))
            continue
        # "year-ago" alone and "a year ago" fall back on the calendar year before
        # publication; "a year earlier" counts from a time the reader must find.
        direction = (m["dir"] or "").lower()
        fallback = year_range(pub.year - 1) if pub and direction != "earlier" else None
        f.pending.append(_Pending(m.start(), m.end(), m.group(), 1, fallback))
        f.taken.add(*m.span())
    for m in f.g.quarter_anaphor.finditer(f.text):
        if not f.free(m):
            continue
        if m["y"]:  # "the 1988 period": the quarter last named, in that year
            year = int(m["y"])
            f.pending.append(_Pending(m.start(), m.end(), m.group(), 0, year_range(year), year))
            f.taken.add(*m.span())
            continue
        if _LATEST_RE.search(m.group()):
            # "The latest quarter" is the last one that has ended, whatever the text named.
            f.add(m, unit_range("quarter", pub, -1) if pub else None)
            continue
        f.pending.append(_Pending(m.start(), m.end(), m.group(), 0, None))
        f.taken.add(*m.span())


def _resolve_anaphora(f: _Finder) -> None:
    """Give each pending phrase the quarter last named within the anchor window, or its fallback."""
    if not f.pending:
        return
    window = f.lex.rulebook.dates.anchor_window
    quarters = sorted(
        (m.span[1], m.date)
        for m in f.found
        if m.date is not None and m.date.granularity == "quarter"
    )
    q = 0
    last: tuple[int, DateRange] | None = None
    for p in sorted(f.pending, key=lambda x: x.start):
        while q < len(quarters) and quarters[q][0] <= p.start:
            last = quarters[q]
            q += 1
        rng = p.fallback
        if last is not None and p.start - last[0] <= window and last[1].start:
            if p.year is not None:
                rng = quarter_range(p.year, (last[1].start.month - 1) // 3 + 1)
            else:
                rng = shifted(last[1], -p.years_back)
        f.found.append(
            Mention(article=f.article, kind="date", text=p.surface, span=(p.start, p.end), date=rng)
        )
        if rng is not None and rng.granularity == "quarter":
            # A resolved anaphor names a quarter too ("the quarter" after "the third quarter").
            last = (p.end, rng) if p.years_back == 0 else last


_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5}


def _references(f: _Finder) -> None:
    """Claim the units counted from the date the text last named ("that year", "the next day")."""
    for m in f.g.reference.finditer(f.text):
        if f.free(m):
            f.anchored.append((m.start(), m.end(), m.group()))
            f.taken.add(*m.span())


def _resolve_references(f: _Finder) -> None:
    """Give each claimed reference phrase its unit around the date last named, else no date.

    The date must lie within the anchor window and be no coarser than the
    unit: "that day" needs a day, "that year" takes the year of a day or month.
    """
    if not f.anchored:
        return
    rules = f.lex.rulebook.dates
    named = sorted(
        (m.span[1], m.date.start, m.date.granularity)
        for m in f.found
        if m.date is not None and m.date.start is not None and m.date.granularity in _RANK
    )
    i = 0
    for start, end, surface in sorted(f.anchored):
        match = f.g.reference.match(f.text, start, end)
        assert match is not None
        unit = rules.reference_units[match["unit"].lower()]
        shift = rules.references[" ".join(match["ref"].lower().split())]
        while i < len(named) and named[i][0] <= start:
            i += 1
        rng = None
        for j in range(i - 1, -1, -1):
            stop, day, granularity = named[j]
            if start - stop > rules.anchor_window:
                break
            if _RANK[str(granularity)] <= _RANK[unit]:
                assert day is not None
                rng = day_range(day + dt.timedelta(days=shift)) if unit == "day" else None
                rng = rng or unit_range(unit, day, shift)
                break
        f.found.append(
            Mention(article=f.article, kind="date", text=surface, span=(start, end), date=rng)
        )


def _units(f: _Finder) -> None:
    """A calendar unit moved from the publication's ("last week", "early next year")."""
    rules = f.lex.rulebook.dates
    for m in f.g.unit_offset.finditer(f.text):
        if not f.free(m):
            continue
        unit = rules.units[" ".join(m["unit"].lower().split())]
        shift = rules.offsets[" ".join(m["off"].lower().split())]
        f.add(m, unit_range(unit, f.published, shift) if f.published else None)
    for m in f.g.season.finditer(f.text):
        if not f.free(m) or not (m["off"] or m["y"]):
            continue
        first, months = rules.seasons[m["s"].lower()]
        if m["y"]:
            f.add(m, months_range(int(m["y"]), first, months, "season"))
        elif f.published:
            shift = rules.offsets[" ".join(m["off"].lower().split())]
            f.add(m, _season(f.published, first, months, shift))
        else:
            f.add(m, None)


def _season(published: dt.date, first: int, months: int, shift: int) -> DateRange:
    """The season starting in month ``first``: this year's (0), the last ended (-1), the next (1).

    "This winter" in January or February is the one under way since December.
    """
    index = published.year * 12 + published.month - 1
    latest = published.year * 12 + first - 1
    if latest > index:
        latest -= 12
    if shift < 0:
        start = latest if latest + months <= index else latest - 12
    elif shift > 0:
        start = latest + 12
    else:
        start = published.year * 12 + first - 1
        if first + months - 1 > 12 and published.month + 12 < first + months:
            start -= 12
    return months_range(start // 12, start % 12 + 1, months, "season")


def _months(f: _Finder) -> None:
    """Month names without a day: "last June", "June last year", "in April", "early March"."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.g.month_of_year.finditer(f.text):
        if not f.free(m) or not _capitalised(m["m"]):
            continue
        month = f.lex.months[m["m"].lower()]
        shift = rules.offsets[" ".join((m["off"] or m["off2"]).lower().split())]
        f.add(m, month_range(pub.year + shift, month) if pub else None)
    for m in f.g.month_offset.finditer(f.text):
        if not f.free(m) or not _capitalised(m["m"]):
            continue
        month = f.lex.months[m["m"].lower()]
        shift = rules.offsets[" ".join(m["off"].lower().split())]
        if pub is None:
            f.add(m, None)
        elif shift < 0:  # the latest such month before the publication's
            f.add(m, month_range(pub.year - (month >= pub.month), month))
        elif shift > 0:  # the first such month after the publication's
            f.add(m, month_range(pub.year + (month <= pub.month), month))
        else:
            f.add(m, month_range(pub.year, month))
    for pattern in (f.g.month_only, f.g.bare_month):
        for m in pattern.finditer(f.text):
            if not f.free(m) or not _capitalised(m["m"]):
                continue
            if pattern is f.g.bare_month and m["m"].lower() == "may" and not m["pos"]:
                continue  # "May" alone is too often the verb that opens a sentence
            month = f.lex.months[m["m"].lower()]
            if pub is None:
                f.add(m, None)
            elif f.future(m, "m"):
                f.add(m, month_range(pub.year + (month < pub.month), month))
            elif f.past(m, "m"):
                f.add(m, month_range(pub.year - (month > pub.month), month))
            else:
                f.add(m, month_range(_month_year(month, pub, rules.ahead_weight), month))


def _holidays(f: _Finder) -> None:
    """Named days ("Christmas Eve", "last Thanksgiving"), the occurrence their words point to."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.g.holiday.finditer(f.text):
        if not f.free(m) or not _capitalised(m["h"]):
            continue
        if pub is None:
            f.add(m, None)
            continue
        holiday = rules.holidays[" ".join(m["h"].lower().split()).replace("’", "'")]
        days = {year: _holiday_in(holiday, year) for year in (pub.year - 1, pub.year, pub.year + 1)}
        shift = rules.offsets.get(" ".join((m["off"] or "").lower().split()))
        before = shift is not None and shift < 0
        after = shift is not None and shift > 0
        if before or (shift is None and f.past(m, "h")):
            day = max(d for d in days.values() if d < pub or (not before and d == pub))
        elif after or (shift is None and f.future(m, "h")):
            day = min(d for d in days.values() if d > pub or (not after and d == pub))
        else:
            near = _guess_year(days[pub.year].month, days[pub.year].day, pub, rules.ahead_weight)
            day = days.get(near) or days[pub.year]
        f.add(m, day_range(day))


def _holiday_in(holiday: Holiday, year: int) -> dt.date:
    """The day of ``holiday`` in ``year``."""
    if holiday.day is not None:
        return _safe_date(year, holiday.month, holiday.day) or dt.date(year, holiday.month, 28)
    first = dt.date(year, holiday.month, 1)
    last = months_range(year, holiday.month).end
    assert last is not None and holiday.weekday is not None
    if holiday.nth is not None and holiday.nth < 0:
        return last - dt.timedelta(days=(last.weekday() - holiday.weekday) % 7)
    offset = (holiday.weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * ((holiday.nth or 1) - 1))


def _weekdays(f: _Finder) -> None:
    """Weekdays: the nearest such day before publication, after it when told in the future."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.g.weekday.finditer(f.text):
        if not f.free(m) or not _capitalised(m["wd"]):
            continue
        target = f.lex.weekdays[m["wd"].lower()]
        rng: DateRange | None = None
        if pub:
            rel = " ".join((m["rel"] or "").lower().split())
            shift = rules.offsets.get(rel)
            back = (pub.weekday() - target) % 7
            ahead = (target - pub.weekday()) % 7
            if f.published_from == "inferred":
                day = pub + dt.timedelta(days=ahead)
            elif shift is not None and shift < 0:
                day = pub - dt.timedelta(days=back or 7)
            elif shift is not None and shift > 0:
                day = pub + dt.timedelta(days=ahead or 7)
            elif f.future(m):
                day = pub + dt.timedelta(days=ahead)
            else:
                day = pub - dt.timedelta(days=back)
            rng = day_range(day)
        # "on" is not part of the date: "on Tuesday" is "Tuesday".
        on = (m["rel"] or "").lower() == "on"
        f.add(m, rng, m["wd"].capitalize(), span=(m.start("wd"), m.end()) if on else None)


def _days(f: _Finder) -> None:
    """Day words ("today", "yesterday", "tomorrow"), then the looser windows of language.yaml."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.g.days.finditer(f.text):
        if not f.free(m):
            continue
        shift = rules.days[" ".join(m.group().lower().split())]
        f.add(m, day_range(pub + dt.timedelta(days=shift)) if pub else None)
    windows = f.lex.rulebook.language.relative_dates
    for m in f.lex.relative_re.finditer(f.text):
        if not f.free(m):
            continue
        back = windows.get(" ".join(m.group().lower().split()))
        if pub and back:
            f.add(
                m,
                DateRange(
                    start=pub - dt.timedelta(days=back[0]), end=pub - dt.timedelta(days=back[1])
                ),
            )
        else:
            f.add(m, None)


def _ago(f: _Finder) -> None:
    """ "N days/weeks/months/years ago": that day, ISO week, month or year before publication.

    "N years later" counts from a time the reader has to find: unresolved.
    """
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.g.ago.finditer(f.text):
        if not f.free(m):
            continue
        n_s = m["n"].lower()
        n = int(n_s) if n_s.isdigit() else f.lex.number_words.get(n_s, 1)
        unit = m["u"].lower().rstrip("s")
        if pub is None or m["dir"].lower() not in rules.ago:
            f.add(m, None)
        elif unit == "day":
            f.add(m, day_range(pub - dt.timedelta(days=n)))
        elif unit == "week":
            f.add(m, week_range(pub, -n))
        elif unit == "month":
            f.add(m, month_range(*add_months(pub.year, pub.month, -n)))
        else:
            f.add(m, year_range(pub.year - n))


def _years(f: _Finder) -> None:
    """Decades ("the 1990s", "the '80s"), two-digit years ("'58") and spans of years."""
    pub = f.published
    for m in f.g.year_span.finditer(f.text):
        if not f.free(m):
            continue
        a, b = int(m["a"]), int(m["b"])
        if a < b:
            f.add(m, year_range(a), kind="year", span=m.span("a"))
            f.add(m, year_range(b), kind="year", span=m.span("b"))
    for m in f.g.spoken_year.finditer(f.text):
        if f.free(m):
            f.add(m, year_range(_spoken_year(m, f.lex)), kind="year")
    for m in f.g.marked_year.finditer(f.text):
        if f.free(m):
            f.add(m, year_range(int(m["y"])), kind="year", span=m.span("y"))
    for m in f.g.decade.finditer(f.text):
        if not f.free(m):
            continue
        if m["c"]:
            f.add(m, decade_range(int(m["c"])), kind="year")
        elif pub:
            f.add(m, decade_range(_century(int(m["d"]), pub)), kind="year")
        else:
            f.add(m, None, kind="year")
    for m in f.g.short_year.finditer(f.text):
        if not f.free(m):
            continue
        f.add(m, year_range(_century(int(m["y"]), pub)) if pub else None, kind="year")


def _spoken_year(m: re.Match[str], lex: Lexicon) -> int:
    """The year of a match of the spoken-year pattern ("nineteen ninety-six" is 1996)."""
    lang = lex.rulebook.language
    if m["k"]:
        return 2000 + (lang.units[m["u"].lower()] if m["u"] else 0)
    year = lex.rulebook.dates.spoken_centuries[m["c"].lower()]
    for word in re.split(r"[ \t-]+", m["r"].lower()):
        year += lang.tens.get(word, 0) + lang.units.get(word, 0)
    return year


def _century(two_digits: int, published: dt.date) -> int:
    """The year ending in ``two_digits`` that is latest but not after publication."""
    year = published.year - published.year % 100 + two_digits
    return year - 100 if year > published.year else year


def with_year_unit(mention: Mention) -> Mention:
    """``mention`` with the granularity "year" on its date when it is a year."""
    if mention.kind != "year" or mention.date is None or mention.date.granularity:
        return mention
    return mention.model_copy(
        update={"date": mention.date.model_copy(update={"granularity": "year"})}
    )


def full_dates(text: str, lex: Lexicon) -> list[tuple[int, dt.date]]:
    """Offsets and values of the dates in ``text`` that give day, month and year."""
    out: list[tuple[int, dt.date]] = []
    for mention in find_dates(text, lex, "", None):
        rng = mention.date
        if rng and rng.start and rng.start == rng.end:
            out.append((mention.span[0], rng.start))
    return out
