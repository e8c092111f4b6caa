"""Calendar units as day intervals: ISO weeks, months, quarters, halves, seasons, years, decades."""

from __future__ import annotations

import datetime as dt

from checker.models import DateRange, Granularity


def day_range(day: dt.date) -> DateRange:
    """The one-day interval of ``day``."""
    return DateRange(start=day, end=day, granularity="day")


def week_range(day: dt.date, shift: int = 0) -> DateRange:
    """The ISO week (Monday to Sunday) holding ``day``, moved by ``shift`` weeks."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
    return DateRange(start=monday, end=monday + dt.timedelta(days=6), granularity="week")


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    """The (year, month) ``shift`` months after ``year``-``month``."""
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def months_range(
    year: int, month: int, count: int = 1, granularity: Granularity = "month"
) -> DateRange:
    """The ``count`` calendar months from ``year``-``month`` on, as one interval."""
    last_year, last_month = add_months(year, month, count)
    return DateRange(
        start=dt.date(year, month, 1),
        end=dt.date(last_year, last_month, 1) - dt.timedelta(days=1),
        granularity=granularity,
    )


def month_range(year: int, month: int) -> DateRange:
    """The calendar month ``year``-``month``."""
    return months_range(year, month)


def quarter_range(year: int, quarter: int) -> DateRange:
    """The calendar quarter ``quarter`` (1-4) of ``year``."""
    return months_range(year, 3 * quarter - 2, 3, "quarter")


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) holding ``day``."""
    return (day.month - 1) // 3 + 1


def half_range(year: int, half: int) -> DateRange:
    """The first (1) or second (2) half of ``year``."""
    return months_range(year, 6 * half - 5, 6, "half")


def year_range(year: int) -> DateRange:
    """The calendar year ``year``."""
    return DateRange(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), granularity="year")


def decade_range(first_year: int) -> DateRange:
    """The ten calendar years from ``first_year`` on ("the 1990s")."""
    return DateRange(
        start=dt.date(first_year, 1, 1), end=dt.date(first_year + 9, 12, 31), granularity="decade"
    )


def unit_range(unit: str, day: dt.date, shift: int) -> DateRange:
    """The calendar ``unit`` (week, month, quarter, year) of ``day``, moved by ``shift`` units."""
    if unit == "week":
        return week_range(day, shift)
    if unit == "month":
        return month_range(*add_months(day.year, day.month, shift))
    if unit == "quarter":
        index = day.year * 4 + quarter_of(day) - 1 + shift
        return quarter_range(index // 4, index % 4 + 1)
    return year_range(day.year + shift)


def shifted(rng: DateRange, years: int) -> DateRange | None:
    """``rng`` moved by ``years`` calendar years, keeping its granularity; None if unknown."""
    if rng.start is None or rng.end is None:
        return None
    try:
        start = rng.start.replace(year=rng.start.year + years)
    except ValueError:  # 29 February
        start = rng.start.replace(year=rng.start.year + years, day=28)
    end_year = rng.end.year + years
    if rng.end.month == 2 and rng.end.day >= 28:
        end = months_range(end_year, 2).end
    else:
        end = rng.end.replace(year=end_year)
    return DateRange(start=start, end=end, granularity=rng.granularity)
