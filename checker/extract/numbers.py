"""Numbers in article text: digits, words, ranges and hedges, as interval mentions.

Years, times, ages, ordinals, list numbering and numbers inside names are
recognised and given their own kind, so they are never taken for counts.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

from checker.extract.fractions import find_digit_fractions, find_fractions
from checker.extract.lexicon import Lexicon, may_end_with
from checker.extract.not_values import find_not_values
from checker.extract.number_scan import NumberMatches, number_matches
from checker.extract.spans import SpanIndex
from checker.models import DateRange, Interval, Mention, MentionKind, Number

_ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)
_LIST_MARK_RE = re.compile(r"[.)]\s")
_YEAR_RE = re.compile(r"(?:1[89]\d\d|20\d\d)")
_DIGITS_VALUE_RE = re.compile(r"([\d,]+(?:\.\d+)?)\s*([A-Za-z]*)")
_PLAIN_DIGITS_RE = re.compile(r"\d{1,3}")
_SCORE_DASHES = ("-", "–")
_NEXT_WORD_RE = re.compile(r"\s+(?:of\s+)?([A-Za-z]+)")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_NOUN_WORD_RE = re.compile(r"[A-Za-z][\w.-]*")


@dataclass
class _Raw:
    start: int
    end: int
    value: float
    interval: tuple[float, float] | None = None
    percent: bool = False
    currency: str = ""  # the currency sign right before the number ("$", "HK$")

    @property
    def lead(self) -> int:
        """Where the number starts, with its currency sign."""
        return self.start - len(self.currency)


def _word_value(words: str, lex: Lexicon) -> float | None:
    total = 0.0
    current = 0.0
    seen_unit = False
    for word in _WORD_SPLIT_RE.split(words.lower()):
        if word == "and":
            continue
        if word in lex.number_words:
            current += lex.number_words[word]
            seen_unit = True
        elif word in lex.scales:
            scale = lex.scales[word]
            if not seen_unit:
                return None
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        else:
            return None
    return total + current if seen_unit else None


def _digits_value(text: str, lex: Lexicon) -> float:
    m = _DIGITS_VALUE_RE.match(text)
    assert m is not None
    value = float(m.group(1).replace(",", ""))
    scale = m.group(2).lower()
    if scale:
        value *= lex.scales.get(scale, 1)
    return value


def _digit_raws(text: str, lex: Lexicon, matches: list[re.Match[str]]) -> list[_Raw]:
    """Numbers in digits, with a scale word or letter and the currency sign before them.

    A bare "m" is a million after a currency sign ("£3m") or before a word of
    ``million_m_words`` ("2.5m jobs"); else it is metres or minutes and the
    number stands alone. ``matches`` are those of ``lex.digits_re`` over ``text``.
    """
    found: list[_Raw] = []
    for m in matches:
        start, end = m.span()
        sign = lex.currency_before_re.search(text, max(0, start - 4), start)
        currency = sign.group() if sign else ""
        if m.group("short") and m.group("short").lower() == "m" and not currency:
            word = _NEXT_WORD_RE.match(text, end, end + 30)
            if word is None or word.group(1).lower() not in lex.million_m_words:
                end = m.start("short")
        value = _digits_value(text[start:end], lex)
        minus = lex.negative_re.search(text, max(0, start - 8), start)
        if minus is not None and not currency:
            start, value = minus.start(), -value
        found.append(_Raw(start, end, value, currency=currency))
    return found


def _raw_numbers(text: str, lex: Lexicon, taken: SpanIndex, matches: NumberMatches) -> list[_Raw]:
    found: list[_Raw] = _digit_raws(text, lex, matches.digits)
    for start, end, value in find_digit_fractions(text, lex, matches.digit_fractions):
        found.append(_Raw(start, end, value))
    for start, end, percent in find_fractions(text, lex, matches.fractions, matches.rates):
        found.append(_Raw(start, end, percent, percent=True))
    for m in matches.special:
        key = " ".join(m.group().lower().split())
        special = lex.rulebook.language.special[key]
        end = m.end()
        # "a hundred billion", "a million": the scale after it multiplies.
        scale = lex.scale_after_re.match(text, end, end + 16)
        if scale is not None:
            special *= lex.scales[scale.group("scale").lower()]
            end = scale.end()
        found.append(_Raw(m.start(), end, special))
    for m in matches.vague:
        low, high = lex.vague[" ".join(m.group().lower().split())]
        found.append(_Raw(m.start(), m.end(), low, (low, high)))
    for m in matches.word_numbers:
        words = _word_value(m.group(), lex)
        if words is not None:
            found.append(_Raw(m.start(), m.end(), words))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in found:
        if taken.overlaps(raw.start, raw.end):
            continue
        if kept and raw.start < kept[-1].end:
            continue
        kept.append(raw)
    return kept


def _as_number(value: float) -> Number:
    return int(value) if float(value).is_integer() else value


def hedge_interval(
    kind: str, n: float, lex: Lexicon
) -> tuple[tuple[float, float | None], tuple[float, float | None]]:
    """Literal and likely intervals for ``n`` under hedge ``kind`` (rules/hedges.yaml)."""
    f = lex.rulebook.hedges.factors
    integral = float(n).is_integer()
    one = 1 if integral else 0
    if kind == "at_least":
        return (n, None), (n, None)
    if kind == "more_than":
        step = 1.0
        if integral and n > 0:
            k = int(n)
            while k % 10 == 0:
                step *= 10
                k //= 10
            if k % 5 == 0 and k > 5:
                # 150 and 2,500 are rounded to a half of the next power of
                # ten: "more than 150" may be 180.
                step *= 5
        step = max(step, f.more_than_min_step)
        return (n + one, None), (n + one, n + step - one)
    if kind == "nearly":
        low = math.floor(n * f.nearly_low) if integral else n * f.nearly_low
        return (low, n - one), (low, n - one)
    if kind == "about":
        d = max(n * f.about_rel, f.about_min_abs)
        low, high = (math.floor(n - d), math.ceil(n + d)) if integral else (n - d, n + d)
        if n >= 0:
            low = max(low, 0)
        return (low, high), (low, high)
    if kind == "up_to":
        return (0, n), (0, n)
    if kind == "fewer_than":
        return (0, n - one), (0, n - one)
    return (n, n), (n, n)


def _is_score(text: str, raw: _Raw, nxt: _Raw | None) -> bool:
    """True for "3-1", "2-0", "52-48": two small whole numbers joined by a dash, the second
    not larger (a range rises: "30-40")."""
    return (
        nxt is not None
        and text[raw.end : nxt.start] in _SCORE_DASHES
        and _PLAIN_DIGITS_RE.fullmatch(text[raw.start : raw.end]) is not None
        and _PLAIN_DIGITS_RE.fullmatch(text[nxt.start : nxt.end]) is not None
        and not raw.currency
        and nxt.value <= raw.value
    )


# Intervals are frozen models and the same few bounds recur in every article:
# each is validated once. Equal keys (3 and 3.0) give equal intervals.
@functools.lru_cache(maxsize=4096)
def _interval(bounds: tuple[float, float | None]) -> Interval:
    low, high = bounds
    if high is not None and high < low:
        # A hedge below its own floor ("nearly 0", "fewer than 0") never runs backwards.
        high = low
    return Interval(low=_as_number(low), high=None if high is None else _as_number(high))


def people_after(text: str, at: int, lex: Lexicon) -> bool:
    """True when a word of people (rules/victims.yaml) follows ``text[at:]`` right away:
    "three night watchmen", "five day labourers" count people, not nights or days."""
    m = _NEXT_WORD_RE.match(text, at)
    return m is not None and (m.group(1).lower(),) in lex.victim_words


_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z]+)")


def _classify(
    text: str, raw: _Raw, last: _Raw, lex: Lexicon, hedged: bool
) -> tuple[MentionKind, str | None, str | None]:
    """Kind, unit and label of a number (or of a range from ``raw`` to ``last``) by its context."""
    before = text[max(0, raw.start - 30) : raw.start]
    after = text[last.end : last.end + 30]
    surface = text[raw.start : raw.end]
    if surface[:1].isdigit() and _ORDINAL_SUFFIX_RE.match(after):
        return "ordinal", None, None
    if len(surface) > 1 and surface[0] == "0" and surface[1].isdigit():
        # "07", "0142": a code, a month or a clock reading, never a count.
        return "other", None, "code"
    if after[:1].isalpha() and surface[-1:].isdigit():
        return "other", None, "name"
    if before.endswith("-") and before[-2:-1].isalpha():
        return "other", None, "name"
    named = may_end_with(before, lex.name_prefix_ends, ignore_case=False)
    if named and lex.name_prefix_re.search(before):
        return "other", None, "name"
    if lex.percent_re.match(after):
        return "percent", "%", None
    duration = lex.duration_re.match(after)
    if duration and not people_after(after, duration.end("unit"), lex):
        return "quantity", duration.group("unit").lower(), None
    if _LIST_MARK_RE.match(after) and _starts_line(text, raw.start):
        return "other", None, "list"
    last_surface = text[last.start : last.end]
    if (
        _YEAR_RE.fullmatch(surface)
        and _YEAR_RE.fullmatch(last_surface)
        and not hedged
        and not _counts_noun(after, lex)
    ):
        return "year", None, None
    return "count", None, None


def _starts_line(text: str, offset: int) -> bool:
    """True when only spaces and tabs stand between the start of its line and ``offset``.

    Looks back over those spaces only, never to the start of a long line.
    """
    i = offset
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _counts_noun(after: str, lex: Lexicon) -> bool:
    """True when one of the first words after a number (up to the next number) is a counted noun."""
    digit = next((i for i, c in enumerate(after) if c.isdigit()), len(after))
    words = _NOUN_WORD_RE.findall(after[:digit])[:3]
    return any(w.lower() in lex.known_nouns for w in words)


def _starts(matches: tuple[list[re.Match[str]], ...]) -> set[int]:
    """Start offsets of the group "n" of every match of each pattern."""
    return {m.start("n") for found in matches for m in found}


@functools.lru_cache(maxsize=16)
def _unanchored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without its leading "^", for ``match(text, pos, endpos)``.

    "^" never matches at a ``pos`` after the start of the text; "$" does match
    at ``endpos``. So the result, matched on ``text[pos:endpos]`` in place,
    answers as ``pattern`` does on that slice, without copying the slice.
    """
    return re.compile(pattern.pattern.removeprefix("^"), pattern.flags)


