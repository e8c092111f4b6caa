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
``REACH`` characters unless a run of more than ``RUN`` spaces, line breaks,
hyphens or digits lies within reach, where the end of the text is the limit instead
(``tests/unit/test_date_cues.py`` checks both against the patterns).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from checker.extract.scan import fold
from checker.kept_patterns import compile_kept

# Opener phrases that stand for a class of characters: any digit, a quote before a digit.
DIGIT = "0"
QUOTE = "'0"
_QUOTES = "'’‘"

# How far from its start a match is looked for, and the longest run of white
# space, hyphens or digits that keeps every match of the grammar within that reach.
# Runs of them mixed count too: a pattern that opens with a character class
# lets the regex engine skip fast to where one can begin.
REACH = 512
RUN = 16
_LONG_RUN_RE = re.compile(rf"[\s\d-][\s\d-]{{{RUN},}}")
# Each byte of a text's UTF-8 that may belong to such a run marked 1: ASCII
# white space, digits and "-", and every byte of a character beyond ASCII.
_RUN_BYTES = bytes(
    1 if code >= 0x80 or chr(code).isspace() or chr(code) in "0123456789-" else 0
    for code in range(256)
)
_LONG_RUN_MARKS = b"\x01" * (RUN + 1)


def _long_runs(text: str) -> list[int]:
    """Where the runs of more than ``RUN`` white space characters, hyphens or digits
    of ``text`` start.

    Most texts have none, which a pass over their bytes tells much faster
    than the regex: a run is as many marked bytes in a row, or more.
    """
    marks = text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES)
    if _LONG_RUN_MARKS not in marks:
        return []
    return [m.start() for m in _LONG_RUN_RE.finditer(text)]


_OPENER_RE = re.compile(r"(?:([a-z]+)|(\d)\w*)(?:[\s-]+(?:([a-z]+)|(\d)|(['’‘])\d))?")


def opener_key(phrase: str) -> str | None:
    """The cue a phrase opens with, None when it opens with no letter, digit or quoted digit.

    The cue is the phrase's leading ASCII letters in lower case, followed by
    the cue of its next word when one follows after white space or hyphens ("the
    middle of" opens with "the middle"); ``DIGIT`` stands for a word that
    opens with a digit ("12th March" opens with "0 march"), ``QUOTE`` for a
    quote before a digit.
    """
    low = phrase.lower()
    if low[:1] in _QUOTES and low[1:2].isdecimal():
        return QUOTE
    m = _OPENER_RE.match(low)
    if m is None:
        return None
    letters, _, word, digit, quote = m.groups()
    first = letters or DIGIT
    second = word or (DIGIT if digit else QUOTE if quote else None)
    return f"{first} {second}" if second else first


@dataclass(frozen=True)
class CueTable:
    """The cue pattern of a grammar, and for each cue the patterns that can open with it.

    Patterns are known by their ``id`` (hashing a compiled pattern hashes its
    whole program); ``indexed`` keeps them alive.
    """

    cue_re: re.Pattern[str]
    patterns: Mapping[str, tuple[int, ...]]
    indexed: Mapping[int, re.Pattern[str]]
    # The same, looked up by a cue's first word and its second ("" for none),
    # without building the cue's text.
    by_words: Mapping[str, Mapping[str, tuple[int, ...]]] = field(default_factory=dict)


