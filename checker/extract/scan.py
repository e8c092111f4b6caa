"""Several whole-text patterns run as one cheap pass: ``finditer`` of each, in one scan.

Python's ``re`` tries every position of the text for a pattern that starts
with a lookbehind or with words matched case-insensitively, so each such
pattern costs a full pass over the text. ``PatternScan`` reads from each
pattern the short literal "leads" every one of its matches must start with
("aged", "who", a digit, "+"), runs one gate over a lower-cased copy of the
text that stops only where some lead stands, and there ``match``es each
pattern that lead belongs to, in place on the original text. It keeps the
chain ``finditer`` keeps (the next match is searched from the end of the
last), so each pattern's matches are exactly those of ``pattern.finditer``.

A pattern whose leads cannot be read (it may start with any letter, or with
a construct the reader does not know) is run by ``finditer`` as before; so
is every pattern on a text where lower-casing is not a one-to-one map of
characters (see ``_fold``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from checker.extract.regex_reach import Bounds, Reach, Stretches, pattern_reach
from checker.extract.text import BLANK
from checker.kept_patterns import compile_kept

# The standard library's own regex parser: the leads are read from the parse tree.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_compiler: Any = importlib.import_module("re._compiler")

_MAX_LEAD = 8  # pieces read into a lead: enough to be rare, short enough to stay few
_MAX_LEADS = 256  # more alternatives than this make the gate slower than the patterns
_MAX_CLASS = 10  # a character class of more members than this ends a lead (or spoils it)
# Characters that ``re.IGNORECASE`` matches with an ASCII letter although
# ``str.lower`` does not map them to it (long s, dotless i, dotted capital I).
_UNFOLD = {0x17F: "s", 0x131: "i", 0x130: "i"}  # long s, dotless i, dotted capital I
_UNFOLDED = tuple(chr(c) for c in _UNFOLD)


@dataclass(frozen=True)
class _Lead:
    """Characters (as regex pieces) a match starts with; ``nonword`` when no word
    character may stand before the match; ``closed`` once nothing may be added."""

    pieces: tuple[str, ...]
    nonword: bool = False
    closed: bool = False
    first: tuple[str, ...] = ()  # the single-character pieces the first piece is made of


def _piece(char: str) -> str | None:
    """The regex piece matching ``char`` on lower-cased text, or None when unsafe."""
    low = char.lower()
    if len(low) != 1 or char in _UNFOLDED:
        return None
    if not char.isascii() and (char.upper() != char or low != char):
        return None  # a cased letter outside ASCII may have case twins re knows of
    return re.escape(low)


_NOT_SPACE_OR_NEWLINE = {(_c.CATEGORY, _c.CATEGORY_NOT_SPACE), (_c.LITERAL, ord("\n"))}


def _class_pieces(items: list[tuple[Any, Any]]) -> list[str] | None:
    """Pieces for the members of a character class: one piece per member for a small
    class, one bracketed piece for a class with a range of letters; None when too wide."""
    if items and items[0][0] is _c.NEGATE:
        # White space within a line, [^\S\n], the one negated class leads keep.
        rest = {(op, av) for op, av in items[1:]}
        return [BLANK] if rest == _NOT_SPACE_OR_NEWLINE else None
    pieces: list[str] = []
    ranges: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            piece = _piece(chr(av))
            if piece is None:
                return None
            pieces.append(piece)
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            for code in range(av[0], av[1] + 1):
                piece = _piece(chr(code))
                if piece is None:
                    return None
                pieces.append(piece)
        elif op is _c.RANGE and _letter_range(av[0], av[1]):
            ranges.append(chr(av[0]).lower() + "-" + chr(av[1]).lower())
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            pieces.append(r"\d")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            pieces.append(r"\s")
        else:
            return None
    unique = sorted(set(pieces))
    if ranges:
        return ["[" + "".join(sorted(set(ranges))) + "".join(unique) + "]"]
    return unique if len(unique) <= _MAX_CLASS else None


def _letter_range(low: int, high: int) -> bool:
    """True for a range within A-Z or within a-z (lower-cased, it stays a range)."""
    return ord("A") <= low <= high <= ord("Z") or ord("a") <= low <= high <= ord("z")


def _is_word(lead: _Lead) -> bool:
    """True when every character a lead may start with is a word character."""
    return bool(lead.first) and all(
        m == r"\d" or (len(m) == 1 and (m.isalnum() or m == "_")) for m in lead.first
    )


def _excludes_word(av: Any) -> bool:
    """True for a negative lookbehind of one character class holding ``\\w``."""
    direction, sub = av
    if direction != -1 or len(sub.data) != 1:
        return False
    op, items = sub.data[0]
    return bool(
        op is _c.IN
        and items
        and items[0][0] is not _c.NEGATE
        and any(o is _c.CATEGORY and a is _c.CATEGORY_WORD for o, a in items)
    )


Item = tuple[Any, Any]


def _single_class(items: Sequence[Item]) -> list[str] | None:
    """Pieces of a lone character or character class (a repeat's body), else None."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        piece = _piece(chr(av))
        return None if piece is None else [piece]
    if op is _c.IN:
        return _class_pieces(av)
    if op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        return _single_class(av[3].data)  # (?:...), no group, no flags
    if op is _c.BRANCH:
        # A choice of single characters or classes ("[^\S\n]|-"): a class of them all.
        pieces: list[str] = []
        for alternative in av[1]:
            found = _single_class(alternative.data)
            if found is None:
                return None
            pieces += found
        unique = sorted(set(pieces))
        return unique if len(unique) <= _MAX_CLASS else None
    return None


def _leads(
    items: Sequence[Item], icase: Sequence[bool], budget: int = _MAX_LEAD
) -> list[_Lead] | None:
    """Leads of the sequence ``items`` (``icase`` says, per item, if case is ignored).

    None when some match may start with no lead (a wide class, ``.``, a backreference).
    """
    if not items:
        return [_Lead(())]
    if budget <= 0:
        return [_Lead((), closed=True)]  # long enough: what follows is not read
    op, av = items[0]
    rest, rest_case = items[1:], icase[1:]
    if op is _c.AT:
        tail = _leads(rest, rest_case, budget)
        if tail is None or av is not _c.AT_BOUNDARY:
            return tail
        # "\b" before a word character: none stands before it.
        return [_Lead(t.pieces, True, t.closed, t.first) if _is_word(t) else t for t in tail]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        tail = _leads(rest, rest_case, budget)
        if tail is None or op is not _c.ASSERT_NOT or not _excludes_word(av):
            return tail
        return [_Lead(t.pieces, True, t.closed, t.first) for t in tail]
    if op is _c.LITERAL:
        piece = _piece(chr(av))
        return None if piece is None else _extend([(piece, (piece,))], rest, rest_case, budget)
    if op is _c.IN:
        pieces = _class_pieces(av)
        return (
            None
            if pieces is None
            else _extend([(p, (p,)) for p in pieces], rest, rest_case, budget)
        )
    if op is _c.BRANCH:
        found: list[_Lead] = []
        for alt in av[1]:
            sub = _leads([*alt.data, *rest], [icase[0]] * len(alt.data) + list(rest_case), budget)
            if sub is None:
                return None
            found += sub
        return _capped(found)
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        case = (icase[0] or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _leads([*sub.data, *rest], [case] * len(sub.data) + list(rest_case), budget)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        members = _single_class(sub.data)
        if members is not None and low > 0:
            # "\d{1,3}", "\s+": one piece that the rest may follow.
            times = f"{{{low},{'' if high == _c.MAXREPEAT else high}}}"
            piece = "(?:" + "|".join(members) + ")" + times
            return _extend([(piece, tuple(members))], rest, rest_case, budget)
        once = _leads(sub.data, [icase[0]] * len(sub.data), budget)
        if once is None:
            return None
        closed = [_Lead(t.pieces, t.nonword, True, t.first) for t in once if t.pieces]
        if len(closed) < len(once):
            return None  # the repeated part may match nothing
        if low > 0:
            return closed
        if high == 1:
            # "x?": the part, then the rest; or the rest alone.
            with_part = _leads(
                [*sub.data, *rest], [icase[0]] * len(sub.data) + list(rest_case), budget
            )
            without = _leads(rest, rest_case, budget)
            return None if with_part is None or without is None else _capped(with_part + without)
        tail = _leads(rest, rest_case, budget)
        return None if tail is None else _capped(closed + tail)
    return None


def _extend(
    heads: list[tuple[str, tuple[str, ...]]],
    rest: Sequence[Item],
    icase: Sequence[bool],
    budget: int,
) -> list[_Lead] | None:
    """Each of ``heads`` (a piece and its members) followed by the leads of ``rest``
    (or alone, when those are unknown)."""
    tail = _leads(rest, icase, budget - 1) if rest else [_Lead(())]
    if tail is None:
        return [_Lead((h,), closed=True, first=f) for h, f in heads]
    found: list[_Lead] = []
    for head, first in heads:
        for t in tail:
            if t.nonword:
                # A word condition inside a match ("a\\b") says nothing of its start.
                found.append(_Lead((head,), closed=True, first=first))
            elif t.closed or len(t.pieces) + 1 > _MAX_LEAD:
                found.append(_Lead((head, *t.pieces[: _MAX_LEAD - 1]), closed=True, first=first))
            else:
                found.append(_Lead((head, *t.pieces), first=first))
    return _capped(found)


def _capped(leads: list[_Lead]) -> list[_Lead]:
    """``leads`` without repeats; cut shorter (to fewer pieces) when too many."""
    unique = list(dict.fromkeys(leads))
    size = _MAX_LEAD
    while len(unique) > _MAX_LEADS and size > 1:
        size -= 1
        unique = list(
            dict.fromkeys(
                _Lead(x.pieces[:size], x.nonword, True, x.first) if len(x.pieces) > size else x
                for x in unique
            )
        )
    return unique


def pattern_leads(pattern: re.Pattern[str]) -> list[_Lead] | None:
    """The leads (on lower-cased text) one of which every match of ``pattern`` starts with.

    None when the pattern's matches may start with no lead that can be read.
    """
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a compiled pattern always parses
        return None
    icase = bool(tree.state.flags & re.IGNORECASE)
    leads = _leads(list(tree.data), [icase] * len(tree.data))
    if leads is None or any(not lead.pieces or lead.pieces[0][:1] == "[" for lead in leads):
        return None  # a lead that may be empty, or start with any letter, stops nowhere
    return leads


def _trie(leads: list[tuple[str, ...]], *, digits_apart: bool = False) -> str:
    """One regex for ``leads`` (tuples of pieces), sharing their common starts.

    With ``digits_apart``, the alternatives that open with a digit are put
    behind one test for a digit: where none stands (at most places) the
    regex engine passes over all of them at once, not one by one.
    """
    groups: dict[str, list[tuple[str, ...]]] = {}
    for lead in leads:
        groups.setdefault(lead[0], []).append(lead[1:])
    parts: list[str] = []
    digits: list[str] = []
    for head in sorted(groups):
        tails = groups[head]
        # Where a shorter lead ends, it already opens the gate.
        part = head if any(not t for t in tails) else head + "(?:" + _trie(tails) + ")"
        (digits if digits_apart and _opens_with_digit(head) else parts).append(part)
    if len(digits) > 1:
        parts.insert(0, r"(?=\d)(?:" + "|".join(digits) + ")")
    else:
        parts[:0] = digits
    return "|".join(parts)


def _opens_with_digit(piece: str) -> bool:
    """True when every match of ``piece`` opens with a digit (a digit, ``\\d``, or a
    repeat of them that is not optional, as ``_leads`` spells one)."""
    if piece.startswith("(?:") and "){" in piece:
        members = piece[3 : piece.rindex("){")].split("|")
        return all(_is_digit(m) for m in members)
    return _is_digit(piece)


def _is_digit(piece: str) -> bool:
    return piece == r"\d" or (len(piece) == 1 and piece in "0123456789")


def _char(piece: str) -> str | None:
    """The one character a piece stands for, or None for a class or a repeat."""
    if len(piece) == 1:
        return piece
    if len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum():
        return piece[1]
    return None


def _keys(lead: _Lead) -> set[str] | None:
    """Dispatch keys of a lead: its first two characters when both are fixed, else the
    first; ``\\d`` for any digit; None when its first piece is a wider class."""
    firsts = {_char(m) or m for m in lead.first}
    if not firsts <= {r"\d"} and any(_char(m) is None for m in lead.first):
        return None
    first = _char(lead.pieces[0])
    second = _char(lead.pieces[1]) if first is not None and len(lead.pieces) > 1 else None
    if first is not None and second is not None:
        return {first + second}
    return firsts


def fold(text: str) -> str:
    """``text`` lower-cased, with the characters ``re.IGNORECASE`` takes for an ASCII
    letter that ``str.lower`` does not turn into it mapped to that letter, so that the
    folded text has one character for each of ``text``'s."""
    if any(c in text for c in _UNFOLDED):
        text = text.translate(_UNFOLD)
    return text.lower()


# A pattern's index, the regex of its leads and the index of the reach of that regex.
_Try = tuple[int, re.Pattern[str], int]


class PatternScan:
    """``finditer`` of several patterns over one text, with one shared gate pass."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        """A scan of ``patterns``; each keeps its own matches and its own chain."""
        self.patterns = tuple(patterns)
        self._alone: list[int] = []
        self._reach: list[Reach | None] = [pattern_reach(p) for p in self.patterns]
        self._lead_reach: list[Reach] = []  # by the index kept in each _Try
        one: dict[str, list[_Try]] = {}  # by a lead's first character
        two: dict[str, list[_Try]] = {}  # by a lead's first two characters
        self._digit: list[_Try] = []  # leads that start with any digit
        self._other: list[_Try] = []  # leads that start with a wider class
        nonword: list[tuple[str, ...]] = []
        plain: list[tuple[str, ...]] = []
        plain_leads: list[_Lead] = []
        for i, pattern in enumerate(self.patterns):
            leads = pattern_leads(pattern)
            if leads is None or self._reach[i] is None:
                self._alone.append(i)
                continue
            lead_re = compile_kept(_lead_regex(leads))
            lead_reach = pattern_reach(lead_re)
            if lead_reach is None:
                self._alone.append(i)
                continue
            width = len(self._lead_reach)
            self._lead_reach.append(lead_reach)
            for lead in leads:
                keys = _keys(lead)
                if keys is None:
                    self._other.append((i, lead_re, width))
                    continue
                if r"\d" in keys:
                    self._digit.append((i, lead_re, width))
                    keys = (keys - {r"\d"}) | set("0123456789")
                for key in keys:
                    (two if len(key) == 2 else one).setdefault(key, []).append((i, lead_re, width))
            for lead in leads:
                if lead.nonword:
                    nonword.append(lead.pieces)
                else:
                    plain.append(_bounded(lead.pieces))
            plain_leads += [lead for lead in leads if not lead.nonword]
        self._digit = _unique(self._digit)
        self._other = _unique(self._other)
        self._one = {k: _unique(v + self._other) for k, v in one.items()}
        self._two = {k: _unique(v + one.get(k[0], []) + self._other) for k, v in two.items()}
        self._any_digit = _unique(self._digit + self._other)
        # Two gates, each of which consumes one character so that ``re`` can skip
        # ahead to the characters it may start with: the non-word character right
        # before a lead that needs one (the text's start is tried on its own), and
        # the first character of any other lead.
        never = r"(?!x)x"
        self._nonword_lead = compile_kept(_trie(nonword, digits_apart=True) if nonword else never)
        self._after_nonword = compile_kept(r"\W(?=" + self._nonword_lead.pattern + ")")
        firsts = sorted({m for lead in plain_leads for m in lead.first})
        self._plain = compile_kept(
            ("[" + "".join(firsts) + "]" + r"(?<=(?=" + _trie(plain) + r")[\s\S])")
            if plain
            else never
        )
        self._gated_any = bool(nonword or plain)
        self._alone_skipping = [(i, skipping(self.patterns[i])) for i in self._alone]
        self._bounds = Bounds(self._reach)
        self._lead_bounds = Bounds(self._lead_reach)

    def _hits(self, folded: str) -> list[int]:
        """Offsets of ``folded`` where some lead may start, in order."""
        head = self._nonword_lead.match(folded) is not None
        return _positions(head, self._after_nonword.finditer(folded), self._plain.finditer(folded))

    def scan(self, text: str) -> list[list[re.Match[str]]]:
        """For each pattern, in order, the list ``list(pattern.finditer(text))``."""
        if not self._gated_any:
            return [list(p.finditer(text)) for p in self.patterns]
        folded = fold(text)
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for i, alone in self._alone_skipping:
            found[i] = list(alone.finditer(text))
        resume = [0] * len(self.patterns)  # where each pattern's next search starts
        # No match attempt looks further than its pattern's reach in this text.
        stretches = Stretches.of(text)
        reach = self._bounds.within(stretches)
        lead_reach = self._lead_bounds.within(stretches)
        patterns, one, two, other = self.patterns, self._one, self._two, self._other
        for pos in self._hits(folded):
            tries = two.get(folded[pos : pos + 2]) or one.get(folded[pos])
            if tries is None:
                tries = self._any_digit if folded[pos].isdecimal() else other
            for i, lead_re, k in tries:
                if pos < resume[i] or lead_re.match(folded, pos, pos + lead_reach[k]) is None:
                    continue
                m = patterns[i].match(text, pos, pos + reach[i])
                if m is not None:
                    found[i].append(m)
                    resume[i] = m.end()
        return found


# No word character before the character just read: "\b" moved behind it.
_NOT_AFTER_WORD = _parser.parse(r"(?<!\w.)").data[0]
_FLAGS_KEPT = re.ASCII | re.LOCALE


def skipping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, or one that finds the same matches (spans and groups) faster.

    A pattern that opens with a word boundary and a class of word characters
    ("\\b[A-Z]") has ``re`` try it at every character of a text. Recompiled
    to read the character first and look back for the boundary after it,
    it opens with a class, which ``re`` skips ahead to; the class read first
    is the original's ASCII members and anything beyond ASCII (a short test
    that most characters fail), the original class is then looked back at.
    Any other pattern is returned as it is.
    """
    tree = _parser.parse(pattern.pattern, pattern.flags)
    items, flags = tree.data, tree.state.flags
    while items and items[0][0] is _c.SUBPATTERN:
        _group, add, remove, sub = items[0][1]
        items, flags = sub.data, (flags | add) & ~remove
    if flags & _FLAGS_KEPT:
        return pattern  # word characters as ASCII or the locale has them
    if len(items) < 2 or items[0] != (_c.AT, _c.AT_BOUNDARY) or items[1][0] is not _c.IN:
        return pattern
    members = items[1][1]
    if not _word_class(members):
        return pattern
    alone = _parser.State()
    alone.flags = flags
    test = _compiler.compile(_parser.SubPattern(alone, [(_c.IN, members)]), flags)
    first: list[tuple[Any, Any]] = [(_c.LITERAL, c) for c in range(128) if test.match(chr(c))]
    first.append((_c.RANGE, (128, 0x10FFFF)))
    is_member = (_c.ASSERT, (-1, _parser.SubPattern(tree.state, [(_c.IN, members)])))
    items[:2] = [(_c.IN, first), is_member, _NOT_AFTER_WORD]
    compiled: re.Pattern[str] = _compiler.compile(tree, pattern.flags)
    return compiled


def _word_class(members: list[tuple[Any, Any]]) -> bool:
    """True when every character of the class ``members`` is a word character."""
    if members and members[0][0] is _c.NEGATE:
        return (_c.CATEGORY, _c.CATEGORY_NOT_WORD) in members
    for op, av in members:
        if op is _c.LITERAL:
            chars = [av]
        elif op is _c.RANGE and av[1] - av[0] < 0x1000:
            chars = list(range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT):
            continue
        else:
            return False
        if not all(chr(c).isalnum() or c == ord("_") for c in chars):
            return False
    return True


def _bounded(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """A lead cut at its first unbounded repeat, which keeps only its least count.

    A lead that may start anywhere (not only after a non-word character) is
    tried at every character of a long run ("7777..."); an unbounded repeat in
    it would read the rest of the run each time.
    """
    for k, piece in enumerate(pieces):
        if piece.endswith(",}"):
            return (*pieces[:k], piece[: piece.rindex(",")] + "}")
    return pieces


def _positions(
    head: bool, nonword: Iterator[re.Match[str]], plain: Iterator[re.Match[str]]
) -> list[int]:
    """Each offset where a lead may start, once, in order."""
    found = {m.end() for m in nonword}
    found.update(m.start() for m in plain)
    if head:
        found.add(0)
    return sorted(found)


def _unique(tries: list[_Try]) -> list[_Try]:
    return sorted(dict.fromkeys(tries), key=lambda t: t[0])


def _lead_regex(leads: list[_Lead]) -> str:
    """One regex that matches where any of ``leads`` does."""
    parts = []
    nonword = [x.pieces for x in leads if x.nonword]
    plain = [_bounded(x.pieces) for x in leads if not x.nonword]
    if nonword:
        parts.append(r"(?<!\w)(?:" + _trie(nonword) + ")")
    if plain:
        parts.append(_trie(plain))
    return "|".join(parts)
