"""One gate pass for many patterns finds exactly what ``finditer`` of each finds."""

from __future__ import annotations

import random
import re

import pytest

from checker.extract import lexicon
from checker.extract.number_scan import number_matches, number_patterns
from checker.extract.scan import PatternScan, pattern_leads, skipping
from checker.rulebook import Rulebook

_SAMPLE = (
    "At least 12 people died and about two dozen were hurt on Monday, officials said. "
    "A 34-year-old man, aged 34, was held; the victim, 19, was a mother of three. "
    "Half the crew and a third of the passengers, one in five of them, left at 7:30 p.m. "
    "Call 555 0142 or +44 20 7946 0958 (see www.example.org). In '98 and the 1990s, "
    "2015-16 and 2024/07, the vote was 52 to 48 and the team won 3-1 after a 2-0 lead. "
    "Hundreds of thousands fled; Twenty-Five soldiers, SIX hundred and twelve TROOPS, "
    "6 3/8 and 3/4 percent, a record of 10-2, no one. Seventeen boys, 4, were found. "
)
# Letters that re.IGNORECASE takes for ASCII ones although str.lower does not
# (long s, dotless i, dotted capital I, the Kelvin sign), digits of other
# scripts, and a letter that lower-cases to two characters.
_TRICKY = ["\u017f", "\u0131", "\u0130", "\u212a", "\u0663", "\u0967", "\u00e9", "\u2019", "\u2013"]


def _number_patterns(lex: object) -> list[re.Pattern[str]]:
    from checker.extract.lexicon import Lexicon

    assert isinstance(lex, Lexicon)
    return number_patterns(lex)


def _texts() -> list[str]:
    rng = random.Random(7)
    words = _SAMPLE.split(" ")
    texts = [_SAMPLE, _SAMPLE.upper(), _SAMPLE.lower(), ""]
    for _ in range(60):
        picked = rng.choices(words, k=rng.randint(5, 60))
        if rng.random() < 0.5:
            picked = [w + rng.choice(_TRICKY) if rng.random() < 0.1 else w for w in picked]
        if rng.random() < 0.3:
            picked = [w.replace("s", "\u017f").replace("i", "\u0131") for w in picked]
        if rng.random() < 0.3:
            picked = [w.replace("I", "\u0130").replace("K", "\u212a") for w in picked]
        texts.append(rng.choice([" ", "\n", "-", ", "]).join(picked))
    return texts


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_scan_finds_what_finditer_finds_for_every_number_pattern(rulebook: Rulebook) -> None:
    patterns = _number_patterns(lexicon(rulebook))
    scan = PatternScan(patterns)
    for text in _texts():
        got = scan.scan(text)
        assert len(got) == len(patterns)
        for pattern, matches in zip(patterns, got, strict=True):
            found = [(m.span(), m.groups()) for m in matches]
            assert found == _found(pattern, text), (pattern.pattern, text)


def test_number_matches_hands_each_pattern_its_own_matches(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    found = number_matches(_SAMPLE, lex)
    assert [m.span() for m in found.digits] == [m.span() for m in lex.digits_re.finditer(_SAMPLE)]
    assert [m.group() for m in found.times] == ["7:30 p.m."]
    assert [m.group() for m in found.vague] == ["Hundreds of thousands"]
    ages = [m.group("n") for matches in found.ages for m in matches]
    assert "34" in ages and "19" in ages
    labels = [label for label, _p in lex.not_value_res]
    phones = [
        m.group() for k, ms in enumerate(found.not_values) for m in ms if labels[k] == "phone"
    ]
    assert phones and all(any(c.isdigit() for c in p) for p in phones)


def test_leads_of_a_word_list_start_where_no_word_character_stands_before() -> None:
    leads = pattern_leads(re.compile(r"(?<![\w-])(?:half|third)s?(?![\w-])", re.IGNORECASE))
    assert leads is not None
    assert {"".join(x.pieces) for x in leads} == {"half", "halfs", "third", "thirds"}
    assert all(x.nonword for x in leads)


def test_a_pattern_that_may_start_with_any_letter_has_no_leads() -> None:
    assert pattern_leads(re.compile(r"\b[A-Z][a-z]+, \d")) is None
    assert pattern_leads(re.compile(r".x")) is None
    assert pattern_leads(re.compile(r"(?:ab)?c*")) is None  # may match nothing


def test_a_pattern_without_leads_is_still_found_by_the_scan() -> None:
    patterns = [re.compile(r"\b[A-Z][a-z]+, (\d+)"), re.compile(r"(?i)\bno one\b")]
    text = "Ann, 4 met No One and Bob, 52, said no one came."
    got = PatternScan(patterns).scan(text)
    assert [[m.group() for m in ms] for ms in got] == [
        ["Ann, 4", "Bob, 52"],
        ["No One", "no one"],
    ]


def test_overlapping_matches_follow_the_finditer_chain() -> None:
    # finditer never starts a match inside the last one: "2-3" is skipped.
    pattern = re.compile(r"\d-\d")
    assert [m.group() for m in PatternScan([pattern]).scan("1-2-3-4")[0]] == ["1-2", "3-4"]


_CONSTRUCTS = [
    r"\d-\d",
    r"(?i)\bno\b",
    r"\b,\s*\d",  # "\b" before a non-word character: a word character stands before
    r"(?<=a)b\d?",
    r"(?i:[A-C]x|q)y?z*",
    r"[0-3]{2,}\D",
    r"(?-i:Ab)(?i:cd)",
    r"x(?=\d)|(?<!\w)[a-f]\w",
    r"'?\d\d(?:s|'s)",
    r"(?i)(?:s|k|i)\d",
    r"\s\d+\s",
    # White space within a line, alone and with a hyphen (number words, units).
    r"(?i)a(?:[^\S\n]|-)+b\d",
    r"\d[^\S\n]+(?:x|y)",
    r"(?i)no[^\S\n]+one",
]


def test_the_scan_finds_what_finditer_finds_for_other_constructs() -> None:
    patterns = [re.compile(p) for p in _CONSTRUCTS]
    scan = PatternScan(patterns)
    rng = random.Random(11)
    alphabet = "abcdxyzqABCDXYZQsik01234-', \n" + "".join(_TRICKY)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for pattern, matches in zip(patterns, scan.scan(text), strict=True):
            found = [(m.span(), m.groups()) for m in matches]
            assert found == _found(pattern, text), (pattern.pattern, text)


def test_lower_casing_keeps_whitespace_and_full_stops_where_they_were() -> None:
    # The gate's lead regexes run on the lower-cased text with the reach
    # measured on the text itself: both must have the same stretches.
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) == 1:
            assert low.isspace() == char.isspace(), hex(code)
            assert (low == ".") == (char == "."), hex(code)


