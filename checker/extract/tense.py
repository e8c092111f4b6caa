"""Whether a date is told in the future tense ("will meet on Tuesday"), from the words near it."""

from __future__ import annotations

import re

# How far (characters) around a date its tense is looked for: the clause, not the text.
_BEFORE = 120
_AFTER = 80
_BOUNDARY_RE = re.compile(r"[.!?]['\"’”)]?\s|\n")
# A future word is only the date's tense when it is in the date's clause.
_CLAUSE_RE = re.compile(r"[.!?]['\"’”)]?\s|\n|[,;:\"“”]|``|''")
# A date told as the possessive of what happened on it ("Tuesday night's flood").
_POSSESSIVE_RE = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?['’]s(?![\w-])", re.I)
_WORD_RE = re.compile(r"[\w-]+")


def regular_past(word: str) -> bool:
    """True when ``word`` (lower case) reads as the past of a regular verb ("killed")."""
    return len(word) > 4 and word.endswith("ed")


def _noun_then_past(after: str, past: re.Pattern[str], function_words: frozenset[str]) -> bool:
    """True when ``after`` (the words after a possessive date) opens with a noun of one
    to three words, none of them one of ``function_words`` ("Monday's vote as
    planned"), and a past verb ("flash flood killed four")."""
    words = [w.lower() for w in _WORD_RE.findall(after)[:4]]
    for k in range(1, len(words)):
        if words[k - 1] in function_words:
            return False
        if regular_past(words[k]) or past.fullmatch(words[k]):
            return True
    return False


_LEAD_RE = re.compile(r"^[\s\"'“‘(]*(?:on|by|until|from|starting|beginning|as of)?[\s,]*$", re.I)


def is_past(text: str, start: int, markers: re.Pattern[str]) -> bool:
    """True when a past-tense verb of ``markers`` precedes the date at ``start`` in its clause."""
    before = text[max(0, start - _BEFORE) : start]
    cuts = [c.end() for c in _CLAUSE_RE.finditer(before)]
    return bool(markers.search(before[cuts[-1] :] if cuts else before))


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (-1 when none)."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


def is_future(
    text: str,
    start: int,
    end: int,
    markers: re.Pattern[str],
    past: re.Pattern[str],
    function_words: frozenset[str],
) -> bool:
    """True when a future marker of ``markers`` precedes the date at ``start:end`` in its clause.

    A past-tense verb (``past``) between the marker and the date wins ("could
    not stop the bullet that tore through the window Friday"), and so does one
    after the date told as a happening's possessive ("will declare ... after
    Tuesday's flood killed four"; ``function_words`` end the happening's
    noun). A date that
    opens its sentence ("On Tuesday, voters will ...") takes the tense of
    the clause that follows it instead.
    """
    before = text[max(0, start - _BEFORE) : start]
    cuts = [c.end() for c in _CLAUSE_RE.finditer(before)]
    if cuts:
        before = before[cuts[-1] :]
    marker = _last(markers, before)
    if marker >= 0 and marker > _last(past, before):
        # "will declare a disaster zone after Tuesday night's flood killed four":
        # a past verb after the possessive date, in its clause, is its tense.
        told = _POSSESSIVE_RE.match(text, end)
        if told is None:
            return True
        return not _noun_then_past(text[told.end() : told.end() + _AFTER], past, function_words)
    if cuts or start <= _BEFORE:
        if not _LEAD_RE.match(before):
            return False
    else:
        return False  # the sentence began before the window: the date does not open it
    after = text[end : end + _AFTER]
    stop = _BOUNDARY_RE.search(after)
    return bool(markers.search(after[: stop.start()] if stop else after))