def _stripped_is(text: str, start: int, end: int, word: str) -> bool:
    """``text[start:end].strip().lower() == word``, looking only at the ends and the word
    (a line break is not stripped: a range never reaches over one).

    ``str.lower`` never makes a string shorter, so a core longer than ``word``
    cannot match and is never copied.
    """
    while start < end and text[start].isspace() and text[start] != "\n":
        start += 1
    while end > start and text[end - 1].isspace() and text[end - 1] != "\n":
        end -= 1
    return end - start <= len(word) and text[start:end].lower() == word


def find_numbers(
    text: str,
    lex: Lexicon,
    article: str,
    taken: list[tuple[int, int]],
    matches: NumberMatches | None = None,
) -> list[Mention]:
    """Every number outside ``taken`` spans, as mentions with literal and likely intervals.

    ``matches`` are ``number_matches(text, lex)`` when the caller has them already.
    """
    index = SpanIndex(taken)
    if matches is None:
        matches = number_matches(text, lex)
    times = [m for m in matches.times if not index.overlaps(*m.span())]
    mentions: list[Mention] = [
        Mention(article=article, kind="time", text=m.group(), span=m.span()) for m in times
    ]
    for m in times:
        index.add(*m.span())
    mentions += find_not_values(text, lex, article, index, matches.not_values)
    raws = _raw_numbers(text, lex, index, matches)
    joiner_re = _unanchored(lex.range_joiner_re)
    ages = _starts(matches.ages)
    others = _starts(matches.others)
    i = 0
    while i < len(raws):
        raw = raws[i]
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        if _is_score(text, raw, nxt):
            assert nxt is not None
            mentions.append(
                Mention(
                    article=article,
                    kind="other",
                    text=text[raw.start : nxt.end],
                    span=(raw.start, nxt.end),
                    label="score",
                )
            )
            i += 2
            continue
        start, end = raw.lead, raw.end
        last = raw  # the last number of a range: what follows it says what the range counts
        literal: tuple[float, float | None]
        likely: tuple[float, float | None]
        hedge: str | None = None
        opener = lex.range_opener_re.search(text[max(0, start - 12) : start])
        closer = lex.range_openers.get(opener.group("open").lower()) if opener else None
        # The text between this number and the next is only looked at in place
        # (no slice of it is made): it may run to the end of a long article.
        if (
            nxt is not None
            and raw.interval is None
            and nxt.interval is None
            and nxt.value > raw.value
            and raw.percent == nxt.percent
            and (
                joiner_re.match(text, end, nxt.lead)
                or (closer is not None and _stripped_is(text, end, nxt.lead, closer))
            )
            and not (
                closer is None
                and _stripped_is(text, end, nxt.lead, "to")
                and lex.range_breaker_re.search(text[max(0, start - 12) : start])
            )
        ):
            if opener:
                start -= len(opener.group())
            literal = likely = (raw.value, nxt.value)
            end = nxt.end
            last = nxt
            hedge = "range"
            i += 1
        else:
            kind = "exact"
            before = text[max(0, start - 30) : start]
            lead = (
                lex.hedge_re.search(before)
                if may_end_with(before, lex.hedge_ends, ignore_case=True)
                else None
            )
            if lead and (
                _places_in_time(lead.group("hedge"), text, raw.end, lex)
                or _about_a_matter(lead.group("hedge"), before[: lead.start()], lex)
            ):
                lead = None
            if lead:
                hedge = " ".join(lead.group("hedge").lower().split())
                kind = lex.hedge_kind[hedge]
                start -= len(lead.group())
            else:
                trail = lex.trailing_hedge_re.match(text[end : end + 16])
                if trail:
                    hedge = " ".join(trail.group("hedge").lower().split())
                    kind = lex.hedge_kind[hedge]
                    end += len(trail.group())
            if raw.interval is not None:
                literal = likely = raw.interval
            else:
                literal, likely = hedge_interval(kind, raw.value, lex)
        i += 1
        unit: str | None = "years"
        mention_kind: MentionKind = "age"
        label: str | None = None
        if raw.percent:
            mention_kind, unit = "percent", "%"
        elif raw.currency:
            # A sign's space may be any run of blanks ("Rp  5"): looked up as one space.
            sign = " ".join(raw.currency.split()) + (" " if raw.currency[-1:].isspace() else "")
            mention_kind, unit = "money", lex.currency_units[sign]
        elif raw.start in others:
            mention_kind, unit = "other", None
        elif raw.start not in ages:
            mention_kind, unit, label = _classify(
                text, raw, last, lex, hedged=hedge not in (None, "range")
            )
        date = None
        if mention_kind == "year":
            year = int(raw.value)
            date = DateRange(
                start=dt.date(year, 1, 1),
                end=dt.date(int(last.value) if hedge == "range" else year, 12, 31),
            )
        mentions.append(
            Mention(
                article=article,
                kind=mention_kind,
                text=text[start:end],
                span=(start, end),
                value=_as_number(raw.value),
                interval=_interval(literal),
                likely=_interval(likely),
                hedge=hedge,
                unit=unit,
                date=date,
                label=label,
            )
        )
    mentions.sort(key=lambda m: m.span)
    return mentions


def _about_a_matter(hedge: str, before: str, lex: Lexicon) -> bool:
    """True when ``hedge`` follows a verb it makes a matter of ("charged over A$670
    million of cocaine", "arrested over 12 killings"): a preposition, not a hedge."""
    word = " ".join(hedge.lower().split())
    words = before.split()
    return (
        word in lex.matter_prepositions
        and bool(words)
        and words[-1].lower().strip(",") in lex.matter_verbs
    )


def _places_in_time(hedge: str, text: str, end: int, lex: Lexicon) -> bool:
    """True when ``hedge`` is a preposition before a duration ("over six days"), not a hedge."""
    word = " ".join(hedge.lower().split())
    return word in lex.duration_prepositions and bool(lex.duration_re.match(text[end : end + 30]))
