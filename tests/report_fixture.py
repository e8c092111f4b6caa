"""A small, fixed, hand-built :class:`Report` for the reporter tests.

Shared by tests/golden, tests/unit/test_report_*.py and tests/browser; tests/
has no ``__init__.py``, so each test module loads this file by path under the
module name ``report_fixture``. It uses the
models as they are, with spans computed from real article texts:

* 3 inputs: two read, one skipped with a reason;
* 5 articles (Reuters x3, AP x2);
* 2 stories: the US strikes in Iraq and Syria (Reuters #1, #2, AP #1) and a
  ferry capsizing near Mwanza (AP #2); Reuters #3, a short brief, is in none;
* 10 facts, each with its story, as-of day, scope and part-of note: killed 16
  (Iraq) vs Seventeen (Iraq), at least 23 killed in Syria (scope), two
  cumulative attack tallies (update), two event dates (date), the ferry's
  dead and its misdated weekday, the brief's misdated weekday;
* 5 events (one corroborated) and 6 findings, every one with its sides:
  conflict/error, date/warning, update/info (a timeline), scope/info in the
  strikes story; date/warning (one side) in the ferry story; date/warning
  (one side) in no story.

``hostile_report()`` is the same report with script-injection payloads in
every free-text field (titles, sentences, places, attribution, part-of
notes, story labels and places, input paths and reasons, summaries, URLs,
metric names).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.models import (
    Article,
    DateRange,
    Event,
    Fact,
    Finding,
    InputRecord,
    Interval,
    Report,
    Story,
)

REUTERS = "seeds/raid_reuters.txt"
AP = "seeds/raid_ap.jsonl"
BROKEN = "seeds/broken.pdf"
STRIKES = "S1a2b3c4d"
FERRY = "S5e6f7a8b"
SKIP_REASON = "unsupported file type '.pdf' (install factcheck[pdf]?)"


def _day(text: str) -> DateRange:
    day = dt.date.fromisoformat(text)
    return DateRange(start=day, end=day)


def make_fact(
    fact_id: str,
    article: Article,
    sentence: str,
    stated: str,
    metric: str,
    interval: Interval,
    likely: Interval | None = None,
    **fields: Any,
) -> Fact:
    """A fact whose span and sentence_span point at ``stated`` in ``article.text``."""
    start = article.text.index(sentence)
    local = sentence.index(stated)
    return Fact(
        id=fact_id,
        article=article.id,
        metric=metric,
        stated=stated,
        sentence=sentence,
        span=(start + local, start + local + len(stated)),
        sentence_span=(start, start + len(sentence)),
        interval=interval,
        likely=likely or interval,
        **fields,
    )


def build_report() -> Report:
    """The fixed report: every field filled with ordinary text."""
    s_date_a = "The strikes began on Friday, Feb. 2, after a drone attack killed three US soldiers."
    s_killed_a = (
        "The strikes killed 16 people in Iraq, including civilians, the Iraqi government said."
    )
    s_syria = (
        "In Syria, at least 23 militants were killed, "
        "according to the Syrian Observatory for Human Rights."
    )
    s_attacks_b = (
        "Iran-backed militias have carried out more than 160 attacks on US troops "
        "in Iraq and Syria since October, the Pentagon said."
    )
    s_date_c = "The strikes were launched on Saturday, Feb. 3, near Akashat."
    s_killed_c = "Seventeen people were killed near Akashat, an Iraqi military spokesman said."
    s_attacks_c = "There have been at least 150 attacks on US forces so far, officials said."
    s_ferry_date = "The ferry capsized on Wednesday, 12 October, near Mwanza."
    s_ferry_killed = "At least 12 people drowned, the regional police commander said."
    s_brief_date = "The central bank will announce its rate decision on Wednesday, Feb. 8."

    a1 = Article(
        id=f"{REUTERS}#1",
        source=REUTERS,
        index=1,
        title="US strikes kill 16 in Iraq and Syria",
        url="https://www.reuters.com/world/middle-east/us-strikes-iraq-syria-2024-02-03/",
        outlet="reuters.com",
        published=dt.date(2024, 2, 3),
        published_from="metadata",
        fingerprint="a1",
        text=f"BAGHDAD (Reuters) - {s_date_a} {s_killed_a} {s_syria}",
    )
    a2 = Article(
        id=f"{REUTERS}#2",
        source=REUTERS,
        index=2,
        title="Militia attacks on US forces continue",
        outlet="reuters.com",
        published=dt.date(2024, 2, 5),
        published_from="dateline",
        fingerprint="a2",
        text=f"WASHINGTON, Feb. 5 - {s_attacks_b}",
    )
    a5 = Article(
        id=f"{REUTERS}#3",
        source=REUTERS,
        index=3,
        title="Central bank to announce rates",
        outlet="reuters.com",
        published=dt.date(2024, 2, 6),
        published_from="dateline",
        fingerprint="a5",
        text=f"LONDON, Feb. 6 - {s_brief_date}",
    )
    a3 = Article(
        id=f"{AP}#1",
        source=AP,
        index=1,
        title="Iraq says 17 killed in US strikes near Akashat",
        url="https://apnews.com/article/iraq-us-strikes-akashat",
        outlet="apnews.com",
        published=dt.date(2024, 2, 3),
        published_from="inferred",
        fingerprint="a3",
        text=f"{s_date_c} {s_killed_c} {s_attacks_c}",
    )
    a4 = Article(
        id=f"{AP}#2",
        source=AP,
        index=2,
        title="Ferry capsizes on Lake Victoria",
        url="https://apnews.com/article/tanzania-ferry-mwanza",
        outlet="apnews.com",
        published=dt.date(2023, 10, 14),
        published_from="metadata",
        fingerprint="a4",
        text=f"MWANZA, Tanzania (AP) - {s_ferry_date} {s_ferry_killed}",
    )

    strikes = {"story": STRIKES}
    f_killed_a = make_fact(
        "fact-killed-16",
        a1,
        s_killed_a,
        "16",
        "killed",
        Interval(low=16, high=16),
        victims="people",
        places=["Iraq"],
        countries=["Iraq"],
        date=_day("2024-02-02"),
        attribution="the Iraqi government",
        asof=dt.date(2024, 2, 3),
        scope="Iraq",
        part_of="place Iraq",
        **strikes,
    )
    f_killed_c = make_fact(
        "fact-killed-17",
        a3,
        s_killed_c,
        "Seventeen",
        "killed",
        Interval(low=17, high=17),
        victims="people",
        places=["Akashat", "Iraq"],
        countries=["Iraq"],
        date=_day("2024-02-03"),
        attribution="an Iraqi military spokesman",
        asof=dt.date(2024, 2, 3),
        scope="Iraq",
        part_of="place Iraq",
        **strikes,
    )
    f_syria = make_fact(
        "fact-killed-23",
        a1,
        s_syria,
        "at least 23",
        "killed",
        Interval(low=23),
        victims="militants",
        places=["Syria"],
        countries=["Syria"],
        date=_day("2024-02-02"),
        attribution="the Syrian Observatory for Human Rights",
        asof=dt.date(2024, 2, 3),
        scope="Syria",
        part_of="place Syria; group militants",
        **strikes,
    )
    f_attacks_b = make_fact(
        "fact-attacks-160",
        a2,
        s_attacks_b,
        "more than 160",
        "attacks",
        Interval(low=161),
        Interval(low=161, high=169),
        victims="US troops",
        places=["Iraq", "Syria"],
        countries=["Iraq", "Syria"],
        date=DateRange(start=dt.date(2023, 10, 17), end=dt.date(2024, 2, 5)),
        cumulative=True,
        attribution="the Pentagon",
        asof=dt.date(2024, 2, 5),
        scope="",
        **strikes,
    )
    f_attacks_c = make_fact(
        "fact-attacks-150",
        a3,
        s_attacks_c,
        "at least 150",
        "attacks",
        Interval(low=150),
        victims="US forces",
        date=DateRange(start=dt.date(2023, 10, 17), end=dt.date(2024, 2, 3)),
        cumulative=True,
        attribution="officials",
        asof=dt.date(2024, 2, 3),
        scope="",
        **strikes,
    )
    f_date_a = make_fact(
        "fact-date-feb2",
        a1,
        s_date_a,
        "Friday, Feb. 2",
        "date",
        Interval(),
        places=["Iraq"],
        countries=["Iraq"],
        date=_day("2024-02-02"),
        weekday="Friday",
        asof=dt.date(2024, 2, 3),
        scope="",
        **strikes,
    )
    f_date_c = make_fact(
        "fact-date-feb3",
        a3,
        s_date_c,
        "Saturday, Feb. 3",
        "date",
        Interval(),
        places=["Akashat"],
        countries=["Iraq"],
        date=_day("2024-02-03"),
        weekday="Saturday",
        asof=dt.date(2024, 2, 3),
        scope="",
        **strikes,
    )
    f_ferry_date = make_fact(
        "fact-date-oct12",
        a4,
        s_ferry_date,
        "Wednesday, 12 October",
        "date",
        Interval(),
        places=["Mwanza"],
        countries=["Tanzania"],
        date=_day("2023-10-12"),
        weekday="Wednesday",
        story=FERRY,
        asof=dt.date(2023, 10, 14),
        scope="",
    )
    f_ferry_killed = make_fact(
        "fact-drowned-12",
        a4,
        s_ferry_killed,
        "At least 12",
        "killed",
        Interval(low=12),
        victims="people",
        countries=["Tanzania"],
        date=_day("2023-10-12"),
        attribution="the regional police commander",
        story=FERRY,
        asof=dt.date(2023, 10, 14),
        scope="",
    )
    f_brief_date = make_fact(
        "fact-date-feb8",
        a5,
        s_brief_date,
        "Wednesday, Feb. 8",
        "date",
        Interval(),
        date=_day("2024-02-08"),
        weekday="Wednesday",
        asof=dt.date(2024, 2, 6),
    )
    facts = [
        f_date_a,
        f_killed_a,
        f_syria,
        f_attacks_b,
        f_brief_date,
        f_date_c,
        f_killed_c,
        f_attacks_c,
        f_ferry_date,
        f_ferry_killed,
    ]

    stories = [
        Story(
            id=FERRY,
            label="Ferry capsizes near Mwanza, Tanzania",
            articles=[a4.id],
            start=dt.date(2023, 10, 12),
            end=dt.date(2023, 10, 14),
            places=["Mwanza", "Tanzania"],
        ),
        Story(
            id=STRIKES,
            label="US strikes on militias in Iraq and Syria",
            articles=[a3.id, a1.id, a2.id],
            start=dt.date(2024, 2, 2),
            end=dt.date(2024, 2, 5),
            places=["Iraq", "Syria", "Akashat"],
        ),
    ]
    events = [
        Event(
            id="ev-killed-iraq",
            story=STRIKES,
            metric="killed",
            key="killed|all|Iraq",
            facts=[f_killed_a.id, f_killed_c.id],
            sources=[a1.id, a3.id],
        ),
        Event(
            id="ev-killed-syria",
            story=STRIKES,
            metric="killed",
            key="killed|militants|Syria",
            facts=[f_syria.id],
            sources=[a1.id],
        ),
        Event(
            id="ev-attacks",
            story=STRIKES,
            metric="attacks",
            key="attacks|US troops|whole",
            facts=[f_attacks_b.id, f_attacks_c.id],
            sources=[a2.id, a3.id],
            corroborated=True,
        ),
        Event(
            id="ev-date-strikes",
            story=STRIKES,
            metric="date",
            key="date|all|whole",
            facts=[f_date_a.id, f_date_c.id],
            sources=[a1.id, a3.id],
        ),
        Event(
            id="ev-ferry-killed",
            story=FERRY,
            metric="killed",
            key="killed|all|whole",
            facts=[f_ferry_killed.id],
            sources=[a4.id],
        ),
    ]
    findings = [
        Finding(
            id="C001-3f9c1a7b2e10",
            rule="C001",
            kind="conflict",
            severity="error",
            metric="killed",
            event="ev-killed-iraq",
            story=STRIKES,
            summary=(
                "conflict: 16 (the Iraqi government; 1 outlet) vs Seventeen "
                "(an Iraqi military spokesman; 1 outlet) killed in Iraq"
            ),
            facts=[f_killed_a.id, f_killed_c.id],
            sides=[[f_killed_a.id], [f_killed_c.id]],
        ),
        Finding(
            id="D001-6b1e0d9a4c27",
            rule="D001",
            kind="date",
            severity="warning",
            metric="date",
            event=None,
            story=FERRY,
            summary=(
                "weekday-mismatch: 'Wednesday, 12 October' — 12 October 2023 "
                "was a Thursday, not a Wednesday"
            ),
            facts=[f_ferry_date.id],
            sides=[[f_ferry_date.id]],
        ),
        Finding(
            id="D001-e3c5a2f81b90",
            rule="D001",
            kind="date",
            severity="warning",
            metric="date",
            event=None,
            story=None,
            summary=(
                "weekday-mismatch: 'Wednesday, Feb. 8' — 8 February 2024 "
                "was a Thursday, not a Wednesday"
            ),
            facts=[f_brief_date.id],
            sides=[[f_brief_date.id]],
        ),
        Finding(
            id="D003-8d02b6e4c351",
            rule="D003",
            kind="date",
            severity="warning",
            metric="date",
            event="ev-date-strikes",
            story=STRIKES,
            summary=(
                "date-disagreement: the strikes: 2024-02-02 (reuters.com) "
                "vs 2024-02-03 (apnews.com)"
            ),
            facts=[f_date_a.id, f_date_c.id],
            sides=[[f_date_a.id], [f_date_c.id]],
        ),
        Finding(
            id="S001-51ac3d88e07f",
            rule="S001",
            kind="scope",
            severity="info",
            metric="killed",
            event=None,
            story=STRIKES,
            summary=(
                "scope: 16 (the Iraqi government; 1 outlet) vs at least 23 "
                "(the Syrian Observatory for Human Rights; 1 outlet) killed in Iraq+Syria"
            ),
            facts=[f_killed_a.id, f_syria.id],
            sides=[[f_killed_a.id], [f_syria.id]],
        ),
        Finding(
            id="U001-b7e45f0a9c22",
            rule="U001",
            kind="update",
            severity="info",
            metric="attacks",
            event="ev-attacks",
            story=STRIKES,
            summary=(
                "update: at least 150 (officials; 1 outlet) vs more than 160 "
                "(the Pentagon; 1 outlet) attacks (US troops)"
            ),
            facts=[f_attacks_b.id, f_attacks_c.id],
            sides=[[f_attacks_c.id], [f_attacks_b.id]],
        ),
    ]
    inputs = [
        InputRecord(path=REUTERS, status="ok", articles=3),
        InputRecord(path=AP, status="ok", articles=2),
        InputRecord(path=BROKEN, status="skipped", reason=SKIP_REASON),
    ]
    return Report(
        inputs=inputs,
        articles=[a1, a2, a5, a3, a4],
        facts=facts,
        stories=stories,
        events=events,
        findings=findings,
    )


# --- hostile text ---------------------------------------------------------------

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = '"><img src=x onerror="window.__pwned=\'img\'">'
SVG = "'><svg onload=\"window.__pwned='svg'\">"
STYLE = "</style><script>window.__pwned = 'style'</script>"
PAYLOADS = (SCRIPT, IMG, SVG, STYLE)
EVIL_URL = "javascript:window.__pwned='url'//https://evil.example/x.js"
HOSTILE_PATH = "<img src=x onerror=\"window.__pwned='path'\">.txt"


def hostile_report() -> Report:
    """The fixed report with injection payloads in every free-text field."""
    base = build_report()
    payload = " ".join(PAYLOADS)
    articles = [
        a.model_copy(
            update={
                "title": f"{a.title} {SCRIPT}",
                "outlet": IMG,
                "url": EVIL_URL,
                "duplicate_of": SVG if a.index == 2 else None,
            }
        )
        for a in base.articles
    ]
    facts = []
    for fact in base.facts:
        start, end = fact.sentence_span
        prefix = f"{SCRIPT} {IMG} "
        sentence = prefix + fact.sentence + f" {STYLE}"
        shift = len(prefix)
        facts.append(
            fact.model_copy(
                update={
                    "sentence": sentence,
                    "sentence_span": (start - shift, end + len(STYLE) + 1),
                    "places": [*fact.places, SVG],
                    "attribution": f"{fact.attribution} {IMG}",
                    "victims": SCRIPT,
                    "stated": fact.stated,
                    "part_of": f"{fact.part_of or 'place'} {SVG}",
                    "scope": f"{fact.scope or ''}{STYLE}",
                }
            )
        )
    stories = [
        s.model_copy(
            update={"label": f"{s.label} {SCRIPT} {IMG}", "places": [*s.places, SVG, STYLE]}
        )
        for s in base.stories
    ]
    findings = [
        f.model_copy(update={"summary": f"{f.summary} {payload}", "metric": IMG})
        for f in base.findings
    ]
    events = [e.model_copy(update={"key": f"{e.key}{SCRIPT}"}) for e in base.events]
    inputs = [
        *base.inputs,
        InputRecord(path=HOSTILE_PATH, status="skipped", reason=f"cannot decode {payload}"),
    ]
    return base.model_copy(
        update={
            "inputs": inputs,
            "articles": articles,
            "facts": facts,
            "stories": stories,
            "events": events,
            "findings": findings,
        }
    )
