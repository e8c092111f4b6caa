"""How far past its start a regex's match attempt can look, as a bound in text terms.

``PatternScan`` matches a pattern in place at a position; to keep that work
bounded it passes an ``endpos`` no match attempt can reach. A pattern with only
bounded repeats reaches a fixed number of characters. An unbounded repeat
("\\s+", "\\d+", "[^\\s<>]+") runs within one stretch of the characters it can
take: within whitespace, within a stretch without whitespace, or within a
stretch without a full stop. So the reach is ``fixed + spaces * S + words * N +
dots * D`` where S, N and D are the longest such stretches of the text at hand
(``Stretches``). None when some repeat may take both whitespace and full stops.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Runs of two or more: spelled to open with a class, so that re skips ahead to one.
_SPACES_RE = re.compile(r"\s\s+")
_MARGIN = 2  # a boundary or end test after the last character looks at one more


@dataclass(frozen=True)
class Reach:
    """A bound on how many characters past its start a match attempt looks at."""

    fixed: int = 0
    spaces: int = 0  # times the longest run of whitespace
    words: int = 0  # times the longest run without whitespace
    dots: int = 0  # times the longest run without a full stop

    def __add__(self, other: Reach) -> Reach:
        return Reach(
            self.fixed + other.fixed,
            self.spaces + other.spaces,
            self.words + other.words,
            self.dots + other.dots,
        )

    def times(self, n: int) -> Reach:
        """This reach repeated ``n`` times."""
        return Reach(self.fixed * n, self.spaces * n, self.words * n, self.dots * n)

    def widest(self, other: Reach) -> Reach:
        """A reach at least as far as both."""
        return Reach(
            max(self.fixed, other.fixed),
            max(self.spaces, other.spaces),
            max(self.words, other.words),
            max(self.dots, other.dots),
        )

    def within(self, stretches: Stretches) -> int:
        """The bound in characters for a text with these longest stretches."""
        return (
            self.fixed
            + self.spaces * stretches.spaces
            + self.words * stretches.words
            + self.dots * stretches.dots
        )


@dataclass(frozen=True)
class Stretches:
    """The longest run of whitespace, of non-whitespace and of non-full-stops of a text."""

    spaces: int
    words: int
    dots: int

    @staticmethod
    def of(text: str) -> Stretches:
        """The stretches of ``text``."""
        return Stretches(
            # Runs of two or more are rare, so only they are listed; any other is one long.
            spaces=max(map(len, _SPACES_RE.findall(text)), default=1),
            words=max(map(len, text.split()), default=0),
            dots=max(map(len, text.split(".")), default=0),
        )


class Bounds:
    """The bounds in characters of several reaches (None counts as 0) for one text,
    worked out together: a scan needs them all for every text it reads."""

    def __init__(self, reaches: Sequence[Reach | None]) -> None:
        """Bounds of ``reaches``, in their order."""
        self._terms = tuple(
            (0, 0, 0, 0) if r is None else (r.fixed, r.spaces, r.words, r.dots) for r in reaches
        )

    def within(self, stretches: Stretches) -> list[int]:
        """``reach.within(stretches)`` of each reach."""
        spaces, words, dots = stretches.spaces, stretches.words, stretches.dots
        return [f + s * spaces + w * words + d * dots for f, s, w, d in self._terms]


@dataclass(frozen=True)
class _Takes:
    """What characters a part of a pattern may consume."""

    space: bool = False  # some whitespace
    other: bool = False  # some character that is not whitespace
    dot: bool = False  # a full stop

    def __or__(self, other: _Takes) -> _Takes:
        return _Takes(self.space or other.space, self.other or other.other, self.dot or other.dot)


_ALL = _Takes(True, True, True)
_LAST_SPACE = 0x3000  # no whitespace character comes after it


def _class_takes(items: list[tuple[Any, Any]]) -> _Takes:
    if items and items[0][0] is _c.NEGATE:
        if any(o is _c.CATEGORY and a is _c.CATEGORY_NOT_SPACE for o, a in items):
            # [^\S\n]: no non-space character, so only (some) whitespace.
            return _Takes(space=True)
        spaces = any(o is _c.CATEGORY and a is _c.CATEGORY_SPACE for o, a in items)
        dot = any(o is _c.LITERAL and a == ord(".") for o, a in items)
        return _Takes(space=not spaces, other=True, dot=not dot)
    takes = _Takes()
    for op, av in items:
        if op is _c.LITERAL:
            char = chr(av)
            takes = takes | _Takes(char.isspace(), not char.isspace(), char == ".")
        elif op is _c.RANGE:
            low, high = av
            space = any(chr(c).isspace() for c in range(low, min(high, _LAST_SPACE) + 1))
            takes = takes | _Takes(space, True, low <= ord(".") <= high)
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            takes = takes | _Takes(space=True)
        elif op is _c.CATEGORY and av in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
            takes = takes | _Takes(other=True)
        elif op is _c.CATEGORY and av is _c.CATEGORY_NOT_SPACE:
            takes = takes | _Takes(other=True, dot=True)
        else:
            takes = takes | _ALL
    return takes


def _takes(items: list[tuple[Any, Any]]) -> _Takes:
    """The characters ``items`` may consume (lookarounds consume none)."""
    takes = _Takes()
    for op, av in items:
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            char = chr(av)
            if op is _c.NOT_LITERAL:
                takes = takes | _ALL
            else:
                takes = takes | _Takes(char.isspace(), not char.isspace(), char == ".")
        elif op is _c.IN:
            takes = takes | _class_takes(av)
        elif op is _c.BRANCH:
            for alt in av[1]:
                takes = takes | _takes(alt.data)
        elif op is _c.SUBPATTERN:
            takes = takes | _takes(av[3].data)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            takes = takes | _takes(av[2].data)
        elif op is _c.ATOMIC_GROUP:
            takes = takes | _takes(av.data)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        else:
            takes = takes | _ALL
    return takes


def _reach(items: list[tuple[Any, Any]]) -> Reach | None:
    total = Reach()
    for op, av in items:
        part: Reach | None
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.AT):
            part = Reach(fixed=1)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            part = _reach(av[1].data) if av[0] == 1 else Reach()
        elif op is _c.BRANCH:
            part = Reach()
            for alt in av[1]:
                sub = _reach(alt.data)
                if sub is None:
                    return None
                part = part.widest(sub)
        elif op is _c.SUBPATTERN:
            part = _reach(av[3].data)
        elif op is _c.ATOMIC_GROUP:
            part = _reach(av.data)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _low, high, body = av
            once = _reach(body.data)
            if once is None:
                return None
            if high != _c.MAXREPEAT:
                part = once.times(high)
            else:
                takes = _takes(body.data)
                if not takes.space:
                    part = once + Reach(words=1)
                elif not takes.other:
                    part = once + Reach(spaces=1)
                elif not takes.dot:
                    part = once + Reach(dots=1)
                else:
                    return None
        else:
            return None
        if part is None:
            return None
        total = total + part
    return total


def pattern_reach(pattern: Any) -> Reach | None:
    """How far past its start a match attempt of ``pattern`` may look; None when unbounded."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    reach = _reach(list(tree.data))
    return None if reach is None else reach + Reach(fixed=_MARGIN)
