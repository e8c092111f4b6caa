"""Dates in article text: absolute, partial and relative to the publication date.

Relative expressions resolve by calendar units, the TimeML conventions:
"last week" is the ISO week before the publication's, "this month" its
calendar month, "two years ago" a calendar year, "the third quarter" three
months, "Monday" the nearest such day before publication unless the sentence
speaks of the future. Each date keeps its granularity. What cannot be
resolved stays unresolved (a mention without a date), never guessed.

Passes run in order and each takes the spans it reads, so that a longer
phrase read first ("June last year") is not read again in parts. This module
reads days, months, weekdays, day words and "N units ago"; date_periods reads
quarters, calendar units, seasons and named days, date_anchors what counts
from another date of the text, date_years decades and years.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.calendar_units import (
    add_months,
    day_range,
    month_range,
    week_range,
    year_range,
)
from checker.extract.date_anchors import (
    claim_anaphora,
    claim_references,
    resolve_anaphora,
    resolve_references,
)
from checker.extract.date_finder import (
    DateFinder,
    capitalised,
    nearest_month_year,
    nearest_year,
    safe_date,
)
from checker.extract.date_grammar import grammar
from checker.extract.date_periods import find_holidays, find_quarters, find_units
from checker.extract.date_years import find_years
from checker.extract.lexicon import Lexicon
from checker.models import DateRange, Mention


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
    f = DateFinder(text, lex, grammar(lex), article, published, published_from)
    _absolute(f)
    claim_references(f)
    claim_anaphora(f)
    find_quarters(f)
    _months(f)
    find_units(f)
    find_holidays(f)
    _weekdays(f)
    _days(f)
    _ago(f)
    find_years(f)
    resolve_anaphora(f)
    resolve_references(f)
    f.found.sort(key=lambda x: x.span)
    return f.found


def _absolute(f: DateFinder) -> None:
    """ISO dates and dates that name a day or a month ("Oct. 7", "7 October 2023", "May 2021")."""
    for m in f.scan(f.g.iso):
        day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            f.add(m, day_range(day))
    for m in f.scan(f.g.full):
        if not f.free(m):
            continue
        mon_word = m["m1"] or m["m2"] or m["m3"]
        if not capitalised(mon_word):
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
            year = nearest_year(month, day_n, f.published, f.lex.rulebook.dates.ahead_weight)
        else:
            f.add(m, None, weekday)
            continue
        when = safe_date(year, month, day_n)
        f.add(m, day_range(when) if when else None, weekday)
        second = None
        if m["m2"] and not year_s:
            second = _SECOND_DAY_RE.match(f.text, m.end(), m.end() + _SECOND_DAY_REACH)
        if when and second and not f.taken.overlaps(*second.span("d")):
            # "on April 24 and 25": the 25th of the same month
            other = safe_date(year, month, int(second["d"]))
            if other:
                f.add(second, day_range(other), span=second.span("d"))


# The second day of "April 24 and 25", when nothing but punctuation follows it
# (looked for within a few characters of the first).
_SECOND_DAY_REACH = 24


_SECOND_DAY_RE = re.compile(
    r"[ \t]*(?:and|or|to|through|-|–)[ \t]*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?=[ \t]*(?:[,.;:)]|$))",
    re.MULTILINE,
)


def _months(f: DateFinder) -> None:
    """Month names without a day: "last June", "June last year", "in April", "early March"."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.scan(f.g.month_of_year):
        if not f.free(m) or not capitalised(m["m"]):
            continue
        month = f.lex.months[m["m"].lower()]
        shift = rules.offsets[" ".join((m["off"] or m["off2"]).lower().split())]
        f.add(m, month_range(pub.year + shift, month) if pub else None)
    for m in f.scan(f.g.month_offset):
        if not f.free(m) or not capitalised(m["m"]):
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
        for m in f.scan(pattern):
            if not f.free(m) or not capitalised(m["m"]):
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
                f.add(m, month_range(nearest_month_year(month, pub, rules.ahead_weight), month))


def _weekdays(f: DateFinder) -> None:
    """Weekdays: the nearest such day before publication, after it when told in the future."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.scan(f.g.weekday):
        if not f.free(m) or not capitalised(m["wd"]):
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


def _days(f: DateFinder) -> None:
    """Day words ("today", "yesterday", "tomorrow"), then the looser windows of language.yaml."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.scan(f.g.days):
        if not f.free(m):
            continue
        shift = rules.days[" ".join(m.group().lower().split())]
        f.add(m, day_range(pub + dt.timedelta(days=shift)) if pub else None)
    windows = f.lex.rulebook.language.relative_dates
    for m in f.scan(f.lex.relative_re):
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


def _ago(f: DateFinder) -> None:
    """ "N days/weeks/months/years ago": that day, ISO week, month or year before publication.

    "N years later" counts from a time the reader has to find: unresolved.
    """
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.scan(f.g.ago):
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


def full_dates(text: str, lex: Lexicon) -> list[tuple[int, dt.date]]:
    """Offsets and values of the dates in ``text`` that give day, month and year."""
    out: list[tuple[int, dt.date]] = []
    for mention in find_dates(text, lex, "", None):
        rng = mention.date
        if rng and rng.start and rng.start == rng.end:
            out.append((mention.span[0], rng.start))
    return out
