"""Dates: weekdays that do not fit their date, and a source dating the incident off the others."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from checker.compare.values import independent
from checker.extract.lexicon import Lexicon, lexicon, reads_as_verb
from checker.fingerprint import finding_id
from checker.models import Article, Fact, Finding
from checker.rulebook import Rulebook


def weekday_findings(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """D001: "Wednesday, 12 October" in a 2023 article (a Thursday)."""
    weekdays = lexicon(rulebook).weekdays
    rule = rulebook.finding_rule("D001")
    out: dict[str, Finding] = {}
    for fact in facts:
        if fact.metric != "date" or not fact.weekday or not fact.date.known:
            continue
        day = fact.date.start
        assert day is not None
        if weekdays[fact.weekday.lower()] == day.weekday():
            continue
        summary = (
            f"{rule.name}: '{fact.stated}' — {day.strftime('%d %B %Y').lstrip('0')} "
            f"was a {day.strftime('%A')}, not a {fact.weekday}"
        )
        key = f"date|{day.isoformat()}|{fact.weekday}"
        found = _date_finding("D001", key, fact.story, summary, [[fact]], articles, rulebook)
        out.setdefault(found.id, found)
    return list(out.values())


def _date_finding(
    code: str,
    key: str,
    story: str | None,
    summary: str,
    sides: list[list[Fact]],
    articles: dict[str, Article],
    rulebook: Rulebook,
) -> Finding:
    """A date finding over ``sides``, with its rule's kind and severity and a stable id."""
    rule = rulebook.finding_rule(code)
    return Finding(
        id=finding_id(code, [key], sides, articles),
        rule=code,
        kind=rule.kind,
        severity=rule.severity,
        metric="date",
        event=None,
        story=story,
        summary=summary,
        facts=sorted(f.id for side in sides for f in side),
        sides=[sorted(f.id for f in side) for side in sides],
    )


# How far before a date the verb of the happening may stand ("sank near X, off Y, on Sunday").
_ONSET_WINDOW = 60
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NEAR = 60


def incident_days(
    facts: list[Fact], lex: Lexicon, articles: dict[str, Article] | None = None
) -> dict[str, dict[str, list[Fact]]]:
    """Per story, per article, the date facts that date the story's incident.

    A date names the incident when its sentence has an incident word
    (rules/context.yaml) and no background or period-start marker, and it is
    not the day of a statement ("police said on Saturday") nor one told as some
    time after it ("Jan. 8, a week after the earthquake struck"). A bare
    weekday in an article whose publication date was only inferred from its
    text (a lower bound) cannot tell which week it means and is left out.
    """
    out: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        if fact.metric != "date" or fact.story is None or not fact.date.start:
            continue
        article = (articles or {}).get(fact.article)
        if (
            article is not None
            and article.published_from == "inferred"
            and fact.weekday
            and not any(c.isdigit() for c in fact.stated)
        ):
            continue
        if fact.date.start != fact.date.end:
            continue
        if lex.background_re.search(fact.context()) or _ISO_RE.fullmatch(fact.stated):
            continue
        if lex.period_start_re.search(fact.preceding(_NEAR)) and not _names_its_day(fact, lex):
            continue
        if _day_of_a_report(fact, lex):
            continue  # "police said on Saturday", "rose to 21 on Tuesday"
        if lex.after_incident_re.match(fact.sentence, fact.span[1] - fact.sentence_span[0]):
            continue  # "Jan. 8, a week after the earthquake struck"
        # The incident word must stand near the date, in its clause: "the
        # blast on Tuesday", "killed in an air raid on Monday, October 16";
        # or the verb of the happening further back in one unbroken clause
        # ("a pit collapsed at a site near X in Y province on Friday").
        if not lex.incident_re.search(fact.context(_NEAR, _NEAR)) and not _onset_clause(fact, lex):
            continue
        out[fact.story][fact.article].append(fact)
    next_days = lex.rulebook.findings.later_date_days
    for per_article in out.values():
        for article_id, dated in per_article.items():
            per_article[article_id] = _first_days(dated, next_days, lex)
    return out


