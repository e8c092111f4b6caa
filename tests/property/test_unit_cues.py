"""The cheap checks in front of the unit and currency searches never hide a match (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import _currency, _may_name_unit, lexicon
from checker.models import Mention
from checker.rulebook import load_rulebook

BOOK = load_rulebook()
LEX = lexicon(BOOK)
SETTINGS = settings(max_examples=300, deadline=None)
UNIT_WORDS = list(BOOK.language.unit_words)
PIECES = st.one_of(
    st.sampled_from(UNIT_WORDS),
    st.sampled_from(UNIT_WORDS).map(str.upper),
    st.sampled_from(["12", "three", " ", "  ", "-", "the", "road", "ſ", "K", "ı", "s", "per"]),
)


@SETTINGS
@given(st.lists(PIECES, max_size=12).map("".join))
def test_a_text_said_to_name_no_unit_has_no_unit_word_match(text: str) -> None:
    if not _may_name_unit(text, LEX):
        assert LEX.unit_words_re.search(text) is None


def test_a_unit_word_in_any_case_is_a_cue() -> None:
    assert _may_name_unit("They paid 40 EUROS for it.", LEX)
    assert not _may_name_unit("Three people were hurt.", LEX)
    # Not ASCII: left to the regex, which reads "ſ" as "s".
    assert _may_name_unit("40 poundſ", LEX)


SIGNS = sorted(BOOK.language.currency_symbols.items(), key=lambda kv: -len(kv[0]))


def _slow_currency(mention: Mention, text: str) -> tuple[str, str | None] | None:
    for symbol, unit in SIGNS:
        start = mention.span[0] - len(symbol)
        if start >= 0 and text[start : mention.span[0]] == symbol:
            return text[start : mention.span[1]], unit
        if mention.text.startswith(symbol):
            return mention.text, unit
    return None


@SETTINGS
@given(
    st.sampled_from(["", " ", "x", "US", "A", *(s for s, _ in SIGNS)]),
    st.sampled_from(["", *(s for s, _ in SIGNS)]),
)
def test_money_is_read_from_a_sign_before_or_in_the_number(before: str, inside: str) -> None:
    text = f"{before}{inside}40 were paid"
    start = len(before)
    mention = Mention(
        article="a",
        kind="count",
        text=text[start : start + len(inside) + 2],
        span=(start, start + len(inside) + 2),
    )
    money = _currency(mention, text, SIGNS)
    expected = _slow_currency(mention, text)
    found = None if money is None else (money.text, money.unit)
    assert found == expected
