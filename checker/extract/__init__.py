"""Extraction: every number and date in an article, as mentions with exact spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from checker.extract.date_years import with_year_unit
from checker.extract.dates import find_dates
from checker.extract.lexicon import Lexicon, lexicon
from checker.extract.number_scan import number_matches
from checker.extract.numbers import find_numbers, people_after
from checker.extract.quantities import quantities
from checker.extract.spans import SpanIndex
from checker.extract.text import Sentence, sentence_at, split_sentences
from checker.models import Article, Mention, MentionKind
from checker.rulebook import Rulebook, UnitReading

# quantulum3 reads "1.2k" as kelvin; here a bare "k" is a thousand.
_NOT_UNITS = frozenset({"dimensionless", "kelvin", "count"})
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Analysis:
    """An article split into sentences, with its mentions (sorted by position).

    ``memo`` keeps what later stages work out per sentence and need more than
    once (the places of each sentence: normalising and the story signature),
    keyed by the stage's own name; it takes no part in comparing analyses.
    """

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def analyse(article: Article, rulebook: Rulebook) -> Analysis:
    """Split ``article`` into sentences and find its numbers and dates."""
    lex = lexicon(rulebook)
    text = article.text
    sentences = split_sentences(text, lex.abbreviations)
    dates = find_dates(text, lex, article.id, article.published, article.published_from)
    # Ordinals and numbered place names are found in the numbers' one scan.
    matches = number_matches(text, lex)
    taken = [d.span for d in dates]
    taken += [m.span() for m in matches.place_digits]
    numbers = [with_year_unit(m) for m in find_numbers(text, lex, article.id, taken, matches)]
    # "third" in "a third of" is a fraction, not an ordinal.
    fractions = SpanIndex(m.span for m in numbers if m.kind == "percent")
    ordinals = [
        Mention(article=article.id, kind="ordinal", text=m.group(), span=m.span())
        for m in matches.ordinals
        if not fractions.overlaps(*m.span())
    ]
    numbers = _with_units(numbers, sentences, dates, text, lex)
    mentions = sorted([*dates, *numbers, *ordinals], key=lambda m: (m.span, m.kind))
    return Analysis(article=article, sentences=sentences, mentions=mentions)


def _currency(
    mention: Mention,
    text: str,
    symbols: list[tuple[str, str]],
    signs: tuple[str, ...] | None = None,
) -> Mention | None:
    """The mention as money when a currency sign (of ``symbols``, whose signs are
    ``signs``: given once per article, not made for each number) stands right before it."""
    if not symbols:
        return None
    if signs is None:
        signs = tuple(symbol for symbol, _unit in symbols)
    # ``symbols`` are sorted longest first.
    before = text[max(0, mention.span[0] - len(symbols[0][0])) : mention.span[0]]
    if not before.endswith(signs) and not mention.text.startswith(signs):
        return None  # most counts: no sign before or in them
    for symbol, unit in symbols:
        start = mention.span[0] - len(symbol)
        if start >= 0 and text[start : mention.span[0]] == symbol:
            return mention.model_copy(
                update={
                    "kind": "money",
                    "unit": unit,
                    "span": (start, mention.span[1]),
                    "text": text[start : mention.span[1]],
                }
            )
        if mention.text.startswith(symbol):
            return mention.model_copy(update={"kind": "money", "unit": unit})
    return None


def _with_units(
    numbers: list[Mention], sentences: list[Sentence], dates: list[Mention], text: str, lex: Lexicon
) -> list[Mention]:
    """Reclassify counts that are money or quantities: by a currency sign before the
    number or a unit word of the rules' table after it, else by quantulum3.

    quantulum3 reads only the sentences that still hold a cue (a currency sign
    or a unit word after a number) which the first two did not account for.
    The work per number is bounded by its sentence: whether the sentence holds
    such a cue, and the dates to mask in it (found by bisecting the sorted
    dates), are worked out once per sentence.
    """
    symbols = sorted(lex.rulebook.language.currency_symbols.items(), key=lambda kv: -len(kv[0]))
    signs = tuple(symbol for symbol, _unit in symbols)
    # Where the signs and unit words read without quantulum3 stand: no cue for it.
    read: set[int] = set()
    first: list[Mention | None] = []
    for mention in numbers:
        if mention.kind != "count" or not sentences:
            if mention.kind == "money":  # its sign was read with the number ("$5m")
                read.update(_signs(mention, text, lex))
            first.append(mention)
            continue
        # A scale word of the number itself ("6.8 lakh people") is no unit.
        read.update(_word_ends(mention.span, text))
        money = _currency(mention, text, symbols, signs)
        if money is not None:
            read.update(_signs(money, text, lex))
            first.append(money)
            continue
        table = _table_unit(mention, text, lex)
        if table is not None:
            # Every word of it: "miles per hour" holds the unit word "miles".
            read.update(_word_ends(table.span, text))
            first.append(table)
            continue
        first.append(None)
    date_starts = [d.span[0] for d in dates]
    masks: dict[int, tuple[tuple[int, int], ...] | None] = {}
    out: list[Mention] = []
    for mention, done in zip(numbers, first, strict=True):
        if done is not None:
            out.append(done)
            continue
        index = sentence_at(sentences, mention.span[0])
        sent = sentences[index]
        if index not in masks:
            masks[index] = (
                _dates_within(sent, dates, date_starts) if _has_cue(sent, read, lex) else None
            )
        masked = masks[index]
        if masked is None:
            out.append(mention)
            continue
        out.append(_apply_quantity(mention, sent, masked, lex))
    return out


def _signs(mention: Mention, text: str, lex: Lexicon) -> list[int]:
    """Where the currency signs within the money ``mention`` start."""
    return [m.start() for m in lex.currency_re.finditer(text, *mention.span)]


def _word_ends(span: tuple[int, int], text: str) -> list[int]:
    """Where the words within ``span`` of ``text`` end."""
    return [span[0] + m.end() for m in _WORD_RE.finditer(text[span[0] : span[1]])]


def _table_unit(mention: Mention, text: str, lex: Lexicon) -> Mention | None:
    """The mention as a quantity or money when a unit word of the rules' table follows it;
    its span then takes in the unit word, as quantulum3's do ("40 km")."""
    end = mention.span[1]
    found = lex.extra_units_re.match(text, end, end + 40)
    if found is None or people_after(text, found.end("unit"), lex):
        return None  # none, or "three night watchmen": people, not nights
    kind, unit = lex.extra_units[" ".join(found.group("unit").lower().replace("-", " ").split())]
    span = (mention.span[0], found.end("unit"))
    return mention.model_copy(
        update={"kind": kind, "unit": unit, "span": span, "text": text[span[0] : span[1]]}
    )


