"""Where the date patterns can begin in a text, found in one cheap pass.

Every date pattern begins at the start of a word with one of a few opening
words (a month or weekday name, "last", "the", a preposition, ...), with a
digit, or with a quote before a digit ("'80s"). Trying each pattern at every
position of the text (``finditer``, case-insensitive) was most of the cost of
finding dates. Instead, one pass of a single cue pattern over the lower-cased
text lists where those opening words stand, and each pattern is tried
(``match``) only where one of its own openers stands, within ``REACH``
characters.

The matches are exactly those of ``finditer``: the openers are a superset of
where a match can begin, and no match (nor the look-ahead after it) reaches
``REACH`` characters unless a run of more than ``RUN`` blanks, hyphens or
digits lies within reach, where the end of the text is the limit instead
(``tests/unit/test_date_cues.py`` checks both against the patterns).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

# Opener phrases that stand for a class of characters: any digit, a quote before a digit.
DIGIT = "0"
QUOTE = "'0"
_QUOTES = "'’‘"

# How far from its start a match is looked for, and the longest run of blanks,
# hyphens or digits that keeps every match of the grammar within that reach.
REACH = 512
RUN = 16
_LONG_RUN_RE = re.compile(rf"[ \t-]{{{RUN + 1},}}|\d{{{RUN + 1},}}")

# Characters that case-insensitive matching takes for an ASCII letter, or that
# grow when lower-cased: where one occurs, the lower-cased text is not a
# faithful index, and the patterns scan the whole text as before.
_UNSAFE_RE = re.compile("[\u0130\u0131\u017f\u212a]")
_LETTERS_RE = re.compile(r"[a-z]+")


def opener_key(phrase: str) -> str | None:
    """The cue a phrase opens with: its leading ASCII letters in lower case,
    ``DIGIT`` for a digit, ``QUOTE`` for a quote before a digit, else None."""
    low = phrase.lower()
    if low[:1].isdecimal():
        return DIGIT
    if low[:1] in _QUOTES and low[1:2].isdecimal():
        return QUOTE
    m = _LETTERS_RE.match(low)
    return m.group() if m else None


@dataclass(frozen=True)
class CueTable:
    """The cue pattern of a grammar and the cues each of its patterns can open with."""

    cue_re: re.Pattern[str]
    keys: Mapping[re.Pattern[str], frozenset[str]]


def cue_table(openers: Mapping[re.Pattern[str], Iterable[str]]) -> CueTable:
    """The cue table of ``openers``: each pattern with the phrases its matches can begin with.

    A pattern with an opener that gives no cue (it begins with another
    character) is left out, and is scanned in full.
    """
    keys: dict[re.Pattern[str], frozenset[str]] = {}
    for pattern, phrases in openers.items():
        cues = {opener_key(p) for p in phrases}
        if None not in cues:
            keys[pattern] = frozenset(c for c in cues if c is not None)
    words = sorted(
        {c for cs in keys.values() for c in cs} - {DIGIT, QUOTE}, key=lambda w: (-len(w), w)
    )
    alternation = "|".join(words) or r"(?!x)x"
    # A cue word is followed by no further letter; a match is never empty.
    cue_re = re.compile(rf"(?<!\w)(?:(?:{alternation})(?![a-z])|\d|[{_QUOTES}](?=\d))")
    return CueTable(cue_re=cue_re, keys=keys)


# No cues: every pattern scans the whole text.
NO_CUES = cue_table({})


class CueScan:
    """The cues of one text, and the matches of the grammar's patterns found from them."""

    def __init__(self, text: str, table: CueTable) -> None:
        """Find the cues of ``text`` in one pass (none when it holds an unsafe character)."""
        self.text = text
        self.table = table
        self._starts: dict[str, list[int]] | None = None
        self._long_runs: list[int] = []
        if _UNSAFE_RE.search(text):
            return
        lowered = text.lower()
        if len(lowered) != len(text):
            return
        found: defaultdict[str, list[int]] = defaultdict(list)
        for m in table.cue_re.finditer(lowered):
            found[m.group()].append(m.start())
        starts: dict[str, list[int]] = {}
        for cue, positions in found.items():
            if cue[0].isdecimal():
                starts.setdefault(DIGIT, []).extend(positions)
            elif cue in _QUOTES:
                starts.setdefault(QUOTE, []).extend(positions)
            else:
                starts[cue] = positions
        self._starts = starts
        self._long_runs = [m.start() for m in _LONG_RUN_RE.finditer(text)]

    def _positions(self, keys: frozenset[str]) -> list[int]:
        """Where a match opening with one of ``keys`` can begin, in order."""
        assert self._starts is not None
        lists = [self._starts[k] for k in keys if k in self._starts]
        if len(lists) == 1:
            return lists[0]
        return sorted(chain.from_iterable(lists))

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in the text, exactly as ``pattern.finditer(text)``."""
        keys = self.table.keys.get(pattern)
        if keys is None or self._starts is None:
            yield from pattern.finditer(self.text)
            return
        text, runs, size = self.text, self._long_runs, len(self.text)
        end = 0
        for pos in self._positions(keys):
            if pos < end:
                continue
            stop = pos + REACH
            if runs:
                i = bisect_left(runs, pos)
                if i < len(runs) and runs[i] < stop:
                    stop = size  # a long run within reach: no bound but the text's end
            m = pattern.match(text, pos, min(stop, size))
            if m is not None:
                yield m
                end = m.end()
