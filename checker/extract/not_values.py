"""Numbers that are never values, found before any count: phone numbers, year forms, scores.

The patterns are ``not_values`` in rules/language.yaml, by label. A "year"
label ("'58", "the 1990s", "2015-16") becomes a year mention carrying its
date interval; every other label (a phone number, a match score) becomes a
mention of kind "other" with that label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from checker.extract.lexicon import Lexicon
from checker.extract.spans import SpanIndex
from checker.models import DateRange, Interval, Mention

_DIGIT_RUN_RE = re.compile(r"\d+")
_PAIR_RE = re.compile(r"\d[\d,]*")
# A two-digit year ("'58") above this is read in the 1900s, else in the 2000s.
_CENTURY_PIVOT = 30


def year_range(surface: str) -> DateRange | None:
    """The years a year form covers: "'58", "1990s" (a decade), "2015-16" (two years).

    None when the form is no span of years ("2024-01" is a month).
    """
    runs = _DIGIT_RUN_RE.findall(surface)
    if not runs:
        return None
    first = int(runs[0])
    if len(runs[0]) == 2:
        first += 1900 if first > _CENTURY_PIVOT else 2000
    last = first
    if surface.rstrip().lower().endswith("s") and first % 10 == 0 and len(runs) == 1:
        last = first + 9
    elif len(runs) > 1 and len(runs[1]) == 2:
        # "2015-16" runs on to a later year; "2024-01" is a month of 2024.
        if int(runs[1]) <= first % 100:
            return None
        last = first - first % 100 + int(runs[1])
    return DateRange(start=dt.date(first, 1, 1), end=dt.date(last, 12, 31))


def _rising_to(surface: str) -> bool:
    """True for "10 to 20": a pair joined by "to" that rises is a range, not a tally."""
    runs = [int(r.replace(",", "")) for r in _PAIR_RE.findall(surface)]
    return " to " in surface and len(runs) == 2 and runs[1] > runs[0]


def find_not_values(
    text: str,
    lex: Lexicon,
    article: str,
    index: SpanIndex,
    matches: Sequence[Iterable[re.Match[str]]] | None = None,
) -> list[Mention]:
    """Mentions of every ``not_values`` match outside ``index``; their spans are added to it.

    ``matches`` are, per pattern of ``lex.not_value_res``, its matches over
    ``text`` when the caller has them already.
    """
    found: list[Mention] = []
    for k, (label, pattern) in enumerate(lex.not_value_res):
        for m in pattern.finditer(text) if matches is None else matches[k]:
            group = "n" if "n" in pattern.groupindex and m.group("n") is not None else 0
            start, end = m.span(group)
            if index.overlaps(start, end):
                continue
            surface = text[start:end]
            if label == "score" and _rising_to(surface):
                continue
            if label == "year":
                date = year_range(surface)
                if date is None or date.start is None:
                    continue
                year = date.start.year
                found.append(
                    Mention(
                        article=article,
                        kind="year",
                        text=surface,
                        span=(start, end),
                        value=year,
                        interval=Interval(low=year, high=year),
                        likely=Interval(low=year, high=year),
                        date=date,
                        label="decade" if date.end and date.end.year - year == 9 else None,
                    )
                )
            else:
                found.append(
                    Mention(
                        article=article, kind="other", text=surface, span=(start, end), label=label
                    )
                )
            index.add(start, end)
    return found
