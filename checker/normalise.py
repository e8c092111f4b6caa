"""Normalise: turn number mentions into facts (metric, victims, places, date, tally, source).

All the words this stage looks for come from rules/ through the lexicon.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress
from typing import Literal, NamedTuple

from checker.extract import Analysis
from checker.extract.lexicon import (
    ANAPHOR_WINDOW,
    Lexicon,
    MetricLexicon,
    anaphor_right_after,
    landmark_at,
    lexicon,
    opens_aside,
    place_list_gap,
    reads_as_verb,
    spoken_at,
    vague_area,
)
from checker.extract.text import Sentence, dateline, past_possessive, sentence_at
from checker.geo import CANDIDATE_RE
from checker.models import DateRange, Fact, Interval, Mention
from checker.rulebook import Place, Rulebook

_CLAUSE_BREAKS = {",", ";", "—", "–", ":", "(", ")"}
# What parts a sentence more than a comma does.
_SENTENCE_PARTS = {";", ":"}
_HEAD_LOOKAHEAD = 6
_DEFAULT_WINDOW_DAYS = 7


# The head of "three of them": people the sentence spoke of before.
_OF_THEM = ("them",)


class _Head(NamedTuple):
    """The noun phrase a number counts, from the number on.

    Its words' lower-case texts, the absolute offset where its last word ends
    (None when it has no words), its head word, and whether that is a known noun.
    """

    lowers: tuple[str, ...]
    end: int | None
    head: str | None
    known: bool


@functools.lru_cache(maxsize=8192)
def _ignore_re(pattern: str, name: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{name}", re.escape(name)))


# Lookarounds only: a head that reads nothing, so it can be tried at the name's start.
_ZERO_WIDTH_HEAD_RE = re.compile(r"(?:\(\?<?[=!](?:\\.|[^()\\])*\))+")


@functools.lru_cache(maxsize=256)
def _ignore_parts(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """What comes before and after ``{name}`` in a pattern that holds it once and
    reads nothing before it (a lookbehind at most), each compiled once; else None.

    Compiling each pattern anew for every place name cost more than the rest of
    normalising in a batch that names thousands of places.
    """
    head, found, rest = pattern.partition("{name}")
    if not found or "{name}" in rest or (head and not _ZERO_WIDTH_HEAD_RE.fullmatch(head)):
        return None
    return re.compile(head), re.compile(rest)


def _ignored(pattern: str, name: str, text: str, start: int, end: int) -> bool:
    """True when ``pattern`` (with ``{name}``) matches the place ``name`` at ``text[start:end]``."""
    parts = _ignore_parts(pattern)
    if parts is None:
        return _ignore_re(pattern, name).match(text, start) is not None
    head, rest = parts
    return head.match(text, start) is not None and rest.match(text, end) is not None


def _place_names(sentence: Sentence, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Gazetteer names in the sentence as (start, end, name), longest match first.

    Token n-grams are looked up in the gazetteer, starting only at tokens
    that can begin a name, which is much faster than one huge regex. A run of
    token texts that is no name's tokens cannot be a name (the text of a run
    of tokens splits into those same tokens), so where the tokens stand, and
    the text between them, are looked at only for a run that is.

    A token keeps its possessive ("Hanoi's"): a run's last token is tried as
    written, then without it (whether a possessive names a place is for
    ``ignore_patterns``).
    """
    words = sentence.words
    bare = sentence.bare_words
    out: list[tuple[int, int, str]] = []
    first_words = lex.place_first_words
    if first_words.isdisjoint(words) and (bare is words or first_words.isdisjoint(bare)):
        return out  # no token can begin a name
    lengths = lex.place_run_lengths
    count = len(words)
    starts: Iterable[int] = compress(range(count), map(first_words.__contains__, words))
    if bare is not words:
        starts = [k for k in range(count) if words[k] in first_words or bare[k] in first_words]
    after = 0  # a name found ends before this token
    for i in starts:
        if i < after:
            continue
        sizes = lengths.get(words[i], ())
        if bare is not words and bare[i] != words[i]:
            sizes = tuple(sorted({*sizes, *lengths.get(bare[i], ())}, reverse=True))
        for size in sizes:
            j = i + size - 1
            if j >= count:
                continue
            hit = _run_name(sentence, i, j, words, bare, lex)
            if hit is not None:
                out.append(hit)
                after = j + 1
                break
    return out


def _run_name(
    sentence: Sentence,
    i: int,
    j: int,
    words: tuple[str, ...],
    bare: tuple[str, ...],
    lex: Lexicon,
) -> tuple[int, int, str] | None:
    """The gazetteer name that tokens ``i`` to ``j`` spell, the last one as written
    or without its possessive (``bare``), as (start, end, name); else None."""
    for last in (words[j], bare[j]) if bare[j] != words[j] else (words[j],):
        if (*words[i:j], last) not in lex.place_token_runs:
            continue
        start = sentence.word_starts[i]
        end = sentence.word_starts[j] + len(last)
        candidate = sentence.text[start:end]
        if candidate in lex.place_by_name:
            return start, end, candidate
    return None


def places_in(sentence: Sentence, lex: Lexicon) -> list[Place]:
    """The places named in ``sentence`` (not possessives, "X-based" or organisation names)."""
    return _places_and_landmarks(sentence, lex)[0]


def _places_and_landmarks(sentence: Sentence, lex: Lexicon) -> tuple[list[Place], set[str]]:
    """``places_in``, and the names of those of them named only as a bearing's
    landmark ("north of the capital X"): places of the sentence, none of a figure's."""
    found: list[Place] = []
    landmarks: set[str] = set()
    named: set[str] = set()
    names = _place_names(sentence, lex)
    paired = _pairs(names, sentence.text, lex) if names else set()
    previous_end = -1  # where the place named before ends
    for start, end, name in names:
        after, previous_end = previous_end, end
        if start in paired:
            continue
        if any(_ignored(p, name, sentence.text, start, end) for p in lex.place_ignore_res):
            continue
        if spoken_at(sentence.text, start, lex):
            continue
        if lex.surname_before_re.search(sentence.text, max(0, start - _SURNAME_REACH), start):
            continue  # "governor Kemal X": a person's name
        if name in lex.adjectival and not _locative_use(sentence, start, end, lex):
            continue
        place = lex.place_by_name[name]
        if (
            landmark_at(sentence.text, start, lex)
            # "at X General Hospital": where some were treated, not counted.
            or lex.institution_after_re.match(sentence.text, end) is not None
        ) or (
            # "in X state, northwest Y": where X is, no place of its own.
            after >= 0
            and vague_area(place.name, lex)
            and lex.address_re.fullmatch(sentence.text, after, start) is not None
        ):
            landmarks.add(place.name)
        else:
            named.add(place.name)
        if place not in found:
            found.append(place)
    return found, landmarks - named


# How far before a surname its title and given name may stand.
_SURNAME_REACH = 40

# How far before a place of a pair its pair word may stand ("between X and Y").
_PAIR_REACH = 60
_AND_NAME_RE = re.compile(r"\s+and\s+[A-Z]")


def _pairs(names: list[tuple[int, int, str]], text: str, lex: Lexicon) -> set[int]:
    """Where the places of a pair after a pair word start ("between X and Y": a
    road's or a border's ends), known places or not."""
    out: set[int] = set()
    for start, end, _name in names:
        lo = max(0, start - _PAIR_REACH)
        if lex.pair_second_re.search(text, lo, start) or (
            lex.pair_before_re.search(text, lo, start) and _AND_NAME_RE.match(text, end)
        ):
            out.add(start)
    return out


def places_by_sentence(analysis: Analysis, lex: Lexicon) -> list[list[Place]]:
    """The places named in each sentence of ``analysis`` (``places_in``, in sentence order).

    Worked out once per analysis and lexicon: normalising and the story
    signature both need them.
    """
    return _places_by_sentence(analysis, lex)[0]


def landmarks_by_sentence(analysis: Analysis, lex: Lexicon) -> list[set[str]]:
    """The names of each sentence's places named only as a bearing's landmark ("north
    of X"; see ``places_by_sentence``): where none of its figures was counted."""
    return _places_by_sentence(analysis, lex)[1]


def _places_by_sentence(
    analysis: Analysis, lex: Lexicon
) -> tuple[list[list[Place]], list[set[str]]]:
    memo = analysis.memo.get("places")
    if memo is not None and memo[0] is lex:
        done: tuple[list[list[Place]], list[set[str]]] = memo[1]
        return done
    both = [_places_and_landmarks(s, lex) for s in analysis.sentences]
    found = [places for places, _landmarks in both]
    landmarks = [names for _places, names in both]
    if lex.shared_names and any(p.name in lex.shared_names for ps in found for p in ps):
        found = _shared_names_resolved(found, analysis, lex)
    analysis.memo["places"] = (lex, (found, landmarks))
    return found, landmarks


def _shared_names_resolved(
    found: list[list[Place]], analysis: Analysis, lex: Lexicon
) -> list[list[Place]]:
    """``found`` with each shared name ("Georgia") taken for the place of another
    country that bears it where the article's other places (its dateline town
    too) are in that country more than in the gazetteer's first one's
    ("Georgia" in a report datelined Tbilisi)."""
    support: Counter[str] = Counter(
        p.country for ps in found for p in ps if p.name not in lex.shared_names
    )
    datelined = datelined_place(analysis, lex)
    if datelined is not None:
        support[datelined.country] += 1
    chosen: dict[str, Place] = {}
    for name in {p.name for ps in found for p in ps if p.name in lex.shared_names}:
        first = lex.place_by_name[name]
        best = max(lex.shared_names[name], key=lambda p: support[p.country], default=first)
        chosen[name] = best if support[best.country] > support[first.country] else first
    out: list[list[Place]] = []
    for ps in found:
        resolved = [chosen.get(p.name, p) for p in ps]
        out.append([p for k, p in enumerate(resolved) if p not in resolved[:k]])
    return out


def datelined_place(analysis: Analysis, lex: Lexicon) -> Place | None:
    """The place the rules know that the article's dateline names ("DHAKA —"), unless
    its name is shared by places of several countries ("Georgia")."""
    town = dateline(analysis.article.text, analysis.article.body_start)
    datelined = lex.place_by_name.get(town.title()) if town else None
    if datelined is None or datelined.name in lex.shared_names:
        return None
    return datelined


