"""The test on a text's end never rules out a text the hedge or name-prefix patterns match."""

from __future__ import annotations

import random

from checker.extract import lexicon
from checker.extract.lexicon import may_end_with, phrase_ends
from checker.rulebook import Rulebook

# Letters re.IGNORECASE takes for ASCII ones although str.lower does not
# (long s, dotless i, dotted capital I, the Kelvin sign), and white space.
_TRICKY = ["\u017f", "\u0131", "\u0130", "\u212a", "\u00a0", "\t", "\n", "(", "-"]


def _windows(phrases: list[str]) -> list[str]:
    rng = random.Random(13)
    out = []
    for phrase in phrases:
        for _ in range(6):
            text = phrase
            if rng.random() < 0.5:
                text = text.upper()
            if rng.random() < 0.3:
                text = text.replace("s", "\u017f").replace("i", "\u0131").replace("k", "\u212a")
            if rng.random() < 0.3:
                text = text.replace("I", "\u0130")
            tail = "".join(rng.choice([" ", "\u00a0", "\t", "\n", ""]) for _ in range(3))
            out.append(rng.choice(["", "x ", "(", "-", " "]) + text + tail)
            out.append(rng.choice(_TRICKY) + text[rng.randrange(len(text) + 1) :] + tail)
    return out


def test_no_hedge_before_a_number_is_ruled_out(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    leading = [p for h in rulebook.hedges.hedges if not h.after for p in h.phrases]
    for window in _windows(leading):
        if lex.hedge_re.search(window):
            assert may_end_with(window, lex.hedge_ends, ignore_case=True), repr(window)


def test_no_name_prefix_is_ruled_out(rulebook: Rulebook) -> None:
    lex = lexicon(rulebook)
    for window in _windows(rulebook.language.name_prefixes):
        if lex.name_prefix_re.search(window):
            assert may_end_with(window, lex.name_prefix_ends, ignore_case=False), repr(window)


def test_texts_without_a_phrase_end_are_ruled_out() -> None:
    ends = phrase_ends(["more than", "about"], ignore_case=True)
    assert ends == ("about", "than")
    assert not may_end_with("the 12 ", ends, ignore_case=True)
    assert may_end_with("no MORE THAN\u00a0", ends, ignore_case=True)
    assert may_end_with(
        "AT MO\u017fT ", phrase_ends(["at most"], ignore_case=True), ignore_case=True
    )


def test_phrases_that_cannot_be_told_by_their_end_rule_nothing_out() -> None:
    assert phrase_ends(["more than", "über"], ignore_case=True) is None
    assert phrase_ends(["about "], ignore_case=False) is None
    assert may_end_with("anything", None, ignore_case=True)
