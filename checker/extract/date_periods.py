"""Periods named by their words: quarters, halves, calendar units, seasons, named days."""

from __future__ import annotations

import datetime as dt

from checker.extract.calendar_units import (
    day_range,
    half_range,
    months_range,
    quarter_range,
    unit_range,
)
from checker.extract.date_finder import DateFinder, capitalised, nearest_year, safe_date
from checker.models import DateRange
from checker.rulebook import Holiday


def find_quarters(f: DateFinder) -> None:
    """Quarters and halves of a year ("the third quarter", "third-quarter", "Q3 2023")."""
    rules = f.lex.rulebook.dates
    for m in f.scan(f.g.quarter):
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
            year = nearest_period_year(f.published, number, kind, future=f.future(m))
        if year is None:
            f.add(m, None)
        else:
            f.add(m, quarter_range(year, number) if kind == "quarter" else half_range(year, number))


def nearest_period_year(published: dt.date, number: int, kind: str, *, future: bool) -> int:
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


def find_units(f: DateFinder) -> None:
    """A calendar unit moved from the publication's ("last week", "for the year")."""
    rules = f.lex.rulebook.dates
    for m in f.scan(f.g.unit_offset):
        if not f.free(m):
            continue
        unit = rules.units[" ".join(m["unit"].lower().split())]
        shift = rules.offsets[" ".join(m["off"].lower().split())]
        f.add(m, unit_range(unit, f.published, shift) if f.published else None)
    for m in f.scan(f.g.this_year):
        if not f.taken.overlaps(*m.span("y")):
            rng = unit_range("year", f.published, 0) if f.published else None
            f.add(m, rng, span=m.span("y"))
    for m in f.scan(f.g.season):
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


def find_holidays(f: DateFinder) -> None:
    """Named days ("Christmas Eve", "last Thanksgiving"), the occurrence their words point to."""
    rules = f.lex.rulebook.dates
    pub = f.published
    for m in f.scan(f.g.holiday):
        if not f.free(m) or not capitalised(m["h"]):
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
            near = nearest_year(days[pub.year].month, days[pub.year].day, pub, rules.ahead_weight)
            day = days.get(near) or days[pub.year]
        f.add(m, day_range(day))


def _holiday_in(holiday: Holiday, year: int) -> dt.date:
    """The day of ``holiday`` in ``year``."""
    if holiday.day is not None:
        return safe_date(year, holiday.month, holiday.day) or dt.date(year, holiday.month, 28)
    first = dt.date(year, holiday.month, 1)
    last = months_range(year, holiday.month).end
    assert last is not None and holiday.weekday is not None
    if holiday.nth is not None and holiday.nth < 0:
        return last - dt.timedelta(days=(last.weekday() - holiday.weekday) % 7)
    offset = (holiday.weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * ((holiday.nth or 1) - 1))
