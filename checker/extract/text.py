"""Sentences and word tokens with exact character offsets."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar, overload

_T = TypeVar("_T")

# A token is an initialism ("U.S."), a number ("1,200.5"), a word (letters,
# digits, and inner hyphens, apostrophes and full stops: "al-Shabaab",
# "Israel's"), or a punctuation mark. Spelled for the regex engine's speed:
# every token starts with a character that is neither a space nor "_" (one
# character class, which the engine scans for quickly), and what follows
# depends on what that character was (a letter, a digit, else a mark alone);
# an initialism is tried only after a capital, and a word's letters are
# taken in runs (``\w*+``, possessive: a run is never given back). It
# splits every text exactly as the plain spelling does,
# ``(?:[A-Z]\.){2,}|\d[\d,.]*\d|\d|[^\W\d_](?:[\w]|[-'’.](?=\w))*|[^\w\s]``
# (a property test), in about 45% of the time.
_TOKEN_RE = re.compile(
    r"[^\s_](?:(?<=[^\W\d_])(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*+(?:[-'’.]\w++)*+)"
    r"|(?<=\d)(?:[\d,.]*\d)?)?"
)
# White space within a line. Sentences never cross a line break, so neither
# does anything read in one (a number's hedge, range, scale or unit).
BLANK = r"[^\S\n]"
# A sentence ends after a run of stops (and closing quotes or brackets) that
# white space and a capital or digit follow. The run is read from its first
# stop only, and never given back (possessive): a line of 100,000 full stops
# is read once, not once from each of them (quadratic). The pattern opens with
# a stop, and only then looks back for a stop before it, so that the regex
# engine skips ahead to the stops instead of trying every character.
_BOUNDARY_RE = re.compile(r"[.!?](?<![.!?].)[.!?]*+[\"”’)\]]*+(?=\s++[\"“‘(\[]?[A-Z0-9])")
# The word (letters, digits, dots) that ends at a full stop: searched from the
# start of that word only, never from the start of the line.
_WORD_BEFORE_STOP_RE = re.compile(r"([\w.]+)\.$")
# No news sentence is this long; a run of text without sentence breaks (a
# scraped page with its full stops lost, a column of figures) is cut into
# pieces of at most this many characters, at a space where there is one, so
# that the work per figure stays bounded by its piece, not by the paragraph.
MAX_SENTENCE_CHARS = 2_000


class Token(NamedTuple):
    """A word or punctuation mark and where it is.

    A named tuple rather than a frozen dataclass: an article has tens of
    thousands of tokens, and a tuple is made in half the time.
    """

    text: str
    start: int
    end: int
    lower: str = ""  # lower case, without a trailing possessive ("Israel's" -> "israel")


POSSESSIVES = ("'s", "’s")  # both two characters long
_POSSESSIVE_CASES = ("'s", "'S", "’s", "’S")


def past_possessive(name: str) -> str:
    """What follows the last possessive in ``name``: "Afghanistan's Herat" is "Herat"."""
    for possessive in POSSESSIVES:
        name = name.rpartition(possessive + " ")[2]
    return name


class _cached(Generic[_T]):
    """``functools.cached_property`` without its lock: a value made on first read and
    kept in the instance's ``__dict__``, where later reads find it.

    Python 3.11's takes a lock on every first read of every instance's value;
    sentences are made and read by one thread only, tens of thousands of them.
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _cached[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object, owner: type | None = None) -> _cached[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its span, text and paragraph number.

    Its tokens are made on first use, not when the text is split: most
    sentences of an article hold no figure, and what looks at every sentence
    (places, story terms) needs only the token texts (``words``).
    """

    start: int
    end: int
    text: str
    paragraph: int

    @_cached
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's word and punctuation tokens, with absolute offsets.

        The same as ``tokenize(text, start)``, assembled from ``words``,
        ``starts`` and ``lowers`` (which what looks at every sentence may
        have made already) by C-level maps rather than a Python step per token.
        """
        words = self.words
        starts = self.starts
        ends = map(int.__add__, starts, map(len, words))
        return tuple(map(_make_token, zip(words, starts, ends, self.lowers, strict=True)))

    @_cached
    def words(self) -> tuple[str, ...]:
        """The texts of the sentence's tokens (one ``findall``)."""
        return tuple(_TOKEN_RE.findall(self.text))

    @_cached
    def word_starts(self) -> tuple[int, ...]:
        """Where each token starts within ``text`` (not shifted by ``start``).

        Found from the token texts: between two tokens stand only spaces and
        underscores, and no token starts with one, so each token is the first
        occurrence of its text after the one before it.
        """
        find = self.text.find
        out: list[int] = []
        add = out.append
        pos = 0
        for word in self.words:
            pos = find(word, pos)
            add(pos)
            pos += len(word)
        return tuple(out)

    @_cached
    def lowers(self) -> tuple[str, ...]:
        """The tokens' lower-case texts (``Token.lower``), for looking words up by index."""
        lows = tuple(map(str.lower, self.words))
        text = self.text
        # Only "s" and "S" lower-case to "s": without these no word ends in a possessive.
        if any(p in text for p in _POSSESSIVE_CASES):
            return tuple(w[:-2] if w.endswith(POSSESSIVES) else w for w in lows)
        return lows

    @_cached
    def bare_words(self) -> tuple[str, ...]:
        """The token texts without a possessive ("Hanoi's" is "Hanoi"); ``words``
        itself when none has one."""
        if not any(p in self.text for p in POSSESSIVES):
            return self.words
        return tuple(w[:-2] if w.endswith(POSSESSIVES) else w for w in self.words)

    @_cached
    def starts(self) -> tuple[int, ...]:
        """The absolute start offsets of the tokens, for bisecting."""
        return tuple(map(self.start.__add__, self.word_starts))

    def token_index(self, offset: int) -> int:
        """Index of the token that contains or first follows absolute ``offset``.

        Found from ``word_starts`` and ``words`` alone: asking where a figure
        stands builds no token.
        """
        offset -= self.start
        starts = self.word_starts
        i = bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] + len(self.words[i]) > offset:
            return i
        return max(i + 1, 0)