def _first_days(dated: list[Fact], next_days: int, lex: Lexicon) -> list[Fact]:
    """An article's dates of the incident (each of one day) without those up to
    ``next_days`` after its first in another sentence ("exploded late on Friday.
    ... The fire was put out early on Saturday"): what happened next, unless a
    verb of the happening itself dates it. A sentence that names both days
    ("sank in the night from Tuesday to Wednesday") keeps both."""
    first = min(f.date.start for f in dated if f.date.start is not None)
    sentences = {f.sentence_span for f in dated if f.date.start == first}
    return [
        f
        for f in dated
        if f.date.start is None
        or not 0 < (f.date.start - first).days <= next_days
        or f.sentence_span in sentences
        or _dates_onset(f, lex)
    ]


_POSSESSIVE_RE = re.compile(r"(?:['’]s)?\s+")
_WORD_AND_SPACE_RE = re.compile(r"[\w-]+\s+")
# How many words after a possessive day its incident word may stand ("Friday's
# boat sinking").
_POSSESSIVE_WORDS = 2


_THE_BEFORE_RE = re.compile(r"(?:^|\W)the\s+$", re.IGNORECASE)


def _names_its_day(fact: Fact, lex: Lexicon) -> bool:
    """True when the date is the possessive of an incident word ("since Friday's boat
    sinking", "since Tuesday's attack"), or names it after "the" ("the Oct. 5
    derailment"): the day of the incident."""
    text = fact.sentence
    end = fact.span[1] - fact.sentence_span[0]
    possessive = ("'s", "’s")
    if not (
        text.startswith(possessive, end)
        or fact.stated.endswith(possessive)
        or _THE_BEFORE_RE.search(fact.preceding(8))
    ):
        return False
    at = _POSSESSIVE_RE.match(text, end)
    pos = at.end() if at else end
    for _ in range(_POSSESSIVE_WORDS + 1):
        if lex.incident_re.match(text, pos):
            return True
        word = _WORD_AND_SPACE_RE.match(text, pos)
        if word is None:
            return False
        pos = word.end()
    return False


# How far back in its clause the verb of the happening may stand from a date.
_ONSET_REACH = 160
# A colon between digits is a time of day ("at 6:15 a.m."), not a break.
_CLAUSE_BREAK_RE = re.compile(r"[,;()\[\]—–]|(?<!\d):|:(?!\d)|\s-\s")


def _onset_clause(fact: Fact, lex: Lexicon, *, verbs_only: bool = False) -> bool:
    """True when a verb or word of the happening ("collapsed", "sank", "killed",
    "attack") stands before the date in the same clause: no punctuation and no
    clause opener ("and", "when", "while") between them, however many words of
    place come between. ``verbs_only``: a verb of the happening itself
    ("opened fire ... on Tuesday"), not a word that a later clause can name
    ("the toll from the blast rose to 20 on Sunday")."""
    before = fact.preceding(_ONSET_REACH)
    onsets = [*lex.onset_re.finditer(before)]
    if not verbs_only:
        onsets += lex.incident_re.finditer(before)
    if not onsets:
        return False
    # "before dawn", "after midnight": a time of the day, not a clause that opens;
    # ", Oaxaca,": a place told in apposition, not a clause either.
    between = lex.time_of_day_re.sub(" ", before[max(m.end() for m in onsets) :])
    between = lex.apposed_place_re.sub(" ", between)
    return not _CLAUSE_BREAK_RE.search(between) and _one_clause(between, lex)


def _one_clause(between: str, lex: Lexicon) -> bool:
    """True when ``between`` (the words from a word of the happening to a date) holds
    no clause opener ("when"; "and" with a verb after it: "sank and rescuers
    arrived", not "pupils and teachers") and no day of its own ("swept into a
    river last week arrived in X on Monday": the date is a later verb's)."""
    words = [word.lower() for word in between.split()]
    for n, word in enumerate(words):
        if (
            word in lex.clause_openers
            and (
                word not in lex.coordinators
                # "collapsed and flooded on Saturday": a second verb of one subject.
                or (_verb_in(words[n + 1 :], lex) and not _verb_in(words[n + 1 : n + 2], lex))
            )
        ):
            return False
    return not _another_day(between, lex)


def _verb_in(words: Sequence[str], lex: Lexicon) -> bool:
    """True when one of ``words`` (lower case) reads as a verb (``reads_as_verb``)."""
    return any(reads_as_verb(w, lex) for w in words)