def _locative_use(sentence: Sentence, start: int, end: int, lex: Lexicon) -> bool:
    """True when an adjectival name ("US") is used as a place: "in the US," not "US troops"."""
    before = sentence.text[:start].split()[-2:]
    words = [w.lower() for w in before if w.lower() != "the"]
    if not words or words[-1] not in lex.adjectival_locative:
        return False
    after = sentence.text[end:].split()
    return not after or not after[0][:1].isalpha() or after[0].lower() in lex.function_words


def _head(sentence: Sentence, after_index: int, lex: Lexicon) -> _Head:
    texts = sentence.words
    lowers = sentence.lowers
    at: list[int] = []  # the phrase's token indices
    lows: list[str] = []  # their lower-case texts
    for i in range(after_index, min(len(texts), after_index + _HEAD_LOOKAHEAD)):
        if not texts[i][0].isalnum():
            break
        low = lowers[i]
        if low in lex.head_skip_words and not at:
            continue
        if low in lex.head_verbs and not at:
            break  # "Four shot dead": the number's verb, no noun
        if low in lex.function_words and low not in lex.head_modifiers:
            break
        if low in lex.weekdays or low in lex.months:
            break  # "wounded 80 Monday": when, not what is counted
        at.append(i)
        lows.append(low)
    nationality_at: int | None = None
    for i in range(len(at)):
        for size in (3, 2, 1):
            if i + size > len(at):
                continue
            key = tuple(lows[i : i + size])
            if key in lex.victim_words or key in lex.noun_phrases:
                if i + size == len(at) and key in lex.member_nouns:
                    # "149 members of the police": the police.
                    members = _members_of(sentence, at[-1] + 1, lex)
                    if members is not None:
                        return members
                return _phrase(sentence, at, lows, i + size, " ".join(key), True)
            if size == 1 and key[0] in lex.known_nouns and not _victims_next(lows, i + 1, lex):
                # "two security guards": a noun before a word of people is theirs.
                return _phrase(sentence, at, lows, i + size, " ".join(key), True)
            if size == 1 and key[0] in lex.nationality_words and nationality_at is None:
                nationality_at = i
    # A nationality is the counted people when it is a plural noun ("two
    # Israelis") or ends the phrase; "two Israeli bases" counts bases.
    if nationality_at is not None and (
        nationality_at == len(at) - 1 or lows[nationality_at].endswith("s")
    ):
        return _phrase(sentence, at, lows, nationality_at + 1, lows[nationality_at], True)
    if len(at) == 1 and lows[0] in _metric_cues(lex.metrics).person_metric:
        # "Twelve arrested at the march": a metric's verb, not a noun.
        return _Head((), None, None, False)
    if at:
        # Unknown noun phrase ("seven AK-47 assault rifles"): its last word is the head.
        return _phrase(sentence, at, lows, len(at), lows[-1], False)
    return _Head((), None, None, False)


def _beings(lowers: Sequence[str], i: int, lex: Lexicon) -> bool:
    """True when a verb only beings undergo (rules/victims.yaml ``being_verbs``)
    starts at ``lowers[i]``, after at most two auxiliaries ("were", "had been";
    rules/context.yaml ``verb_function_words``)."""
    for low in lowers[i : i + 3]:
        if low in lex.being_verbs:
            return True
        if low not in lex.verb_function_words:
            return False
    return False


def _victims_next(lows: list[str], i: int, lex: Lexicon) -> bool:
    """True when a word (or two) of people starts at ``lows[i]`` ("guards", "police officers")."""
    return any(tuple(lows[i : i + size]) in lex.victim_words for size in (1, 2))


def _members_of(sentence: Sentence, i: int, lex: Lexicon) -> _Head | None:
    """The group "of (the) X" names from token ``i`` on, when X is a word of people
    ("members of the police and gendarmerie": the police); else None."""
    lowers = sentence.lowers
    if lowers[i : i + 1] != ("of",):
        return None
    i += 2 if lowers[i + 1 : i + 2] == ("the",) else 1
    for size in (3, 2, 1):
        key = lowers[i : i + size]
        if (
            len(key) == size
            and key in lex.victim_words
            and key not in lex.member_nouns
            # A group of people, not a unit of its own ("members of the family").
            and lex.victim_parent.get(lex.victim_words[key]) is not None
        ):
            last = i + size - 1
            end = sentence.start + sentence.word_starts[last] + len(sentence.words[last])
            return _Head(tuple(lowers[i : i + size]), end, " ".join(key), True)
    return None


def _phrase(
    sentence: Sentence, at: list[int], lows: list[str], size: int, head: str, known: bool
) -> _Head:
    """The head phrase of the first ``size`` of the tokens at ``at`` (lower-case texts ``lows``)."""
    last = at[size - 1]
    end = sentence.start + sentence.word_starts[last] + len(sentence.words[last])
    return _Head(tuple(lows[:size]), end, head, known)


def _distance(
    words: tuple[str, ...],
    lowers: tuple[str, ...],
    a: int,
    b: int,
    and_breaks: bool = False,
    asides: tuple[tuple[str, ...], ...] = (),
) -> int:
    """Tokens between ``a`` and ``b``, a clause break counting three.

    ``words`` and ``lowers`` are the sentence's token texts and their lower
    case. With ``and_breaks`` an "and" is a clause break too: a trigger
    before a number does not reach across "and" ("three were killed and 10
    injured"). An attribution between commas that one of ``asides`` opens
    (rules/context.yaml ``attribution_asides``: "The dead, according to
    police, included two children") stands aside: its words and its commas
    count nothing.
    """
    lo, hi = min(a, b), max(a, b)
    breaks = sum(map(_CLAUSE_BREAKS.__contains__, words[lo + 1 : hi]))
    if and_breaks:
        breaks += lowers[lo + 1 : hi].count("and")
    aside = _attribution_aside(lowers, lo + 1, hi, asides) if asides and breaks >= 2 else 0
    return hi - lo - aside + 2 * (breaks - (2 if aside else 0))


def _attribution_aside(
    lowers: tuple[str, ...], start: int, end: int, asides: tuple[tuple[str, ...], ...]
) -> int:
    """Tokens of a ", <aside> ... ," attribution within ``start``..``end`` (its
    commas too), else 0."""
    for i in range(start, end - 1):
        if lowers[i] != "," or not any(lowers[i + 1 : i + 1 + len(a)] == a for a in asides):
            continue
        for j in range(i + 2, end):
            if lowers[j] == ",":
                return j - i + 1
            if lowers[j] in _CLAUSE_BREAKS:
                return 0
    return 0


class _Phrases(NamedTuple):
    """Phrases indexed by their first word (only those can start at a given token)."""

    starting: dict[str, tuple[tuple[str, ...], ...]]
    longest: int  # tokens in the longest phrase (1 when there are none)


# By the identity of the phrase tuple (a metric's, held by the lexicon, which
# is made once per rulebook): hashing the tuple for a cache costs as much as
# the search it saves. The tuple is kept with its index so that its id is
# never reused for another.
_PHRASE_INDEX: dict[int, tuple[tuple[tuple[str, ...], ...], _Phrases]] = {}


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> _Phrases:
    """``phrases`` by their first word, and the length of the longest."""
    known = _PHRASE_INDEX.get(id(phrases))
    if known is not None and known[0] is phrases:
        return known[1]
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    index = _Phrases(
        {word: tuple(found) for word, found in out.items()},
        max((len(p) for p in phrases), default=1),
    )
    if len(_PHRASE_INDEX) >= 1024:
        _PHRASE_INDEX.clear()
    _PHRASE_INDEX[id(phrases)] = (phrases, index)
    return index


def _phrase_at(
    lowers: tuple[str, ...], i: int, starting: dict[str, tuple[tuple[str, ...], ...]]
) -> bool:
    """True when one of the phrases (indexed by ``_by_first_word``) starts at token ``i``
    (``lowers``: the tokens' lower-case texts)."""
    return any(lowers[i : i + len(p)] == p for p in starting.get(lowers[i], ()))


def _nearest(
    texts: tuple[str, ...],
    lowers: tuple[str, ...],
    first: int,
    last: int,
    words: frozenset[str],
    phrases: tuple[tuple[str, ...], ...],
    window: int,
    openers: frozenset[str] = frozenset(),
    asides: tuple[tuple[str, ...], ...] = (),
) -> tuple[int, int] | None:
    """(distance, token index) of the nearest of ``words``/``phrases`` around the number.

    ``texts`` are the sentence's token texts, ``lowers`` their lower case
    (as long as it). A word right before one of ``openers`` (which opens the
    number's clause) is not looked at; ``asides``: see ``_distance``.
    """
    best: tuple[int, int] | None = None
    starting, longest = _by_first_word(phrases)
    lo, hi = max(0, first - window - longest), min(len(texts), last + window + 1)
    around = lowers[lo:hi]
    if words.isdisjoint(around) and starting.keys().isdisjoint(around):
        return None  # no word or phrase start in reach: the usual case
    for i in range(lo, hi):
        if first <= i <= last:
            continue
        low = lowers[i]
        hit = low in words or (low in starting and _phrase_at(lowers, i, starting))
        if not hit or (i == first - 2 and lowers[i + 1] in openers):
            # "A receptionist died and two men ...": a trigger right before
            # "and" closes its own clause; the number opens the next one.
            continue
        d = _distance(
            texts, lowers, i, first if i < first else last, and_breaks=i < first, asides=asides
        )
        if d <= window and (best is None or d < best[0]):
            best = (d, i)
    return best


@dataclass(frozen=True)
class _Choice:
    """The metric chosen for a number, the trigger word it leans on (if any), and
    the group it counts when the choice names one ("two of the wounded died":
    the wounded)."""

    metric: MetricLexicon
    trigger: int | None
    group: str | None = None


# How far (in tokens) a counted group of people reaches forward to its verb.
_FAR_WINDOW = 20
# How far (in tokens) before a noun a word it qualifies may stand ("the death
# toll from last month's attacks in the south").
_PHRASE_REACH = 10


