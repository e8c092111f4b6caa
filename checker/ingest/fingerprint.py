"""Text as compared between articles: words only, lower-case, no punctuation."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

_WORD = re.compile(r"[^\W_]+")
# For ASCII text the words are the runs of letters and digits: every other
# byte becomes a space and the text is split there, without a regex.
_ASCII_SEPARATORS = bytes(
    value if chr(value).isascii() and chr(value).isalnum() else ord(" ") for value in range(256)
)

# The reader fingerprints an article's text just before the near-duplicate
# marker reads the words of that same text: the last answer is kept for it.
_last: tuple[str, tuple[str, ...]] = ("", ())


def comparable_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case-folded, with punctuation and spacing dropped."""
    global _last
    last_text, last_words = _last
    if text is last_text:
        return last_words
    if text.isascii():
        words = tuple(text.encode("ascii").lower().translate(_ASCII_SEPARATORS).decode().split())
    else:
        words = tuple(_WORD.findall(text.casefold()))
    _last = (text, words)
    return words


def fingerprint(text: str) -> str:
    """A short stable hash of ``text`` normalised for comparison (16 hex digits)."""
    return words_fingerprint(comparable_words(text))


def words_fingerprint(words: Sequence[str]) -> str:
    """``fingerprint`` of a text whose ``comparable_words`` are ``words``."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]