# Token(...) without NamedTuple's argument handling, callable from C (map).
_make_token = functools.partial(tuple.__new__, Token)


# A dateline's place: words in capitals opening a report, before a comma, a
# parenthesis or a dash ("KATHMANDU, Nepal —", "N'DJAMENA (Wire) -").
_DATELINE_RE = re.compile(
    r"\s*(?P<town>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=,|\s*\(|\s+[—–-])"
)


def dateline(text: str, start: int = 0) -> str | None:
    """The place the dateline of a report's text from ``start`` (past its title) names,
    as written ("ISTANBUL"), or None."""
    m = _DATELINE_RE.match(text, start, start + 80)
    return m.group("town") if m is not None and len(m.group("town")) > 2 else None


# A whole dateline as the first sentence of a report opens with it: its town
# (``_DATELINE_RE``), a country or an agency after a comma or in brackets, a dash.
_DATELINE_HEAD_RE = re.compile(
    _DATELINE_RE.pattern + r"(?:,[^—–\n,]{1,40}){0,2}(?:\s*\([^()\n]{1,40}\))?\s+[—–-]+\s"
)


def dateline_end(sentence: str) -> int:
    """Where a dateline that opens ``sentence`` ends ("SEVILLE, Spain — "), else 0:
    the places it names are where the report was filed, not what its figures count."""
    m = _DATELINE_HEAD_RE.match(sentence, 0, 100)
    return m.end() if m is not None and len(m.group("town")) > 2 else 0


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Split ``text`` into word and punctuation tokens; offsets are shifted by ``base``."""
    out = []
    new = tuple.__new__  # what Token(...) calls, without its argument handling
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        low = word.lower()
        if low.endswith(POSSESSIVES):
            low = low[:-2]
        start, end = m.span()
        out.append(new(Token, (word, start + base, end + base, low)))
    return tuple(out)


def token_texts(text: str) -> list[str]:
    """The texts of ``text``'s tokens (as ``tokenize`` splits it), without building tokens."""
    return _TOKEN_RE.findall(text)


class Sentences(list[Sentence]):
    """The sentences of a text in order, with their start offsets for bisecting.

    ``sentence_at`` finds a sentence by offset in O(log n) on this list; the
    offsets are taken once, when the list is complete (``freeze``).
    """

    starts: tuple[int, ...] = ()

    def freeze(self) -> Sentences:
        """Record the start offsets of the sentences now in the list; returns the list."""
        self.starts = tuple(s.start for s in self)
        return self


def split_sentences(text: str, abbreviations: frozenset[str]) -> Sentences:
    """Split article text into sentences, never across a line break.

    A full stop after a known abbreviation ("Oct.", "U.S.", "Gen.") does not end
    a sentence; neither does one inside a number. A sentence longer than
    ``MAX_SENTENCE_CHARS`` is cut into pieces no longer than that.
    """
    sentences = Sentences()
    paragraph = 0
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            paragraph += 1
            continue
        cut = 0
        for m in _BOUNDARY_RE.finditer(line):
            word = _word_before_stop(line, cut, m.start() + 1)
            if word and (word in abbreviations or len(word) == 1):
                continue
            _add(sentences, line, line_start, cut, m.end(), paragraph)
            cut = m.end()
        _add(sentences, line, line_start, cut, len(line), paragraph)
        paragraph += 1
    return sentences.freeze()


def _word_before_stop(line: str, lo: int, end: int) -> str | None:
    """The word ending in a full stop at ``line[end - 1]`` ("Oct" in "Oct."), if any.

    The same as searching ``([\\w.]+)\\.$`` in ``line[:end]``, but the search
    starts after the last space before ``end`` (a word has no spaces), and
    never before ``lo``, the start of the current sentence: the work is
    bounded by the word, not by the line.
    """
    space = line.rfind(" ", lo, end)
    m = _WORD_BEFORE_STOP_RE.search(line, lo if space < 0 else space + 1, end)
    return m.group(1) if m else None


def _add(out: list[Sentence], line: str, base: int, a: int, b: int, paragraph: int) -> None:
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        space = line.rfind(" ", a + MAX_SENTENCE_CHARS // 2, limit)
        cut = space if space > a else limit
        _add_piece(out, line, base, a, cut, paragraph)
        a = cut
    _add_piece(out, line, base, a, b, paragraph)


def _add_piece(out: list[Sentence], line: str, base: int, a: int, b: int, paragraph: int) -> None:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    if a < b:
        out.append(Sentence(base + a, base + b, line[a:b], paragraph))


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing absolute ``offset`` (or the one before it).

    O(log n) on the ``Sentences`` that ``split_sentences`` returns; any other
    list has its start offsets collected first.
    """
    starts = sentences.starts if isinstance(sentences, Sentences) else ()
    if len(starts) != len(sentences):
        starts = tuple(s.start for s in sentences)
    return max(bisect_right(starts, offset) - 1, 0)