def cue_table(openers: Mapping[re.Pattern[str], Iterable[str]]) -> CueTable:
    """The cue table of ``openers``: each pattern with the phrases its matches can begin with.

    A pattern with an opener that gives no cue (it begins with another
    character) is left out, and is scanned in full.
    """
    by_cue: dict[str, list[int]] = {}
    indexed: dict[int, re.Pattern[str]] = {}
    for pattern, phrases in openers.items():
        keys = {opener_key(p) for p in phrases}
        if None in keys:
            continue
        indexed[id(pattern)] = pattern
        cues = {c for c in keys if c is not None}
        # A pattern that opens with a word whatever follows needs none of its pairs.
        for cue in sorted(c for c in cues if c.split(" ")[0] not in cues or " " not in c):
            by_cue.setdefault(cue, []).append(id(pattern))
    firsts = {c.split(" ")[0] for c in by_cue} - {DIGIT, QUOTE}
    singles = firsts & set(by_cue)
    seconds = {c.split(" ")[1] for c in by_cue if " " in c} - {DIGIT, QUOTE}
    quotes = f"[{_QUOTES}]"
    # A word that opens a date only before certain words ("the middle", "last
    # week") is a cue only where one of them follows it; the word after a cue
    # is only looked at, so that it is read as a cue of its own too.
    cue_re = compile_kept(
        rf"(?<!\w)(?:(?:({_words(singles)})"
        rf"|(?=(?:{_words(firsts - singles)})(?![a-z])[\s-]+"
        rf"(?:(?:{_words(seconds)})(?![a-z])|\d|{quotes}\d))([a-z]+))"
        rf"(?![a-z])(?:(?=[\s-]+(?:([a-z]+)|(\d)|({quotes})\d))|)"
        rf"|(\d)(?:(?=\w*[\s-]+(?:([a-z]+)|(\d)))|)|{quotes}(?=\d))"
    )
    patterns = {cue: tuple(ps) for cue, ps in by_cue.items()}
    by_words: dict[str, dict[str, tuple[int, ...]]] = {}
    for cue, ps in patterns.items():
        first, _, second = cue.partition(" ")
        by_words.setdefault(first, {})[second] = ps
    return CueTable(cue_re=cue_re, patterns=patterns, indexed=indexed, by_words=by_words)


def _words(words: set[str]) -> str:
    """A regex matching any of ``words`` (letters only), longest first; never matches if empty.

    The alternation is a trie ("ma(?:rch|y)"), so that the regex engine
    rejects a word by its first letters instead of trying every word in turn.
    """
    if not words:
        return r"(?!x)x"
    heads: dict[str, set[str]] = {}
    for word in words:
        heads.setdefault(word[:1], set()).add(word[1:])
    branches = []
    for head in sorted(heads):
        rests = heads[head]
        if head == "":
            continue
        tails = {r for r in rests if r}
        if not tails:
            branches.append(head)
            continue
        inner = _words(tails)
        branches.append(f"{head}(?:{inner})" + ("?" if "" in rests else ""))
    return "|".join(branches)


# No cues: every pattern scans the whole text.
NO_CUES = cue_table({})


class CueScan:
    """The cues of one text, and the matches of the grammar's patterns found from them."""

    def __init__(self, text: str, table: CueTable) -> None:
        """Find the cues of ``text`` in one pass, in its folded copy (``scan.fold``)."""
        self.text = text
        self.table = table
        self._starts: dict[int, list[int]] | None = None
        self._long_runs: list[int] = []
        # Folded, not only lower-cased: a dotless i or a long s is an ASCII
        # letter to a case-insensitive pattern, and a text that holds one (a
        # Turkish name in a long report) was scanned in full by every pattern.
        lowered = fold(text)
        if len(lowered) != len(text):
            return
        starts: defaultdict[int, list[int]] = defaultdict(list)
        by_words = table.by_words
        nothing: Mapping[str, tuple[int, ...]] = {}
        # About half the cues found ("in the", a number before a word) open no
        # pattern: each is looked up by its words, and only those that do are kept.
        for m in table.cue_re.finditer(lowered):
            single, paired, after, digit_after, quote_after, digit, then, digit_then = m.groups()
            word = single or paired
            if word is None:
                word = DIGIT if digit else QUOTE
                second = then or (DIGIT if digit_then else "")
            else:
                second = after or (DIGIT if digit_after else QUOTE if quote_after else "")
            seconds = by_words.get(word, nothing)
            if not seconds:
                continue
            for pattern in seconds.get("", ()):
                starts[pattern].append(m.start())
            if second:
                for pattern in seconds.get(second, ()):
                    starts[pattern].append(m.start())
        for positions in starts.values():
            positions.sort()
        self._starts = dict(starts)
        self._long_runs = _long_runs(text)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in the text, exactly as ``pattern.finditer(text)``."""
        key = id(pattern)
        if self._starts is None or key not in self.table.indexed:
            yield from pattern.finditer(self.text)
            return
        text, runs, size = self.text, self._long_runs, len(self.text)
        end = 0
        for pos in self._starts.get(key, ()):
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