class _MetricCues(NamedTuple):
    """For each metric of a lexicon, the words its searches around a number start at.

    ``words[i]``: metric ``i``'s trigger words and the first words of its
    trigger phrases; ``nouns[i]``: its nouns and the first words of its noun
    phrases. ``back`` and ``ahead`` are the furthest any search of any metric
    reads, in tokens, before the number's first token and after its last.
    The rest are bit sets of metrics (bit ``i``: metric ``i``): ``by_kind``,
    the metrics of each mention kind, as index tuples in rule order;
    ``searched``, the metrics whose window search starts at a word (a
    "persons" metric's trigger cues, a "nouns" metric's noun cues);
    ``noun_bits`` and ``phrase_bits``, the metrics a head word or phrase is
    a noun of; ``any_bits``, the metrics that count anything.
    ``person_metric``: for each trigger word and noun (single words) of the
    metrics that count persons, the index of the first such metric it is one of.
    """

    words: tuple[frozenset[str], ...]
    nouns: tuple[frozenset[str], ...]
    back: int
    ahead: int
    by_kind: dict[str, tuple[int, ...]]
    searched: dict[str, int]
    noun_bits: dict[str, int]
    phrase_bits: dict[tuple[str, ...], int]
    any_bits: int
    person_metric: dict[str, int]


# By the identity of the lexicon's metrics tuple, kept with it so that its id
# is never reused for another (as ``_PHRASE_INDEX``).
_CUES: dict[int, tuple[tuple[MetricLexicon, ...], _MetricCues]] = {}


def _metric_cues(metrics: tuple[MetricLexicon, ...]) -> _MetricCues:
    """The cue words of ``metrics`` (a lexicon's), made once per lexicon."""
    known = _CUES.get(id(metrics))
    if known is not None and known[0] is metrics:
        return known[1]
    words = []
    nouns = []
    back = ahead = _FAR_WINDOW
    by_kind: dict[str, list[int]] = {}
    searched: dict[str, int] = {}
    noun_bits: dict[str, int] = {}
    phrase_bits: dict[tuple[str, ...], int] = {}
    any_bits = 0
    person_metric: dict[str, int] = {}
    for i, ml in enumerate(metrics):
        bit = 1 << i
        triggers = _by_first_word(ml.trigger_phrases)
        noun_phrases = _by_first_word(ml.noun_phrases)
        words.append(ml.triggers | triggers.starting.keys())
        nouns.append(ml.nouns | noun_phrases.starting.keys())
        window = ml.rule.window
        back = max(back, window + triggers.longest, window + noun_phrases.longest)
        ahead = max(ahead, window)
        for kind in dict.fromkeys(ml.rule.mention_kinds):
            by_kind.setdefault(kind, []).append(i)
        if ml.rule.counts == "any":
            any_bits |= bit
            continue
        if ml.rule.counts == "persons":
            for word in sorted(ml.triggers | ml.nouns):
                person_metric.setdefault(word, i)
        for word in words[-1] if ml.rule.counts == "persons" else nouns[-1]:
            searched[word] = searched.get(word, 0) | bit
        for noun in ml.nouns:
            noun_bits[noun] = noun_bits.get(noun, 0) | bit
        for phrase in ml.noun_phrases:
            phrase_bits[phrase] = phrase_bits.get(phrase, 0) | bit
    cues = _MetricCues(
        tuple(words),
        tuple(nouns),
        back,
        ahead,
        {kind: tuple(found) for kind, found in by_kind.items()},
        searched,
        noun_bits,
        phrase_bits,
        any_bits,
        person_metric,
    )
    if len(_CUES) >= 64:
        _CUES.clear()
    _CUES[id(metrics)] = (metrics, cues)
    return cues


# How many words after a count its ``exclude_after`` words may stand ("42 people rescued").
_EXCLUDE_AFTER_REACH = 3
# ... and before it its ``exclude_before`` words ("rescued 22 people").
_EXCLUDE_BEFORE_REACH = 1


def _metric_of_the_whole(
    ml: MetricLexicon, mention: Mention, sentence: Sentence, facts: list[Fact], lex: Lexicon
) -> MetricLexicon:
    """``ml``, or the metric of the figure just before in the sentence when a part marker
    stands right before the count ("21 people remained missing, among them four
    children, and two bodies ...": four of the missing, whatever follows)."""
    previous = next((f for f in reversed(facts) if f.metric != "date"), None)
    if (
        previous is None
        or previous.sentence_span != (sentence.start, sentence.end)
        or previous.metric == ml.rule.name
    ):
        return ml
    at = mention.span[0] - sentence.start
    before = sentence.text[max(0, at - _PART_MARKER_REACH) : at]
    if lex.part_re.search(before) is None:
        return ml
    for other in lex.metrics:
        if other.rule.name == previous.metric and other.rule.counts == ml.rule.counts:
            return other
    return ml


# How far before a count its part marker ("among them") may start.
_PART_MARKER_REACH = 24


# The most tokens a bracketed aside ("the District Reserve Guard (DRG)") holds.
_BRACKETED_REACH = 8


def _unbracketed(lowers: tuple[str, ...], start: int, end: int) -> list[str]:
    """``lowers[start:end]`` without short bracketed asides ("(DRG)"), which neither
    part a clause nor put its verb further off."""
    out: list[str] = []
    k, end = start, min(end, len(lowers))
    while k < end:
        if lowers[k] == "(":
            close = next(
                (j for j in range(k + 1, min(end, k + 2 + _BRACKETED_REACH)) if lowers[j] == ")"),
                None,
            )
            if close is not None:
                k = close + 1
                continue
        out.append(lowers[k])
        k += 1
    return out


def _excluded(
    ml: MetricLexicon,
    lowers: tuple[str, ...],
    first: int,
    last: int,
    auxiliaries: AbstractSet[str],
    aside_openers: AbstractSet[str] = frozenset(),
) -> bool:
    """True when a word of the metric's ``exclude`` stands within its window of the
    number, or further on in the number's clause (past an aside that one of
    ``aside_openers`` opens, and past a bracketed one): "Twenty-six hostages
    abducted from a bus near X were freed" counts the freed, not the abducted;
    or one of its ``exclude_after`` right after the count or its noun ("42 people rescued",
    past ``auxiliaries``: "87 passengers had been pulled alive"), or its
    ``exclude_before`` right before the count ("rescued 22 people")."""
    if ml.exclude_after:
        after = lowers[last + 1 : last + 1 + 3 * _EXCLUDE_AFTER_REACH]
        for word in [w for w in after if w not in auxiliaries][:_EXCLUDE_AFTER_REACH]:
            if word in ml.triggers:
                break  # "50 abducted worshippers escaped": the count's own trigger first
            if word in ml.exclude_after:
                return True
    if ml.exclude_before and not ml.exclude_before.isdisjoint(
        lowers[max(0, first - _EXCLUDE_BEFORE_REACH) : first]
    ):
        return True
    if not ml.exclude:
        return False
    window = ml.rule.window
    lo = max(0, first - window)
    # A semicolon or a colon parts the sentence: "abducted 37 farmers; most
    # were freed" still counts the 37 taken.
    for n in range(first - 1, lo - 1, -1):
        if lowers[n] in _SENTENCE_PARTS:
            lo = n + 1
            break
    if not ml.exclude.isdisjoint(lowers[lo : last + 1]):
        return True
    ahead = _unbracketed(lowers, last + 1, last + 2 * window + 1 + _BRACKETED_REACH)[: 2 * window]
    aside = False  # within an aside a part marker opens ("Three soldiers, including ...,")
    for n, word in enumerate(ahead):
        if word == "," and (aside or (n + 1 < len(ahead) and ahead[n + 1] in aside_openers)):
            aside = not aside
            continue
        if word in _SENTENCE_PARTS or (n >= window and not aside and word in _CLAUSE_BREAKS):
            return False
        if word in ml.exclude:
            return True
    return False


