"""Text as compared between articles: words only, lower-case, no punctuation."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"[^\W_]+")


def comparable_words(text: str) -> list[str]:
    """The words of ``text``, case-folded, with punctuation and spacing dropped."""
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> str:
    """A short stable hash of ``text`` normalised for comparison (16 hex digits)."""
    return words_fingerprint(comparable_words(text))


def words_fingerprint(words: list[str]) -> str:
    """``fingerprint`` of a text whose ``comparable_words`` are ``words``."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]
