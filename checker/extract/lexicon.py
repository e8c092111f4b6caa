"""Regular expressions and word tables compiled once from a rulebook.

Everything the extractors match on comes from rules/; this module only turns
the rule data into fast lookups.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from checker.extract.scan import fold
from checker.extract.tense import regular_past
from checker.extract.text import BLANK, token_texts
from checker.kept_patterns import compile_kept, keep
from checker.models import MentionKind
from checker.rulebook import ContextRules, MetricRule, Place, PlaceRules, Rulebook, UnitReading


def phrase_pattern(
    phrases: list[str], *, flags: int = re.IGNORECASE, blank: str = r"\s+"
) -> re.Pattern[str]:
    """A regex matching any of ``phrases`` as whole words, longest first (a space
    in a phrase matches ``blank``).

    Phrases of ASCII (spaces their only white space) are compiled as a trie
    (``phrase_trie``): the same matches, two to three times faster to search.
    """
    if any(phrases) and all(map(_trie_safe, phrases)):
        return compile_kept(rf"(?<![\w-])(?:{phrase_trie(phrases, flags, blank)})(?![\w])", flags)
    return compile_kept(rf"(?<![\w-])(?:{alternation(phrases, blank)})(?![\w])", flags)


def _trie_safe(phrase: str) -> bool:
    return phrase.isascii() and all(c == " " or not c.isspace() for c in phrase)


def phrase_trie(phrases: list[str], flags: int = re.IGNORECASE, blank: str = r"\s+") -> str:
    """A regex matching what ``alternation(phrases)`` matches (phrases of ASCII), as a trie.

    The phrases share their openings: where an alternation tries each phrase
    at every character, this tries the one branch that character opens. The
    longest phrase that can match still wins, since a phrase's longer
    continuations are tried before it ends. Ignoring case (``flags``), the
    phrases are lower-cased first, so that two spellings share one branch.
    Each space matches ``blank`` (a run of white space); an empty phrase is left out.
    """
    trie: dict[str, dict[str, Any]] = {}
    for phrase in filter(None, phrases):
        node = trie
        for char in phrase.lower() if flags & re.IGNORECASE else phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict[str, Any]]) -> str:
        arms = [
            (blank if char == " " else re.escape(char)) + branch(node[char])
            for char in sorted(node)
            if char
        ]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


# A number's span stays on its line (``text.BLANK``): its scale, number
# words, units, hedges and ranges.
_INLINE = BLANK + "+"
_JOIN = rf"(?:{BLANK}|-)"  # white space within a line, or a hyphen


def alternation(phrases: list[str], blank: str = r"\s+") -> str:
    """A regex alternation of ``phrases`` (escaped, longest first, a space as ``blank``;
    never matches if empty)."""
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not ordered:
        return r"(?!x)x"
    return "|".join(re.escape(p).replace(r"\ ", blank) for p in ordered)


def _purposes_re(purposes: Mapping[str, list[str]]) -> re.Pattern[str]:
    """One pattern of a metric's purposes: a named group per purpose, its words as whole words."""
    arms = [
        f"(?P<{'_'.join(name.split())}>{alternation(words)})"
        for name, words in sorted(purposes.items())
    ]
    return compile_kept(rf"(?<![\w-])(?:{'|'.join(arms)})(?![\w-])", re.IGNORECASE)


def _several_re(context: ContextRules) -> re.Pattern[str]:
    """A count of several happenings ("in two road crashes", "in separate attacks")."""
    if not context.several_counts or not context.several_happenings:
        return compile_kept(r"(?!x)x")
    return compile_kept(
        rf"(?<![\w-])(?:{alternation(context.several_counts)})\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{alternation(context.several_happenings)})(?![\w-])",
        re.IGNORECASE,
    )


def phrase_ends(phrases: Iterable[str], *, ignore_case: bool) -> tuple[str, ...] | None:
    """What each of ``phrases`` ends with after its last space, folded (``scan.fold``)
    when case is ignored: see ``may_end_with``.

    None when that is empty or holds white space, or (case ignored) is not
    ASCII, where folding may not match as the regex engine does: then no
    text is ruled out.
    """
    ends = set()
    for phrase in phrases:
        last = phrase.rsplit(" ", 1)[-1]
        if not last or any(c.isspace() for c in last) or (ignore_case and not last.isascii()):
            return None
        ends.add(fold(last) if ignore_case else last)
    return tuple(sorted(ends))


def may_end_with(text: str, ends: tuple[str, ...] | None, *, ignore_case: bool) -> bool:
    """False when ``text``, without the white space it ends with, ends with none of
    ``ends`` (``phrase_ends`` of some phrases): then a pattern of those phrases
    followed by white space and the end of the text cannot match in it.

    A test on the end of the text, made before searching it with such a
    pattern, which tries every place in the text.
    """
    if ends is None:
        return True
    stripped = text.rstrip()
    return (fold(stripped) if ignore_case else stripped).endswith(ends)


# How far from a figure, in its sentence, "of the city" tells the figure's place.
ANAPHOR_WINDOW = 60


# How far before a place the words of where an official spoke may stand.
_SPOKEN_REACH = 40


def spoken_at(text: str, start: int, lex: Lexicon) -> bool:
    """True when the place at ``start`` of ``text`` is where an official spoke ("told a
    news conference in X that"; ``statement_places``), not where figures were counted."""
    return lex.statement_place_re.search(text, max(0, start - _SPOKEN_REACH), start) is not None


# How far before a place a bearing that makes it a landmark may stand.
_LANDMARK_REACH = 48


def landmark_at(text: str, start: int, lex: Lexicon) -> bool:
    """True when the place at ``start`` of ``text`` is a bearing's landmark ("north of
    the capital X"; ``landmark_bearings``), not where figures were counted."""
    return lex.landmark_re.search(text, max(0, start - _LANDMARK_REACH), start) is not None


def anaphor_right_after(text: str, end: int, lex: Lexicon) -> re.Match[str] | None:
    """The place told by its kind right after a figure ending at ``end``, a few words
    on at most ("41 people in the province, 15 of them in the city of X": the
    province is the 41's place; "four people were killed in the city")."""
    return lex.anaphor_after_re.match(text, end, end + ANAPHOR_WINDOW)


def reads_as_verb(word: str, lex: Lexicon) -> bool:
    """True when ``word`` (lower case) reads as a verb: one of ``clause_verbs``, or a
    word ending in "-ed"."""
    return word in lex.clause_verbs or regular_past(word)


def opens_aside(words: Sequence[str], lex: Lexicon) -> bool:
    """True when ``words`` (the lower-case tokens right after a comma that follows a
    count) open an aside about the people counted: an apposition opener ("aged",
    "a", "who"; rules/context.yaml ``apposition_openers``) or a count of a part
    of them ("six of them women", "three police officers and a woman")."""
    return bool(words) and (
        any(tuple(words[: len(a)]) == a for a in lex.apposition_openers)
        or lex.number_token_re.fullmatch(words[0]) is not None
    )


def vague_area(name: str, lex: Lexicon) -> bool:
    """True for a vague part of a country ("northern X", ``area_words``): no region of its
    own, and none that tells two stories apart."""
    return name.split(" ", 1)[0] in lex.area_words


