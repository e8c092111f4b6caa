"""Phrase patterns compiled as a trie match what the alternation of the phrases matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.lexicon import alternation, phrase_pattern, phrase_trie


def _alternation_pattern(phrases: list[str], flags: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w])", flags)


_PHRASE_CHARS = "aiskAISK -.'\t\u00e9"
_TEXT_CHARS = "aiskAISK -.'\t\u0130\u0131\u017f\u212ab_0"

phrase_lists = st.lists(
    st.text(alphabet=_PHRASE_CHARS, min_size=0, max_size=6), min_size=1, max_size=8
)


@settings(max_examples=400)
@given(phrase_lists, st.text(alphabet=_TEXT_CHARS, max_size=40), st.booleans())
def test_the_trie_finds_the_same_matches_as_the_alternation(
    phrases: list[str], text: str, caseless: bool
) -> None:
    flags = re.IGNORECASE if caseless else 0
    trie = phrase_pattern(phrases, flags=flags)
    plain = _alternation_pattern(phrases, flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):
        found, expected = trie.search(text, start), plain.search(text, start)
        assert (found and found.span()) == (expected and expected.span())


def test_the_longest_phrase_wins_and_spaces_match_any_white_space() -> None:
    pattern = phrase_pattern(["in the", "in the past", "past week", "since"])
    assert [m.group() for m in pattern.finditer("In the\tpast, Since")] == ["In the\tpast", "Since"]
    assert pattern.search("in thermal") is None  # whole words only
    assert pattern.search("pre-since") is None


def test_empty_phrases_never_match_and_non_ascii_phrases_keep_the_alternation() -> None:
    assert phrase_pattern(["", ""]).search("anything") is None
    assert phrase_pattern(["", "x"]).search("a b") is None
    assert phrase_pattern(["café", "Bar"]).search("CAFÉ")
    assert phrase_trie(["ab", "A", "ac"]) == "a(?:(?:b|c))?"
    assert phrase_trie(["Ab"], flags=0) == "Ab"
