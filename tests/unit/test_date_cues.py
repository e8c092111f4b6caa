"""The date patterns tried only where their openers stand find exactly what a full scan finds."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterable

import pytest

from checker.extract import lexicon
from checker.extract.date_cues import REACH, RUN, CueScan, opener_key
from checker.extract.date_grammar import DateGrammar, grammar
from checker.extract.scan import fold
from checker.rulebook import Rulebook


@pytest.fixture(scope="module")
def date_grammar(rulebook: Rulebook) -> DateGrammar:
    return grammar(lexicon(rulebook))


def _words(rulebook: Rulebook) -> list[str]:
    """Every word the date rules know, and some that only look like them."""
    lang = rulebook.language
    rules = rulebook.dates
    phrases = [
        *lang.months,
        *lang.weekdays,
        *lang.month_prepositions,
        *lang.offset_words,
        *lang.relative_dates,
        *lang.units,
        *lang.tens,
        *rules.days,
        *rules.units,
        *rules.offsets,
        *rules.positions,
        *rules.ago,
        *rules.one,
        *rules.seasons,
        *rules.quarter_ordinals,
        *rules.half_ordinals,
        *rules.quarter_anaphora,
        *rules.year_before,
        *rules.same_period,
        *rules.periods,
        *rules.this_year,
        *rules.this_year_openers,
        *rules.this_year_not_before,
        *rules.references,
        *rules.reference_units,
        *rules.decade_prefixes,
        *rules.short_year_openers,
        *rules.spoken_centuries,
        *rules.holidays,
        *rules.year_prefixes,
        *rules.year_prepositions,
    ]
    words = {w for p in phrases for w in re.split(r"[ \t]+", p)}
    words |= {"the", "of", "and", "to", "between", "from", "year", "years", "fiscal", "calendar"}
    words |= {"Q3", "Q5", "thanks", "monk", "mayor", "marching", "sundays", "octane", "lastly"}
    return sorted(words)


_GLUE = [" ", " ", " ", "  ", "\t", "-", "–", ", ", ". ", ".", "'s ", "’s ", "\n"]
_GLUE += ["; ", ": ", ") ", "(", ""]
_NUMBERS = ["7", "12", "2023", "1990s", "'80s", "’58", "‘58", "31st", "2nd", "2021-03-04", "٣"]
# Dates of every shape the grammar reads, each to be found whole among the random words.
_PHRASES = [
    "the 12th of March",
    "4th of July",
    "Tuesday, 4 June 2019",
    "June 4, 2019",
    "Sept. 30",
    "April 24 and 25",
    "2021-03-04",
    "on Friday",
    "last Friday's",
    "in early May",
    "since mid- July",
    "the middle of October",
    "late last year",
    "November of last year",
    "next August",
    "earlier this month",
    "the coming week",
    "for the year",
    "of the full year",
    "last winter",
    "summer of 2008",
    "the third quarter of 2022",
    "the 1998 period",
    "the latest quarter",
    "fiscal second-half",
    "Q2 2017",
    "last year's fourth quarter",
    "the same period a year earlier",
    "that morning",
    "the following day",
    "the day before yesterday",
    "this morning",
    "twelve weeks ago",
    "3 months later",
    "an hour or so",
    "a year or so ago",
    "the early 1970s",
    "the mid-'90s",
    "in '62",
    "class of '85",
    "between 2004 and 2009",
    "nineteen eighty-four",
    "the year two thousand and six",
    "post-2001",
    "since 1989",
    "in 1976,",
    "until 2001;",
    "last Christmas Eve",
    "New Year's Day",
    "this coming Thanksgiving",
    "last weekend",
    "in\nrecent days",
    "this\tweekend",
    "last\nweekend",
    "past  few weeks",
]
_ODD = ["é", "Über", "x_", "_", "%", "$", "\u0131", "\u017f"]


def _text(rng: random.Random, words: list[str], size: int) -> str:
    """Words of a small random vocabulary, so that their pairs and triples recur."""
    vocabulary = rng.sample(words, 14)
    out: list[str] = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.05:
            token = rng.choice(_PHRASES)
            token = rng.choice([token, token.upper(), token.lower()])
        elif roll < 0.25:
            token = rng.choice(_NUMBERS)
        elif roll < 0.27:
            token = rng.choice(_ODD)
        elif roll < 0.28:
            token = rng.choice([" " * (RUN + 3), "-" * (RUN + 3), "1" * (RUN + 3)])
        else:
            token = rng.choice(vocabulary)
            token = rng.choice([token, token.capitalize(), token.upper()])
        out.append(token)
        out.append(" " if rng.random() < 0.7 else rng.choice(_GLUE))
    return "".join(out)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def _dates_found_alike(texts: Iterable[str], date_grammar: DateGrammar) -> int:
    """Check that each pattern finds from the cues of each text what a full scan finds;
    returns how many matches there were."""
    total = 0
    for text in texts:
        scan = CueScan(text, date_grammar.cues)
        for pattern in date_grammar.cues.indexed.values():
            expected = _found(pattern.finditer(text))
            assert _found(scan.finditer(pattern)) == expected, pattern.pattern[:80]
            total += len(expected)
    return total


def test_every_pattern_finds_from_its_cues_what_a_full_scan_finds(
    rulebook: Rulebook, date_grammar: DateGrammar
) -> None:
    rng = random.Random(7)
    words = _words(rulebook)
    # Every pattern of the grammar, and the loose relative dates.
    assert len(date_grammar.cues.indexed) == 23
    texts = [_text(rng, words, 300) for _ in range(150)]
    assert _dates_found_alike(texts, date_grammar) > 500  # many dates of every shape


def test_a_text_with_a_dotless_i_is_scanned_from_its_cues(date_grammar: DateGrammar) -> None:
    # A dotless i is an "i" to a case-insensitive pattern but not to str.lower():
    # the cues are found in the folded text.
    text = "The talks ended on FR\u0130DAY and resumed on Fr\u0131day, 3 March."
    scan = CueScan(text, date_grammar.cues)
    assert scan._starts is not None
    for pattern in date_grammar.cues.indexed.values():
        assert _found(scan.finditer(pattern)) == _found(pattern.finditer(text))
    assert [m.group() for m in scan.finditer(date_grammar.weekday)] == [
        "on FR\u0130DAY",
        "on Fr\u0131day",
    ]


_TWINS = {"i": "\u0131", "I": "\u0130", "s": "\u017f", "k": "\u212a", "K": "\u212a"}


def test_letters_with_odd_twins_inside_words_are_found_from_cues(
    rulebook: Rulebook, date_grammar: DateGrammar
) -> None:
    rng = random.Random(11)
    words = _words(rulebook)
    texts = [
        "".join(
            _TWINS[c] if c in _TWINS and rng.random() < 0.3 else c for c in _text(rng, words, 200)
        )
        for _ in range(60)
    ]
    assert _dates_found_alike(texts, date_grammar) > 100


def test_folding_keeps_one_character_for_each_and_the_ascii_letters_re_sees() -> None:
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert len(fold(chars)) == len(chars)
    ascii_like = {c for c in re.findall(r"(?i)[a-z]", chars) if not c.isascii()}
    assert ascii_like == {"\u0130", "\u0131", "\u017f", "\u212a"}
    for c in ascii_like:
        assert fold(c).isascii() and re.fullmatch(fold(c), c, re.IGNORECASE)
    wordier = {c for c in chars if not re.match(r"\w", c) and re.match(r"\w", fold(c))}
    assert wordier == set()


def test_no_match_of_the_grammar_reaches_past_its_reach(date_grammar: DateGrammar) -> None:
    """With runs of blanks, hyphens and digits no longer than RUN, every path of every
    pattern (its look-arounds read as if consumed) stays within REACH characters."""
    import re._parser as sre_parse  # the pattern's width, as the re module computes it

    bounded = re.compile(r"(?<!\\)(\[ (?:\\t|\t)-?\]|\\d|\\s)([+*])")
    for pattern in date_grammar.cues.indexed.values():
        source = pattern.pattern
        for opener in ("(?<!", "(?<=", "(?!", "(?="):
            source = source.replace(opener, "(?:")
        twin = bounded.sub(lambda m: f"{m[1]}{{{int(m[2] == '+')},{RUN}}}", source)
        width = sre_parse.parse(twin, pattern.flags).getwidth()[1]
        assert width + 1 < REACH, (width, pattern.pattern[:80])


def test_opener_keys() -> None:
    assert opener_key("Last") == "last"
    assert opener_key("mid-") == "mid"
    assert opener_key("year-ago") == "year ago"
    assert opener_key("the middle of") == "the middle"
    assert opener_key("the 1990s") == "the " + opener_key("7")  # type: ignore[operator]
    assert opener_key("in ’58") == "in " + opener_key("'5")  # type: ignore[operator]
    assert opener_key("mid- June") == "mid june"
    assert opener_key("12th of") == opener_key("7") + " of"  # type: ignore[operator]
    assert opener_key("1st") == opener_key("0")
    assert opener_key("’80s") == opener_key("'0")
    assert opener_key("(x") is None


def test_a_match_far_from_any_long_run_is_tried_within_its_reach(
    date_grammar: DateGrammar,
) -> None:
    """The bounded match is the one the full text gives, also right before a long run."""
    text = "x " * 400 + "on Monday" + " " * (RUN + 5) + "12 March" + " last week" * 60
    scan = CueScan(text, date_grammar.cues)
    for pattern in date_grammar.cues.indexed.values():
        assert _found(scan.finditer(pattern)) == _found(pattern.finditer(text))
    assert [m.group() for m in scan.finditer(date_grammar.unit_offset)] == ["last week"] * 60


def test_long_runs_are_found_as_the_run_regex_finds_them() -> None:
    from checker.extract.date_cues import _LONG_RUN_RE, _long_runs

    rng = random.Random(17)
    # White space and digits beyond ASCII, and characters of several bytes.
    alphabet = [
        "1",
        " ",
        "-",
        "\n",
        "\t",
        "a",
        "\u00a0",
        "\u3000",
        "\u0663",
        "\u00e9",
        "\u4e00",
        "\ud800",
    ]
    texts = ["", "1" * RUN, "1" * (RUN + 1), " " * (RUN + 1) + "x", "\u3000" * (RUN + 1)]
    for _ in range(2000):
        weights = [rng.random() for _ in alphabet]
        texts.append("".join(rng.choices(alphabet, weights, k=rng.randint(0, 80))))
    for text in texts:
        assert _long_runs(text) == [m.start() for m in _LONG_RUN_RE.finditer(text)], repr(text)
