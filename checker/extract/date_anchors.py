"""Dates counted from another date of the text: the quarter or the date it last named."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.calendar_units import day_range, quarter_range, shifted, unit_range, year_range
from checker.extract.date_finder import DateFinder, Pending
from checker.extract.date_periods import nearest_period_year
from checker.models import DateRange, Mention

_LATEST_RE = re.compile(r"latest|recent", re.IGNORECASE)


def claim_anaphora(f: DateFinder) -> None:
    """Claim the phrases whose date is the quarter last named ("the quarter", "a year earlier")."""
    pub = f.published
    for m in f.scan(f.g.year_before):
        if not f.free(m):
            continue
        quarter = f.lex.rulebook.dates.quarter_ordinals.get((m["ord"] or "").lower())
        if quarter and pub:  # "the year-ago third quarter"
            year = nearest_period_year(pub, quarter, "quarter", future=False) - 1
            f.add(m, quarter_range(year, quarter))
            continue
        # "year-ago" alone and "a year ago" fall back on the calendar year before
        # publication; "a year earlier" counts from a time the reader must find.
        direction = (m["dir"] or "").lower()
        fallback = year_range(pub.year - 1) if pub and direction != "earlier" else None
        f.pending.append(Pending(m.start(), m.end(), m.group(), 1, fallback))
        f.taken.add(*m.span())
    for m in f.scan(f.g.quarter_anaphor):
        if not f.free(m):
            continue
        if m["y"]:  # "the 1988 period": the quarter last named, in that year
            year = int(m["y"])
            f.pending.append(Pending(m.start(), m.end(), m.group(), 0, year_range(year), year))
            f.taken.add(*m.span())
            continue
        if _LATEST_RE.search(m.group()):
            # "The latest quarter" is the last one that has ended, whatever the text named.
            f.add(m, unit_range("quarter", pub, -1) if pub else None)
            continue
        f.pending.append(Pending(m.start(), m.end(), m.group(), 0, None))
        f.taken.add(*m.span())


def resolve_anaphora(f: DateFinder) -> None:
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


def claim_references(f: DateFinder) -> None:
    """Claim the units counted from the date the text last named ("that year", "the next day")."""
    for m in f.scan(f.g.reference):
        if f.free(m):
            f.anchored.append((m.start(), m.end(), m.group()))
            f.taken.add(*m.span())


def resolve_references(f: DateFinder) -> None:
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