def _landmark_of(places: PlaceRules) -> str:
    """The words from a bearing's "of" to its landmark's name: "of ", "of the capital, ",
    "of the port city of " (``landmark_nouns``)."""
    return (
        r"of\s+(?:the\s+(?:" + alternation(places.landmark_nouns) + r")(?:\s*,\s*|\s+of\s+|\s+))?"
    )


def _anaphor_re(places: PlaceRules) -> re.Pattern[str]:
    """The pattern of a place told again by its kind ("of the city", "in the state
    capital"), its kind's words in a group named after the kind; never a word
    of another noun ("the state government", "state-run"), nor a kind the
    place's name follows ("in the state capital, X": named)."""
    kinds = "|".join(
        f"(?P<{kind}>{alternation(words)})" for kind, words in sorted(places.anaphors.items())
    )
    return compile_kept(
        rf"(?<![\w-])(?:{alternation(places.anaphor_locatives)})\s+the\s+(?:{kinds})"
        rf"(?![\w-])(?!\s+(?:{alternation(places.anaphor_not_before)})(?![\w-]))"
        r"(?!\s*,\s*(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*\s*[,.;:)])",
        re.IGNORECASE,
    )


def _place_words(places: PlaceRules) -> str:
    """The rules' words for a division, a smaller place or a part of a town, as one
    regex alternation (what ``{place_words}`` stands for in ``ignore_patterns``)."""
    words = {*_divisions(places), *places.site_words}
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def _words_then(firsts: list[str], between: str, seconds: list[str], after: str) -> re.Pattern[str]:
    """A pattern, ignoring case, of one of ``firsts`` as a whole word, ``between``
    after a blank, one of ``seconds``, then ``after`` ("first such attack",
    "the driver and")."""
    return compile_kept(
        r"(?<![\w-])(?:"
        + alternation(firsts)
        + r")\s+"
        + between
        + r"(?:"
        + alternation(seconds)
        + r")"
        + after,
        re.IGNORECASE,
    )


def _institution(places: PlaceRules) -> str:
    """An institution's words after its town's name ("General Hospital")."""
    return (
        r"(?:(?:"
        + alternation(places.institution_modifiers)
        + r")\s+)*(?:"
        + alternation(places.institution_nouns)
        + r")(?![\w-])"
    )


def _apposed_place_re(rb: Rulebook) -> re.Pattern[str]:
    """A place told in apposition between commas, no clause of its own: ", X
    province,", a bearing to a landmark (", northeast of X,", ", on the eastern
    edge of X,"), a kind of place in one (", a village in X state,"), a town
    near it (", near X,"), a division of a region (", in the X department of
    the Y region,", ", in X state,") or its rank (", one of the busiest in X,")."""
    name = (
        r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|"
        + alternation(rb.places.name_particles)
        + r")){0,4}(?:\s+(?:"
        + alternation(_divisions(rb.places))
        + r"))?"
    )
    # ", northeast of X,", ", on the eastern edge of X,"
    bearing = (
        r"(?:(?:(?:on|at)\s+the\s+)?(?:"
        + alternation(rb.places.landmark_bearings)
        + r")\s+of\s+(?:the\s+[a-z]+\s+)?)"
    )
    kind = r"(?:an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:in|of|near)\s+)"
    nearby = r"(?:(?:" + alternation(rb.places.nearby_words) + r")\s+)"
    region = rf"(?:in\s+(?:the\s+)?{name}(?:\s+of\s+the\s+{name})?)"
    # ", one of the busiest in X,": a place's rank among others of its kind.
    rank = rf"(?:one\s+of\s+the\s+[a-z]+(?:\s+[a-z]+){{0,3}}?(?:\s+(?:in|of)\s+{name})?)"
    return compile_kept(rf",\s*(?:{region}|{rank}|(?:{bearing}|{kind}|{nearby})?{name})\s*,")


def _divisions(places: PlaceRules) -> list[str]:
    """The rules' words for a division or a smaller place ("province", "town")."""
    return [*places.region_words, *places.locality_words]


def _attribution_res(rb: Rulebook, level_verbs: list[str]) -> tuple[re.Pattern[str], ...]:
    """The attribution patterns, their ``{level}`` standing for ``level_verbs``."""
    level = "|" + alternation(level_verbs) if level_verbs else ""
    return tuple(compile_kept(p.replace("{level}", level)) for p in rb.context.attribution_patterns)


# How long the place of the item before a listed count may be, and in words.
_PLACE_LIST_GAP = 90
_PLACE_LIST_WORDS = 12
_PLACE_ITEM_TAIL_RE = re.compile(r"\s(?:in|at)\s[^,;:()]*(?:,|,?\s+and)\s*$")
_NAMED_TAIL_RE = re.compile(r"\s(?:in|at)\s[^,;:()]*?[A-Z][^,;:()]*(?:,|,?\s+and)\s*$")


def place_list_gap(gap: str, after: str, lex: Lexicon, *, named: bool = False) -> bool:
    """True when ``gap``, the words between two counts, tells the place of the first
    and ends in a list joiner, and ``after`` (what follows the second) tells its
    place too: "19 people in X, four in Y", "Three of the deaths were in X
    County, two in Y County", "84 were in X district and 57 in neighbouring Y".
    ``named``: the first's place is a name ("in X"), not "in the cyclone"."""
    return (
        len(gap) <= _PLACE_LIST_GAP
        and len(gap.split()) <= _PLACE_LIST_WORDS
        and (_NAMED_TAIL_RE if named else _PLACE_ITEM_TAIL_RE).search(gap) is not None
        and not lex.number_token_re.search(gap)
        and lex.item_place_re.match(after) is not None
    )


def _in_place_re(lead: str, rb: Rulebook, *, modifiers: bool) -> re.Pattern[str]:
    """``lead``, then "in" a place, up to where its name starts: a verb function word
    may stand before "in", and after it "the", a modifier ("neighbouring", with
    ``modifiers``) and a division word with "of" ("the city of")."""
    divisions = alternation(_divisions(rb.places))
    modifier = r"(?:(?:" + alternation(rb.places.place_modifiers) + r")\s+)?" if modifiers else ""
    return compile_kept(
        lead
        + r"\s+(?:(?:"
        + alternation(rb.context.verb_function_words)
        + r")\s+)?in\s+(?:the\s+)?"
        + modifier
        + r"(?:(?:"
        + divisions
        + r")\s+of\s+)?",
        re.IGNORECASE,
    )


