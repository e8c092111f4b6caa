"""The date regexes of one rulebook, compiled once: absolute dates and calendar-unit phrases."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker.extract.date_cues import DIGIT, NO_CUES, QUOTE, CueTable, cue_table
from checker.extract.lexicon import Lexicon, alternation, kept
from checker.kept_patterns import compile_kept

_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"


def _alt(words: list[str]) -> str:
    """A regex alternation of ``words``; a date never runs across a line break."""
    return alternation(words, r"[ \t]+")


@dataclass(frozen=True)
class DateGrammar:
    """The date regexes of one lexicon and its date rules."""

    full: re.Pattern[str]
    iso: re.Pattern[str]
    weekday: re.Pattern[str]
    month_only: re.Pattern[str]
    bare_month: re.Pattern[str]
    month_offset: re.Pattern[str]
    month_of_year: re.Pattern[str]
    unit_offset: re.Pattern[str]
    this_year: re.Pattern[str]
    season: re.Pattern[str]
    quarter: re.Pattern[str]
    quarter_anaphor: re.Pattern[str]
    reference: re.Pattern[str]
    year_before: re.Pattern[str]
    days: re.Pattern[str]
    ago: re.Pattern[str]
    decade: re.Pattern[str]
    short_year: re.Pattern[str]
    year_span: re.Pattern[str]
    marked_year: re.Pattern[str]
    spoken_year: re.Pattern[str]
    holiday: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    # Where each pattern can begin (none: every pattern scans the whole text).
    cues: CueTable = NO_CUES


_GRAMMARS: dict[int, tuple[Lexicon, DateGrammar]] = {}


def grammar(lex: Lexicon) -> DateGrammar:
    """Compile (once per lexicon) the date regexes from its month, weekday and date words."""
    hit = _GRAMMARS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    lang = lex.rulebook.language
    rules = lex.rulebook.dates
    mon = _alt(list(lex.months))
    full_months = _alt([m for m in lex.months if len(m) > 3 or m == "may"])
    wd = _alt(list(lex.weekdays))
    offsets = _alt(list(rules.offsets))
    positions = _alt(rules.positions)
    pos = rf"(?:(?:{positions})(?:[ \t]+|-))?"
    day = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{0}>1[89]\d\d|20\d\d)(?!\d)"
    # Dates never run across a line break: " " is any run of spaces or tabs.
    full = compile_kept(
        rf"(?<![\w])(?:(?P<wd>{wd}),? +)?(?:(?:the +)?{day.format('d1')} +(?:of +)?"
        rf"(?P<m1>{mon})\.?(?:,? +{year.format('y1')})?"
        rf"|(?P<m2>{mon})\.? +{day.format('d2')}(?!\d|:\d)(?:,? +{year.format('y2')})?"
        rf"|(?P<m3>{mon})\.?,? +(?:of +)?{year.format('y3')})(?![\w])".replace(" +", "[ \t]+"),
        re.IGNORECASE,
    )
    ordinals = _alt(list(rules.quarter_ordinals) + list(rules.half_ordinals))
    rel_year = rf"(?:the[ \t]+)?(?P<{{0}}>{offsets})[ \t]+year"
    quarter = compile_kept(
        rf"(?<![\w-])(?:the[ \t]+)?"
        rf"(?:(?P<qy1>{_YEAR})['’]?s?[ \t]+|{rel_year.format('qr1')}['’]s[ \t]+)?"
        rf"(?:(?:fiscal|calendar)[ \t-]+)?(?P<ord>{ordinals})[ \t-]+(?:(?:fiscal|calendar)[ \t-]+)?"
        rf"(?P<kind>quarter|half)(?![\w])"
        rf"(?:(?:[ \t]+of|,)?[ \t]+(?:(?:fiscal|calendar)[ \t]+)?(?P<qy2>{_YEAR})"
        rf"|[ \t]+of[ \t]+{rel_year.format('qr2')})?"
        rf"|(?<![\w-])Q(?P<qn>[1-4])(?:[ \t]+(?P<qy3>{_YEAR}))?(?![\w])",
        re.IGNORECASE,
    )
    weekday = compile_kept(
        rf"(?<![\w])(?:(?P<rel>{offsets}|on)[ \t]+)?(?P<wd>{wd})(?:['’]s)?(?![\w])",
        re.IGNORECASE,
    )
    one = _alt([*rules.one, *lex.number_words])
    same = _alt(rules.same_period)
    tens = _alt(list(lang.tens))
    digits = _alt([w for w, n in lang.units.items() if 1 <= n <= 9])
    teens = _alt([w for w, n in lang.units.items() if n >= 10])
    periods = _alt(rules.periods)
    back = _alt([w for w, shift in rules.offsets.items() if shift == -1])
    compiled = DateGrammar(
        full=full,
        iso=compile_kept(r"(?<![\w-])(?P<y>20\d\d|19\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        weekday=weekday,
        month_only=compile_kept(
            rf"(?<![\w])(?:{_alt(lang.month_prepositions)})[ \t]+{pos}(?P<m>{mon})(?![\w.])",
            re.IGNORECASE,
        ),
        # A month name before a capitalised word is a first name ("April Ross").
        bare_month=compile_kept(
            rf"(?<![\w-])(?P<pos>{pos})(?P<m>{full_months})(?![\w-])(?![ \t]*\d)"
            r"(?![ \t]+(?-i:[A-Z]))",
            re.IGNORECASE,
        ),
        month_offset=compile_kept(
            rf"(?<![\w-]){pos}(?P<off>{offsets})[ \t]+(?P<m>{full_months})(?![\w-])(?![ \t]*\d)",
            re.IGNORECASE,
        ),
        month_of_year=compile_kept(
            rf"(?<![\w-]){pos}(?P<m>{full_months})(?:[ \t]+of)?[ \t]+"
            rf"(?:(?P<off>{offsets})|the[ \t]+(?P<off2>{offsets}))[ \t]+year(?![\w'’])",
            re.IGNORECASE,
        ),
        unit_offset=compile_kept(
            rf"(?<![\w-]){pos}(?:the[ \t]+)?(?P<off>{offsets})[ \t]+"
            rf"(?P<unit>{_alt(list(rules.units))})(?![\w-])(?!['’]s[ \t]+(?:{ordinals}))",
            re.IGNORECASE,
        ),
        this_year=compile_kept(
            rf"(?<![\w-])(?:{_alt(rules.this_year_openers)})[ \t]+(?P<y>{_alt(rules.this_year)})"
            rf"(?![\w-])(?![ \t]+(?:{_alt(rules.this_year_not_before)})(?![\w-]))",
            re.IGNORECASE,
        ),
        season=compile_kept(
            rf"(?<![\w-]){pos}(?:(?:the[ \t]+)?(?P<off>{offsets})[ \t]+)?"
            rf"(?P<s>{_alt(list(rules.seasons))})(?![\w-])"
            rf"(?:(?:[ \t]+of)?[ \t]+(?P<y>{_YEAR}))?",
            re.IGNORECASE,
        ),
        quarter=quarter,
        reference=compile_kept(
            rf"(?<![\w-]){pos}(?P<ref>{_alt(list(rules.references))})[ \t]+"
            rf"(?P<unit>{_alt(list(rules.reference_units))})(?![\w-])",
            re.IGNORECASE,
        ),
        quarter_anaphor=compile_kept(
            rf"(?<![\w-])(?:{_alt(rules.quarter_anaphora)}"
            rf"|the[ \t]+(?P<y>{_YEAR})[ \t]+(?:{periods}))(?![\w-])",
            re.IGNORECASE,
        ),
        year_before=compile_kept(
            rf"(?<![\w-])(?:(?:the[ \t]+)?(?:(?:{same})[ \t]+)?"
            rf"(?P<adj>{_alt(rules.year_before)})"
            rf"(?:[ \t]+(?:(?P<ord>{ordinals})[ \t-]+)?(?:{periods}))?"
            rf"|(?:the[ \t]+)?(?:{same})[ \t]+(?:{periods})[ \t]+(?:of[ \t]+|in[ \t]+)?"
            rf"(?:the[ \t]+)?(?:{back})[ \t]+year"
            rf"|(?:{back})[ \t]+year['’]s[ \t]+(?:(?:{same})[ \t]+)?(?:{periods})"
            rf"|(?:{_alt(rules.one)})[ \t]+year[ \t]+(?P<dir>{_alt(rules.ago)}|earlier))(?![\w-])",
            re.IGNORECASE,
        ),
        days=compile_kept(rf"(?<![\w-])(?:{_alt(list(rules.days))})(?![\w-])", re.IGNORECASE),
        ago=compile_kept(
            rf"(?<![\w])(?P<n>\d+|{one})[ \t]+"
            r"(?P<u>days?|weeks?|months?|years?)[ \t]+"
            rf"(?:or[ \t]+so[ \t]+)?(?P<dir>{_alt([*rules.ago, *lang.offset_words])})(?![\w])",
            re.IGNORECASE,
        ),
        decade=compile_kept(
            rf"(?<![\w-])(?:the[ \t]+)?(?:(?:{_alt(rules.decade_prefixes)})[ \t-]*)?"
            r"(?:(?P<c>1[5-9]\d0|20\d0)|['’](?P<d>\d0))['’]?s(?![\w])",
            re.IGNORECASE,
        ),
        # "in '58": only after a word that introduces a time, not a quote opening on a number.
        short_year=compile_kept(
            rf"(?<![\w-])(?:{_alt(rules.short_year_openers)})[ \t]+(?P<q>['’‘](?P<y>\d\d))"
            r"(?![\w'’%])",
            re.IGNORECASE,
        ),
        year_span=compile_kept(
            rf"(?<![\w-])(?:between|from)[ \t]+(?P<a>{_YEAR})[ \t]+(?:and|to|until|through)[ \t]+"
            rf"(?P<b>{_YEAR})(?![\w-])",
            re.IGNORECASE,
        ),
        holiday=compile_kept(
            rf"(?<![\w-])(?:(?P<off>{offsets})[ \t]+)?(?P<h>{_alt(list(rules.holidays))})(?![\w-])",
            re.IGNORECASE,
        ),
        spoken_year=compile_kept(
            rf"(?<![\w-])(?:(?P<c>{_alt(list(rules.spoken_centuries))})[ \t]+"
            rf"(?P<r>(?:{tens})(?:[ \t-](?:{digits}))?|{teens}|(?:oh|o)[ \t-](?:{digits}))"
            rf"|the[ \t]+year[ \t]+(?P<k>two[ \t]+thousand)"
            rf"(?:[ \t]+(?:and[ \t]+)?(?P<u>{teens}|{digits}))?"
            r")(?![\w-])",
            re.IGNORECASE,
        ),
        marked_year=compile_kept(
            rf"(?<![\w-])(?:(?:{_alt(rules.year_prefixes)})-|since[ \t]+"
            rf"|(?:{_alt(rules.year_prepositions)})[ \t]+(?=\d{{4}}[ \t]*[,.;:)](?!\d)))"
            rf"(?P<y>{_YEAR})(?![\w-])",
            re.IGNORECASE,
        ),
        future=compile_kept(rf"(?<![\w-])(?:{_alt(rules.future_markers)})(?![\w])", re.IGNORECASE),
        past=compile_kept(
            # "will be held", "has been paid": a participle after "be" is not the past.
            r"(?<![\w-])(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
            rf"(?:{_alt(rules.past_markers)})(?![\w-])",
            re.IGNORECASE,
        ),
    )
    compiled = dataclasses.replace(compiled, cues=cue_table(pattern_openers(compiled, lex)))
    _GRAMMARS[id(lex)] = (lex, kept(compiled))
    return compiled


def _then(firsts: list[str], seconds: list[str]) -> list[str]:
    """Each phrase of ``firsts`` followed by each of ``seconds``."""
    return [f"{a} {b}" for a in firsts for b in seconds]


def pattern_openers(g: DateGrammar, lex: Lexicon) -> Mapping[re.Pattern[str], list[str]]:
    """The phrases each pattern's matches can begin with, as far as their second word.

    Optional parts count: "the middle of last week" begins with "the middle",
    "last week" with "last week". ``DIGIT`` stands for any number, ``QUOTE``
    for a quote before one.
    """
    lang = lex.rulebook.language
    rules = lex.rulebook.dates
    months = list(lex.months)
    weekdays = list(lex.weekdays)
    offsets = list(rules.offsets)
    pos = rules.positions
    ordinals = [*rules.quarter_ordinals, *rules.half_ordinals]
    back = [w for w, shift in rules.offsets.items() if shift == -1]
    same = rules.same_period
    one = [*rules.one, *lex.number_words]
    units = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
    return {
        g.full: [*weekdays, *months, *_then([DIGIT], [*months, "of"]), f"the {DIGIT}"],
        g.iso: [f"{DIGIT} {DIGIT}"],
        g.weekday: [*weekdays, *_then([*offsets, "on"], weekdays)],
        g.month_only: _then(lang.month_prepositions, [*pos, *months]),
        g.bare_month: [*months, *_then(pos, months)],
        g.month_offset: [*_then(pos, offsets), *_then(offsets, months)],
        g.month_of_year: [*months, *_then(pos, months)],
        g.unit_offset: [
            *_then(pos, ["the", *offsets]),
            *_then(["the"], offsets),
            *_then(offsets, list(rules.units)),
        ],
        g.this_year: _then(rules.this_year_openers, rules.this_year),
        g.season: [
            *rules.seasons,
            *_then(pos, ["the", *offsets, *rules.seasons]),
            *_then(["the"], offsets),
            *_then(offsets, list(rules.seasons)),
        ],
        g.quarter: [
            DIGIT,
            "q",
            "fiscal",
            "calendar",
            *_then(["the"], ["the", *offsets, "fiscal", "calendar", *ordinals, DIGIT]),
            *_then(offsets, ["year"]),
            *_then(ordinals, ["quarter", "half", "fiscal", "calendar"]),
        ],
        g.quarter_anaphor: [*rules.quarter_anaphora, f"the {DIGIT}"],
        g.reference: [
            *_then(pos, list(rules.references)),
            *_then(list(rules.references), list(rules.reference_units)),
        ],
        g.year_before: [
            *rules.year_before,
            *_then(["the"], [*same, *rules.year_before]),
            *_then(same, [*rules.year_before, *rules.periods]),
            *_then(back, ["year"]),
            *_then(rules.one, ["year"]),
        ],
        g.days: list(rules.days),
        g.ago: _then([DIGIT, *one], units),
        g.decade: [
            DIGIT,
            QUOTE,
            *rules.decade_prefixes,
            *_then(["the"], [DIGIT, QUOTE, *rules.decade_prefixes]),
        ],
        g.short_year: _then(rules.short_year_openers, [QUOTE]),
        g.year_span: _then(["between", "from"], [DIGIT]),
        g.holiday: [*rules.holidays, *_then(offsets, list(rules.holidays))],
        g.spoken_year: [*rules.spoken_centuries, "the year"],
        g.marked_year: _then([*rules.year_prefixes, "since", *rules.year_prepositions], [DIGIT]),
        lex.relative_re: list(lang.relative_dates),
    }
