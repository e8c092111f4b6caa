"""Small helpers shared by the reporters: how a fact's value and date read.

Kept out of ``checker/report/__init__.py`` (which only holds the registry) so
the format modules can import them without a circular import.
"""

from __future__ import annotations

from checker.models import DateRange, Fact

STDIN_SOURCES = frozenset({"-", "<stdin>"})


def date_label(date: DateRange) -> str:
    """``2024-02-02``, ``2024-02-01 to 2024-02-03``, or ``""`` when unknown."""
    if date.start is None and date.end is None:
        return ""
    if date.start == date.end:
        return str(date.start)
    return f"{date.start or '…'} to {date.end or '…'}"


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