def _metric(
    mention: Mention, sentence: Sentence, first: int, last: int, head: _Head, lex: Lexicon
) -> _Choice | None:
    words = sentence.words
    lowers = sentence.lowers
    head_key = tuple(head.head.split()) if head.head is not None else ()
    person_head = head.head is not None and (
        head_key in lex.victim_words
        or head.head in lex.nationality_words
        or (
            not head.known
            and head.head not in lex.animal_nouns
            and (
                _beings(lowers, last + len(head.lowers) + 1, lex)
                # "Gunmen kidnapped two engineers": the verb before the count.
                or (first > 0 and lowers[first - 1] in lex.being_verbs)
            )
        )
    )
    cues = _metric_cues(lex.metrics)
    # Every word any metric's search may read: a metric that counts anything,
    # whose noun the count's head is, or one of whose cue words is among
    # them, is looked at; any other would find nothing.
    near = frozenset(lowers[max(0, first - cues.back) : last + cues.ahead + 1])
    wanted = cues.any_bits
    if head.head is not None:
        wanted |= cues.noun_bits.get(head.head, 0) | cues.phrase_bits.get(head_key, 0)
    for word in near.intersection(cues.searched):
        wanted |= cues.searched[word]
    best: tuple[float, int, _Choice] | None = None
    toll: tuple[str, ...] = ()  # words counting persons that a noun of things qualifies
    # The count's own verb right after its noun ("Eight refugees were killed"):
    # what happened to them, whatever metric their noun is of.
    head_last = last + len(head.lowers)
    verb_after: _Choice | None = None
    by_noun = False
    level = head.head is None and _after_level(mention, sentence, lex)
    for i in cues.by_kind.get(mention.kind, ()):
        if not wanted >> i & 1:
            continue
        ml = lex.metrics[i]
        rule = ml.rule
        trigger_at: int | None = None
        if rule.counts == "any":
            score = 0.0
        else:
            noun_hit = head.head is not None and (
                head.head in ml.nouns or head_key in ml.noun_phrases
            )
            if _excluded(ml, lowers, first, last, lex.verb_function_words, lex.aside_openers):
                continue
            if rule.counts == "persons":
                if head.head is not None and not noun_hit and not person_head:
                    continue
                if noun_hit:
                    score = 0.5  # the count's own noun: no trigger word is looked for
                elif level and (toll_at := _toll_before(words, lowers, first, ml, lex)) is not None:
                    # "The death toll from Tuesday's attack on the station rose to
                    # four after a wounded officer died": the toll the level
                    # reaches back to is what the number counts.
                    trigger_at = toll_at[1]
                    score = 0.01 * toll_at[0]
                else:
                    trigger = _nearest(
                        words,
                        lowers,
                        first,
                        last,
                        ml.triggers,
                        ml.trigger_phrases,
                        rule.window,
                        lex.clause_openers,
                        lex.attribution_asides,
                    )
                    if trigger is None and person_head and _may_be_subject(lowers, first, lex):
                        # "Over 90 villagers of X in Y district of Z were killed":
                        # a counted group of people reaches its verb further off,
                        # and only forward, across no clause break.
                        trigger = _forward(words, lowers, last, ml, _FAR_WINDOW, lex)
                    if (
                        trigger is None
                        and head.head is None
                        and _after_level(mention, sentence, lex)
                    ):
                        # "The death toll from Tuesday's sinking off the island
                        # stood at 40": the level reaches back to the toll word.
                        trigger = _backward(words, lowers, first, ml, _FAR_WINDOW)
                    if trigger is None:
                        continue
                    trigger_at = trigger[1]
                    # On a tie, a trigger after the number wins ("12 were
                    # wounded"): one before it often belongs to the clause before.
                    score = trigger[0] + (0.25 if trigger_at < first else 0.0)
                    if verb_after is None and head_last < trigger_at <= head_last + 2:
                        verb_after = _Choice(ml, trigger_at)
            else:
                if head.head is not None and not noun_hit:
                    continue
                if noun_hit:
                    score = 0.5
                else:
                    back = _nearest(
                        words[: last + 1],
                        lowers[: last + 1],
                        first,
                        last,
                        ml.nouns,
                        ml.noun_phrases,
                        rule.window,
                    )
                    if back is None:
                        continue
                    qualified = _qualified(words, lowers, back[1], cues.person_metric)
                    if qualified:
                        # "The death toll from the attacks rose to 40": a noun
                        # after a word that counts people qualifies that word,
                        # and the number counts what that word counts.
                        toll = toll or qualified
                        continue
                    score = float(back[0])
        if best is None or (score, -rule.priority) < best[:2]:
            best = (score, -rule.priority, _Choice(ml, trigger_at))
            by_noun = rule.counts == "persons" and trigger_at is None and score == 0.5
    if best is None and toll:
        return _counted_by(mention, toll, lex)
    if (
        by_noun
        and verb_after is not None
        and best is not None
        and verb_after.metric is not best[2].metric
    ):
        return verb_after
    if best is not None and best[2].trigger is not None:
        outcome = _outcome_after(words, lowers, best[2], last, lex)
        if outcome is not None:
            return outcome
    return best[2] if best else None


# How far past the number the participle of a reduced relative may stand ("three
# workers injured in ..."), and how far on its outcome verb ("... died overnight").
_PARTICIPLE_REACH = 3
_OUTCOME_REACH = 14


def _outcome_after(
    words: tuple[str, ...], lowers: tuple[str, ...], choice: _Choice, last: int, lex: Lexicon
) -> _Choice | None:
    """Another metric's choice when the chosen trigger is the participle of a phrase
    after the count and a verb of that metric's outcome ends the clause ("three
    workers injured in the fire died overnight": the dead; ``outcome_verbs``)."""
    at = choice.trigger
    # Past the count's noun: "two injured passengers died" are two of the injured.
    if at is None or not last + 1 < at <= last + _PARTICIPLE_REACH:
        return None
    for i in range(at + 1, min(len(lowers), at + 1 + _OUTCOME_REACH)):
        if words[i] in _CLAUSE_BREAKS or lowers[i] in lex.clause_openers:
            return None
        for other in lex.metrics:
            if other is not choice.metric and lowers[i] in other.outcome_verbs:
                return _Choice(other, i)
    return None


def _counted_by(mention: Mention, words: tuple[str, ...], lex: Lexicon) -> _Choice | None:
    """The one metric counting persons that ``words`` are triggers or nouns of; none
    when they are of two ("the death toll and injuries from the attacks have risen
    to 788 and 4,100").

    The number leans on no trigger token: the words stand too far off for
    the nearest number to them to take them from this one ("revised the
    death toll from last month's attacks from 1,400 to about 1,200").
    """
    cues = _metric_cues(lex.metrics)
    chosen = {cues.person_metric[word] for word in words}
    if len(chosen) != 1:
        return None
    (i,) = chosen
    return _Choice(lex.metrics[i], None) if i in cues.by_kind.get(mention.kind, ()) else None


def _qualified(
    words: tuple[str, ...], lowers: tuple[str, ...], noun: int, person_words: Mapping[str, int]
) -> tuple[str, ...]:
    """The words that count people standing before the ``noun`` token in its clause,
    within ``_PHRASE_REACH`` tokens: the noun qualifies them ("the death toll from
    the attacks")."""
    found = []
    for i in range(noun - 1, max(-1, noun - 1 - _PHRASE_REACH), -1):
        if words[i] in _CLAUSE_BREAKS:
            break
        if lowers[i] in person_words:
            found.append(lowers[i])
    return tuple(found)


def _may_be_subject(lowers: tuple[str, ...], first: int, lex: Lexicon) -> bool:
    """False when the word before the number is a content word: "shooting three
    people" makes them the object of a verb, not the subject of one further on."""
    if first == 0:
        return True
    before = lowers[first - 1]
    return (
        before in _CLAUSE_BREAKS
        or before in lex.function_words
        or before in lex.verb_function_words
        or not before[:1].isalpha()
    )


def _forward(
    words: tuple[str, ...],
    lowers: tuple[str, ...],
    last: int,
    ml: MetricLexicon,
    window: int,
    lex: Lexicon | None = None,
) -> tuple[int, int] | None:
    """The first trigger within ``window`` tokens after the number, before any clause
    break but an aside that a part marker or an apposition opener opens ("Four
    people, including a boy, were killed"; "Two children, aged 6 and 9, were
    among the dead")."""
    end = min(len(words), last + 1 + window)
    found = _first_trigger(words, lowers, ml, range(last + 1, end), last, _CLAUSE_BREAKS)
    if found is not None or lex is None:
        return found
    aside_openers = lex.aside_openers
    comma = next((k for k in range(last + 1, end) if words[k] in _CLAUSE_BREAKS), None)
    if comma is None or words[comma] != "," or comma + 1 >= end:
        return None
    number = lex.number_token_re.fullmatch
    if lowers[comma + 1] not in aside_openers and not opens_aside(lowers[comma + 1 : end], lex):
        return None
    # The aside may list ages ("three of them children aged 2, 7 and 11,"): a
    # comma before a number is within it.
    close = next(
        (
            k
            for k in range(comma + 2, end)
            if words[k] in _CLAUSE_BREAKS
            and not (words[k] == "," and k + 1 < end and number(words[k + 1]) is not None)
            and not (words[k] in "()" and _bracketed(words, k, end))
        ),
        None,
    )
    if close is None or words[close] != ",":
        return None
    return _first_trigger(words, lowers, ml, range(close + 1, end), last, _CLAUSE_BREAKS)


def _bracketed(words: tuple[str, ...], k: int, end: int) -> bool:
    """True when the bracket at ``k`` opens or closes a short bracketed aside."""
    if words[k] == "(":
        return ")" in words[k + 1 : min(end, k + 2 + _BRACKETED_REACH)]
    return "(" in words[max(0, k - 1 - _BRACKETED_REACH) : k]


def _after_level(mention: Mention, sentence: Sentence, lex: Lexicon) -> bool:
    """True when a level marker ("rose to", "stood at") stands right before the number,
    in a sentence that pairs no figures with things "respectively"."""
    at = mention.span[0] - sentence.start
    return (
        lex.level_re.search(sentence.text, max(0, at - 24), at) is not None
        and lex.respective_re.search(sentence.text) is None
    )


def _backward(
    words: tuple[str, ...], lowers: tuple[str, ...], first: int, ml: MetricLexicon, window: int
) -> tuple[int, int] | None:
    """The nearest trigger within ``window`` tokens before the number, in its clause."""
    behind = range(first - 1, max(-1, first - 1 - window), -1)
    return _first_trigger(words, lowers, ml, behind, first, _SENTENCE_PARTS)


def _toll_before(
    words: tuple[str, ...], lowers: tuple[str, ...], first: int, ml: MetricLexicon, lex: Lexicon
) -> tuple[int, int] | None:
    """``_backward``'s trigger within ``_FAR_WINDOW`` when it is a word of a toll
    ("the death toll ... rose to"; ``toll_words``), the subject of the level
    before the number."""
    found = _backward(words, lowers, first, ml, _FAR_WINDOW)
    if found is None or lowers[found[1]] not in lex.toll_words:
        return None
    return found


def _first_trigger(
    words: tuple[str, ...],
    lowers: tuple[str, ...],
    ml: MetricLexicon,
    tokens: range,
    number: int,
    stops: Collection[str],
) -> tuple[int, int] | None:
    """(distance from token ``number``, token index) of the first trigger of ``ml``
    among ``tokens`` (in their order), none past a token of ``stops``."""
    starting = _by_first_word(ml.trigger_phrases).starting
    seen = lowers[min(tokens, default=0) : max(tokens, default=-1) + 1]
    if ml.triggers.isdisjoint(seen) and starting.keys().isdisjoint(seen):
        return None
    for i in tokens:
        if words[i] in stops:
            return None
        low = lowers[i]
        if low in ml.triggers or (low in starting and _phrase_at(lowers, i, starting)):
            return (abs(i - number), i)
    return None


def _nearest_number(
    sentence: Sentence,
    trigger: int,
    numbers: list[tuple[int, int]],
    asides: tuple[tuple[str, ...], ...] = (),
) -> tuple[int, int] | None:
    """The (first, last) token range of the number nearest to the trigger token."""
    best: tuple[int, tuple[int, int]] | None = None
    for rng in numbers:
        first, last = rng
        anchor = first if trigger < first else last
        d = _distance(sentence.words, sentence.lowers, trigger, anchor, asides=asides)
        if best is None or d < best[0]:
            best = (d, rng)
    return best[1] if best else None


# How far (in tokens) after a partitive's group the verb that says what befell
# its part may stand ("two of the wounded later died").
_PARTITIVE_VERB_REACH = 3