def _another_day(between: str, lex: Lexicon) -> bool:
    """True when a day stands in ``between``: a weekday or a month (capitalised: "may"
    is a verb too), or a word of a relative day or of a week ("yesterday",
    "last week"; rules/dates.yaml)."""
    for word in between.split():
        word = word.strip(".,'’")
        low = word.lower()
        if low in lex.day_words or (
            word[:1].isupper() and (low in lex.weekdays or low in lex.months)
        ):
            return True
    return False


def _dates_onset(fact: Fact, lex: Lexicon) -> bool:
    """True when the date follows a verb of the happening itself: close by ("sank
    near X, off Y, on Sunday"), or further back in its clause ("opened fire on
    their convoy in the southern state of X on Tuesday"); or a "when" clause
    with one follows it ("were killed on Friday when fighters ambushed")."""
    before = fact.preceding(_ONSET_WINDOW)
    onsets = [m.end() for m in lex.onset_re.finditer(before)]
    near = bool(onsets) and not _another_day(before[max(onsets) :], lex)
    return (
        near
        or _onset_clause(fact, lex, verbs_only=True)
        or _in_a_happening(fact, lex)
        or lex.when_onset_re.match(fact.sentence, fact.span[1] - fact.sentence_span[0]) is not None
    )


def dates_happening(fact: Fact, lex: Lexicon) -> bool:
    """True when a date fact dates the happening itself: right after a verb or noun of
    it ("capsized off X on Friday", "hurt in a blast ... on Saturday") or as
    its possessive ("Friday's boat sinking"); never a statement's day, nor the day
    a toll reached a new level ("rose to 21 on Tuesday")."""
    if _day_of_a_report(fact, lex):
        return False
    return _dates_onset(fact, lex) or _names_its_day(fact, lex)


def _day_of_a_report(fact: Fact, lex: Lexicon) -> bool:
    """True when a date fact is the day of a statement ("officials said on Saturday",
    ``statement_verbs``) or of a toll's new level ("rose to 21 on Tuesday",
    ``rise_markers``), not of the happening."""
    before = fact.preceding(_NEAR)
    return bool(lex.statement_day_re.search(before) or lex.level_day_re.search(before))


def _in_a_happening(fact: Fact, lex: Lexicon) -> bool:
    """True when the date ends a clause that brings in the happening by its noun ("hurt
    in a methane explosion at a coal mine in X on Saturday", "the blaze started
    in the early hours of Friday"), with no clause opener between them, or
    follows its noun right away ("the explosion on Wednesday afternoon")."""
    before = fact.preceding(_ONSET_REACH)
    m = lex.onset_noun_re.search(before) or lex.noun_onset_re.search(before)
    return m is not None and _one_clause(m.group("between") or "", lex)


def incident_date_findings(
    facts: list[Fact], articles: dict[str, Article], rulebook: Rulebook
) -> list[Finding]:
    """D003: one source dates the story's incident a day (up to a week) before the others.

    The story's incident day is the day named by the most articles (at least
    two, and more than any other day); an article that never names it but
    names a day up to ``date_disagreement_days`` before it is set against the
    articles that do. A later day is left alone (most often it dates a
    follow-up: the funerals, the search, a new toll), unless it is at most
    ``later_date_days`` later and follows a verb of the happening itself
    ("the ferry sank ... on Sunday").
    """
    lex = lexicon(rulebook)
    limit = rulebook.findings.date_disagreement_days
    later = rulebook.findings.later_date_days
    rule = rulebook.finding_rule("D003")
    out: list[Finding] = []
    for story, per_article in sorted(incident_days(facts, lex, articles).items()):
        votes: dict[dt.date, set[str]] = defaultdict(set)
        for article, dated in per_article.items():
            for fact in dated:
                assert fact.date.start is not None
                votes[fact.date.start].add(article)
        ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        day, supporters = ranked[0]
        if len(supporters) < 2 or (len(ranked) > 1 and len(ranked[1][1]) == len(supporters)):
            out.extend(_two_days(story, per_article, votes, articles, rulebook))
            continue
        backing = [f for a in sorted(supporters) for f in per_article[a] if f.date.start == day]
        for article, dated in sorted(per_article.items()):
            if article in supporters:
                continue
            off = [
                f
                for f in dated
                if f.date.start
                and (
                    0 < (day - f.date.start).days <= limit
                    or (
                        0 < (f.date.start - day).days <= later
                        and (_dates_onset(f, lex) or _names_its_day(f, lex))
                    )
                )
            ]
            if not off or _one_night(backing, off, rulebook):
                continue
            others = [f for f in backing if independent(off[0], f, articles)]
            if not others or _apart(off, others):
                continue
            shown = off[0].date.start
            assert shown is not None
            key = f"incident|{day.isoformat()}|{shown.isoformat()}"
            summary = (
                f"{rule.name}: {articles[article].outlet or article} dates the incident "
                f"{shown.strftime('%A %d %B %Y')}; {len({f.article for f in others})} "
                f"other sources give {day.strftime('%A %d %B %Y')}"
            )
            out.append(
                _date_finding("D003", key, story, summary, [off, others], articles, rulebook)
            )
    return out


