"""A story's towns found near a figure through the index of their first words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims import _WORD_RE, TownIndex, _named
from checker.extract.lexicon import Lexicon, lexicon
from checker.rulebook import Rulebook


@pytest.fixture(scope="module")
def lex(rulebook: Rulebook) -> Lexicon:
    return lexicon(rulebook)


def test_a_town_is_found_by_the_first_word_of_its_name() -> None:
    index = TownIndex(["Dera Ismail Khan", "Al-Qaim", "Ra’s Tanura", "Kot", "Kotli"])
    assert {n for n, _s in index.in_words(["Dera", "Kotli"])} == {"Dera Ismail Khan", "Kotli"}
    assert {n for n, _s in index.in_words(["Al", "Ra"])} == {"Al-Qaim", "Ra’s Tanura"}
    assert index.in_words(["Ismail", "Qaim"]) == set()
    assert not TownIndex([])


def test_a_town_is_found_as_written_without_its_accents() -> None:
    index = TownIndex(["Viña del Mar", "Quilpué"])
    assert index.in_words(["Vina", "Quilpue"]) == {
        ("Viña del Mar", "Vina del Mar"),
        ("Quilpué", "Quilpue"),
    }


WORDS = st.sampled_from(["Kot", "Kotli", "Al", "Qaim", "Ra", "Tanura", "Dera", "Khan", "north"])
NAMES = st.lists(WORDS, min_size=1, max_size=3).flatmap(
    lambda words: st.sampled_from([" ", "-", "’"]).map(lambda joiner: joiner.join(words))
)
FILLER = st.sampled_from(["in", "at", "near", "the town of", "killed", ",", "said", "of"])


@settings(max_examples=300)
@given(
    st.lists(NAMES, min_size=1, max_size=6, unique=True),
    st.lists(st.one_of(NAMES, FILLER), min_size=1, max_size=14),
)
def test_the_index_misses_no_town_a_text_names(
    lex: Lexicon, towns: list[str], pieces: list[str]
) -> None:
    text = " ".join(pieces)
    named = {name for name in towns if _named(name, text, lex)}
    candidates = {n for n, _s in TownIndex(towns).in_words(_WORD_RE.findall(text))}
    assert named <= candidates


def _named_as_one_pattern(name: str, text: str, lex: Lexicon) -> bool:
    """What ``_named`` answers, said as one regular expression for the name."""
    at = lex.town_locative_re
    pattern = rf"\b(?:{at})\s+(?:the\s+\w+\s+of\s+)?{re.escape(name)}(?![\w-])"
    return re.search(pattern, text) is not None


@settings(max_examples=500)
@given(
    NAMES, st.lists(st.one_of(NAMES, FILLER, st.sampled_from(["-", "_", "(", "é"])), max_size=14)
)
def test_a_town_is_named_where_a_locative_stands_right_before_it(
    lex: Lexicon, name: str, pieces: list[str]
) -> None:
    text = " ".join(pieces)
    assert _named(name, text, lex) == _named_as_one_pattern(name, text, lex)