def _respectively(
    sentence: Sentence, numbers: list[tuple[int, int]], lex: Lexicon
) -> dict[int, MetricLexicon]:
    """ "The death toll and injuries have risen to 788 and 4,100, respectively": the
    metric of each figure of the list, by the order of the words before it.

    The figures are the last run of numbers joined by ``breakdown_joiners``; the
    words are those of the metrics that count persons, before the run, each
    metric once in order of first mention. Nothing when the counts differ.
    """
    lowers, words, starts = sentence.lowers, sentence.words, sentence.word_starts
    run: list[tuple[int, int]] = []
    for rng in numbers:
        if run:
            end = starts[run[-1][1]] + len(words[run[-1][1]])
            if not lex.joiner_re.match(sentence.text[end : starts[rng[0]]]):
                run = []
        run.append(rng)
    if len(run) < 2:
        return {}
    person_metric = _metric_cues(lex.metrics).person_metric
    order = list(dict.fromkeys(person_metric[w] for w in lowers[: run[0][0]] if w in person_metric))
    if len(order) != len(run):
        return {}
    return {rng[0]: lex.metrics[i] for rng, i in zip(run, order, strict=True)}


def _partitive_verb(
    choice: _Choice | None, sentence: Sentence, last: int, lex: Lexicon
) -> _Choice | None:
    """The metric of the verb right after a partitive's group, when another
    metric's: "two of the wounded later died" counts two dead (among the
    wounded), not two wounded; so does "two injured passengers died"."""
    if choice is None or choice.trigger is None:
        return choice
    lowers = sentence.lowers
    group = choice.trigger
    # "N of the <group>": the trigger is the group word of a partitive; or
    # "N <group> <noun>": the trigger qualifies the counted noun ("two injured
    # passengers"; not "Four arrested over an ambush that killed eight").
    partitive = lowers[last + 1 : last + 2] == ("of",) and last + 2 <= group <= last + 3
    qualifier = (
        group == last + 1 and group + 1 < len(lowers) and (lowers[group + 1],) in lex.victim_words
    )
    if not (partitive or qualifier):
        return choice
    for ml in lex.metrics:
        if ml is choice.metric or ml.rule.counts != "persons":
            continue
        if not partitive and not ml.rule.running_toll:
            # "Five wounded soldiers were evacuated": only a toll's verb
            # ("died") makes the qualified count another toll's.
            continue
        verb = _forward(sentence.words, lowers, group, ml, _PARTITIVE_VERB_REACH)
        if verb is not None:
            return _Choice(ml, verb[1], group=choice.metric.rule.name)
    return choice


def _whole_takes_trigger(
    choice: _Choice, head: _Head, sentence: Sentence, first: int, numbers: list[tuple[int, int]]
) -> bool:
    """True when the trigger stands inside the number's own phrase, after another
    number of it: "Fifteen of the 50 abducted worshippers" (a part of a whole
    the trigger qualifies)."""
    if choice.trigger is None or head.end is None or choice.trigger <= first:
        return False
    if sentence.start + sentence.word_starts[choice.trigger] >= head.end:
        return False
    return any(first < rng[0] < choice.trigger for rng in numbers)


