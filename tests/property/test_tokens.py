"""A sentence's lazily made token views agree with its tokens, and place names are
found as a plain search over every run of tokens finds them (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import lexicon
from checker.extract import text as text_module
from checker.extract.text import Sentence, Token, split_sentences, token_texts, tokenize
from checker.normalise import _place_names
from checker.rulebook import load_rulebook

BOOK = load_rulebook()
LEX = lexicon(BOOK)
SETTINGS = settings(max_examples=300, deadline=None)

# Characters that make the tokenizer choose: capitals and full stops
# ("U.S."), digits with separators, hyphens and apostrophes inside words,
# possessives, underscores and other punctuation.
PIECES = st.sampled_from(
    [
        "A",
        "b",
        "Z",
        ".",
        ",",
        "-",
        "'",
        "’",
        "s",
        "S",
        "1",
        "0",
        " ",
        "  ",
        "_",
        "(",
        "é",
        "İ",
        "the",
        "The",
        "New",
        "U.S.",
        "'s",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


# The tokenizer's pattern in its plain spelling: the one in checker is
# written for speed and must split every text the same way.
PLAIN_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|\d[\d,.]*\d|\d|[^\W\d_](?:[\w]|[-'’.](?=\w))*|[^\w\s]"
)


@SETTINGS
@given(
    st.one_of(
        TEXTS,
        st.text(alphabet="AUSaxé_İ1,.-'’ \t", max_size=30),
        st.text(max_size=30),
    )
)
def test_the_tokenizer_splits_as_its_plain_pattern_does(text: str) -> None:
    assert token_texts(text) == PLAIN_TOKEN_RE.findall(text)
    assert [(t.start, t.end) for t in tokenize(text)] == [
        m.span() for m in PLAIN_TOKEN_RE.finditer(text)
    ]


@SETTINGS
@given(TEXTS, st.integers(min_value=0, max_value=500))
def test_words_lowers_and_starts_agree_with_the_tokens(text: str, base: int) -> None:
    sentence = Sentence(base, base + len(text), text, 0)
    tokens = sentence.tokens
    assert tokens == tokenize(text, base)
    assert all(type(t) is Token for t in tokens)
    assert sentence.words == tuple(t.text for t in tokens)
    assert sentence.lowers == tuple(t.lower for t in tokens)
    assert sentence.starts == tuple(t.start for t in tokens)
    assert sentence.word_starts == tuple(t.start - base for t in tokens)
    for t in tokens:
        assert text[t.start - base : t.end - base] == t.text


@SETTINGS
@given(TEXTS, st.integers(min_value=0, max_value=500))
def test_token_index_finds_the_token_at_or_after_an_offset(text: str, base: int) -> None:
    sentence = Sentence(base, base + len(text), text, 0)
    tokens = tokenize(text, base)
    for offset in range(base - 1, base + len(text) + 2):
        expected = next((i for i, t in enumerate(tokens) if t.end > offset), len(tokens))
        assert sentence.token_index(offset) == expected


@SETTINGS
@given(TEXTS)
def test_the_text_of_a_run_of_tokens_splits_into_those_tokens(text: str) -> None:
    # What _place_names relies on to look at a run's text only when its
    # token texts are some name's.
    tokens = tokenize(text)
    for i in range(len(tokens)):
        for j in range(i, min(len(tokens), i + 6)):
            run = text[tokens[i].start : tokens[j].end]
            assert token_texts(run) == [t.text for t in tokens[i : j + 1]]


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _reference_place_names(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Every run of tokens that starts with a name's first word, longest first; the
    last token as written, then without its possessive."""
    tokens, text, base = sentence.tokens, sentence.text, sentence.start
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        hit = None
        first = {tokens[i].text, _bare(tokens[i].text)}
        if first & LEX.place_first_words:
            for j in range(min(len(tokens), i + LEX.place_max_tokens) - 1, i - 1, -1):
                start = tokens[i].start - base
                ends = [tokens[j].end - base]
                if _bare(tokens[j].text) != tokens[j].text:
                    ends.append(ends[0] - 2)
                for end in ends:
                    if text[start:end] in LEX.place_by_name:
                        hit = (start, end, text[start:end], j)
                        break
                if hit is not None:
                    break
        if hit is None:
            i += 1
            continue
        out.append(hit[:3])
        i = hit[3] + 1
    return out


NAMES = sorted(LEX.place_by_name)[:400]
WORDS = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(["the", "in", "near", "of", "New", "North", "said", ",", "'s", "-"]),
)
SPACES = st.sampled_from([" ", "  ", "", " - "])


@SETTINGS
@given(st.lists(st.tuples(WORDS, SPACES), max_size=12))
def test_place_names_are_those_a_search_over_every_run_finds(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in parts)
    for sentence in split_sentences(text, LEX.abbreviations):
        assert _place_names(sentence, LEX) == _reference_place_names(sentence)


# The sentence boundary in its plain spelling: the one in checker reads a run
# of stops from its first stop only, and must find the same boundaries.
PLAIN_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
BOUNDARY_PIECES = st.sampled_from(
    [".", "!", "?", "...", '"', "”", "’", ")", "]", " ", "  ", "\t", "“", "(", "A", "b", "7", "é"]
)


@SETTINGS
@given(st.lists(BOUNDARY_PIECES, max_size=40).map("".join))
def test_sentence_boundaries_are_those_of_the_plain_pattern(text: str) -> None:
    found = [m.span() for m in text_module._BOUNDARY_RE.finditer(text)]
    assert found == [m.span() for m in PLAIN_BOUNDARY_RE.finditer(text)]


def test_a_run_of_stops_is_read_from_its_first_stop_only() -> None:
    # Matched from each of its stops, a line of n full stops costs n * n
    # steps: a scraped page of dots took minutes. No match starts inside a run.
    text = "." * 50 + " Next"
    assert text_module._BOUNDARY_RE.match(text, 0) is not None
    assert all(text_module._BOUNDARY_RE.match(text, pos) is None for pos in range(1, 50))
    dots = "." * 100_000
    sentences = split_sentences(dots, frozenset())
    assert "".join(s.text for s in sentences) == dots