def _run_lengths(runs: list[list[str]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the token ``runs`` that start with each first token, longest first."""
    lengths: dict[str, set[int]] = {}
    for run in runs:
        if run:
            lengths.setdefault(run[0], set()).add(len(run))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


@dataclass(frozen=True)
class MetricLexicon:
    """One metric rule with its phrases compiled."""

    rule: MetricRule
    triggers: frozenset[str]
    trigger_phrases: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    noun_phrases: tuple[tuple[str, ...], ...]
    exclude: frozenset[str]
    # Words right after the count (or its noun), or right before it, that tell
    # another outcome.
    exclude_after: frozenset[str] = frozenset()
    exclude_before: frozenset[str] = frozenset()
    # Verbs that end a reduced relative of another metric with this one's outcome.
    outcome_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class UnitCues:
    """A reading of quantulum3's units (``UnitReading``), its cue words compiled."""

    reading: UnitReading
    units: frozenset[str]
    cue_re: re.Pattern[str]
    # A word of ``reading.after_unit`` right after the unit word; None for none.
    after_unit_re: re.Pattern[str] | None = None


@dataclass(frozen=True)
class AuthorityAliases:
    """Other names of one authority (rules/findings.yaml ``authority_aliases``), compiled."""

    rules: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, aliases: dict[str, str]) -> AuthorityAliases:
        """The aliases, matched as whole words in lower-case attributions."""
        rules = {" ".join(k.lower().split()): v.lower() for k, v in aliases.items() if k.strip()}
        if not rules:
            return cls({}, None)
        return cls(rules, compile_kept(r"(?<![\w-])(?:" + alternation(list(rules)) + r")(?![\w-])"))

    def canonical(self, attribution: str) -> str:
        """``attribution`` (lower case) with each alias written as the name it stands for."""
        if self.pattern is None:
            return attribution
        return self.pattern.sub(lambda m: self.rules[" ".join(m.group().split())], attribution)


@dataclass(frozen=True)
class Lexicon:
    """The compiled form of a rulebook."""

    rulebook: Rulebook
    hedge_re: re.Pattern[str]
    hedge_ends: tuple[str, ...] | None  # ``phrase_ends`` of the hedges before a number
    hedge_kind: Mapping[str, str]
    trailing_hedge_re: re.Pattern[str]
    range_joiner_re: re.Pattern[str]
    range_opener_re: re.Pattern[str]
    range_openers: Mapping[str, str]
    opened_range_re: re.Pattern[str]
    duration_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    period_start_re: re.Pattern[str]
    unit_words_re: re.Pattern[str]
    # Each unit word's first word, lower case: a text (ASCII) that holds none
    # cannot match ``unit_words_re``; None when a unit word is not ASCII. A
    # word that holds another ("acres", "acre") is left out: the other is in
    # every text that holds it.
    unit_word_stems: tuple[str, ...] | None
    extra_units_re: re.Pattern[str]
    unit_after_re: re.Pattern[str]
    extra_units: dict[str, tuple[MentionKind, str]]
    unit_readings: tuple[UnitCues, ...]
    currency_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    vague: dict[str, tuple[float, float]]
    number_words: dict[str, int]
    scales: dict[str, float]
    special_re: re.Pattern[str]
    word_number_re: re.Pattern[str]
    ordinal_re: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    # Single words of a relative day or of a week ("yesterday", "week"): a day
    # of its own in a clause (rules/dates.yaml ``days`` and ``units``).
    day_words: frozenset[str]
    abbreviations: frozenset[str]
    name_prefix_re: re.Pattern[str]
    name_prefix_ends: tuple[str, ...] | None  # ``phrase_ends`` of the name prefixes
    age_res: tuple[re.Pattern[str], ...]
    other_res: tuple[re.Pattern[str], ...]
    relative_re: re.Pattern[str]
    function_words: frozenset[str]
    head_skip_words: frozenset[str]
    head_modifiers: frozenset[str]
    head_verbs: frozenset[str]
    noun_phrases: frozenset[tuple[str, ...]]
    metrics: tuple[MetricLexicon, ...]
    victim_words: dict[tuple[str, ...], str]
    victim_parent: dict[str, str | None]
    nationality_words: dict[str, str]
    known_nouns: frozenset[str]
    place_digit_re: re.Pattern[str]
    place_by_name: dict[str, Place]
    # A name shared by places of several countries: its other places (rules' shared_names).
    shared_names: dict[str, tuple[Place, ...]]
    # A pair word right before a place ("between "), or before a name and "and"
    # right before it ("between X and ").
    pair_before_re: re.Pattern[str]
    pair_second_re: re.Pattern[str]
    # Right before a place: where an official spoke (``statement_places``).
    statement_place_re: re.Pattern[str]
    # Right before a place: a bearing to it (``landmark_bearings``).
    landmark_re: re.Pattern[str]
    # Right after a town's name: an institution named after it ("General Hospital").
    institution_after_re: re.Pattern[str]
    # Between a place and a vague area that gives its address ("X state, northwest Y").
    address_re: re.Pattern[str]
    # A title and a given name, right before a place name that is a surname
    # ("governor Kemal X": ``person_titles``).
    surname_before_re: re.Pattern[str]
    # "of" and the first word of the name after it (group "name"): a landmark's
    # when one of ``landmark_bearings`` (lower case) stands right before it.
    landmark_name_re: re.Pattern[str]
    landmark_bearings: frozenset[str]
    place_first_words: frozenset[str]
    place_max_tokens: int
    place_token_runs: frozenset[tuple[str, ...]]  # each name's token texts
    place_run_lengths: dict[str, tuple[int, ...]]  # by first token: run lengths, longest first
    place_ignore_res: tuple[str, ...]
    adjectival: frozenset[str]
    adjectival_locative: frozenset[str]
    cumulative_re: re.Pattern[str]
    attribution_res: tuple[re.Pattern[str], ...]
    level_attribution_res: tuple[re.Pattern[str], ...]
    background_re: re.Pattern[str]
    # The same, to search lower-cased text with (twice as fast over every sentence).
    background_lower_re: re.Pattern[str]
    # A count of several happenings: a figure of all of them is background
    # (its sentence's day is still theirs, the story's among them).
    several_re: re.Pattern[str]
    rise_re: re.Pattern[str]
    # After a figure: it raised a toll (``raising_markers``), an addition to it.
    raising_re: re.Pattern[str]
    # The first words of ``toll_words`` (lower case).
    toll_words: frozenset[str]
    superseded_re: re.Pattern[str]
    revision_re: re.Pattern[str]
    combined_re: re.Pattern[str]
    increment_words: frozenset[str]
    besides_words: frozenset[str]
    incident_re: re.Pattern[str]
    state_re: re.Pattern[str]
    # A state marker right before a figure (``state_before_markers``).
    state_before_re: re.Pattern[str]
    subcount_re: re.Pattern[str]
    subcount_place_re: re.Pattern[str]
    # "four of the victims were children": after a count, the toll's people and the group.
    partitive_re: re.Pattern[str]
    severity_re: re.Pattern[str]
    authority_aliases: AuthorityAliases
    body_nouns: frozenset[str]
    # Titles of persons (rules/places.yaml ``person_titles``), lower case.
    person_titles: frozenset[str]
    # ", including the gunman" after a count (rules/victims.yaml perpetrator_groups,
    # perpetrators_included): how many it names (group "n", none for one) and who
    # (group "who"); group "not" when it leaves them out ("not including the
    # attackers"; perpetrators_excluded).
    including_perpetrators_re: re.Pattern[str]
    # "members" of "members of the police" (rules/victims.yaml member_nouns), as tokens.
    member_nouns: frozenset[tuple[str, ...]]
    # rules/victims.yaml being_verbs, lower-cased.
    being_verbs: frozenset[str]
    animal_nouns: frozenset[str]
    # One person and "and" right before a count ("the driver and two
    # passengers"; rules/victims.yaml one_person_nouns), searched in the words before it.
    one_person_and_re: re.Pattern[str]
    # "remained in hospital" right after a count (rules/victims.yaml care_phrases).
    care_re: re.Pattern[str]
    care_group: str
    settled_re: re.Pattern[str]
    part_re: re.Pattern[str]
    # The first words of the part markers: after a comma they open an aside
    # ("Four people, including a boy, were killed").
    aside_openers: frozenset[str]
    # The words that open an aside describing a counted group ("aged", "the
    # youngest"; rules/context.yaml apposition_openers), as tokens.
    apposition_openers: tuple[tuple[str, ...], ...]
    # The words that open an attribution between commas ("according to"), as tokens.
    attribution_asides: tuple[tuple[str, ...], ...]
    part_after_re: re.Pattern[str]
    # Matched right after a figure's number, and right after the figure: a part.
    part_after_number_re: re.Pattern[str]
    part_after_figure_re: re.Pattern[str]
    # rules/context.yaml whole_openers at a sentence's start, with its comma.
    whole_opener_re: re.Pattern[str]
    elided_re: re.Pattern[str]
    level_re: re.Pattern[str]
    respective_re: re.Pattern[str]
    verb_function_words: frozenset[str]
    clause_openers: frozenset[str]
    # Openers that join nouns too ("pupils and teachers"), and the verbs after
    # which they open a clause (``clause_verbs``).
    coordinators: frozenset[str]
    clause_verbs: frozenset[str]
    background_exception_re: re.Pattern[str]
    hearsay_re: re.Pattern[str]
    onset_re: re.Pattern[str]
    # A statement's verb right before a date ("said on Saturday": ``statement_verbs``).
    statement_day_re: re.Pattern[str]
    # A toll's new level right before a date ("rose to 21 on Tuesday": ``rise_markers``).
    level_day_re: re.Pattern[str]
    # "in a methane explosion at a coal mine in X on ": ``onset_nouns`` after
    # "in a", then one unbroken clause with no figure up to the end.
    onset_noun_re: re.Pattern[str]
    # "the blaze started in the early hours of" right before a date (``onset_noun_verbs``).
    noun_onset_re: re.Pattern[str]
    # Right after a day: a "when" clause with a verb of the happening ("were
    # killed on Friday when fighters ambushed their convoy").
    when_onset_re: re.Pattern[str]
    # A division named by its kind, in lower case ("in Chitwan district"): group "name".
    lead_division_re: re.Pattern[str]
    # Right after a date: words that put it after the incident (``after_the_incident``).
    after_incident_re: re.Pattern[str]
    one_site_re: re.Pattern[str]
    # A place told in apposition between commas (", Oaxaca,", ", Y province,").
    apposed_place_re: re.Pattern[str]
    # An authority of a town or a district (``local_authorities``).
    local_authority_re: re.Pattern[str]
    # An authority of a province or a state (``regional_authorities``).
    regional_authority_re: re.Pattern[str]
    site_verb_re: re.Pattern[str]
    # "before dawn", "after midnight" (``times_of_day``).
    time_of_day_re: re.Pattern[str]
    report_re: re.Pattern[str]
    correction_re: re.Pattern[str]
    subincident_re: re.Pattern[str]
    negation_re: re.Pattern[str]
    joiner_re: re.Pattern[str]
    joiner_tail_re: re.Pattern[str]
    joiner_any_re: re.Pattern[str]
    number_token_re: re.Pattern[str]
    town_locative_re: str
    # A name given as where something is: "off X", "the market of X", "in
    # the town of X" (group "name").
    locality_re: re.Pattern[str]
    subcount_groups: dict[str, str]
    more_of_words: frozenset[str]
    # A phrase right before a count that names its group (``groups_before``),
    # by the phrase in lower case.
    group_before_re: re.Pattern[str]
    groups_before: dict[str, str]
    item_place_re: re.Pattern[str]
    division_words: frozenset[str]
    # Of them, the words of a region ("district", "province"), lower-cased.
    region_word_set: frozenset[str]
    division_lead_re: re.Pattern[str]
    named_division_re: re.Pattern[str]
    digits_re: re.Pattern[str]
    currency_before_re: re.Pattern[str]
    currency_units: dict[str, str]
    fraction_re: re.Pattern[str]
    fraction_follower_re: re.Pattern[str]
    fraction_leader_re: re.Pattern[str]
    fraction_not_after_re: re.Pattern[str]
    range_breaker_re: re.Pattern[str]
    fraction_of_percent_re: re.Pattern[str]
    fractions: dict[str, float]
    rate_re: re.Pattern[str]
    not_value_res: tuple[tuple[str, re.Pattern[str]], ...]
    duration_prepositions: frozenset[str]
    # "charged over": a preposition of the matter after these verbs, not a hedge.
    matter_prepositions: frozenset[str]
    # Per metric with purposes (money): one pattern, a named group per purpose.
    purposes: dict[str, re.Pattern[str]]
    matter_verbs: frozenset[str]
    million_m_words: frozenset[str]
    negative_re: re.Pattern[str]
    scale_after_re: re.Pattern[str]
    stop_words: frozenset[str]
    sources: frozenset[str]
    # Word, or two adjacent words, of a lead -> the families of happening it
    # tells of (rules/happenings.yaml).
    happening_families: Mapping[str, frozenset[str]]
    area_words: frozenset[str]
    # "of the city", "across the province": group "city" or "region" says which.
    anaphor_re: re.Pattern[str]
    # The same, a few lower-case words after a figure ("were killed in the city").
    anaphor_after_re: re.Pattern[str]
    wide_re: re.Pattern[str]
    national_re: re.Pattern[str]
    # A place right after a figure: its noun's words, then a locative ("14 people
    # in "), matched from the figure's end; and a joiner after a place ("A and ").
    right_after_re: re.Pattern[str]
    joined_re: re.Pattern[str]
    # The metrics whose figures tell two happenings apart (``tells_apart``).
    tells_apart: frozenset[str]
    # The metrics whose figures in a lead tell happenings on days apart (``leads_apart``).
    leads_apart: frozenset[str]
    # The metrics of running tolls (the dead, the injured, the missing).
    running_tolls: frozenset[str]


def _shortest_stems(stems: set[str]) -> tuple[str, ...]:
    """``stems`` without those that hold another of them, sorted."""
    return tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


_CACHE: dict[int, tuple[Any, Lexicon]] = {}
T = TypeVar("T")


def per_object(cache: dict[int, tuple[Any, T]], key: Any, make: Callable[[], T]) -> T:
    """``make()``, worked out once per ``key`` object (rulebooks and lexicons are
    neither hashed nor compared whole): kept in ``cache`` by the object's id, with
    the object itself, so that a new object with a reused id is not taken for it."""
    hit = cache.get(id(key))
    if hit is not None and hit[0] is key:
        return hit[1]
    value = make()
    cache[id(key)] = (key, value)
    return value


def _happening_families(families: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """Each word of ``families`` (lower-cased) -> the families that name it."""
    out: defaultdict[str, set[str]] = defaultdict(set)
    for family, words in families.items():
        for word in words:
            out[" ".join(word.lower().split())].add(family)
    return {word: frozenset(names) for word, names in out.items()}


def lexicon(rulebook: Rulebook) -> Lexicon:
    """The compiled lexicon of ``rulebook`` (cached per rulebook object)."""
    return per_object(_CACHE, rulebook, lambda: kept(_compile(rulebook)))


def kept(made: T) -> T:
    """``made``, once the patterns compiled for it are kept for the next run (``kept_patterns``)."""
    keep()
    return made


def _right_after(phrases: list[str]) -> re.Pattern[str]:
    """One of ``phrases`` matched right where a match starts, after blanks ("of the")."""
    return compile_kept(r"\s+(?:" + alternation(phrases) + r")\s", re.IGNORECASE)


def _compile(rb: Rulebook) -> Lexicon:
    lang = rb.language
    anaphor = _anaphor_re(rb.places)
    # A noun of a happening after up to two words ("the deadly gas explosion"), and
    # the rest of its clause up to a date (no punctuation, no number).
    onset_noun = r"(?:[\w-]+\s+){0,2}?(?:" + alternation(rb.context.onset_nouns) + ")"
    # The rest of a clause: no break but the commas around a place's wider place
    # ("in X, Y state, on Wednesday").
    rest_of_clause = (
        r"(?P<between>(?:[^,;:()\[\]—–\d]|,\s+[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,2},(?=\s))*)"
    )
    hedge_kind = {" ".join(p.lower().split()): h.kind for h in rb.hedges.hedges for p in h.phrases}
    leading = [
        " ".join(p.lower().split()) for h in rb.hedges.hedges if not h.after for p in h.phrases
    ]
    trailing = [" ".join(p.lower().split()) for h in rb.hedges.hedges if h.after for p in h.phrases]
    vague = {
        " ".join(p.lower().split()): (v.low, v.high) for v in rb.hedges.vague for p in v.phrases
    }
    number_words = {**lang.units, **lang.tens}
    long_scales = [w for w in lang.scales if len(w) > 2]
    word_alt = "|".join(sorted([*number_words, *long_scales], key=lambda w: (-len(w), w)))
    # "and" joins number words only after a scale ("three hundred and twelve"):
    # "between ten and fifty" is two numbers.
    after_scale = "|".join(rf"(?<={w})" for w in sorted(long_scales))
    word_number_re = compile_kept(
        rf"(?<![\w-])(?:{word_alt})"
        rf"(?:(?:(?:{after_scale}){_INLINE}and{_INLINE}|{_JOIN}+)(?:{word_alt}))*(?![\w-])",
        re.IGNORECASE,
    )
    metrics = tuple(
        MetricLexicon(
            rule=m,
            triggers=frozenset(t.lower() for t in m.triggers if " " not in t),
            trigger_phrases=tuple(_words(t) for t in m.triggers if " " in t),
            nouns=frozenset(n.lower() for n in m.nouns if " " not in n),
            noun_phrases=tuple(_words(n) for n in m.nouns if " " in n),
            exclude=frozenset(e.lower() for e in m.exclude),
            exclude_after=frozenset(e.lower() for e in m.exclude_after),
            exclude_before=frozenset(e.lower() for e in m.exclude_before),
            outcome_verbs=frozenset(v.lower() for v in m.outcome_verbs),
        )
        for m in rb.metrics
    )
    victim_words: dict[tuple[str, ...], str] = {}
    for group in rb.victims.groups:
        for word in group.words:
            victim_words[_words(word)] = group.name
    nationality_words = {
        w.lower(): nat for nat, words in rb.victims.nationalities.items() for w in words
    }
    known_nouns = frozenset(
        {w for key in victim_words for w in key}
        | {n for m in metrics for n in m.nouns}
        | {w for m in metrics for p in m.noun_phrases for w in p}
    )
    place_by_name: dict[str, Place] = {}
    for place in rb.places.places:
        for name in (place.name, *place.aliases):
            place_by_name[name] = place
    digit_names = [n for n in place_by_name if any(c.isdigit() for c in n)]
    place_tokens = [token_texts(n) for n in place_by_name]
    table_units: dict[str, tuple[MentionKind, str]] = {
        **{" ".join(k.lower().split()): ("quantity", v) for k, v in lang.extra_units.items()},
        **{" ".join(k.lower().split()): ("money", v) for k, v in lang.currency_words.items()},
    }
    short_scales = [w for w in lang.scales if len(w) <= 2]
    numerators = [*lang.one_words, *number_words]
    small = alternation([*number_words, "a hundred", "hundred", "a thousand", "thousand"], _INLINE)
    return Lexicon(
        rulebook=rb,
        hedge_re=compile_kept(
            r"(?<![\w-])(?P<hedge>" + alternation(leading, _INLINE) + ")" + _INLINE + r"\Z",
            re.IGNORECASE,
        ),
        hedge_ends=phrase_ends(leading, ignore_case=True),
        hedge_kind=hedge_kind,
        trailing_hedge_re=compile_kept(
            rf"^(?:{_INLINE})?(?P<hedge>" + alternation(trailing, _INLINE) + r")(?![\w])",
            re.IGNORECASE,
        ),
        range_joiner_re=compile_kept(
            rf"^(?:{_INLINE})?(?:"
            + alternation(rb.hedges.range_joiners, _INLINE)
            + rf")(?:{_INLINE})?\Z",
            re.IGNORECASE,
        ),
        range_opener_re=compile_kept(
            r"(?<![\w])(?P<open>"
            + alternation(list(rb.hedges.range_openers), _INLINE)
            + rf"){_INLINE}\Z",
            re.IGNORECASE,
        ),
        range_openers={k.lower(): v.lower() for k, v in rb.hedges.range_openers.items()},
        opened_range_re=compile_kept(
            r"(?:"
            + "|".join(
                rf"{re.escape(o)}\s+[\d,.]+\s+{re.escape(c)}"
                for o, c in sorted(rb.hedges.range_openers.items())
            )
            + r")\s+(?P<to>\d[\d,]*(?:\.\d+)?)$",
            re.IGNORECASE,
        ),
        duration_re=compile_kept(
            r"^[\s-]+(?:more\s+)?(?P<unit>" + alternation(lang.duration_units) + r")(?![\w])",
            re.IGNORECASE,
        ),
        percent_re=compile_kept(
            r"^\s?(?:" + alternation(lang.percent_words) + r")(?![\w])", re.IGNORECASE
        ),
        period_start_re=compile_kept(
            r"(?<![\w])(?:" + alternation(rb.context.period_start) + r")\s+$", re.IGNORECASE
        ),
        # A unit word counts as a cue only a word or two after a number, so
        # that "a bachelor's degree" or "on foot" sends no sentence to quantulum3;
        # and only as a whole word ("massacre" holds no acre).
        unit_words_re=compile_kept(
            rf"(?:\d|(?<![\w-])(?:{word_alt}))(?:[\s-]+[A-Za-z]+){{0,2}}?[\s-]*"
            rf"(?<![A-Za-z])(?P<unit>{alternation(lang.unit_words)})(?![\w])",
            re.IGNORECASE,
        ),
        unit_word_stems=(
            _shortest_stems({w.split()[0].lower() for w in lang.unit_words if w.split()})
            if all(w.isascii() for w in lang.unit_words)
            else None
        ),
        unit_after_re=compile_kept(
            rf"{_JOIN}*(?P<unit>{alternation(lang.unit_words, _INLINE)})(?![\w])", re.IGNORECASE
        ),
        extra_units_re=compile_kept(
            rf"{_JOIN}*(?P<unit>" + alternation(list(table_units), _JOIN + "+") + r")(?![\w/])",
            re.IGNORECASE,
        ),
        extra_units=table_units,
        unit_readings=tuple(
            UnitCues(
                reading=r,
                units=frozenset(r.units),
                cue_re=phrase_pattern(r.cues),
                after_unit_re=compile_kept(
                    _INLINE + "(?:" + alternation(r.after_unit) + r")(?![\w])", re.IGNORECASE
                )
                if r.after_unit
                else None,
            )
            for r in lang.unit_readings
        ),
        currency_re=compile_kept(alternation(list(lang.currency_symbols))),
        vague_re=phrase_pattern(list(vague), blank=_INLINE),
        vague=vague,
        number_words=number_words,
        scales=dict(lang.scales),
        special_re=phrase_pattern(list(lang.special), blank=_INLINE),
        word_number_re=word_number_re,
        ordinal_re=phrase_pattern(lang.ordinals),
        months={k.lower(): v for k, v in lang.months.items()},
        weekdays={k.lower(): v for k, v in lang.weekdays.items()},
        day_words=frozenset(
            w.lower()
            for w in [*rb.dates.days, *(u for u, unit in rb.dates.units.items() if unit == "week")]
            if " " not in w
        ),
        abbreviations=frozenset(lang.abbreviations),
        name_prefix_ends=phrase_ends(lang.name_prefixes, ignore_case=False),
        name_prefix_re=compile_kept(
            r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in lang.name_prefixes) + r")\s+$"
        ),
        age_res=tuple(compile_kept(p, re.IGNORECASE) for p in lang.age_patterns),
        other_res=tuple(compile_kept(p, re.IGNORECASE) for p in lang.other_patterns),
        relative_re=phrase_pattern(list(lang.relative_dates)),
        function_words=frozenset(w.lower() for w in lang.function_words),
        head_skip_words=frozenset(w.lower() for w in lang.head_skip_words),
        head_modifiers=frozenset(w.lower() for w in lang.head_modifiers),
        head_verbs=frozenset(w.lower() for w in lang.head_verbs),
        noun_phrases=frozenset(p for m in metrics for p in m.noun_phrases),
        metrics=metrics,
        victim_words=victim_words,
        victim_parent={g.name: g.parent for g in rb.victims.groups},
        nationality_words=nationality_words,
        known_nouns=known_nouns,
        place_digit_re=phrase_pattern(digit_names, flags=0),
        place_by_name=place_by_name,
        shared_names={
            name: tuple(place_by_name[other] for other in others if other in place_by_name)
            for name, others in rb.places.shared_names.items()
            if name in place_by_name
        },
        statement_place_re=compile_kept(
            r"(?<![\w-])(?:" + alternation(rb.places.statement_places) + r")\s+(?:in|at)\s+\Z"
        ),
        landmark_re=compile_kept(
            r"(?<![\w-])(?i:"
            + alternation(rb.places.landmark_bearings)
            + r")\s+"
            + _landmark_of(rb.places)
            + r"\Z"
        ),
        surname_before_re=compile_kept(
            r"(?<![\w.-])(?i:" + alternation(rb.places.person_titles) + r")"
            r"\s+[A-Z][\w’'-]+\s+\Z"
        ),
        address_re=compile_kept(
            r"(?:\s+(?i:" + alternation(rb.places.region_words) + r"))?,\s+(?:in\s+)?"
        ),
        landmark_name_re=compile_kept(
            r"(?<=\s)" + _landmark_of(rb.places) + r"(?P<name>[A-Z][\w’'-]*)"
        ),
        landmark_bearings=frozenset(w.lower() for w in rb.places.landmark_bearings),
        pair_before_re=compile_kept(
            r"(?<![\w-])(?i:" + alternation(rb.places.pair_words) + r")\s+$"
        ),
        pair_second_re=compile_kept(
            r"(?<![\w-])(?i:" + alternation(rb.places.pair_words) + r")\s+"
            r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+and\s+$"
        ),
        place_first_words=frozenset(t[0] for t in place_tokens if t),
        place_max_tokens=max((len(t) for t in place_tokens), default=1),
        place_token_runs=frozenset(tuple(t) for t in place_tokens),
        place_run_lengths=_run_lengths(place_tokens),
        place_ignore_res=tuple(
            p.replace("{place_words}", _place_words(rb.places)) for p in rb.places.ignore_patterns
        ),
        institution_after_re=compile_kept(r"\s+" + _institution(rb.places)),
        adjectival=frozenset(rb.places.adjectival),
        adjectival_locative=frozenset(w.lower() for w in rb.places.adjectival_locative),
        cumulative_re=phrase_pattern(rb.context.cumulative_markers),
        attribution_res=_attribution_res(rb, []),
        level_attribution_res=_attribution_res(rb, rb.context.level_attribution_verbs),
        background_re=phrase_pattern(rb.context.background_markers),
        background_lower_re=phrase_pattern(
            [m.lower() for m in rb.context.background_markers], flags=0
        ),
        several_re=_several_re(rb.context),
        rise_re=phrase_pattern(rb.context.rise_markers),
        raising_re=phrase_pattern(rb.context.raising_markers),
        toll_words=frozenset(w.split()[0].lower() for w in rb.context.toll_words if w.split()),
        superseded_re=phrase_pattern(rb.context.superseded_markers),
        revision_re=phrase_pattern(rb.context.revision_markers),
        combined_re=phrase_pattern(rb.context.combined_markers),
        increment_words=frozenset(w.lower() for w in rb.context.increment_markers),
        besides_words=frozenset(w.lower() for w in rb.context.besides_markers),
        incident_re=phrase_pattern(rb.context.incident_words),
        state_re=phrase_pattern(rb.context.state_markers),
        state_before_re=compile_kept(
            r"(?<![\w-])(?i:" + alternation(rb.context.state_before_markers) + r")\s+\Z"
        ),
        settled_re=phrase_pattern(rb.context.settled_markers),
        hearsay_re=phrase_pattern([*rb.context.hearsay_markers, *rb.context.projection_markers]),
        onset_re=phrase_pattern(rb.context.onset_words),
        after_incident_re=compile_kept(
            r"[\s,]+(?:[\w-]+\s+){0,2}?(?:"
            + alternation(rb.context.after_the_incident)
            + r")(?![\w])",
            re.IGNORECASE,
        ),
        when_onset_re=compile_kept(
            r"\s*(?:(?:"
            + alternation(rb.context.day_parts)
            + r")\s*)?,?\s*when\s+[^,;:()\[\]—–]{0,80}?"
            r"(?<![\w-])(?:" + alternation(rb.context.onset_words) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        noun_onset_re=compile_kept(
            r"(?<![\w-])the\s+"
            + onset_noun
            + r"\s+(?:"
            + alternation(rb.context.onset_noun_verbs)
            + r")(?![\w-])"
            + rest_of_clause
            + r"\Z",
            re.IGNORECASE,
        ),
        onset_noun_re=compile_kept(
            r"(?<![\w-])(?:(?:"
            + alternation(rb.context.onset_noun_openers)
            + r")\s+an?\s+"
            + onset_noun
            + r"(?![\w-])"
            + rest_of_clause
            + r"|the\s+"
            + onset_noun
            + r"\s+(?:(?:late|early)\s+)?on\s+)\Z",
            re.IGNORECASE,
        ),
        lead_division_re=compile_kept(
            r"(?<![\w-])(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:"
            + alternation(rb.places.anaphors.get("region", []))
            + r")(?![\w-])"
        ),
        level_day_re=compile_kept(
            r"(?<![\w-])(?:" + alternation(rb.context.rise_markers) + r")"
            r"\s+(?:[\w,.]+\s+){1,3}?(?:(?:late|early)\s+)?(?:on\s+)?\Z",
            re.IGNORECASE,
        ),
        statement_day_re=compile_kept(
            r"(?<![\w-])(?:"
            + alternation([*rb.context.statement_verbs, *rb.context.follow_up_acts])
            + r")"
            r"(?:\s+[a-z]+)?\s+(?:(?:late|early)\s+)?(?:on\s+)?\Z",
            re.IGNORECASE,
        ),
        one_site_re=phrase_pattern(rb.context.one_site_sources),
        local_authority_re=phrase_pattern(rb.context.local_authorities),
        regional_authority_re=phrase_pattern(rb.context.regional_authorities),
        apposed_place_re=_apposed_place_re(rb),
        site_verb_re=phrase_pattern(rb.context.site_verbs),
        time_of_day_re=phrase_pattern(
            [f"{w} {t}" for w in ("before", "after") for t in rb.context.times_of_day]
        ),
        report_re=phrase_pattern(rb.context.report_verbs),
        part_after_re=phrase_pattern(rb.context.part_after_markers),
        part_after_number_re=_right_after(rb.context.part_after_number),
        part_after_figure_re=_right_after(rb.context.part_after_figure),
        whole_opener_re=compile_kept(
            r"\s*(?:" + alternation(rb.context.whole_openers) + r"),?\s", re.IGNORECASE
        ),
        elided_re=compile_kept(
            r"(?<![\w-])(?:"
            + alternation([*rb.context.elision_words, *rb.context.part_markers])
            + r")\s+$",
            re.IGNORECASE,
        ),
        respective_re=phrase_pattern(rb.context.respective_markers),
        level_re=compile_kept(
            r"(?<![\w-])(?:" + alternation(rb.context.level_markers) + r")\s+$", re.IGNORECASE
        ),
        verb_function_words=frozenset(w.lower() for w in rb.context.verb_function_words),
        clause_openers=frozenset(w.lower() for w in rb.context.clause_openers),
        coordinators=frozenset(w.lower() for w in rb.context.coordinators),
        clause_verbs=frozenset(w.lower() for w in rb.context.clause_verbs),
        background_exception_re=phrase_pattern(rb.context.background_exceptions),
        correction_re=phrase_pattern(rb.context.correction_markers),
        subincident_re=_words_then(
            rb.context.subincident_ordinals,
            r"(?:[\w-]+\s+)?",
            rb.context.subincident_words,
            r"(?![\w])",
        ),
        part_re=compile_kept(
            r"(?<![\w-])(?:" + alternation(rb.context.part_markers) + r"),?\s+$", re.IGNORECASE
        ),
        aside_openers=frozenset(m.split()[0].lower() for m in rb.context.part_markers if m.strip()),
        apposition_openers=tuple(
            tuple(a.lower().split()) for a in rb.context.apposition_openers if a.strip()
        ),
        attribution_asides=tuple(
            tuple(a.lower().split()) for a in rb.context.attribution_asides if a.strip()
        ),
        subcount_re=compile_kept(
            r"\s+of\s+them,?(?P<condition>\s+in(?:\s+a)?(?=\s))?\s+(?:were\s+|are\s+|with\s+)?(?P<word>"
            + alternation(list(rb.victims.subcount_groups))
            + r")(?![\w])",
            re.IGNORECASE,
        ),
        # "17 of them in the city of X"
        subcount_place_re=_in_place_re(r"\s+of\s+them,?", rb, modifiers=False),
        partitive_re=compile_kept(
            r"\s+of\s+(?:the\s+(?P<noun>" + alternation(rb.victims.partitive_nouns) + r")(?![\w-])"
            r"|(?P<pronoun>them|whom)(?=\s))"
            r"(?:\s+(?:were|was|are)\s+(?:(?:all|also)\s+)?(?P<group>[a-z]+(?:\s+[a-z]+)?))?",
            re.IGNORECASE,
        ),
        # "16 in neighbouring X"
        item_place_re=_in_place_re("", rb, modifiers=True),
        division_lead_re=compile_kept(
            # "38 people were killed and 120 injured in X district"
            r"\s+(?:[a-z]+\s+){0,2}?(?:and\s+[\w,]+\s+[a-z]+\s+)?in\s+(?:the\s+)?(?:(?:"
            + alternation(rb.places.place_modifiers)
            + r")\s+)?"
        ),
        division_words=frozenset(w.lower() for w in _divisions(rb.places)),
        region_word_set=frozenset(w.lower() for w in rb.places.region_words),
        named_division_re=compile_kept(
            r"(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) (?P<word>(?i:"
            + alternation(_divisions(rb.places))
            + r"))(?![\w-])"
        ),
        subcount_groups={k.lower(): v for k, v in rb.victims.subcount_groups.items()},
        more_of_words=frozenset(w.lower() for w in rb.victims.more_of_words),
        group_before_re=compile_kept(
            r"(?<![\w-])(?P<phrase>"
            + alternation(list(rb.victims.groups_before))
            + r")\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        groups_before={" ".join(k.lower().split()): v for k, v in rb.victims.groups_before.items()},
        severity_re=compile_kept(
            r"\s+(?:(?:"
            + alternation(rb.victims.harm_verbs)
            + r")\s+)?(?:in\s+(?:a\s+)?)?(?P<word>"
            + alternation([w for w in rb.victims.harm_degrees if w in rb.victims.subcount_groups])
            + r")\s+(?:"
            + alternation(rb.victims.harm_words)
            + r")(?![\w])",
            re.IGNORECASE,
        ),
        authority_aliases=AuthorityAliases.of(rb.findings.authority_aliases),
        body_nouns=frozenset(rb.findings.body_nouns),
        person_titles=frozenset(t.lower() for t in rb.places.person_titles),
        member_nouns=frozenset(_words(w) for w in rb.victims.member_nouns),
        being_verbs=frozenset(w.lower() for w in rb.victims.being_verbs),
        animal_nouns=frozenset(w.lower() for w in rb.victims.animal_nouns),
        one_person_and_re=_words_then(
            rb.victims.one_person_determiners,
            r"(?:[\w’'-]+\s+){0,2}?",
            rb.victims.one_person_nouns,
            r"\s+and\s+$",
        ),
        including_perpetrators_re=compile_kept(
            r",?\s+(?:(?P<not>"
            + alternation(rb.victims.perpetrators_excluded)
            + r")|"
            + alternation(rb.victims.perpetrators_included)
            + r")\s+(?:the\s+|an?\s+|all\s+|both\s+)?(?:(?P<n>\d+|"
            + alternation(list(number_words))
            + r")\s+(?:of\s+the\s+)?)?(?:(?:"
            + alternation(rb.victims.perpetrator_qualifiers)
            + r")\s+)?(?P<who>"
            + alternation(
                [
                    w
                    for g in rb.victims.groups
                    if g.name in rb.victims.perpetrator_groups
                    for w in g.words
                ]
            )
            + r")(?![\w-])",
            re.IGNORECASE,
        ),
        care_re=compile_kept(
            r"\s+(?:(?:who|that)\s+)?(?:"
            + alternation(rb.victims.care_verbs)
            + r")\s+(?:"
            + alternation(rb.victims.care_phrases)
            + r")(?![\w])",
            re.IGNORECASE,
        ),
        care_group=rb.victims.care_group,
        number_token_re=compile_kept(
            # "Thirty-four" is one number, as "34" is.
            r"(?<![\w-])(?:\d[\d,.]*|(?:"
            + alternation(list(number_words))
            + r")(?:-(?:"
            + alternation(list(number_words))
            + r"))?)(?![\w-])",
            re.IGNORECASE,
        ),
        joiner_any_re=compile_kept(
            r"(?:"
            + alternation([j for j in rb.context.breakdown_joiners if not j[:1].isalpha()])
            + r"|(?<![\w-])(?:"
            + alternation([j for j in rb.context.breakdown_joiners if j[:1].isalpha()])
            + r")(?![\w]))",
            re.IGNORECASE,
        ),
        joiner_tail_re=compile_kept(
            r"^(?:\s*[^\W\d_][\w'’-]*){1,3}\s*(?:"
            + alternation(rb.context.breakdown_joiners)
            + r")\s*$",
            re.IGNORECASE,
        ),
        joiner_re=compile_kept(
            r"^\s*(?:" + alternation(rb.context.breakdown_joiners) + r")\s*$", re.IGNORECASE
        ),
        town_locative_re=alternation(rb.places.town_locatives),
        locality_re=compile_kept(
            r"(?<![\w-])(?i:" + alternation(rb.places.locality_locatives) + r")\s+"
            r"(?:the\s+(?:(?:"
            + alternation([*rb.places.locality_words, *rb.places.region_words])
            + r")\s+of\s+)?)?"
            r"(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})"
        ),
        digits_re=compile_kept(
            r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
            rf"(?:{_INLINE}(?P<long>{alternation(long_scales)})(?![\w-])"
            rf"|(?P<short>{alternation(short_scales)})(?![\w]))?",
            re.IGNORECASE,
        ),
        currency_before_re=compile_kept(
            r"(?<![A-Za-z])(?:" + alternation(list(lang.currency_symbols)) + r")\Z"
        ),
        currency_units=dict(lang.currency_symbols),
        fraction_re=compile_kept(
            rf"(?<![\w-])(?:(?P<num>{alternation(numerators, _INLINE)}){_JOIN}+)?"
            rf"(?P<den>{alternation(list(lang.fractions))})(?![\w-])",
            re.IGNORECASE,
        ),
        fraction_follower_re=compile_kept(
            _INLINE + "(?:" + alternation(lang.fraction_followers, _INLINE) + r")(?![\w])",
            re.IGNORECASE,
        ),
        fraction_leader_re=compile_kept(
            r"(?<![\w])(?:" + alternation(lang.fraction_leaders) + r")\s+$", re.IGNORECASE
        ),
        fraction_not_after_re=compile_kept(
            r"(?<![\w])(?:" + alternation(lang.fraction_not_after) + r")\s+$", re.IGNORECASE
        ),
        range_breaker_re=compile_kept(
            r"(?<![\w])(?:" + alternation(rb.hedges.range_breakers, _INLINE) + rf"){_INLINE}\Z",
            re.IGNORECASE,
        ),
        fraction_of_percent_re=compile_kept(
            _INLINE + "(?:" + alternation(lang.fraction_of_percent, _INLINE) + r")(?![\w])",
            re.IGNORECASE,
        ),
        fractions={k.lower(): v for k, v in lang.fractions.items()},
        rate_re=compile_kept(
            rf"(?<![\w-])(?P<a>{alternation(numerators, _INLINE)}|\d{{1,2}}){_INLINE}"
            rf"(?:{alternation(lang.rate_joiners, _INLINE)}){_INLINE}"
            rf"(?P<b>{small}|\d{{1,3}})(?![\w,.-])",
            re.IGNORECASE,
        ),
        not_value_res=tuple(
            (label, compile_kept(p)) for label, ps in lang.not_values.items() for p in ps
        ),
        scale_after_re=compile_kept(
            rf"{_INLINE}(?P<scale>{alternation(long_scales)})(?![\w-])", re.IGNORECASE
        ),
        negative_re=compile_kept(
            r"(?:^|(?<=[\s(]))(?:" + alternation(lang.negative_signs) + r")\Z", re.IGNORECASE
        ),
        million_m_words=frozenset(w.lower() for w in lang.million_m_words) | known_nouns,
        duration_prepositions=frozenset(w.lower() for w in rb.hedges.duration_prepositions),
        matter_prepositions=frozenset(w.lower() for w in rb.hedges.matter_prepositions),
        purposes={m.name: _purposes_re(m.purposes) for m in rb.metrics if m.purposes},
        matter_verbs=frozenset(w.lower() for w in rb.hedges.matter_verbs),
        negation_re=compile_kept(
            r"(?<![\w-])(?:" + alternation(rb.context.negation_markers) + r")\s+$",
            re.IGNORECASE,
        ),
        stop_words=frozenset(w.lower() for w in rb.stopwords.words),
        sources=frozenset(rb.stopwords.sources),
        happening_families=_happening_families(rb.happenings.families),
        area_words=frozenset(rb.places.area_words),
        anaphor_re=anaphor,
        anaphor_after_re=compile_kept(
            r"\s*(?:[a-z]+\s+){0,3}?(?:" + anaphor.pattern + ")", re.IGNORECASE
        ),
        wide_re=phrase_pattern(rb.places.wide_locatives),
        national_re=phrase_pattern(rb.places.national_locatives),
        right_after_re=compile_kept(
            r"\s*(?:[a-z]+\s+){0,3}?(?:"
            + alternation([*rb.places.anaphor_locatives, *rb.places.town_locatives])
            + r")\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        joined_re=compile_kept(
            r"\s*(?:" + alternation(rb.context.breakdown_joiners) + r")\s*(?:the\s+)?",
            re.IGNORECASE,
        ),
        tells_apart=frozenset(m.name for m in rb.metrics if m.tells_apart),
        leads_apart=frozenset(m.name for m in rb.metrics if m.leads_apart),
        running_tolls=frozenset(m.name for m in rb.metrics if m.running_toll),
    )
