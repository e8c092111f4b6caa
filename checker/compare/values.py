"""Values: the claims of one event (one identity in one story), side against side.

Each article speaks through its headline figure (``current_claims``), plus a
later figure that cites another authority. The claims are split into sides
that agree (checker/compare/sides.py), then every pair of sides is judged by
time (``timeline``) and by who says it (``_verdict``):

- lower earlier, or a rise the text tells of: an update (U001, info);
- lower later: revised down (C002), at ``revised_severity`` when a source
  says it revised; a dispute (C003) when another authority gives it; nothing
  when it is a small fraction of the earlier (a partial count), stated as of
  an earlier day, or followed soon by a figure as high as the earlier;
- at the same or an unknown time: a dispute (C003) when the sides cite two
  authorities, a conflict (C001) when the figures are close, an update when
  a running toll is far apart and still developing.

Inside a side, claims whose likely intervals part ("more than 6,000" against
"9,000") make a tension (T001). The thresholds are in rules/findings.yaml.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from checker.compare.sides import split
from checker.compare.summary import finding
from checker.extract.lexicon import Lexicon, lexicon
from checker.models import Article, Event, Fact, Finding, Interval, Severity
from checker.rulebook import MetricRule, Rulebook


def independent(a: Fact, b: Fact, articles: dict[str, Article]) -> bool:
    """True when two facts come from different articles that are not copies of each other."""
    art_a, art_b = articles[a.article], articles[b.article]
    if a.article == b.article:
        return False
    if art_a.duplicate_of == b.article or art_b.duplicate_of == a.article:
        return False
    return not (art_a.fingerprint and art_a.fingerprint == art_b.fingerprint)


def _authority(fact: Fact) -> str:
    return (fact.attribution or "").lower()


def current_claims(facts: Sequence[Fact], lex: Lexicon, *, increments: bool = False) -> list[Fact]:
    """The claims of one event that stand for what their articles say.

    An article's first figure for the claim is its headline; later figures
    speak for the article only when they cite another authority (one text
    carrying both sides of a dispute), or say its only figure again. A
    figure marked as earlier ("initially 8"), one below a rise the article
    tells of ("rose to 11"), and one that combines several counts ("400
    dead and wounded") never stand for it, nor one passed on from unnamed
    others ("some reports put the toll at 8").
    """
    wholes = {m.rule.part_of for m in lex.metrics if m.rule.part_of}
    per: dict[str, list[Fact]] = defaultdict(list)
    # The intervals of each article's increments so far: a set, not a scan of
    # the article's earlier facts (which made a long article's claims quadratic).
    earlier: dict[str, set[tuple[float | None, float | None]]] = defaultdict(set)
    for fact in sorted(facts, key=lambda f: (f.article, f.span)):
        interval = (fact.interval.low, fact.interval.high)
        parts = interval in earlier[fact.article]
        if fact.increment:
            earlier[fact.article].add(interval)
        if fact.increment and not increments:
            continue
        if parts and not increments:
            # "killing seven people" in one blast, then "the seven killed":
            # the same part said again is still a part.
            continue
        if (
            fact.metric not in wholes and lex.combined_re.search(fact.context())
        ) or lex.hearsay_re.search(fact.preceding(_HEARSAY_WINDOW)):
            continue
        per[fact.article].append(fact)
    out: list[Fact] = []
    for _article, members in sorted(per.items()):
        members.sort(key=lambda f: f.span)
        fresh = [f for f in members if not superseded(f, lex)] or members
        risen = [f for f in fresh if lex.rise_re.search(f.context())]
        if risen:
            top = max(_low(f.interval) for f in risen)
            rising = {f.id for f in risen}
            fresh = [f for f in fresh if _low(f.interval) >= top or f.id in rising]
        precise = [f for f in fresh if not is_vague(f)] or fresh
        headline = precise[0]
        kept = [headline]
        voices = {_authority(headline)}
        # An article that gives one figure for the claim, said again ("18
        # villagers" in its title, "Eighteen villagers" in its text): each
        # time it says it stands with the headline.
        repeated = all(f.interval == headline.interval for f in members)
        for fact in fresh:
            if fact is headline:
                continue
            if fact.attribution and _authority(fact) not in voices:
                kept.append(fact)
                voices.add(_authority(fact))
            elif repeated:
                kept.append(fact)
        out.extend(kept)
    return out


# How far before a figure "some reports put the toll at" may start.
_HEARSAY_WINDOW = 48


def is_vague(fact: Fact) -> bool:
    """True for figures that name no number ("hundreds", "dozens", "scores")."""
    return not any(c.isdigit() for c in fact.stated) and fact.interval.low != fact.interval.high


_SUPERSEDED_WINDOW = 80


def superseded(fact: Fact, lex: Lexicon) -> bool:
    """True when the words around the number mark it as an earlier figure."""
    return bool(lex.superseded_re.search(fact.preceding(_SUPERSEDED_WINDOW)))


def _low(iv: Interval) -> float:
    return float("-inf") if iv.low is None else float(iv.low)


def _days(side: Sequence[Fact]) -> list[dt.date] | None:
    """The known as-of days of a side (None when no claim of it has one)."""
    days = sorted(f.asof for f in side if f.asof is not None)
    return days or None


def _same_voice(a: str, b: str, rulebook: Rulebook) -> bool:
    """True for two spellings of one authority ("Home Minister Asaduzzaman Khan"),
    or two of its names (rules/findings.yaml ``authority_aliases``: "the fire
    brigade" and "the fire service")."""
    if difflib.SequenceMatcher(None, a, b).ratio() >= rulebook.findings.same_voice:
        return True
    aliases = lexicon(rulebook).authority_aliases
    if not aliases.rules:
        return False
    a, b = aliases.canonical(a), aliases.canonical(b)
    return difflib.SequenceMatcher(None, a, b).ratio() >= rulebook.findings.same_voice


# A name of two capitalised words or more in an attribution.
_NAME_RUN_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def _named_alike(a: str, b: str, body_nouns: AbstractSet[str] = frozenset()) -> bool:
    """True when two attributions name one person or body by the same name of two words
    or more: "police spokesman David Kiprono" and "National Police Service
    spokesman David Kiprono" quote one man, however they give his title; as do
    two names that end in the same two words, not of a body (``body_nouns``):
    "Inspector General Rakesh X" and "IG Rakesh X"."""
    runs_a = {m.group() for m in _NAME_RUN_RE.finditer(a)}
    runs_b = {m.group() for m in _NAME_RUN_RE.finditer(b)}
    if not runs_a.isdisjoint(runs_b):
        return True
    tails_a = {_person_tail(run, body_nouns) for run in runs_a} - {None}
    return not tails_a.isdisjoint(_person_tail(run, body_nouns) for run in runs_b)


def _person_tail(run: str, body_nouns: AbstractSet[str]) -> tuple[str, str] | None:
    """The last two words of a run of capitalised words, unless one is a body's noun."""
    words = run.split()
    tail = (words[-2], words[-1])
    return None if any(word in body_nouns for word in tail) else tail


# A run of capitalised words (a place or a body's name, "Iraq's") before an
# authority: "Queensland Police" is the police of Queensland.
_QUALIFIER_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+)+")


def _qualified_alike(a: str, b: str) -> bool:
    """True when one attribution is the other after a capitalised qualifier (a
    place's name): "Queensland Police" and "police", "Iraq's health ministry"
    and "the health ministry"."""
    a, b = _bare(a), _bare(b)
    if len(a) < len(b):
        a, b = b, a
    if not b or not a.lower().endswith(" " + b.lower()):
        return False
    return _QUALIFIER_RE.fullmatch(a[: len(a) - len(b)]) is not None


def _spoken_for(a: str, b: str, titles: AbstractSet[str]) -> bool:
    """True when one attribution is a body and the other one who speaks for it, by a
    title (``titles``): "the fire service" and "fire service spokeswoman Eleni X"."""
    a, b = _bare(a).lower(), _bare(b).lower()
    if len(a) > len(b):
        a, b = b, a
    if not a or not b.startswith(a + " "):
        return False
    return b[len(a) + 1 :].split()[0] in titles


def _bare(attribution: str) -> str:
    """An attribution without a leading "the" and outer blanks."""
    words = attribution.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _one_statement(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> bool:
    """True when both sides cite one authority within a day of each other, with
    figures close enough to be one statement (far apart, it corrected itself).

    Close in their likely values too: "more than 200" and "nearly 400" from
    one agency a day apart are two moments of its count, not one statement.
    """
    gap = rulebook.findings.one_statement_gap
    if _relative_gap(_hull(low), _hull(high)) > gap:
        return False
    if _relative_gap(_hull(low, likely=True), _hull(high, likely=True)) > gap:
        return False
    days_low, days_high = _days(low), _days(high)
    if not days_low or not days_high:
        return False
    if abs((days_high[0] - days_low[-1]).days) > 1:
        return False
    return _one_voice(low, high, rulebook)


def _stated(fact: Fact) -> dt.date | None:
    """The single day a figure's own sentence names, if any."""
    if fact.date_from == "text" and fact.date.start and fact.date.start == fact.date.end:
        return fact.date.start
    return None


def timeline(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> str:
    """How two disagreeing sides relate in time: "update", "revised", "down" or "same".

    ``low`` holds the smaller figures. "update": the smaller came first or the
    text tells of a rise; "revised": the smaller came later and a source says
    it revised; "down": the smaller came later, unexplained; "same": the same
    day, or time cannot tell.
    """
    lex = lexicon(rulebook)
    # An earlier figure told again ("earlier, officials had said about 20") is of
    # a day before its report's: the side's other figures date it.
    low_days, high_days = (
        _days([f for f in side if not superseded(f, lex)] or side) for side in (low, high)
    )
    rise = any(lex.rise_re.search(f.context()) for f in high) or any(
        superseded(f, lex) for f in low
    )
    if low_days and high_days and not rise and _one_statement(low, high, rulebook):
        # One authority's figure, told a day apart by two outlets: the same
        # statement reported two ways, not two moments of a toll.
        return "same"
    if low_days and high_days:
        if low_days[-1] < high_days[0]:
            return "update"
        if low_days[0] > high_days[-1]:
            if any(lex.revision_re.search(f.context()) for f in low):
                return "revised"
            stated = [d for d in (_stated(f) for f in low) if d is not None]
            if any(d < high_days[0] for d in stated):
                # The later article gives the figure as of an earlier day
                # ("confirmed a toll of 70 on Wednesday"): an old figure.
                return "update"
            return "down"
    if rise:
        return "update"
    return "same"


def small_gap(a: Interval, b: Interval, rule: MetricRule | None) -> bool:
    """True when two intervals are within the metric's tolerance of each other."""
    if rule is None:
        return False
    gap = a.gap(b)
    scale = max(abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None)
    return gap <= rule.tolerance.abs or gap <= rule.tolerance.rel * scale


def _hull(side: Sequence[Fact], likely: bool = False) -> Interval:
    values = [f.likely if likely else f.interval for f in side]
    if not values:
        return Interval()
    lows = [v.low for v in values if v.low is not None]
    highs = [v.high for v in values]
    return Interval(
        low=min(lows) if lows else None,
        high=None if any(h is None for h in highs) else max(h for h in highs if h is not None),
    )


def _relative_gap(a: Interval, b: Interval) -> float:
    """The gap between two disjoint intervals as a share of the larger figure."""
    top = max(abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None)
    return float(a.gap(b)) / top if top else 0.0


def _round_hedge(fact: Fact) -> bool:
    """True when a hedged figure rounds a round number ("more than 6,000", "about 20")."""
    if fact.likely == fact.interval:
        return False
    low, high = fact.interval.low, fact.interval.high
    candidates = set()
    if low is not None:
        candidates |= {low - 1, low}
    if high is not None:
        candidates |= {high, high + 1}
    if low is not None and high is not None:
        candidates.add((low + high) / 2)
    return any(float(c).is_integer() and int(c) % 10 == 0 and c != 0 for c in candidates)


def _tense(low: Sequence[Fact], high: Sequence[Fact]) -> bool:
    """True when two sides that agree literally part only by a rounded reading.

    One side must state a closed figure ("9,000") and the other round a round
    number ("more than 6,000"); two open lower bounds never part, and a hedge
    on an odd number ("over 308") says what it means.
    """
    facts = [*low, *high]
    closed = any(f.interval.high is not None and f.likely == f.interval for f in facts)
    return closed and any(_round_hedge(f) for f in facts)


def _of_its_own_area(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> bool:
    """True when the smaller side, far below the other (more than ``same_count_gap``),
    is a town's or a district's count beside a wider authority's
    (``_local_and_wider``)."""
    far = _relative_gap(_hull(low), _hull(high)) > rulebook.findings.same_count_gap
    return far and _local_and_wider(low, high, rulebook)


def _local_and_wider(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> bool:
    """True when every voice of the smaller side is of a narrower area than every
    voice of the larger side: a town's or a district's (``local_authorities``)
    against a province's or a country's, or a province's (``regional_authorities``)
    against a country's. The narrower count, far below the other, is of its
    own area ("nine, the municipal president said" against "31, the national
    civil protection agency said")."""
    lex = lexicon(rulebook)
    mine = [_reach(f.attribution, lex) for f in low if f.attribution]
    theirs = [_reach(f.attribution, lex) for f in high if f.attribution]
    return bool(mine and theirs) and max(mine) < min(theirs)


def _reach(attribution: str, lex: Lexicon) -> int:
    """How wide an area an authority speaks for: 0 a town's or a district's, 1 a
    province's or a state's, 2 any other (a country's, an agency's)."""
    if lex.local_authority_re.search(attribution):
        return 0
    return 1 if lex.regional_authority_re.search(attribution) else 2


def _disputed(
    low: Sequence[Fact], high: Sequence[Fact], members: Sequence[Fact], rulebook: Rulebook
) -> bool:
    """True when each side cites an authority and no authority is on both sides."""
    ours, theirs = _authorities(low, members), _authorities(high, members)
    return bool(ours and theirs) and not any(
        _same_voice(a, b, rulebook) for a in ours for b in theirs
    )


def _authorities(side: Sequence[Fact], members: Sequence[Fact] = ()) -> set[str]:
    """Who a side cites: its claims' attributions, and those of the same figure
    elsewhere in the same article ("about 70 ... about 70 people, the ministry said")."""
    voices = {_authority(f) for f in side if f.attribution}
    for claim in side:
        for other in members:
            if (
                other.attribution
                and other.article == claim.article
                and other.interval.overlaps(claim.interval)
            ):
                voices.add(_authority(other))
    return voices


def longer_period(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> bool:
    """True when the higher side is a tally over a longer period than the lower one.

    "More than 10,000 civilians since the invasion" beside "nine killed in the
    strike": ten times larger and told as a running total, it counts another
    period, not this incident.
    """
    if not low or not high:
        return False
    top, bottom = _hull(high).low, _hull(low).high
    if top is None or bottom is None or bottom <= 0:
        return False
    if top < rulebook.findings.longer_period_ratio * bottom:
        return False
    lex = lexicon(rulebook)
    return all(lex.cumulative_re.search(f.context()) for f in high)


def _rose_again(
    low: Sequence[Fact], high: Sequence[Fact], claims: Sequence[Fact], rulebook: Rulebook
) -> bool:
    """True when a claim within a week after ``low`` is at least ``high``'s figure."""
    days = _days(low)
    top = _hull(high).low
    if not days or top is None:
        return False
    start, stop = days[0], days[-1] + dt.timedelta(days=rulebook.findings.rose_again_days)
    return any(
        f.asof is not None
        and start <= f.asof <= stop
        and f.interval.low is not None
        and f.interval.low >= top
        and f not in high
        for f in claims
    )


def _settled(
    low: Sequence[Fact],
    high: Sequence[Fact],
    members: Sequence[Fact],
    rulebook: Rulebook,
    settled: frozenset[str] = frozenset(),
) -> bool:
    """True when both sides speak long after the first report of their event.

    Weeks on (a trial, an anniversary, an inquiry), a toll has stopped
    developing: two figures that differ are no longer two moments of it.
    Each side needs a claim dated that late, or from an article of
    ``settled`` (one that tells of a verdict or an inquest).
    """
    if any(f.article in settled for f in low) and any(f.article in settled for f in high):
        return True
    first = min((f.asof for f in members if f.asof), default=None)
    days_low, days_high = _days(low), _days(high)
    if first is None or not days_low or not days_high:
        return False
    since = first + dt.timedelta(days=rulebook.findings.settled_days)
    return days_low[0] >= since and days_high[0] >= since


def _same_day(low: Sequence[Fact], high: Sequence[Fact]) -> bool:
    """True when both sides speak on one and the same day.

    One authority quoted the same day with two figures far apart, with no
    word of a rise, gave two counts of one moment: the toll was not caught
    twice (a rise told on the same day is ``timeline``'s "update").
    """
    days_low, days_high = _days(low), _days(high)
    if not days_low or not days_high:
        return False
    return len({*days_low, *days_high}) == 1


def _one_voice(low: Sequence[Fact], high: Sequence[Fact], rulebook: Rulebook) -> bool:
    """True when some authority one side cites is one the other side cites too."""
    lex = lexicon(rulebook)
    return any(
        _same_voice(_authority(a), _authority(b), rulebook)
        or _named_alike(a.attribution, b.attribution, lex.body_nouns)
        or _qualified_alike(a.attribution, b.attribution)
        or _spoken_for(a.attribution, b.attribution, lex.person_titles)
        for a in low
        for b in high
        if a.attribution and b.attribution
    )


def _within_a_day(low: Sequence[Fact], high: Sequence[Fact]) -> bool:
    """True when both sides speak within a day of each other."""
    days_low, days_high = _days(low), _days(high)
    if not days_low or not days_high:
        return False
    return abs((days_low[0] - days_high[-1]).days) <= 1


def _verdict(
    low: Sequence[Fact],
    high: Sequence[Fact],
    rule: MetricRule | None,
    rulebook: Rulebook,
    members: Sequence[Fact] = (),
    settled: frozenset[str] = frozenset(),
) -> tuple[str, Severity] | None:
    relation = timeline(low, high, rulebook)
    if rule is not None and rule.moves == "any" and relation in ("revised", "down"):
        # People found leave a count of the missing: lower later is news.
        return "U001", rulebook.finding_rule("U001").severity
    if relation == "update":
        return "U001", rulebook.finding_rule("U001").severity
    if relation == "revised":
        # A source says it lowered its own figure: still two figures that
        # cannot both be right, shown as a revision a reader may accept.
        return "C002", rulebook.findings.revised_severity
    if relation == "down":
        if _of_its_own_area(low, high, rulebook):
            # A town's count a day later, far below a wider authority's: of
            # its own area (those sheltering in it), as on the same day.
            return None
        disputed = _disputed(low, high, members, rulebook)
        far = _relative_gap(_hull(low), _hull(high)) > rulebook.findings.max_revision
        if far and not (disputed and _within_a_day(low, high)):
            # A later figure that is a small fraction of an earlier one is a
            # partial count (one hospital, the identified dead), not the toll;
            # unless two authorities a news cycle apart give them ("471"
            # against "10 to 50"): then, however far apart, a dispute.
            return None
        if disputed:
            # The lower, later figure is another authority's: a dispute, not
            # one source revising itself.
            return "C003", rulebook.finding_rule("C003").severity
        return "C002", rulebook.finding_rule("C002").severity
    a, b = _hull(low), _hull(high)
    small = small_gap(a, b, rule)
    if _of_its_own_area(low, high, rulebook):
        return None
    if not small and _disputed(low, high, members, rulebook):
        return "C003", rulebook.finding_rule("C003").severity
    running = (
        rule is not None
        and rule.running_toll
        and not _settled(low, high, members, rulebook, settled)
        and not (_same_day(low, high) and _one_voice(low, high, rulebook))
    )
    if running and _relative_gap(a, b) > rulebook.findings.same_count_gap:
        # Far apart at the same or an unknown time, with no two authorities
        # to set against each other: a developing toll caught at two moments
        # is the likelier reading than one count told two ways.
        return "U001", rulebook.finding_rule("U001").severity
    if rule is None:
        return "C001", rulebook.finding_rule("C001").severity
    return "C001", rule.small_gap_severity if small else rule.severity


def _pairs(
    claims: Sequence[Fact],
    value: Callable[[Fact], Interval],
    articles: dict[str, Article],
) -> list[tuple[list[Fact], list[Fact]]]:
    """Pairs of disagreeing sides (lower first) with claims of independent articles."""
    parts = split(claims, value)
    out: list[tuple[list[Fact], list[Fact]]] = []
    for i, low in enumerate(parts.sides):
        for high in parts.sides[i + 1 :]:
            if any(independent(a, b, articles) for a in low for b in high):
                out.append((low, high))
    return out


def settled_articles(
    events: Sequence[Event],
    articles: dict[str, Article],
    rulebook: Rulebook,
    verdicts: AbstractSet[str] | None = None,
) -> frozenset[str]:
    """Ids of the events' articles that tell of a verdict, a sentence or an inquest.

    Each article's text is searched once (``tells_of_verdict``), unless
    ``verdicts`` already holds the articles found to.
    """
    ids = sorted({a for event in events for a in event.sources})
    if verdicts is not None:
        return frozenset(a for a in ids if a in verdicts)
    return frozenset(a for a in ids if tells_of_verdict(articles[a].text, rulebook))


def tells_of_verdict(text: str, rulebook: Rulebook) -> bool:
    """True when ``text`` tells of a verdict, a sentence or an inquest
    (rules/context.yaml ``settled_markers``): its toll is a settled one."""
    return lexicon(rulebook).settled_re.search(text) is not None


def compare_event(
    event: Event,
    facts: dict[str, Fact],
    articles: dict[str, Article],
    rulebook: Rulebook,
    settled: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Conflict, dispute, revised-down, tension and update findings for one event.

    ``settled``: articles that speak of a settled toll (see ``settled_articles``).
    """
    lex = lexicon(rulebook)
    rule = rulebook.metric(event.metric)
    members = [facts[i] for i in event.facts if not articles[facts[i].article].duplicate_of]
    claims = current_claims(members, lex)
    if len({f.article for f in claims}) < 2:
        return []
    out: list[Finding] = []
    for low, high in _pairs(claims, _as_compared, articles):
        if all(is_vague(f) for f in low) or all(is_vague(f) for f in high):
            # "Dozens" against "at least 100": a word for a rough size never
            # contradicts a number by the width of its own edge.
            continue
        if longer_period(low, high, rulebook):
            continue
        verdict = _verdict(low, high, rule, rulebook, members, settled)
        if (
            verdict is not None
            and verdict[0] == "C002"
            and _rose_again(low, high, claims, rulebook)
        ):
            # Soon after the lower figure another source gives one at least as
            # high as the earlier: the toll kept rising, and the lower figure
            # was a partial or stale count, not a revision.
            verdict = None
        if verdict is not None:
            out.append(finding(verdict[0], verdict[1], event, [low, high], articles, rulebook))
    out = _steps_only(out)
    literal = split(claims, _as_compared)
    limit = rulebook.findings.tension_gap
    for side in literal.sides:
        for low, high in _pairs(side, _likely_compared, articles):
            if timeline(low, high, rulebook) != "same":
                continue
            gap = _relative_gap(_hull(low, likely=True), _hull(high, likely=True))
            if gap > limit and not _disputed(low, high, members, rulebook):
                continue
            if not _tense(low, high):
                continue
            out.append(
                finding(
                    "T001",
                    rulebook.finding_rule("T001").severity,
                    event,
                    [low, high],
                    articles,
                    rulebook,
                )
            )
    return out


def _as_compared(fact: Fact) -> Interval:
    """The fact's interval, a bound above its own number ("more than 1,800": 1,801 and
    up) taken from that number: "more than 1,800" and "1,800" tell one count."""
    return _from_its_number(fact.interval, fact) if fact.interval.high is None else fact.interval


def _likely_compared(fact: Fact) -> Interval:
    """The fact's likely values, from its own number up when they start right above it
    (see ``_as_compared``)."""
    return _from_its_number(fact.likely, fact) if fact.interval.high is None else fact.likely


def _from_its_number(iv: Interval, fact: Fact) -> Interval:
    if iv.low is None or not float(iv.low).is_integer():
        return iv
    below = int(iv.low) - 1
    if below > 0 and _written(below, fact.stated):
        return Interval(low=below, high=iv.high)
    return iv


def _written(number: int, stated: str) -> bool:
    """True when ``stated`` writes ``number`` in digits (with or without thousands commas)."""
    for form in (f"{number:,}", str(number)):
        at = stated.find(form)
        if at >= 0 and not stated[at + len(form) : at + len(form) + 1].isdigit():
            return at == 0 or not stated[at - 1].isdigit()
    return False


def _steps_only(findings: list[Finding]) -> list[Finding]:
    """``findings`` without an update that two others make up step by step: 14 -> 26
    and 26 -> 31 tell the rise; 14 -> 31 beside them only repeats it."""
    updates = [f for f in findings if f.rule == "U001" and len(f.sides) == 2]
    rises = {(tuple(f.sides[0]), tuple(f.sides[1])) for f in updates}
    heads: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for low, high in rises:
        heads[low].add(high)

    def repeated(f: Finding) -> bool:
        low, high = tuple(f.sides[0]), tuple(f.sides[1])
        return any(high in heads.get(mid, ()) for mid in heads.get(low, ()) if mid != high)

    dropped = {id(f) for f in updates if repeated(f)}
    return [f for f in findings if id(f) not in dropped]


def corroborate(
    events: list[Event], findings: list[Finding], articles: dict[str, Article]
) -> list[Event]:
    """Mark events told by several independent sources with no conflict against them."""
    disputed = {f.event for f in findings if f.event and f.kind in ("conflict", "tension")}
    out = []
    for event in events:
        independent_sources = {
            articles[a].fingerprint or a for a in event.sources if not articles[a].duplicate_of
        }
        agreed = len(independent_sources) > 1 and event.id not in disputed
        out.append(event.model_copy(update={"corroborated": agreed}))
    return out
