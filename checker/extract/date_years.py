"""Years as dates: decades, two-digit and spoken years, spans of years, years marked by a prefix."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.calendar_units import decade_range, year_range
from checker.extract.date_finder import DateFinder
from checker.extract.lexicon import Lexicon
from checker.models import Mention


def find_years(f: DateFinder) -> None:
    """Decades ("the 1990s", "the '80s"), two-digit years ("'58") and spans of years."""
    pub = f.published
    for m in f.scan(f.g.year_span):
        if not f.free(m):
            continue
        a, b = int(m["a"]), int(m["b"])
        if a < b:
            f.add(m, year_range(a), kind="year", span=m.span("a"))
            f.add(m, year_range(b), kind="year", span=m.span("b"))
    for m in f.scan(f.g.spoken_year):
        if f.free(m):
            f.add(m, year_range(_spoken_year(m, f.lex)), kind="year")
    for m in f.scan(f.g.marked_year):
        if f.free(m):
            f.add(m, year_range(int(m["y"])), kind="year", span=m.span("y"))
    for m in f.scan(f.g.decade):
        if not f.free(m):
            continue
        if m["c"]:
            f.add(m, decade_range(int(m["c"])), kind="year")
        elif pub:
            f.add(m, decade_range(_century(int(m["d"]), pub)), kind="year")
        else:
            f.add(m, None, kind="year")
    for m in f.scan(f.g.short_year):
        if f.taken.overlaps(*m.span("q")):
            continue
        rng = year_range(_century(int(m["y"]), pub)) if pub else None
        f.add(m, rng, kind="year", span=m.span("q"))


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