def _number_after(trigger: int, numbers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The (first, last) token range of the number right after the trigger token, if any."""
    return next((rng for rng in numbers if rng[0] == trigger + 1), None)


def _more_of(head: _Head, sentence: Sentence, facts: list[Fact], lex: Lexicon) -> str | None:
    """The group of the figure before in the sentence, for a count of more of it
    ("killing four soldiers and wounding nine others": soldiers); None when that
    figure counts everyone or none is there."""
    if not head.known or head.head not in lex.more_of_words:
        return None
    previous = _figure_before(facts, sentence)
    if previous is None:
        return None
    group = previous.victims
    return group if group and group != "people" else None


def _partitive_group(text: str, end: int, lex: Lexicon) -> str | None:
    """The group a partitive right after a count names ("Four of the dead were
    children", "Seven of the victims were Mexicans"), if the rules know it."""
    m = lex.partitive_re.match(text, end, min(len(text), end + 60))
    return _group_named(m.group("group"), lex) if m is not None and m.group("group") else None


def _group_named(named: str, lex: Lexicon) -> str | None:
    """The group of people the words after a partitive's "were" name ("children",
    "foreign migrants", "Mexicans"), if the rules know it."""
    words = named.lower().split()
    for key in (tuple(words), tuple(words[-1:]), tuple(words[:1])):
        group = lex.victim_words.get(key)
        if group is not None:
            return group
    return "people" if any(w in lex.nationality_words for w in words) else None


def _victims(head: _Head, lex: Lexicon) -> str | None:
    if not head.known or head.head is None:
        return None
    words = head.lowers
    nationality = next(
        (lex.nationality_words[w] for w in words if w in lex.nationality_words), None
    )
    group = lex.victim_words.get(tuple(head.head.split()))
    if group is None and head.head in lex.nationality_words:
        group = "people"
    if group is None:
        return None
    return f"{nationality} {group}" if nationality else group


def _dominant_country(places: list[list[Place]], datelined: Place | None = None) -> str | None:
    """The article's own country: the one its places (and its dateline's town) name
    clearly more than any other, or None."""
    counts = Counter(p.country for ps in places for p in ps)
    if datelined is not None:
        counts[datelined.country] += 1
    if not counts:
        return None
    (top, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # The article's own country is the one named clearly more than any other.
    if n >= 2 and (not rest or n >= 1.5 * rest[0][1]):
        return top
    return None


def _date_for(
    lex: Lexicon,
    mention: Mention,
    sentence: Sentence,
    dates: list[Mention],
    date_starts: list[int],
    cumulative: bool,
    published: dt.date | None,
) -> tuple[DateRange, Literal["text", "publication"] | None]:
    """The event date of a figure: a date in its sentence, else one from publication."""
    starts = date_starts
    lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    inside = [
        d
        for d in dates[lo:hi]
        if d.date is not None
        and d.date.known
        and not lex.period_start_re.search(sentence.text[: d.span[0] - sentence.start])
    ]
    if cumulative:
        inside = [d for d in inside if d.date and d.date.start == d.date.end]
    before = [d for d in inside if d.span[1] <= mention.span[0]]
    after = [d for d in inside if d.span[0] >= mention.span[1]]
    pick = before[-1] if before else after[0] if after else None
    if pick is not None and pick.date is not None:
        return pick.date, "text"
    if published is None:
        return DateRange(), None
    if cumulative:
        return DateRange(start=published, end=published), "publication"
    window = DateRange(start=published - dt.timedelta(days=_DEFAULT_WINDOW_DAYS), end=published)
    return window, "publication"


def _named_before(voice: str | None, fuller: dict[str, str]) -> str | None:
    """``voice``, or the fuller attribution an article gave before of the speaker it
    names again by name alone ("Hassan said" after "County Commissioner Abdi
    Hassan said"): the later figure is told by the same official. ``fuller``
    maps the last one and two words of the attributions read so far to the
    latest of them; ``voice`` is added to it."""
    if voice is None:
        return None
    words = voice.split()
    if len(words) <= 2 and all(w[:1].isupper() for w in words):
        voice = fuller.get(voice, voice)
        words = voice.split()
    for size in (1, 2):
        if len(words) > size:
            fuller[" ".join(words[-size:])] = voice
    return voice


def _attribution(sentence: Sentence, lex: Lexicon) -> str | None:
    return _attribution_in(sentence.text, lex.attribution_res)


def _attribution_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """Who ``text`` says tells its figures, by the first of ``patterns`` that matches."""
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            who = " ".join(m.group("who").split()).strip(" ,.;:“”\"'")
            if 2 < len(who) <= 80:
                return who
    return None


def normalise(analysis: Analysis, rulebook: Rulebook) -> list[Fact]:
    """Facts for the count, money and date mentions of one analysed article."""
    lex = lexicon(rulebook)
    article = analysis.article
    sentences = analysis.sentences
    if not sentences:
        return []
    sentence_places = places_by_sentence(analysis, lex)
    landmarks = landmarks_by_sentence(analysis, lex)
    dominant = _dominant_country(sentence_places, datelined_place(analysis, lex))
    dates = [m for m in analysis.mentions if m.kind in ("date", "year")]
    date_starts = [d.span[0] for d in dates]
    numbers: dict[int, list[tuple[int, int]]] = defaultdict(list)
    # Each count's sentence and (first, last) tokens, by its place in the
    # mentions: found here once, used again below.
    counts: dict[int, tuple[int, tuple[int, int]]] = {}
    for k, m in enumerate(analysis.mentions):
        if m.kind == "count":
            at = sentence_at(sentences, m.span[0])
            sent = sentences[at]
            a = sent.token_index(m.span[0])
            rng = (a, max(a, sent.token_index(m.span[1]) - 1))
            numbers[at].append(rng)
            counts[k] = (at, rng)
    facts: list[Fact] = []
    denied: tuple[int, MetricLexicon, int] | None = None
    # Where the last fact's stated words end: a number inside them is a part
    # of that figure's phrase ("two of the three victims"), not a figure.
    stated_end = -1
    # The numbers (sentence, first token) read as counts of things, not people.
    things: set[tuple[int, int]] = set()
    denied_numbers: set[tuple[int, int, int]] = set()
    said: dict[int, tuple[bool, str | None]] = {}
    # The attributions read so far, by their last one or two words.
    voices: dict[str, str] = {}
    # Per sentence, the metric of each bare figure it pairs "respectively".
    paired: dict[int, dict[int, MetricLexicon]] = {}
    for k, mention in enumerate(analysis.mentions):
        known = counts.get(k)
        si = known[0] if known is not None else sentence_at(sentences, mention.span[0])
        sentence = sentences[si]
        if mention.kind == "date":
            fact = _date_fact(mention, sentence, sentence_places[si])
            if fact is not None:
                facts.append(fact)
            continue
        if mention.interval is None or mention.likely is None or mention.span[0] < stated_end:
            continue
        if mention.kind == "age":
            continue  # "the 58-year-old": a person's age, never a count beside a figure
        changed = _changed_to(mention, article.text, sentence, lex)
        if changed is mention and known is not None:
            first, last = known[1]
        else:
            first = sentence.token_index(changed.span[0])
            last = max(first, sentence.token_index(changed.span[1]) - 1)
        if changed is not mention:
            # The figure now starts at its new value: so does its place
            # among the sentence's numbers.
            old = sentence.token_index(mention.span[0])
            numbers[si] = [(first, last) if rng[0] == old else rng for rng in numbers[si]]
            mention = changed
        head = _head(sentence, last + 1, lex)
        choice = _partitive_verb(
            _metric(mention, sentence, first, last, head, lex), sentence, last, lex
        )
        if choice is None and head.lowers == _OF_THEM and _figure_before(facts, sentence) is None:
            # "swept away five skiers, killing three of them": with no figure
            # before it to be a part of, a count of the people it speaks of.
            choice = _metric(mention, sentence, first, last, _Head((), None, None, False), lex)
            head = _Head(head.lowers, head.end, None, True)
        if head.head is None and lex.respective_re.search(sentence.text):
            if si not in paired:
                paired[si] = _respectively(sentence, numbers[si], lex)
            if first in paired[si]:
                choice = _Choice(paired[si][first], None)
        if lex.negation_re.search(
            article.text, max(sentence.start, mention.span[0] - 16), mention.span[0]
        ):
            # "there are not 200 or 500 dead": a figure denied, not claimed;
            # what it counted may be said next ("but rather ...").
            denied = (si, choice.metric, mention.span[1]) if choice else None
            denied_numbers.add((si, first, last))
            continue
        if (
            choice is None
            and denied is not None
            and denied[0] == si
            and head.head is None
            and any(c.isdigit() for c in mention.text)
            and lex.correction_re.search(article.text, denied[2], mention.span[0])
        ):
            choice = _Choice(denied[1], None)
        if (
            choice is not None
            and choice.trigger is None
            and head.head is None
            and first not in paired.get(si, {})
        ):
            # A bare number that leans only on a noun further back ("the
            # blasts killed 14 people ... and six in the east") is first of
            # all an item of the list it stands in.
            item = _list_item(mention, sentence, facts, head, article.text, lex)
            if item is not None:
                facts.append(item)
                continue
        if choice is None:
            if mention.kind == "percent":
                continue  # "68 dead, half of them in X": a share, never a count of its own
            sub = _subcount(mention, sentence, facts, article.text, lex)
            if sub is None:
                sub = _list_item(mention, sentence, facts, head, article.text, lex)
            if sub is None:
                sub = _elided(mention, sentence, facts, head, article.text, lex)
            if sub is None:
                sub = _of_the_victims(mention, sentence, facts, article.text, lex)
            if sub is None:
                sub = _among_those(mention, sentence, facts, head, article.text, lex)
            if sub is not None:
                facts.append(sub)
            continue
        if _whole_takes_trigger(choice, head, sentence, first, numbers[si]):
            # "Fifteen of the 50 abducted worshippers escaped": the trigger
            # qualifies the whole (50), read on its own next.
            continue
        # A bare number ("12", "36") gives way when another number stands
        # nearer to the trigger word it leans on: "Of the 23 pirates
        # arrested, 12 are Somali" counts 23 arrests, not 12. Any number
        # gives way to the one a trigger after it is followed by: "shooting
        # three people, killing one" counts one dead, not three.
        # A count right after a part marker is a part of the figure before it
        # ("killing seven people, including four police officers, and
        # wounding 28"): it gives way to no number of a trigger after it.
        ml = _metric_of_the_whole(choice.metric, mention, sentence, facts, lex)
        nearest = None
        if choice.trigger is not None and ml is choice.metric:
            if head.head is None:
                # Not a number already read as a count of things ("the toll
                # from the two explosions climbed to 18"): it takes no such trigger.
                people = [r for r in numbers[si] if (si, r[0]) not in things]
                nearest = _nearest_number(sentence, choice.trigger, people, lex.attribution_asides)
            elif choice.trigger > last:
                nearest = _number_after(choice.trigger, numbers[si])
        if (
            nearest is not None
            and nearest != (first, last)
            # A denied number leans on no trigger word: a figure in digits
            # said in its place may ("not 300 dead, but about 40").
            and not ((si, *nearest) in denied_numbers and any(c.isdigit() for c in mention.text))
        ):
            # Not the trigger's own number, it may still be an item of a list
            # after it ("killing 14 people in Kabul and six in Jalalabad"), or
            # what the figure before it rose to ("initially put at 8, was
            # raised to 11").
            item = (
                _subcount(mention, sentence, facts, article.text, lex)
                or _list_item(mention, sentence, facts, head, article.text, lex)
                or _elided(mention, sentence, facts, head, article.text, lex)
            )
            if item is not None and item.metric == choice.metric.rule.name:
                facts.append(item)
            continue
        places = sentence_places[si]
        if not places and si > 0 and sentences[si - 1].paragraph == sentence.paragraph:
            places = sentence_places[si - 1]
        countries = sorted({p.country for p in places})
        if places is sentence_places[si] and landmarks[si]:
            places = [p for p in places if p.name not in landmarks[si]]
        if not countries and dominant:
            countries = [dominant]
        if si not in said:
            # What the sentence says about all its figures, once per sentence.
            voice = _named_before(_attribution(sentence, lex), voices)
            said[si] = (bool(lex.cumulative_re.search(sentence.text)), voice)
        tally_words, attribution = said[si]
        cumulative = ml.rule.cumulative or tally_words
        end = head.end if head.known and head.end is not None else mention.span[1]
        stated_span = (mention.span[0], max(end, mention.span[1]))
        date, date_from = _date_for(
            lex, mention, sentence, dates, date_starts, cumulative, article.published
        )
        stated_end = stated_span[1]
        if ml.rule.counts == "nouns":
            things.add((si, first))
        facts.append(
            Fact(
                id=f"{article.id}@{mention.span[0]}",
                article=article.id,
                metric=ml.rule.name,
                stated=article.text[stated_span[0] : stated_span[1]],
                sentence=sentence.text,
                span=stated_span,
                sentence_span=(sentence.start, sentence.end),
                interval=mention.interval,
                likely=mention.likely,
                unit=mention.unit,
                victims=choice.group
                or _group_before(article.text, mention.span[0], lex)
                or _severity_group(article.text, stated_span[1], lex)
                or _severity_group(article.text, mention.span[1], lex)
                or _more_of(head, sentence, facts, lex)
                or _victims(head, lex)
                or _partitive_group(article.text, mention.span[1], lex),
                places=[p.name for p in places] + _named_division(stated_end, sentence, lex),
                antecedents=(
                    _antecedents(article.text, mention, sentence, lex)
                    if not places or anaphor_right_after(article.text, stated_end, lex)
                    else []
                ),
                countries=countries,
                date=date,
                date_from=date_from,
                cumulative=cumulative,
                attribution=attribution,
            )
        )
    return _with_purposes(_with_perpetrators(facts, article.text, lex, article.body_start), lex)


# How far after a count its ", including the gunman" may stand.
_PERPETRATORS_REACH = 120


def _with_perpetrators(
    facts: list[Fact], text: str, lex: Lexicon, body_start: int = 0
) -> list[Fact]:
    """Counts of people followed by the attackers they include ("Five people,
    including the gunman, were killed"; "at least 12 were killed, including the
    three attackers"), their low ends lowered by as many attackers: the
    victims alone may be fewer ("four killed" is the same toll). Only the count
    nearest before the phrase, in its sentence, includes them; a title's count
    of the same figure (before ``body_start``) includes them too ("Twelve dead
    in attack and shootout" over "Twelve people died ..., including three of
    the assailants")."""
    out = facts
    for n, fact in enumerate(facts):
        if fact.metric == "date" or fact.interval.low is None:
            continue
        stop = fact.span[1]
        end = min(fact.sentence_span[1], stop + _PERPETRATORS_REACH)
        m = lex.including_perpetrators_re.search(text, stop, end)
        if m is None or m.group("not") or lex.number_token_re.search(text, stop, m.start()):
            continue
        count = m.group("n")
        if count is None:
            k = 1
        elif count.isdigit():
            k = int(count)
        else:
            k = lex.number_words.get(count.lower(), 0)
        if not 0 < k <= fact.interval.low:
            continue
        low = fact.interval.low - k
        likely = fact.likely
        if likely is not None and likely.low is not None:
            likely = likely.model_copy(update={"low": min(likely.low, low)})
        if out is facts:
            out = list(facts)
        out[n] = fact.model_copy(
            update={
                "interval": fact.interval.model_copy(update={"low": low}),
                "likely": likely,
            }
        )
    if out is facts or body_start <= 0:
        return out
    lowered = {
        (f.metric, f.interval.high): f.interval
        for f, before in zip(out, facts, strict=True)
        if f is not before and f.span[0] >= body_start
    }
    for n, fact in enumerate(out):
        interval = lowered.get((fact.metric, fact.interval.high))
        if (
            fact.span[1] <= body_start
            and interval is not None
            and fact.interval.low == fact.interval.high
        ):
            out[n] = fact.model_copy(update={"interval": interval, "likely": interval})
    return out


# How far before and after a sum the words of what it is for may stand.
_PURPOSE_BEFORE, _PURPOSE_AFTER = 60, 40


def _with_purposes(facts: list[Fact], lex: Lexicon) -> list[Fact]:
    """Figures of a metric with purposes (rules/metrics: money's "value",
    "ransom") given the purpose its clause names nearest to it, with its unit,
    as their counted group ("value australian dollar"): a ransom is
    never set against a reward, nor Australian dollars against US dollars.
    A figure that names none has no group and is not compared."""
    out = facts
    spans: dict[tuple[str, tuple[int, int]], list[tuple[int, int]]] = defaultdict(list)
    for fact in facts:
        if fact.metric in lex.purposes:
            spans[(fact.metric, fact.sentence_span)].append(fact.span)
    for found_spans in spans.values():
        found_spans.sort()
    for n, fact in enumerate(facts):
        purposes = lex.purposes.get(fact.metric)
        if purposes is None:
            continue
        found = _purpose(fact, purposes, spans[(fact.metric, fact.sentence_span)])
        group = f"{found} {fact.unit}" if found and fact.unit else found
        if out is facts:
            out = list(facts)
        out[n] = fact.model_copy(update={"victims": group})
    return out


def _purpose(fact: Fact, purposes: re.Pattern[str], mates: list[tuple[int, int]]) -> str | None:
    """The purpose named nearest to the figure in its sentence, and nearer to it than
    to any other figure of its metric there (``mates``: their spans): in "€1.2m in
    cash and drugs worth about €3 million" the worth is the €3 million's."""
    offset = fact.sentence_span[0]
    best: tuple[int, str] | None = None
    start, end = fact.span[0] - offset, fact.span[1] - offset
    reach = (max(0, start - _PURPOSE_BEFORE), end + _PURPOSE_AFTER)
    # Only the figures near enough to be nearer a word in reach (``mates``
    # are in order): a sentence of many sums costs no more per sum.
    near = mates[
        bisect_left(mates, (offset + reach[0] - _PURPOSE_BEFORE,)) : bisect_right(
            mates, (offset + reach[1] + _PURPOSE_BEFORE,)
        )
    ]
    for m in purposes.finditer(fact.sentence, *reach):
        gaps = [_gap(m.span(), (a - offset, b - offset)) for a, b in near]
        gap = _gap(m.span(), (start, end))
        if gap < 0 or any(0 <= other < gap for other in gaps):
            continue
        if best is None or gap < best[0]:
            best = (gap, (m.lastgroup or "").replace("_", " "))
    return best[1] if best else None


def _gap(word: tuple[int, int], figure: tuple[int, int]) -> int:
    """Characters between a word and a figure; -1 when they overlap."""
    if word[0] < figure[1] and word[1] > figure[0]:
        return -1
    return figure[0] - word[1] if word[1] <= figure[0] else word[0] - figure[1]


# How far back a place told again by its kind ("the city") is looked for.
_ANTECEDENT_REACH = 1500
# A capitalised run (a candidate place name), with the word after it ("Cagayan province").
_NAME_RUN_RE = re.compile(CANDIDATE_RE.pattern + r"(?:\s+(?P<word>[a-z]+))?")


def _antecedents(text: str, mention: Mention, sentence: Sentence, lex: Lexicon) -> list[str]:
    """For a figure told of "the city" or "across the province" (``anaphor_re``), the
    capitalised names before it in ``text``, in order, with a division word after
    one kept ("Cagayan province"); none for any other figure."""
    start, end = mention.span[0] - sentence.start, mention.span[1] - sentence.start
    near = sentence.text[max(0, start - ANAPHOR_WINDOW) : end + ANAPHOR_WINDOW]
    if lex.anaphor_re.search(near) is None:
        return []
    names = []
    reach = max(0, mention.span[0] - _ANTECEDENT_REACH)
    for m in _NAME_RUN_RE.finditer(text, reach, mention.span[0]):
        word = m.group("word")
        name = m.group()[: m.start("word") - m.start()].rstrip() if word else m.group()
        before = _DIVISION_OF_RE.search(text, max(0, m.start() - _DIVISION_OF_REACH), m.start())
        if before is not None and before.group("word").lower() in lex.region_word_set:
            # "the district of Dhemaji": a division word before the name.
            names.append(f"{name} {before.group('word').lower()}")
        elif word is not None and word in lex.division_words:
            names.append(m.group())
        names.append(name)
    return names


# "district of " right before a name: a division named by its word first.
_DIVISION_OF_RE = re.compile(r"(?<![\w-])(?P<word>[a-z]+)\s+of\s+\Z")
_DIVISION_OF_REACH = 24


# How far before a count the phrase naming its group may stand ("the bodies of the").
_GROUP_BEFORE_REACH = 24


def _group_before(text: str, start: int, lex: Lexicon) -> str | None:
    """The group a phrase right before a count names ("the bodies of two abducted
    workers": bodies; rules/victims.yaml ``groups_before``), else None."""
    m = lex.group_before_re.search(text, max(0, start - _GROUP_BEFORE_REACH), start)
    return None if m is None else lex.groups_before[" ".join(m.group("phrase").lower().split())]


def _severity_group(text: str, end: int, lex: Lexicon) -> str | None:
    """ "seven were seriously injured": the group a severity word right after a count names.

    The words are the ``subcount_groups`` of rules/victims.yaml whose group
    is a degree of harm ("seriously", "critically"), as in "four of them
    seriously"; a count so qualified is that sub-group, never the toll. So is
    a count of those still cared for ("seven remained in hospital";
    ``care_phrases``, ``care_group``).
    """
    m = lex.severity_re.match(text, end, min(len(text), end + 40))
    if m is None:
        care = lex.care_re.match(text, end, min(len(text), end + 40))
        return None if care is None else lex.care_group
    return lex.subcount_groups.get(m.group("word").lower())


def _echo(before: Fact, mention: Mention, text: str, end: int, **changes: object) -> Fact:
    """A fact for ``mention`` that counts what ``before`` counts (its metric, places, date).

    Its stated text runs from the number to ``end``; ``changes`` set other fields.
    """
    stop = max(end, mention.span[1])
    return before.model_copy(
        update={
            "id": f"{before.article}@{mention.span[0]}",
            "stated": text[mention.span[0] : stop],
            "span": (mention.span[0], stop),
            "interval": mention.interval,
            "likely": mention.likely,
            **changes,
        }
    )


# How far back the toll a partitive is of may end ("... killing 14. Four of the
# victims were children": the sentence before, or the one before that).
_PARTITIVE_REACH = 400


def _of_the_victims(
    mention: Mention, sentence: Sentence, facts: list[Fact], text: str, lex: Lexicon
) -> Fact | None:
    """ "A bus plunged into a river, killing 14. Four of the victims were children":
    the four, a part of the figure just before (its metric), of the group named
    after "were" (rules/victims.yaml ``partitive_nouns``); told as a part by
    its "of the", never the toll. So too "Five of them were children" and
    "14, five of whom were women", of a group the rules know."""
    if mention.interval is None or mention.likely is None:
        return None
    m = lex.partitive_re.match(text, mention.span[1], min(len(text), mention.span[1] + 60))
    if m is None:
        return None
    named = m.group("group")
    group = lex.victim_words.get(tuple(named.lower().split())) if named else None
    if group is None and named:
        group = lex.victim_words.get((named.lower().split()[0],))
    if m.group("pronoun") and group is None:
        return None  # "five of them were": a part only of a group the rules know
    end = m.end("group") if group is not None else m.end("noun")
    return _part_of_the_toll_before(mention, sentence, facts, text, end, group or "people")


# "Among those taken were": the words right before a part told after its whole.
# "Among those taken were", "Among the victims are", and the list's later items
# ("... were 30 children and 21 women").
_AMONG_THOSE_RE = re.compile(
    r"\bamong\s+(?:those|the)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:were|was|are)\s+"
    r"(?:[\w-]+\s+[\w-]+(?:\s+[\w-]+)?(?:,\s+|\s+and\s+|,\s+and\s+))?\Z",
    re.IGNORECASE,
)


def _among_those(
    mention: Mention, sentence: Sentence, facts: list[Fact], head: _Head, text: str, lex: Lexicon
) -> Fact | None:
    """ "Gunmen abducted 40 villagers. Among those taken were 17 children": the 17, a
    part of the figure just before (its metric), of the group its noun names."""
    if mention.interval is None or mention.likely is None or not head.known:
        return None
    victims = _victims(head, lex)
    if (
        victims is None
        or _AMONG_THOSE_RE.search(text, max(0, mention.span[0] - 80), mention.span[0]) is None
    ):
        return None
    end = head.end if head.end is not None else mention.span[1]
    return _part_of_the_toll_before(mention, sentence, facts, text, end, victims)


def _part_of_the_toll_before(
    mention: Mention, sentence: Sentence, facts: list[Fact], text: str, end: int, victims: str
) -> Fact | None:
    """A fact for ``mention`` (its words to ``end``) counting ``victims`` of what the
    figure just before counts, when that figure ends within ``_PARTITIVE_REACH``
    before its sentence; None when there is none."""
    before = next((f for f in reversed(facts) if f.metric != "date"), None)
    if before is None or before.span[1] > mention.span[0]:
        return None
    if sentence.start - before.sentence_span[1] > _PARTITIVE_REACH:
        return None
    return _echo(
        before,
        mention,
        text,
        end,
        victims=victims,
        sentence=sentence.text,
        sentence_span=(sentence.start, sentence.end),
    )


_OF_THEM_RE = re.compile(r"\s+of\s+them,?", re.IGNORECASE)


def _subcount(
    mention: Mention, sentence: Sentence, facts: list[Fact], text: str, lex: Lexicon
) -> Fact | None:
    """ "eight people were wounded, four of them seriously": the four, as a sub-group.

    The figure takes the metric of the figure before it in its sentence and
    the counted group named by the words after "of them" (rules/victims.yaml
    ``subcount_groups``), so that "four of them seriously" meets "five of them
    seriously" from another outlet, never the eight; or, with a place after
    "of them in", that place ("17 of them in the city of X").
    """
    if mention.interval is None or mention.likely is None:
        return None
    whole = _figure_before(facts, sentence)
    if whole is None:
        return None
    reach = min(len(text), mention.span[1] + 40)
    m = lex.subcount_re.match(text, mention.span[1], reach)
    if m is not None:
        group = lex.subcount_groups[m.group("word").lower()]
        # "four of them in critical condition": the condition is a state the
        # figure is in (``claims.is_state``), read past the figure's words.
        end = m.start("condition") if m.group("condition") else m.end()
        return _echo(whole, mention, text, end, victims=group)
    # "twelve were hurt, and four of them remained in hospital": those still cared for.
    of_them = _OF_THEM_RE.match(text, mention.span[1], reach)
    care = of_them and lex.care_re.match(text, of_them.end(), reach)
    if care:
        return _echo(whole, mention, text, care.end(), victims=lex.care_group)
    # "killing 43 people in the region, 17 of them in the city of X": a part
    # of the figure before it, told of a place.
    m = lex.subcount_place_re.match(text, mention.span[1], reach)
    if m is None:
        return None
    at = m.end() - sentence.start
    for start, end, name in _place_names(sentence, lex):
        if start == at:
            place = lex.place_by_name[name]
            return _echo(
                whole,
                mention,
                text,
                sentence.start + end,
                places=[place.name],
                countries=[place.country],
            )
    # A town the gazetteer does not list (the story's towns are looked up
    # later, checker/claims.py): its capitalised words, in the whole's country.
    town = _TOWN_RE.match(sentence.text, at)
    if town is None or not town.group()[0].isupper():
        return None
    return _echo(whole, mention, text, sentence.start + town.end(), places=[town.group()])


# A place name the gazetteer may not know: up to four capitalised words.
_TOWN_RE = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_a-z][\w'’-]*){0,3}")

# How far (in characters) a listed item may stand from the figure before it:
# "24 are women, 40 men, 13 children" keeps a few head words between items.
_LIST_GAP = 40


def _list_item(
    mention: Mention,
    sentence: Sentence,
    facts: list[Fact],
    head: _Head,
    text: str,
    lex: Lexicon,
) -> Fact | None:
    """ "killed 13 children, four women and two men": an item of a list takes its metric.

    A count of a named group of people that no trigger word reaches, standing
    right after the figure before it in its sentence with only a few words
    and a list joiner (rules/context.yaml ``breakdown_joiners``) or a part
    marker (``part_markers``: "including") between them, counts the same
    thing as that figure, for its own group.
    """
    if mention.interval is None or mention.likely is None or not facts:
        return None
    if head.head is not None and not head.known:
        return None
    before = _figure_before(facts, sentence)
    if before is None:
        return None
    # A bare number in a list counts what the item before it counts ("14
    # people in Kabul and six in Jalalabad").
    victims = _victims(head, lex) if head.known else before.victims
    if victims is None and head.known:
        return None
    gap = text[before.span[1] : mention.span[0]]
    if before.span[1] > mention.span[0]:
        return None
    # Only a joiner, or up to three words closing the item before and a
    # joiner ("24 are women, 40 men", "14 in Kabul and six ..."), or a named
    # group the figure before includes ("at least 23 people, including nine
    # children", however far its trigger stands), or the place of the item
    # before when this one is told of a place too ("19 in Viña del Mar,
    # four in Quilpué", "84 were in Jajarkot district and 57 in Rukum West").
    part = lex.part_re.search(gap)
    ahead = text[mention.span[1] : mention.span[1] + _LIST_GAP]
    parallel = place_list_gap(gap, ahead, lex) or _places_listed(gap, ahead, head, lex)
    # "82 people across the country since Thursday, including 21 children": a
    # named group after the figure's place and time is a part of it.
    named_part = (
        part is not None
        and head.known
        and len(gap) <= _PART_GAP
        and _place_and_time(gap[: part.start()], lex)
    )
    if len(gap) > _LIST_GAP and not parallel and not named_part:
        return None
    if (
        not lex.joiner_re.match(gap)
        and not lex.joiner_tail_re.match(gap)
        and not named_part
        and not parallel
    ):
        return None
    end = head.end if head.end is not None else mention.span[1]
    after = text[end : min(len(text), end + 24)].split()
    if (
        after
        and after[0][:1].isalpha()
        and (
            after[0].lower() not in lex.function_words
            or after[0].lower() in lex.verb_function_words
        )
    ):
        # "two died, and 300 villagers returned home": the count has a verb
        # of its own, so it is no item of the list before it.
        return None
    place = _own_place(mention, sentence, lex)
    if place is not None and place.name not in before.places:
        # "31 of them in X and 16 in neighbouring Y": the item's own place.
        return _echo(
            before,
            mention,
            text,
            end,
            victims=victims,
            places=[place.name],
            countries=[place.country],
        )
    return _echo(before, mention, text, end, victims=victims)


# "..., four in X and three in Y": the next item of a breakdown by place.
_NEXT_ITEM_RE = re.compile(r"[^,;.]*?(?:\sand|,)\s+\S+\s+in\s+\S")


def _places_listed(gap: str, ahead: str, head: _Head, lex: Lexicon) -> bool:
    """True when a bare count after a comma or a colon is told of a place and
    another item told of a place follows it ("died in the cyclone that hit the
    west at the weekend, four in X and three in Y"; "killed 14, officials said:
    eight in X, four in Y"): a breakdown however long the clause of the figure
    before it."""
    return (
        head.head is None
        and gap.rstrip().endswith((",", ":"))
        and lex.item_place_re.match(ahead) is not None
        and _NEXT_ITEM_RE.match(ahead) is not None
        and lex.number_token_re.search(gap) is None
    )


# How far after a figure "including" and a named group may stand.
_PART_GAP = 120


def _place_and_time(words: str, lex: Lexicon) -> bool:
    """True when ``words`` (what stands between a figure and "including") tell no
    more than its place and time: no other number, no verb ("34 people on
    Tuesday, including 11 children", "82 people across the country since
    Thursday, including"; not "51 bodies since a boat capsized there, including")."""
    words = words.strip(" ,;:—–-(")
    if lex.number_token_re.search(words):
        # A day of the month is a time ("on March 3"); any other number is a figure.
        tokens = words.replace(",", " ").split()
        for n, word in enumerate(tokens):
            if lex.number_token_re.fullmatch(word) and not (
                n > 0 and tokens[n - 1].lower().strip(".") in lex.months
            ):
                return False
    verbs = [reads_as_verb(word.lower().strip(".,;:'’"), lex) for word in words.split()]
    # The figure's own verb may open them ("17 people have died in X since Tuesday").
    while verbs and verbs[0]:
        verbs.pop(0)
    return not any(verbs)


def _figure_before(facts: list[Fact], sentence: Sentence) -> Fact | None:
    """The figure before this one in its sentence (facts come in text order), past a
    day named between them ("killed 47 in Tuesday's quake, 31 of them in X")."""
    for fact in reversed(facts[-3:]):
        if fact.sentence_span != (sentence.start, sentence.end):
            return None
        if fact.metric != "date":
            return fact
    return None


def _named_division(end: int, sentence: Sentence, lex: Lexicon) -> list[str]:
    """A division the gazetteer does not list, named right after a figure: "killing 14
    people in Bastak county" gives "Bastak county" (a part of the story's area), and
    so does "38 people were killed in Ghoryan district"."""
    m = lex.division_lead_re.match(sentence.text, end - sentence.start)
    if m is None:
        return []
    named = lex.named_division_re.match(sentence.text, m.end())
    if named is None:
        return []
    # "Afghanistan's Herat province": the division is what follows the possessive.
    name = past_possessive(named.group("name"))
    if name in lex.place_by_name or f"{name} {named.group('word')}" in lex.place_by_name:
        return []
    return [f"{name} {named.group('word').lower()}"]


def _own_place(mention: Mention, sentence: Sentence, lex: Lexicon) -> Place | None:
    """The gazetteer place right after a number, after "in" ("16 in neighbouring Fars")."""
    m = lex.item_place_re.match(sentence.text, mention.span[1] - sentence.start)
    if m is None:
        return None
    for start, _end, name in _place_names(sentence, lex):
        if start == m.end():
            return lex.place_by_name[name]
    return None


# How far (in characters) "the 1,700" may stand from the count it echoes.
_ELIDED_GAP = 120


def _elided(
    mention: Mention,
    sentence: Sentence,
    facts: list[Fact],
    head: _Head,
    text: str,
    lex: Lexicon,
) -> Fact | None:
    """ "500 more troops ... bolstering the 1,700 already there": the noun left out.

    A number after "the", or after a word that makes it a part ("80 killed,
    including 25 in the city"; rules/context.yaml ``elision_words`` and
    ``part_markers``) or a level ("the toll, initially put at 8, was raised to
    11"; ``level_markers``), with no
    noun of its own, in the sentence of a figure just before it, counts what
    that figure counts.
    """
    if mention.interval is None or mention.likely is None or head.head is not None:
        return None
    lo = max(sentence.start, mention.span[0] - 24)
    if not lex.elided_re.search(text, lo, mention.span[0]) and not lex.level_re.search(
        text, lo, mention.span[0]
    ):
        return None
    counts = [f for f in facts[-3:] if f.metric != "date"]
    if not counts or counts[-1].sentence_span != (sentence.start, sentence.end):
        return None
    before = counts[-1]
    if not 0 <= mention.span[0] - before.span[1] <= _ELIDED_GAP:
        return None
    # "Police said 48 were wounded, while the health office put the number at
    # 63": the figure is the health office's, not the police's.
    clause = text[before.span[1] : mention.span[0]]
    if lex.level_re.search(clause):
        own = _attribution_in(clause, lex.level_attribution_res)
        if own is not None:
            return _echo(before, mention, text, mention.span[1], attribution=own)
    return _echo(before, mention, text, mention.span[1])


def _changed_to(mention: Mention, text: str, sentence: Sentence, lex: Lexicon) -> Mention:
    """ "soared from 31 to 281": the figure it changed to, not a range from 31 to 281.

    An opened range (rules/hedges.yaml ``range_openers``) right after a verb
    of change (``range_breakers``) is the change's two ends.
    """
    m = lex.opened_range_re.match(mention.text)
    if m is None or not lex.range_breaker_re.search(
        text, max(sentence.start, mention.span[0] - 24), mention.span[0]
    ):
        return mention
    try:
        value = float(m.group("to").replace(",", ""))
    except ValueError:
        return mention
    at = mention.span[0] + m.start("to")
    exact = Interval(low=value, high=value)
    return mention.model_copy(
        update={
            "text": m.group("to"),
            "span": (at, mention.span[1]),
            "value": value,
            "interval": exact,
            "likely": exact,
            "hedge": None,
        }
    )


def _date_fact(mention: Mention, sentence: Sentence, places: list[Place]) -> Fact | None:
    """A date fact for a date that names a day ("Oct. 18", "Wednesday, 12 October").

    A bare weekday ("on Tuesday") is a date fact too once the publication date
    resolves it to a day. Its countries are those of the places its sentence
    names (where the day was lived).
    """
    date = mention.date or DateRange()
    if not any(c.isdigit() for c in mention.text) and not (mention.weekday and date.start):
        return None
    if date.start != date.end:
        return None
    return Fact(
        id=f"{mention.article}@{mention.span[0]}",
        article=mention.article,
        metric="date",
        stated=mention.text,
        sentence=sentence.text,
        span=mention.span,
        sentence_span=(sentence.start, sentence.end),
        interval=Interval(),
        likely=Interval(),
        date=date,
        weekday=mention.weekday,
        countries=sorted({p.country for p in places}),
    )