def _two_days(
    story: str,
    per_article: dict[str, list[Fact]],
    votes: dict[dt.date, set[str]],
    articles: dict[str, Article],
    rulebook: Rulebook,
) -> list[Finding]:
    """D003 with no majority: two sources, each naming only its own day for the incident.

    Flagged when the days are at most ``later_date_days`` apart and the later
    one follows a verb of the happening itself ("exploded ... on Tuesday"),
    so that neither reads as a follow-up of the other.
    """
    if len(votes) != 2:
        return []
    lex = lexicon(rulebook)
    (early, a_ids), (late, b_ids) = sorted(votes.items())
    if a_ids & b_ids or not 0 < (late - early).days <= rulebook.findings.later_date_days:
        return []
    first = [f for a in sorted(a_ids) for f in per_article[a] if f.date.start == early]
    second = [f for a in sorted(b_ids) for f in per_article[a] if f.date.start == late]
    if not any(_dates_onset(f, lex) for f in second):
        return []
    if _one_night(first, second, rulebook):
        return []
    if _apart(first, second):
        return []
    if not any(independent(x, y, articles) for x in first for y in second):
        return []
    rule = rulebook.finding_rule("D003")
    summary = (
        f"{rule.name}: {len(a_ids)} source(s) date the incident {early.strftime('%A %d %B %Y')}; "
        f"{len(b_ids)} other(s) give {late.strftime('%A %d %B %Y')}"
    )
    key = f"incident|{late.isoformat()}|{early.isoformat()}"
    return [_date_finding("D003", key, story, summary, [first, second], articles, rulebook)]


def _one_night(days: list[Fact], next_days: list[Fact], rulebook: Rulebook) -> bool:
    """True when ``next_days``, each a day after one of ``days``, put the happening in
    their small hours ("early Saturday", ``small_hours_words``) and ``days`` put it
    late in theirs ("late on Friday", "Friday night"): one night, told either way."""
    rules = rulebook.findings
    firsts = {f.date.start for f in days}
    return (
        bool(days)
        and all(
            f.date.start is not None
            and f.date.start - dt.timedelta(days=1) in firsts
            and _said_before(f, rules.small_hours_words)
            for f in next_days
        )
        and all(
            _said_before(f, rules.late_words) or _said_after(f, rules.night_words) for f in days
        )
    )


def _said_before(fact: Fact, words: Sequence[str]) -> bool:
    """True when one of ``words`` stands right before the fact ("early Saturday")."""
    before = " ".join(fact.preceding(_DAY_WORDS_REACH).lower().split())
    return any(before == w or before.endswith(" " + w) for w in words)


def _said_after(fact: Fact, words: Sequence[str]) -> bool:
    """True when one of ``words`` follows the fact right away ("Friday night")."""
    end = fact.span[1] - fact.sentence_span[0]
    after = fact.sentence[end : end + _DAY_WORDS_REACH].lower().split()
    return bool(after) and after[0].strip(".,;:") in words


# How far from a day its words of the time of day may stand ("in the small hours of").
_DAY_WORDS_REACH = 30


def _apart(one: list[Fact], other: list[Fact]) -> bool:
    """True when the two sides date the happening in different countries.

    A storm that hits one island on Wednesday and the next on Thursday gives
    two days, not a disagreement about one.
    """
    a = {c for f in one for c in f.countries}
    b = {c for f in other for c in f.countries}
    return bool(a and b) and not a & b
