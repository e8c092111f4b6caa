"""The data that flows through the pipeline, as pydantic v2 models.

paths -> ingest -> Article -> extract -> Mention -> normalise -> Fact
      -> stories -> Story -> group -> Event -> compare -> Finding -> Report

Every model is plain data: stages are functions over these models, so each
stage can be tested alone or run in another process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

SCHEMA_VERSION = "2.0"

Number = int | float
MentionKind = Literal[
    "count", "money", "percent", "quantity", "date", "year", "time", "ordinal", "age", "other"
]
FindingKind = Literal["conflict", "tension", "update", "scope", "date"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
PublishedFrom = Literal["metadata", "dateline", "inferred"]
InputStatus = Literal["ok", "skipped"]
# The calendar unit a date names: "last week" is a week, "in 1990" a year.
Granularity = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade"]


# One set of the names of the fields given, for all models given the same
# ones. Pydantic keeps a set per model (``model_fields_set``): about a third of
# a fact's memory, and all of a large batch's facts are held at once. Sharing
# is safe because nothing changes such a set in place: the models are frozen,
# and a copy is given a set of its own before its fields are updated.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def _share_fields_set(model: BaseModel) -> None:
    own = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(own), own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        """Share this model's set of given field names with models that gave the same."""
        _share_fields_set(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied (not validated), its set of given fields shared.

        A shallow copy is made here: pydantic's copies each of a model's
        attributes with ``copy.copy``, a quarter of judging a large batch.
        The models have no extra fields and no private attributes.
        """
        if deep:
            copied = super().model_copy(update=update, deep=deep)
        else:
            cls = type(self)
            copied = cls.__new__(cls)
            fields = dict(self.__dict__)
            given: set[str] = self.__pydantic_fields_set__
            if update:
                fields.update(update)
                given = given | update.keys()
            object.__setattr__(copied, "__dict__", fields)
            object.__setattr__(copied, "__pydantic_extra__", None)
            object.__setattr__(copied, "__pydantic_fields_set__", given)
            object.__setattr__(copied, "__pydantic_private__", None)
        _share_fields_set(copied)
        return copied


class Interval(_Model):
    """A closed numeric interval; ``None`` means unbounded on that side."""

    low: Number | None = None
    high: Number | None = None

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        lo_a = float("-inf") if self.low is None else self.low
        hi_a = float("inf") if self.high is None else self.high
        lo_b = float("-inf") if other.low is None else other.low
        hi_b = float("inf") if other.high is None else other.high
        return lo_a <= hi_b and lo_b <= hi_a

    def contains(self, value: Number) -> bool:
        """True when ``value`` lies inside the interval."""
        return (self.low is None or self.low <= value) and (self.high is None or value <= self.high)

    def gap(self, other: Interval) -> Number:
        """Distance between two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        if self.high is not None and other.low is not None and self.high < other.low:
            return other.low - self.high
        assert other.high is not None and self.low is not None
        return self.low - other.high

    def label(self) -> str:
        """Human-readable form: ``16``, ``16+``, ``450-499``, ``<=30``."""
        if self.low is not None and self.low == self.high:
            return _fmt(self.low)
        if self.high is None:
            return f"{_fmt(self.low)}+" if self.low is not None else "any"
        if self.low is None or self.low == 0:
            return f"<={_fmt(self.high)}"
        return f"{_fmt(self.low)}-{_fmt(self.high)}"


def _fmt(value: Number | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


class DateRange(_Model):
    """An interval of calendar days; ``None`` on both sides means unknown."""

    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None

    @property
    def known(self) -> bool:
        """True when both ends are set."""
        return self.start is not None and self.end is not None

    def overlaps(self, other: DateRange) -> bool:
        """True when both ranges are known and share a day, or either is unknown."""
        if not (self.known and other.known):
            return True
        assert self.start and self.end and other.start and other.end
        return self.start <= other.end and other.start <= self.end


class InputRecord(_Model):
    """What became of one input path.

    ``skipped_items`` counts the lines or entries of an input read in part
    that gave no article, ``truncated`` its articles cut at the size limit;
    both are left out of the JSON when zero.
    """

    path: str
    status: InputStatus
    reason: str | None = None
    articles: int = 0
    skipped_items: int = 0
    truncated: int = 0

    @model_serializer(mode="wrap")
    def _drop_zero_counts(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        for name in ("skipped_items", "truncated"):
            if data.get(name) == 0:
                del data[name]
        return data

    @property
    def incomplete(self) -> bool:
        """True when the input, or any part of it, was not checked in full."""
        return self.status == "skipped" or self.skipped_items > 0 or self.truncated > 0


class Article(_Model):
    """One news article, cleaned of scraper boilerplate."""

    id: str
    source: str
    index: int
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    duplicate_of: str | None = None
    fingerprint: str = ""
    text: str = Field(default="", exclude=True)
    truncated: bool = Field(default=False, exclude=True)
    notes: list[str] = Field(default_factory=list)

    @property
    def body_start(self) -> int:
        """Where its body starts in ``text``: past the title that ingest set before
        it, with a blank line (``checker/ingest/readers.py``), else 0."""
        title = self.title
        return len(title) + 2 if title and self.text.startswith(title + "\n\n") else 0


class Mention(_Model):
    """A number or date found in an article, with its exact span."""

    type: Literal["mention"] = "mention"
    article: str
    kind: MentionKind
    text: str
    span: tuple[int, int]
    value: Number | None = None
    interval: Interval | None = None
    likely: Interval | None = None
    hedge: str | None = None
    unit: str | None = None
    date: DateRange | None = None
    weekday: str | None = None
    # What a number that is never a value is ("score", "phone", "name", "list",
    # "decade", ...), for readers of ``extract``; None for values and dates.
    label: str | None = None


class Fact(_Model):
    """A normalised claim: what a number counts, where, when and per whom."""

    type: Literal["fact"] = "fact"
    id: str
    article: str
    metric: str
    stated: str
    sentence: str
    span: tuple[int, int]
    sentence_span: tuple[int, int]
    interval: Interval
    likely: Interval
    unit: str | None = None
    victims: str | None = None
    places: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    date: DateRange = DateRange()
    date_from: Literal["text", "publication"] | None = None
    cumulative: bool = False
    attribution: str | None = None
    weekday: str | None = None
    # A figure told of "the city" or "the province" and of no place by name: the
    # capitalised names before it in its article, in order, for the story stage
    # to find the place of that kind among (see checker/claims.py). Not output.
    antecedents: list[str] = Field(default_factory=list, exclude=True)
    # Claim identity, filled in once the fact's story is known (see checker/claims.py).
    story: str | None = None
    asof: dt.date | None = None
    scope: str | None = None
    background: bool = False
    increment: bool = False
    part_of: str | None = None

    def context(self, before: int = 200, after: int = 200) -> str:
        """Its sentence around the figure: at most ``before`` characters before the
        figure and ``after`` after it, so a search per figure costs no more in a
        huge sentence."""
        start = self.span[0] - self.sentence_span[0]
        end = self.span[1] - self.sentence_span[0]
        return self.sentence[max(0, start - before) : max(start, end + after)]

    def preceding(self, width: int) -> str:
        """The last ``width`` characters of its sentence before the figure."""
        start = self.span[0] - self.sentence_span[0]
        return self.sentence[max(0, start - width) : max(0, start)]


class Story(_Model):
    """Articles about one real-world happening (one landslide, one attack, one crash)."""

    id: str
    label: str
    articles: list[str]
    start: dt.date | None = None
    end: dt.date | None = None
    places: list[str] = Field(default_factory=list)
    # Most of its reports tell of a happening at one spot (a crash, a fire, an
    # attack), not over an area (a flood, a quake): a town its figures are
    # told in is where it happened (see checker/claims.py). Not output.
    point: bool = Field(default=False, exclude=True)


class Event(_Model):
    """Claims of one identity (metric, counted group, place, incident) within one story."""

    id: str
    story: str | None = None
    metric: str
    key: str
    facts: list[str]
    sources: list[str]
    corroborated: bool = False


class Finding(_Model):
    """A discrepancy (or a scope difference) between facts."""

    id: str
    rule: str
    kind: FindingKind
    severity: Severity
    metric: str
    event: str | None
    summary: str
    facts: list[str]
    story: str | None = None
    sides: list[list[str]] = Field(default_factory=list)
    new: bool = True


class Report(_Model):
    """Everything one run of ``factcheck check`` found; dumped as the JSON output."""

    schema_version: str = SCHEMA_VERSION
    generator: str = "factcheck"
    inputs: list[InputRecord] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
