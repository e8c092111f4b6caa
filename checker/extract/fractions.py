"""Fractions and rates as percentages: "a third of", "two-thirds", "half the", "one in five".

The words are ``fractions``, ``fraction_followers`` and ``rate_joiners`` in
rules/language.yaml. A singular denominator is a fraction only after "a" or
"one" and before a follower word ("a third of the wells"), so that "a third
man" stays an ordinal; "half" needs a follower too ("half the crew", not
"half-time" or "the second half").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checker.extract.lexicon import Lexicon

DIGIT_FRACTION_RE = re.compile(
    r"(?<![\w.,/])(?:(?P<whole>\d{1,3})\s+)?(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\w/]|[.,]\d)"
)
# Denominators of the fractions prices and rates are written in.
_DENOMINATORS = frozenset({2, 3, 4, 8, 16, 32})


def _number(word: str, lex: Lexicon) -> float | None:
    """The value of a numerator or denominator word ("a", "one", "five", "10", "a hundred")."""
    key = " ".join(word.lower().split())
    if key.isdigit():
        return float(key)
    if key in lex.number_words:
        return float(lex.number_words[key])
    if key in (w.lower() for w in lex.rulebook.language.one_words):
        return 1.0
    special = lex.rulebook.language.special.get(key)
    if special is not None:
        return float(special)
    return lex.scales.get(key)


def _percent(value: float) -> float:
    return round(value * 100, 2)


def find_digit_fractions(
    text: str, lex: Lexicon, matches: Iterable[re.Match[str]] | None = None
) -> Iterator[tuple[int, int, float]]:
    """(start, end, value) of "6 3/8" (a whole number and a fraction) and of "3/4%".

    A bare "3/4" is a date as often as a fraction, so it counts only before a
    percent word; after a whole number ("12 3/4") it always does. ``matches`` are those
    of ``DIGIT_FRACTION_RE`` over ``text`` when the caller has them already.
    """
    for m in DIGIT_FRACTION_RE.finditer(text) if matches is None else matches:
        num, den = int(m.group("num")), int(m.group("den"))
        if not 0 < num < den or den not in _DENOMINATORS:
            continue
        whole = m.group("whole")
        if whole is None and not lex.percent_re.match(text[m.end() : m.end() + 16]):
            continue
        yield m.start(), m.end(), (int(whole) if whole else 0) + num / den


def find_fractions(
    text: str,
    lex: Lexicon,
    fractions: Iterable[re.Match[str]] | None = None,
    rates: Iterable[re.Match[str]] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """(start, end, percentage) of every fraction and rate in ``text``.

    ``fractions`` and ``rates`` are the matches of ``lex.fraction_re`` and
    ``lex.rate_re`` over ``text`` when the caller has them already.
    """
    for m in lex.fraction_re.finditer(text) if fractions is None else fractions:
        if lex.fraction_not_after_re.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        den = m.group("den").lower()
        share = lex.fractions[den]
        num_word = m.group("num")
        plural = den.endswith("s") and den != "half"
        follows = (
            lex.fraction_follower_re.match(text, m.end(), m.end() + 16) is not None
            or lex.fraction_leader_re.search(text[max(0, m.start() - 12) : m.start()]) is not None
        )
        if num_word is None:
            if den != "half" or not follows:
                continue
            yield m.start("den"), m.end(), _percent(share)
            continue
        num = _number(num_word, lex)
        if num is None:
            continue
        if plural and (num < 2 or not (follows or "-" in m.group())):
            # "two quarters" without "of" are most often a year's quarters.
            continue
        if not plural and (num != 1 or not follows):
            if den == "half" and follows:
                yield m.start("den"), m.end(), _percent(share)
            continue
        point = lex.fraction_of_percent_re.match(text, m.end(), m.end() + 32)
        if point is not None:
            yield m.start(), point.end(), round(num * share, 4)
            continue
        yield m.start(), m.end(), _percent(num * share)
    for m in lex.rate_re.finditer(text) if rates is None else rates:
        a = _number(m.group("a"), lex)
        b = _number(m.group("b"), lex)
        if a is None or b is None or not 0 < a < b:
            continue
        after = text[m.end() : m.end() + 30]
        if lex.duration_re.match(after) or lex.percent_re.match(after):
            continue
        yield m.start(), m.end(), _percent(a / b)
