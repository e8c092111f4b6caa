"""Every whole-text pattern number extraction runs, found in one shared pass per text.

``find_numbers`` used to run each of these patterns over the whole text in
turn; ``number_matches`` hands each its exact ``finditer`` matches from one
``PatternScan`` (see checker/extract/scan.py), built once per lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.fractions import DIGIT_FRACTION_RE
from checker.extract.lexicon import Lexicon, kept, per_object
from checker.extract.scan import PatternScan

# Clock times ("10:30", "9.15pm", "7 a.m."): never counts.
TIME_RE = re.compile(
    r"(?<![\w:])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[AaPp]\.?[Mm]\.?)?(?![\w:])"
    r"|(?<![\w.:])(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s?(?:[ap]\.m\.|[AP]M\b|[ap]m\b)"
)

Matches = list[re.Match[str]]


@dataclass(frozen=True)
class NumberMatches:
    """The matches, in text order, of each pattern number extraction runs over a text."""

    times: Matches
    digits: Matches
    digit_fractions: Matches
    fractions: Matches
    rates: Matches
    special: Matches
    vague: Matches
    word_numbers: Matches
    ages: tuple[Matches, ...]
    others: tuple[Matches, ...]
    not_values: tuple[Matches, ...]  # in the order of ``lex.not_value_res``
    ordinals: Matches
    place_digits: Matches  # names of places that hold a number ("Tower 22")


@dataclass(frozen=True)
class _Plan:
    scan: PatternScan
    ages: int
    others: int


_PLANS: dict[int, tuple[Lexicon, _Plan]] = {}


def number_patterns(lex: Lexicon) -> list[re.Pattern[str]]:
    """Every whole-text pattern of number extraction, in the order the scan runs them."""
    return [
        TIME_RE,
        lex.digits_re,
        DIGIT_FRACTION_RE,
        lex.fraction_re,
        lex.rate_re,
        lex.special_re,
        lex.vague_re,
        lex.word_number_re,
        *lex.age_res,
        *lex.other_res,
        *(pattern for _label, pattern in lex.not_value_res),
        lex.ordinal_re,
        lex.place_digit_re,
    ]


def plan_scan(lex: Lexicon) -> None:
    """Work out the scan's plan for ``lex`` now: every later ``number_matches`` in
    this process (and in processes forked from it) scans with it."""
    _plan(lex)


def _plan(lex: Lexicon) -> _Plan:
    return per_object(
        _PLANS,
        lex,
        lambda: kept(
            _Plan(PatternScan(number_patterns(lex)), len(lex.age_res), len(lex.other_res))
        ),
    )


# Working out the scan's plan costs about as much as scanning 300 kB of text
# each pattern at a time: a process that reads less than this (a small check,
# most of its start-up) runs each pattern's ``finditer`` instead, which finds
# the same matches.
PLAN_AFTER_CHARS = 200_000
_READ: dict[int, int] = {}


def number_matches(text: str, lex: Lexicon) -> NumberMatches:
    """Each pattern's ``finditer`` matches over ``text``, all found in one pass
    (or, until this process has read ``PLAN_AFTER_CHARS``, pattern by pattern)."""
    read = _READ.get(id(lex), 0) + len(text)
    _READ[id(lex)] = read
    hit = _PLANS.get(id(lex))
    if read <= PLAN_AFTER_CHARS and (hit is None or hit[0] is not lex):
        found = [list(p.finditer(text)) for p in number_patterns(lex)]
        ages, others = len(lex.age_res), len(lex.other_res)
    else:
        plan = _plan(lex)
        found = plan.scan.scan(text)
        ages, others = plan.ages, plan.others
    ages_end = 8 + ages
    others_end = ages_end + others
    not_values_end = len(found) - 2
    return NumberMatches(
        times=found[0],
        digits=found[1],
        digit_fractions=found[2],
        fractions=found[3],
        rates=found[4],
        special=found[5],
        vague=found[6],
        word_numbers=found[7],
        ages=tuple(found[8:ages_end]),
        others=tuple(found[ages_end:others_end]),
        not_values=tuple(found[others_end:not_values_end]),
        ordinals=found[not_values_end],
        place_digits=found[not_values_end + 1],
    )
