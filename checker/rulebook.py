"""Load and validate the knowledge in rules/ (YAML, checked by pydantic).

The rule files are data: trigger words, hedges, victims, places, boilerplate,
tolerances. Python code only knows the *shape* of that data. A bad file is a
``RuleError`` that names the file and the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.models import FindingKind, Severity
from checker.paths import rules_dir


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
    window: int = 8
    cumulative: bool = False
    # A running toll (the dead, the injured) grows as a story develops, so two
    # far-apart figures at an unknown time may be two moments of one toll.
    running_toll: bool = False
    compare: bool = True
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
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- language: number words, months, abbreviations -------------------------


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
    ago_words: list[str] = Field(default_factory=list)
    offset_words: list[str] = Field(default_factory=list)
    one_words: list[str] = Field(default_factory=list)
    dateline_noise: list[str] = Field(default_factory=list)
    unit_words: list[str] = Field(default_factory=list)
    relative_dates: dict[str, tuple[int, int]] = Field(default_factory=dict)
    function_words: list[str] = Field(default_factory=list)
    head_skip_words: list[str] = Field(default_factory=list)
    head_modifiers: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- victims ---------------------------------------------------------------


class VictimGroup(_Rule):
    """A counted group of people, with the words that name it."""

    name: str
    words: list[str]
    parent: str | None = None


class VictimRules(_Rule):
    """rules/victims.yaml."""

    groups: list[VictimGroup]
    nationalities: dict[str, list[str]] = Field(default_factory=dict)
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
    adjectival: list[str] = Field(default_factory=list)
    adjectival_locative: list[str] = Field(default_factory=list)
    ignore_patterns: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- context: tallies and attribution ---------------------------------------


class ContextRules(_Rule):
    """rules/context.yaml: cumulative-tally markers and attribution patterns."""

    cumulative_markers: list[str]
    attribution_patterns: list[str]
    period_start: list[str] = Field(default_factory=list)
    background_markers: list[str] = Field(default_factory=list)
    rise_markers: list[str] = Field(default_factory=list)
    superseded_markers: list[str] = Field(default_factory=list)
    revision_markers: list[str] = Field(default_factory=list)
    combined_markers: list[str] = Field(default_factory=list)
    increment_markers: list[str] = Field(default_factory=list)
    examples: list[dict[str, Any]] = Field(default_factory=list)


# --- boilerplate -----------------------------------------------------------


class BoilerplateRules(_Rule):
    """rules/boilerplate.yaml: scraper lines that are not article text."""

    lines: list[str]
    drop_previous_line_before: list[str] = Field(default_factory=list)
    stop_at: list[str] = Field(default_factory=list)
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
    scope_window: int = 600
    date_disagreement_days: int = 7
    same_count_gap: float = 0.12
    max_revision: float = 0.6
    tension_gap: float = 0.35


# --- the whole book ----------------------------------------------------------


class Rulebook(_Rule):
    """Every rule file, validated."""

    metrics: list[MetricRule]
    hedges: HedgeRules
    language: LanguageRules
    victims: VictimRules
    places: PlaceRules
    context: ContextRules
    boilerplate: BoilerplateRules
    findings: FindingRules

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
    "victims.yaml": VictimRules,
    "places.yaml": PlaceRules,
    "context.yaml": ContextRules,
    "boilerplate.yaml": BoilerplateRules,
    "findings.yaml": FindingRules,
}


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from exc


def _validate(model: type[_Rule], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<file>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise RuleError(f"{path}: invalid rule file: {problems}") from exc


def _rule_files(dirs: Iterable[Path]) -> dict[str, Path]:
    """Map each rule file's relative name to the last directory that provides it."""
    found: dict[str, Path] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise RuleError(f"{directory}: rules directory not found")
        for path in sorted(directory.rglob("*.yaml")):
            found[path.relative_to(directory).as_posix()] = path
    return found


def load_rulebook(extra_dirs: Iterable[Path] = ()) -> Rulebook:
    """Load the bundled rules, then files from ``extra_dirs`` adding or overriding them."""
    files = _rule_files([rules_dir(), *extra_dirs])
    parts: dict[str, Any] = {}
    for name, model in _SINGLE_FILES.items():
        if name not in files:
            raise RuleError(f"{name}: rule file missing")
        parts[name.removesuffix(".yaml")] = _validate(model, _read_yaml(files[name]), files[name])
    metrics = [
        _validate(MetricRule, _read_yaml(path), path)
        for name, path in sorted(files.items())
        if name.startswith("metrics/")
    ]
    codes = [rule.code for rule in metrics]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise RuleError(f"metrics/: duplicate rule codes {', '.join(duplicates)}")
    return Rulebook(metrics=sorted(metrics, key=lambda r: r.code), **parts)


@functools.lru_cache(maxsize=8)
def default_rulebook(extra: tuple[str, ...] = ()) -> Rulebook:
    """The rulebook for a run, cached per set of extra rule directories."""
    return load_rulebook(Path(p) for p in extra)
