"""Dates in article text: absolute, partial and relative to the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.extract.lexicon import Lexicon
from checker.extract.spans import SpanIndex
from checker.models import DateRange, Mention


@dataclass(frozen=True)
class DatePatterns:
    """The date regexes of one lexicon."""

    full: re.Pattern[str]
    iso: re.Pattern[str]
    weekday: re.Pattern[str]
    month_only: re.Pattern[str]
    ago: re.Pattern[str]


_PATTERNS: dict[int, tuple[Lexicon, DatePatterns]] = {}


def patterns(lex: Lexicon) -> DatePatterns:
    """Compile (once per lexicon) the date regexes from the month and weekday names."""
    hit = _PATTERNS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    lang = lex.rulebook.language
    mon = "|".join(sorted(lex.months, key=lambda m: (-len(m), m)))
    wd = "|".join(sorted(lex.weekdays, key=lambda m: (-len(m), m)))
    day = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{0}>1[89]\d\d|20\d\d)(?!\d)"
    # Dates never run across a line break: " " is any run of spaces or tabs.
    full = re.compile(
        rf"(?<![\w])(?:(?P<wd>{wd}),? +)?(?:(?:the +)?{day.format('d1')} +(?:of +)?"
        rf"(?P<m1>{mon})\.?(?:,? +{year.format('y1')})?"
        rf"|(?P<m2>{mon})\.? +{day.format('d2')}(?![\d:])(?:,? +{year.format('y2')})?"
        rf"|(?P<m3>{mon})\.?,? +(?:of +)?{year.format('y3')})(?![\w])".replace(" +", "[ \t]+"),
        re.IGNORECASE,
    )
    pats = DatePatterns(
        full=full,
        iso=re.compile(r"(?<![\w-])(?P<y>20\d\d|19\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        weekday=re.compile(
            rf"(?<![\w])(?:(?P<rel>last|this|next|on)\s+)?(?P<wd>{wd})(?:['’]s)?(?![\w])",
            re.IGNORECASE,
        ),
        month_only=re.compile(
            rf"(?<![\w])(?:{_alt(lang.month_prepositions)})\s+(?P<m>{mon})(?![\w.])",
            re.IGNORECASE,
        ),
        ago=re.compile(
            rf"(?<![\w])(?P<n>\d+|{_alt([*lang.one_words, *lex.number_words])})\s+"
            r"(?P<u>days?|weeks?|months?|years?)\s+"
            rf"(?P<dir>{_alt([*lang.ago_words, *lang.offset_words])})(?![\w])",
            re.IGNORECASE,
        ),
    )
    _PATTERNS[id(lex)] = (lex, pats)
    return pats


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> DateRange:
    start = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return DateRange(start=start, end=nxt - dt.timedelta(days=1))


def _guess_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts month/day nearest the publication date, preferring the past.

    A day after publication counts seven times its distance: news mostly
    reports what has happened, but "on January 2" in a paper of 30 December
    is the coming January.
    """
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        when = _safe_date(year, month, day if month != 2 or day < 29 else 28)
        if when is None:
            continue
        distance = (published - when).days if when <= published else 7 * (when - published).days
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else published.year


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_LONG_WORD_STOP_RE = re.compile(r"[A-Za-z]{5,}\.$")


def find_dates(
    text: str,
    lex: Lexicon,
    article: str,
    published: dt.date | None,
    published_from: str | None = None,
) -> list[Mention]:
    """Every date mention in ``text``, resolved against the publication date when known.

    With a publication date from metadata or a dateline, a bare weekday is the
    most recent such day on or before it; with an inferred date (a lower bound)
    it is the first such day on or after it.
    """
    pats = patterns(lex)
    found: list[Mention] = []
    taken = SpanIndex()

    def free(a: int, b: int) -> bool:
        return not taken.overlaps(a, b)

    def add(m: re.Match[str], rng: DateRange | None, weekday: str | None = None) -> None:
        start, end = m.span()
        surface = m.group()
        if surface.endswith(".") and _LONG_WORD_STOP_RE.search(surface):
            surface, end = surface[:-1], end - 1
        taken.add(start, end)
        found.append(
            Mention(
                article=article,
                kind="date",
                text=surface,
                span=(start, end),
                date=rng,
                weekday=weekday,
            )
        )

    for m in pats.iso.finditer(text):
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            add(m, DateRange(start=day, end=day))
    for m in pats.full.finditer(text):
        if not free(*m.span()):
            continue
        mon_word = m["m1"] or m["m2"] or m["m3"]
        if not _capitalised(mon_word):
            continue
        month = lex.months[mon_word.lower().rstrip(".")]
        year_s = m["y1"] or m["y2"] or m["y3"]
        day_s = m["d1"] or m["d2"]
        weekday = m["wd"].capitalize() if m["wd"] else None
        if day_s is None:
            assert year_s is not None
            add(m, _month_range(int(year_s), month))
            continue
        day_n = int(day_s)
        if not 1 <= day_n <= 31:
            continue
        if year_s:
            year = int(year_s)
        elif published:
            year = _guess_year(month, day_n, published)
        else:
            add(m, None, weekday)
            continue
        when = _safe_date(year, month, day_n)
        add(m, DateRange(start=when, end=when) if when else None, weekday)
    for m in pats.month_only.finditer(text):
        if not free(*m.span()) or not _capitalised(m["m"]):
            continue
        month = lex.months[m["m"].lower()]
        if published:
            year = published.year if month <= published.month else published.year - 1
            add(m, _month_range(year, month))
        else:
            add(m, None)
    for m in pats.weekday.finditer(text):
        if not free(*m.span()) or not _capitalised(m["wd"]):
            continue
        target = lex.weekdays[m["wd"].lower()]
        rng: DateRange | None = None
        if published:
            if published_from == "inferred":
                delta = (target - published.weekday()) % 7
                day = published + dt.timedelta(days=delta)
            else:
                delta = (published.weekday() - target) % 7
                if m["rel"] and m["rel"].lower() == "last" and delta == 0:
                    delta = 7
                day = published - dt.timedelta(days=delta)
            rng = DateRange(start=day, end=day)
        add(m, rng, m["wd"].capitalize())
    for m in lex.relative_re.finditer(text):
        if not free(*m.span()):
            continue
        rel = lex.rulebook.language.relative_dates
        key = " ".join(m.group().lower().split())
        back = rel.get(key)
        if published and back:
            add(
                m,
                DateRange(
                    start=published - dt.timedelta(days=back[0]),
                    end=published - dt.timedelta(days=back[1]),
                ),
            )
        else:
            add(m, None)
    for m in pats.ago.finditer(text):
        if not free(*m.span()):
            continue
        n_s = m["n"].lower()
        n = int(n_s) if n_s.isdigit() else lex.number_words.get(n_s, 1)
        days = n * _UNIT_DAYS[m["u"].lower().rstrip("s")]
        if published and m["dir"].lower() in lex.rulebook.language.ago_words:
            start = published - dt.timedelta(days=days + days // 7)
            end = published - dt.timedelta(days=max(days - days // 7, 0))
            add(m, DateRange(start=start, end=end))
        else:
            add(m, None)
    found.sort(key=lambda x: x.span)
    return found


def full_dates(text: str, lex: Lexicon) -> list[tuple[int, dt.date]]:
    """Offsets and values of the dates in ``text`` that give day, month and year."""
    out: list[tuple[int, dt.date]] = []
    for mention in find_dates(text, lex, "", None):
        rng = mention.date
        if rng and rng.start and rng.start == rng.end:
            out.append((mention.span[0], rng.start))
    return out