def _has_cue(sent: Sentence, read: set[int], lex: Lexicon) -> bool:
    """True when ``sent`` holds a currency sign or a unit word after a number that was
    not read already (``read``: where those signs start and those unit words end)."""
    for sign in lex.currency_re.finditer(sent.text):
        if sent.start + sign.start() not in read:
            return True
    if not _may_name_unit(sent.text, lex):
        return False
    return any(
        sent.start + unit.end("unit") not in read for unit in lex.unit_words_re.finditer(sent.text)
    )


def _may_name_unit(text: str, lex: Lexicon) -> bool:
    """False when ``text`` holds none of the unit words, so that ``unit_words_re`` cannot
    match in it: a substring test, made only on ASCII text, where ignoring case is
    lower-casing (the regex also takes "ſ" for "s" and the Kelvin sign for "k")."""
    stems = lex.unit_word_stems
    if stems is None or not text.isascii():
        return True
    low = text.lower()
    return any(stem in low for stem in stems)


def _dates_within(
    sent: Sentence, dates: list[Mention], date_starts: list[int]
) -> tuple[tuple[int, int], ...]:
    """Spans (relative to ``sent``) of the dates inside ``sent``, in order.

    ``dates`` are sorted by span and ``date_starts`` are their starts: only
    the dates that start inside the sentence are looked at.
    """
    found = []
    for i in range(bisect_left(date_starts, sent.start), len(dates)):
        start, end = dates[i].span
        if start > sent.end:
            break
        if end <= sent.end:
            found.append((start - sent.start, end - sent.start))
    return tuple(found)


def _apply_quantity(
    mention: Mention, sent: Sentence, masked: tuple[tuple[int, int], ...], lex: Lexicon
) -> Mention:
    start = mention.span[0] - sent.start
    end = mention.span[1] - sent.start
    for q_start, q_end, _value, unit, entity in quantities(sent.text, masked):
        if q_end <= start or q_start >= end or unit in _NOT_UNITS:
            continue
        if entity == "unknown":
            # A compound quantulum3 made up ("13 Cubans" as coulomb atomic mass
            # unit barye nanoseconds, "35 kilometres at" as kilometre
            # ampere-turns): only a unit word right after the number stands.
            word = lex.unit_after_re.match(sent.text, end, end + 24)
            if word is None:
                continue
            unit = word.group("unit").lower()
            q_start, q_end, entity = start, end, ""
        if any(c.isdigit() for c in sent.text[end:q_end]):
            # A unit has no digits: "seven AK-47s" is no "ampere per kelvin".
            continue
        if people_after(sent.text, max(end, q_end), lex):
            # "Three night watchmen", "five day labourers": people, not nights.
            continue
        kind: MentionKind = (
            "money" if entity == "currency" else "percent" if unit == "percentage" else "quantity"
        )
        unit, kind = _read_unit(unit, kind, sent.text, (start, end, max(end, q_end)), lex)
        if q_start < start:
            new_span = (sent.start + q_start, mention.span[1])
            text = sent.text[q_start:end]
        else:
            new_span = mention.span
            text = mention.text
        if q_end > end:
            new_span = (new_span[0], sent.start + q_end)
            text = sent.text[new_span[0] - sent.start : q_end]
        return mention.model_copy(
            update={"kind": kind, "unit": unit, "span": new_span, "text": text}
        )
    return mention


def _read_unit(
    unit: str, kind: MentionKind, text: str, where: tuple[int, int, int], lex: Lexicon
) -> tuple[str, MentionKind]:
    """The unit and kind of quantulum3's ``unit`` for a number of ``text`` (a
    sentence), as the rules' unit readings tell it: the reading whose cue word
    stands nearest the number, or one that takes the number and the unit word
    made one adjective ("a 500-pound bomb"); else quantulum3's own. ``where``
    is the number's start and end and the end of its unit word.
    """
    start, end, unit_end = where
    best: tuple[int, UnitReading] | None = None
    for cues in lex.unit_readings:
        if unit not in cues.units:
            continue
        if cues.reading.hyphenated and text[end : end + 1] == "-":
            return cues.reading.unit, cues.reading.kind
        after = cues.after_unit_re and cues.after_unit_re.match(text, unit_end)
        if after and (best is None or unit_end - end < best[0]):
            # "900 pounds of fertilizer": a cue as far off as the unit word's end.
            best = (unit_end - end, cues.reading)
        for cue in cues.cue_re.finditer(text):
            gap = cue.start() - end if cue.start() >= end else start - cue.end()
            if best is None or gap < best[0]:
                best = (gap, cues.reading)
    if best is None:
        return unit, kind
    return best[1].unit, best[1].kind


__all__ = ["Analysis", "Lexicon", "analyse", "lexicon"]