def test_a_long_run_of_digits_is_read_once_by_the_gate(rulebook: Rulebook) -> None:
    patterns = _number_patterns(lexicon(rulebook))
    scan = PatternScan(patterns)
    # Leads that may start inside a run keep no unbounded repeat: the gate
    # never reads the rest of a run from each of its characters.
    assert ",}" not in scan._plain.pattern
    text = "Figures\n\n" + "7" * 3000 + "-12 win, 4-5 lead"
    for pattern, matches in zip(patterns, scan.scan(text), strict=True):
        assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("plan_after", [0, 10**12])
def test_a_small_read_and_the_planned_scan_hand_out_the_same_matches(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch, plan_after: int
) -> None:
    # Until a process has read enough text, each pattern runs on its own
    # (the plan costs more than it saves); the matches are the same.
    from checker.extract import number_scan

    lex = lexicon(rulebook)
    monkeypatch.setattr(number_scan, "_PLANS", {})
    monkeypatch.setattr(number_scan, "_READ", {})
    monkeypatch.setattr(number_scan, "PLAN_AFTER_CHARS", plan_after)
    found = number_matches(_SAMPLE, lex)
    assert (number_scan._PLANS != {}) == (plan_after == 0)
    patterns = number_patterns(lex)
    flat = [
        found.times,
        found.digits,
        found.digit_fractions,
        found.fractions,
        found.rates,
        found.special,
        found.vague,
        found.word_numbers,
        *found.ages,
        *found.others,
        *found.not_values,
        found.ordinals,
        found.place_digits,
    ]
    for pattern, matches in zip(patterns, flat, strict=True):
        assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(_SAMPLE)]


def test_a_process_warmed_up_for_a_pool_scans_with_the_plan_from_the_first_text(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import parallel
    from checker.extract import number_scan

    monkeypatch.setattr(number_scan, "_PLANS", {})
    monkeypatch.setattr(number_scan, "_READ", {})
    scans: list[int] = []
    scan = PatternScan.scan

    def counted(self: PatternScan, text: str) -> list[list[re.Match[str]]]:
        scans.append(len(text))
        return scan(self, text)

    monkeypatch.setattr(PatternScan, "scan", counted)
    number_matches(_SAMPLE, lexicon(rulebook))
    assert scans == []  # a process that has read little: pattern by pattern
    parallel._warm_up(rulebook)
    number_matches(_SAMPLE, lexicon(rulebook))
    assert scans == [len(_SAMPLE)]


def test_white_space_within_a_line_is_a_lead_piece_with_a_bounded_reach() -> None:
    from checker.extract.regex_reach import Reach, pattern_reach

    pattern = re.compile(r"(?i)a(?:[^\S\n]|-)+dozen")
    leads = pattern_leads(pattern)
    assert leads is not None
    assert [lead.pieces[:2] for lead in leads] == [("a", r"(?:[^\S\n]|\-){1,}")]
    assert pattern_reach(re.compile(r"a[^\S\n]+b")) == Reach(fixed=5, spaces=1)


_BOUNDARY_CLASSES = [
    (r"\b[A-Z][a-z]+, (\d+)", 0),
    (r"(?-i:\b[^\W\d_a-z][^\W\d_A-Z]+), (?P<n>\d{1,2})(?=[,.;](?!\d)|\s*$)", re.IGNORECASE),
    (r"(?-i:\b[A-Z][A-Za-z'’-]*[a-z] (?:Jr\.?|II)), (?P<n>\d)", re.IGNORECASE),
    (r"(\b[a-c\d]\w*)x", re.IGNORECASE),
    (r"\b[^\W\d]\w*s\b", 0),
]


def test_a_pattern_opening_with_a_word_boundary_is_recompiled_to_find_the_same() -> None:
    rng = random.Random(5)
    alphabet = "abcxsABCXS019 ,.;'’-_\n" + "".join(_TRICKY)
    texts = ["Ann Lee, 4, and Bob Smith Jr., 52, Ab, 7", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    for source, flags in _BOUNDARY_CLASSES:
        pattern = re.compile(source, flags)
        fast = skipping(pattern)
        assert fast is not pattern
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == _found(pattern, text)


def test_a_pattern_whose_boundary_may_stand_before_a_non_word_character_is_kept() -> None:
    for source in [r"\b[-A-Z]x", r"[A-Z]\b", r"\bab", r"(?a)\b[A-Z]x", r"(?a:\b[é]x)"]:
        pattern = re.compile(source)
        assert skipping(pattern) is pattern
