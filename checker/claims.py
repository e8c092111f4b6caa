"""Claim identity: what a figure counts, where, about which incident, as of when.

Once articles are clustered into stories, each fact gets:

- ``story``: the story of its article;
- ``victims``: its counted group, "people" when it names the nationality the
  story mostly counts;
- ``asof``: the day its figure stands for: the publication date; for an
  undated article a day its sentence states for a running tally, the latest
  full date it mentions, or the weekday it names after the story's first report;
- ``scope``: the place it counts, relative to its story: ``""`` for the
  story's whole area (the story's main country, region or city), else the
  place named by the figure (towns the rules do not list come from GeoNames);
- ``background``: a figure about another happening or a longer period
  ("a similar attack in 2019 killed 40", "the war has killed 30,000"), or one
  dated before the story began: listed, never compared;
- ``increment``: a count that is not the toll itself ("20 more bodies", "26
  remain in hospital", an item of a listed breakdown);
- ``part_of``: why the figure is a part of a larger count, for the reader.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

from checker.extract.lexicon import (
    ANAPHOR_WINDOW,
    Lexicon,
    anaphor_right_after,
    lexicon,
    opens_aside,
    place_list_gap,
    spoken_at,
    vague_area,
)
from checker.extract.text import POSSESSIVES, dateline_end
from checker.geo import TOWN_WINDOW, figure_towns, skip_words, unaccented
from checker.models import Article, Fact, Story
from checker.rulebook import Place, Rulebook

_YEAR_RE = re.compile(r"(?<![\w.,$£€-])(1[89]\d\d|20\d\d)(?![\w,.%-]\d|\w)")
ALL_GROUPS = frozenset({"", "people"})
_STATE_WINDOW = 30


def group_key(victims: str | None) -> str:
    """The counted group as a key: ``""`` for everyone (no group named, or "people")."""
    if not victims or victims in ALL_GROUPS:
        return ""
    return victims


# How far before a count "including" may stand ("including at least three").
_PART_WINDOW = 24
# How far after a count "... were among the wounded" may stand.
_PART_AFTER_WINDOW = 48
# How far before a count "the first bomber struck ..." may stand.
_SUBINCIDENT_WINDOW = 120


# How far before a figure its one-site source may stand ("X Hospital said it had received 26").
_SITE_SOURCE_WINDOW = 80
# How far past a figure the site it was counted at may stand ("12 people hurt in
# the crash were being treated at the provincial hospital").
_SITE_AFTER_WINDOW = 120
# How far before a figure what its site did with the people may stand ("treated 41
# people"), and twice that after it ("12 people hurt in the crash were being treated").
_SITE_VERB_WINDOW = 30


def _one_site(fact: Fact, lex: Lexicon) -> bool:
    """True when the figure is one site's count: its source is a hospital, a morgue
    (``one_site_sources``), by its attribution or as the subject that says it
    ("Civil Service Hospital in X said it had received 26")."""
    if fact.attribution and lex.one_site_re.search(fact.attribution):
        return True
    before = fact.preceding(_SITE_SOURCE_WINDOW)
    site = lex.one_site_re.search(before)
    if site is not None and (
        lex.report_re.search(before, site.end()) is not None
        or lex.site_verb_re.search(before, site.end()) is not None  # "the hospital treated 31"
    ):
        return True
    # "12 people hurt in the crash were being treated at the provincial hospital"
    after = fact.context(0, _SITE_AFTER_WINDOW)[len(fact.stated) :]
    verb = lex.site_verb_re.search(after)
    return verb is not None and lex.one_site_re.search(after, verb.end()) is not None


def is_increment(fact: Fact, lex: Lexicon) -> bool:
    """True for counts that are not the running toll itself.

    What was added ("20 more bodies", "three new deaths", "a further 500
    troops", "three died overnight, raising the death toll to 12"), and a
    present state or sub-count ("26 people remain in hospital", "96 bodies
    were identified").
    """
    return is_state(fact, lex) or _added_by(fact, lex) is not None or _raises_a_toll(fact, lex)


def is_state(fact: Fact, lex: Lexicon) -> bool:
    """True for a present state or sub-count ("26 people remain in hospital")."""
    rule = lex.rulebook.metric(fact.metric)
    state = rule is not None and rule.state
    after = fact.context(0, _STATE_WINDOW)[len(fact.stated) :]
    other = lex.number_token_re.search(after)
    if other is not None:
        # "deaths reach 26, nine still missing": the words past another number are its.
        after = after[: other.start()]
    if state:
        return False
    return (
        lex.state_re.search(after) is not None
        or lex.state_before_re.search(fact.preceding(_STATE_WINDOW)) is not None
    )


# How far past a figure "raising the death toll to" may stand.
_RAISING_REACH = 160


def _raises_a_toll(fact: Fact, lex: Lexicon) -> bool:
    """True when the figure's clause goes on to raise a toll ("three workers ... died
    overnight, raising the death toll to 12"; ``raising_markers``): the figure is
    what was added to it."""
    after = fact.context(0, _RAISING_REACH)[len(fact.stated) :]
    return lex.raising_re.search(after) is not None


def _added_by(fact: Fact, lex: Lexicon) -> str | None:
    """The increment marker that makes the figure an addition ("a further 500
    troops", "another 12 bodies", "20 more bodies"), in lower case, else None."""
    before = fact.preceding(_STATE_WINDOW).split()
    if before and before[-1].lower() in lex.increment_words - {"more"}:
        return before[-1].lower()
    words = fact.context(0, _STATE_WINDOW).split()[:2]
    if len(words) < 2 or not words[0][-1:].isalnum():
        return None
    return words[1].lower() if words[1].lower() in lex.increment_words else None


# How many counts of one nationality a single report of a story must give for
# it to be everyone the story counts.
_NATIONALS_IN_ONE = 3


def _national(victims: str | None, nationalities: AbstractSet[str]) -> str | None:
    """The group ``victims`` narrows by a nationality ("soldiers" of "Iraqi soldiers"),
    or None when it names none."""
    nationality, _, base = (victims or "").rpartition(" ")
    return base if nationality in nationalities else None


def _nationals(
    facts: Sequence[Fact], story_of: Mapping[str, Story], nationalities: AbstractSet[str]
) -> dict[tuple[str, str, str], str]:
    """Per story, metric and group, the nationality whose members of the group the
    story mostly counts.

    "471 Palestinians" in a story that counts Palestinians far more often than
    anyone else is everyone the story counts, and "seven Iraqi soldiers" all
    the soldiers; beside as many counts of Israelis they stay a group of their
    own.
    """
    seen: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    told_by: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    # A nationality's count below its own report's count of the whole group
    # ("six people killed ... the dead were four Germans") is a part of that count.
    everyone: dict[tuple[str, str, str], float] = {}
    for fact in facts:
        if (
            fact.victims
            and fact.interval.low is not None
            and not fact.background
            and _national(fact.victims, nationalities) is None
        ):
            key = (fact.article, fact.metric, fact.victims)
            everyone[key] = max(everyone.get(key, 0.0), fact.interval.low)
    for fact in facts:
        story = story_of.get(fact.article)
        base = _national(fact.victims, nationalities)
        if story is None or base is None or fact.victims is None:
            continue
        high = fact.interval.high
        if high is not None and high < everyone.get((fact.article, fact.metric, base), 0.0):
            continue
        seen[(story.id, fact.metric, base)][fact.victims] += 1
        told_by[(story.id, fact.metric, fact.victims)].add(fact.article)
    out: dict[tuple[str, str, str], str] = {}
    for key, counts in seen.items():
        (top, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # Beside people of other nationalities, one report's own told once or
        # twice ("two Lao workers" among a fire's dead abroad, in its title and
        # its text, beside "nine of them Chinese") are not everyone its story counts.
        told = told_by[(key[0], key[1], top)]
        if not rest or (n >= 2 * rest[0][1] and (len(told) > 1 or n >= _NATIONALS_IN_ONE)):
            out[key] = top
    return out


def _resolve(name: str, lex: Lexicon, extra: Mapping[str, Place], country: str) -> Place | None:
    """The place ``name`` stands for: the gazetteer's, a GeoNames town of ``extra``,
    or a division the gazetteer does not list ("Bastak county"), a part of the
    story's area as a town is."""
    place = lex.place_by_name.get(name) or extra.get(name)
    if place is None and " " in name:
        base, word = name.rsplit(" ", 1)
        if word in lex.division_words:
            # "Gwoza town" is the town the story's GeoNames towns know as Gwoza.
            known = lex.place_by_name.get(base) or extra.get(base)
            return known or Place(name=name, country=country, kind="city")
    return place


def _shared_scopes(facts: Sequence[Fact], places: dict[str, tuple[str, bool]]) -> dict[str, str]:
    """Fact id -> scope, from ``place_of``'s ``places``: a figure told of the whole area
    takes the wider place its article gives the same figure elsewhere ("48
    across X" in the headline, "48 across X, including 21 in Y" below: one
    count, wider than Y's story)."""
    wider: dict[tuple[str, str, float | None, float | None], set[str]] = defaultdict(set)
    for fact in facts:
        scope, is_wider = places.get(fact.id, ("", False))
        if is_wider:
            wider[_same_figure(fact)].add(scope)
    out = {fact_id: scope for fact_id, (scope, _wider) in places.items()}
    for fact in facts:
        if out.get(fact.id) == "" and len(found := wider.get(_same_figure(fact), set())) == 1:
            out[fact.id] = next(iter(found))
    return out


def _part_marked(fact: Fact, lex: Lexicon) -> bool:
    """True when a part marker stands before the figure ("including 21") or after it
    ("three of the dead were children"; rules/context.yaml)."""
    if lex.part_re.search(fact.preceding(_PART_WINDOW)):
        return True
    # Past an aside about the counted people ("Two hikers, a Canadian man and an
    # Australian woman, were among the dead").
    skip = 0
    aside = _ASIDE_RE.match(fact.sentence, fact.span[1] - fact.sentence_span[0])
    if aside is not None and opens_aside(aside.group(1).lower().split(), lex):
        skip = len(aside.group())
    after = fact.context(0, skip + _PART_AFTER_WINDOW)
    # A marker may stand in the figure's own words ("Six of the dead").
    marker = lex.part_after_re.search(after, len(fact.stated) + skip if skip else 0)
    if marker is None:
        return False
    # Not a marker of another count or clause ("rose to 17 by the afternoon as
    # several of the wounded died": several's).
    between = after[len(fact.stated) + skip : marker.start()]
    return lex.number_token_re.search(between) is None and lex.clause_openers.isdisjoint(
        between.lower().split()
    )


# An aside between commas right after a figure (its words: group 1).
_ASIDE_RE = re.compile(r",([^,;]{1,80}),")


def told_as_part(fact: Fact, lex: Lexicon) -> bool:
    """True when the figure's words tell it is a part of a larger count: a part marker
    (``_part_marked``), or words right after the figure ("Two Germans among four
    foreigners killed") or its number ("seven of the 12 people killed were
    Chilean"; ``part_after_figure``, ``part_after_number``)."""
    if _part_marked(fact, lex):
        return True
    if lex.part_after_figure_re.match(fact.sentence, fact.span[1] - fact.sentence_span[0]):
        return True
    number = lex.number_token_re.search(fact.stated)
    if number is None:
        return False
    at = fact.span[0] - fact.sentence_span[0] + number.end()
    return lex.part_after_number_re.match(fact.sentence, at) is not None


# How far into its sentence, after the words that open it, a whole's figure may stand.
_WHOLE_REACH = 12


def under_a_whole(facts: Sequence[Fact], lex: Lexicon) -> set[str]:
    """Ids of figures an article gives before its whole of them, and smaller.

    "Six people were killed when a car bomb exploded in X ... Overall, 17
    people were killed in the two bombings": a sentence opened by a word of
    the whole (rules/context.yaml ``whole_openers``) gives the article's
    whole; its figures of that metric before it are parts of it.
    """
    wholes: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        if fact.metric == "date" or fact.interval.low is None:
            continue
        opener = lex.whole_opener_re.match(fact.sentence)
        if opener is None or fact.span[0] - fact.sentence_span[0] > opener.end() + _WHOLE_REACH:
            continue
        key = (fact.article, fact.metric)
        if key not in wholes or fact.span < wholes[key].span:
            wholes[key] = fact
    out: set[str] = set()
    for fact in facts:
        whole = wholes.get((fact.article, fact.metric))
        if (
            whole is not None
            and fact.span < whole.span
            and fact.interval.high is not None
            and whole.interval.low is not None
            and fact.interval.high < whole.interval.low
        ):
            out.add(fact.id)
    return out


def _same_figure(fact: Fact) -> tuple[str, str, float | None, float | None]:
    return (fact.article, fact.metric, fact.interval.low, fact.interval.high)


def _level(place: Place) -> int:
    return {"country": 0, "region": 1, "city": 2, "site": 3}[place.kind]


def story_whole_places(
    facts: Sequence[Fact], lex: Lexicon, extra: Mapping[str, Place] | None = None
) -> frozenset[str]:
    """The places that stand for the whole area of a story with these ``facts``.

    The country named by most of its articles when no other country is named
    by nearly as many (one operation in two countries has two scopes); the
    region named by most of its articles when no other region is named by
    nearly as many (a state hit by a flood, but neither of two states hit by
    one storm); and a city named by at least half of its articles, more than
    any region and far more than any other city (a fire in one city, "near X,
    the capital of Y province").
    """
    per_article: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        for name in fact.places:
            per_article[fact.article].add(name)
    counts: Counter[str] = Counter(n for names in per_article.values() for n in names)
    whole: set[str] = set()
    ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    country_of: dict[str, str] = {}
    for name, n in counts.items():
        place = _resolve(name, lex, extra or {}, "")
        if place is None:
            continue
        kind = {"country": "country", "region": "region"}.get(place.kind, "local")
        ranked[kind].append((n, name))
        country_of[name] = place.country
    for names in ranked.values():
        names.sort(key=lambda r: (-r[0], r[1]))
    countries = ranked.get("country", [])
    if countries and (len(countries) < 2 or countries[1][0] * 2 <= countries[0][0]):
        whole.add(countries[0][1])
    regions, local = ranked.get("region", []), ranked.get("local", [])
    if whole:
        # Not a region or town of another country that few of its articles name:
        # "across the border in X's Y state, floods have killed 30" names a
        # neighbour's. (One named by half of them or more is the story's own.)
        (own,) = whole
        half = len(per_article) / 2

        def its_own(ranked_place: tuple[int, str]) -> bool:
            n, name = ranked_place
            return country_of[name] in (own, "") or n >= half

        regions = [r for r in regions if its_own(r)]
        local = [r for r in local if its_own(r)]

    # With two countries and neither dominant (one operation in two), no
    # region or city of one of them stands for the whole story.
    split = len(countries) >= 2 and not any(c in whole for _n, c in countries)
    if not split and regions and (len(regions) < 2 or regions[1][0] * 2 <= regions[0][0]):
        whole.add(regions[0][1])
    top_region = regions[0][0] if regions else 0
    if (
        not split
        and local
        and local[0][0] * 2 >= len(per_article)
        and (local[0][0] > top_region or _told_of_the_city(facts, local[0][1], whole))
        and (len(local) < 2 or local[1][0] * 2 <= local[0][0])
    ):
        # A city named more than any region is where the story happened (a
        # fire in one city): its figures are the whole story's. So is one
        # that most figures naming a place name, with the region it is in
        # ("28 abducted from a village near X in Y state").
        whole.add(local[0][1])
    return frozenset(whole)


def _told_of_the_city(facts: Sequence[Fact], city: str, whole: set[str]) -> bool:
    """True when more of the figures that name one of ``whole``'s places (the
    story's region or country) name ``city`` before it, as the place the region
    is the address of ("near X in Y state", "in X, the capital of Y"), than
    do not name the city."""
    with_city = without = 0
    for fact in facts:
        wider = whole.intersection(fact.places)
        if fact.metric == "date" or not wider:
            continue
        if city not in fact.places:
            without += 1
            continue
        at = fact.sentence.find(city)
        if at >= 0 and all(at < fact.sentence.rfind(name) for name in wider):
            with_city += 1
    return with_city > without


def _told_as_parts(facts: Sequence[Fact], lex: Lexicon) -> frozenset[str]:
    """The places some figure of a story tells as a part of it ("41 in the province,
    15 of them in the city of X"): never the story's whole area, whoever else
    names them."""
    out: set[str] = set()
    for fact in facts:
        if fact.metric == "date" or not fact.places:
            continue
        if lex.subcount_place_re.search(fact.stated):
            out.update(fact.places)  # "15 of them in the city of X"
            continue
        end = fact.span[1] - fact.sentence_span[0]
        after = fact.sentence[end : end + TOWN_WINDOW]
        # "including 21 in X", "seven of the dead were in the town of X"
        part = _part_marked(fact, lex)
        for name in fact.places:
            at = after.find(name)
            if at < 0:
                continue
            if part and at <= _PART_PLACE_REACH and "," not in after[:at]:
                out.add(name)  # the part's own place, in its clause
            elif len(fact.places) > 1 and _past_a_part(fact, name, lex):
                out.add(name)  # "48 across X, including 21 in Y": Y, past the 48's part
    return frozenset(out)


# How far past a part's figure its own place may stand ("seven of the dead were in
# the seaside town of X").
_PART_PLACE_REACH = 50


def scope_of(
    fact: Fact, whole: frozenset[str], lex: Lexicon, extra: Mapping[str, Place] | None = None
) -> str:
    """``""`` when the fact counts the story's whole area, else the place it counts
    (``place_of``'s place)."""
    return place_of(fact, whole, lex, extra)[0]


def place_of(
    fact: Fact, whole: frozenset[str], lex: Lexicon, extra: Mapping[str, Place] | None = None
) -> tuple[str, bool]:
    """The place the fact counts (``""``: the story's whole area), and whether it is
    wider than the whole (see ``_place_of``); a town told in another region than
    the story's ("eight killed in X, in central Y state" in a story of state Z) is
    counted as that region's, a neighbour of the whole area, never a part of it."""
    scope, wider = _place_of(fact, whole, lex, extra)
    if not scope or wider or "+" in scope:
        return scope, wider
    country = fact.countries[0] if fact.countries else ""
    known = _resolve(scope, lex, extra or {}, country)
    if known is None or known.kind not in _TOWN_KINDS:
        return scope, wider
    if "region" not in _kinds(whole, lex, extra, country):
        return scope, wider
    for name in fact.places:
        place = _resolve(name, lex, extra or {}, country)
        if (
            place is not None
            and place.kind == "region"
            and name not in whole
            and not vague_area(name, lex)
        ):
            return name, wider
    return scope, wider


# The sentences with figures or dates that open an article (its title among them):
# its lead, for ``_at_the_site``.
_LEAD_SENTENCES = 3
# The kinds of place that are a town.
_TOWN_KINDS = frozenset({"city", "site"})


def _at_the_site(
    facts: Sequence[Fact],
    scopes: dict[str, str],
    story_of: Mapping[str, Story],
    lex: Lexicon,
    extra: Mapping[str, Place],
) -> dict[str, str]:
    """``scopes`` with the first toll (of a running toll's metric) of an article told in
    a town counting the whole story, when the story is of a happening at one
    spot (``Story.point``) and no toll in it is told in another town: "18 killed
    and 27 injured when a bus overturned near X", beside reports that name only
    X's state, counts the crash, not X's share of it. Only a figure of an
    article's lead (its first sentences with figures): further on, a town's
    figure may be of another happening ("in May, a bomb in X wounded 7"). (A
    figure told as a part, "12 of them in X", or a hospital's, "nine were
    admitted in X", keeps its town.)"""

    def town(name: str, fact: Fact) -> bool:
        place = _resolve(name, lex, extra, fact.countries[0] if fact.countries else "")
        return place is not None and place.kind in _TOWN_KINDS

    said: dict[str, set[tuple[int, int]]] = defaultdict(set)
    first: dict[tuple[str, str], Fact] = {}
    told_in: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        story = story_of.get(fact.article)
        if story is None or not story.point:
            continue
        said[fact.article].add(fact.sentence_span)
        if fact.metric not in lex.running_tolls:
            continue
        key = (fact.article, fact.metric)
        if key not in first or fact.span < first[key].span:
            first[key] = fact
        scope = scopes.get(fact.id, "")
        if scope and "+" not in scope and town(scope, fact):
            told_in[story.id].add(scope)
    lead = {aid: sorted(spans)[:_LEAD_SENTENCES][-1] for aid, spans in said.items()}
    out = dict(scopes)
    for fact in first.values():
        scope = scopes.get(fact.id, "")
        story_id = story_of[fact.article].id
        if (
            scope
            and told_in[story_id] == {scope}
            and fact.sentence_span <= lead[fact.article]
            and not told_as_part(fact, lex)
            and not lex.site_verb_re.search(fact.sentence)
        ):
            out[fact.id] = ""
    return out


def _in_title(fact: Fact, articles: Mapping[str, Article]) -> bool:
    """True when a figure stands in its article's title (its text starts with the
    title and a blank line, when it has one)."""
    title = articles[fact.article].title if fact.article in articles else None
    return bool(title) and fact.span[0] < len(title or "")


def _titles_as_told(
    facts: Sequence[Fact], scopes: dict[str, str], articles: Mapping[str, Article], lex: Lexicon
) -> dict[str, str]:
    """``scopes`` with a title's figure that names no place of the gazetteer taking
    the place its text gives the same figure of the same metric ("X: 62,000 in
    relief camps" over "some 62,000 people in X district are sheltering"), when
    the text gives it one place only and the title names it too; and a text's
    figure that names no place taking the place its title gives the same
    figure, when the text gives it no other."""

    def figure(fact: Fact) -> tuple[str, str, str]:
        # Its number as written: "some 62,000 people" gives the title's "62,000".
        number = lex.number_token_re.search(fact.stated)
        return fact.article, fact.metric, number.group().lower() if number else fact.stated

    # Each figure's scopes in the text (``told``) and in the title (``headed``).
    told: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    headed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    titled_ids = {f.id for f in facts if _in_title(f, articles)}
    for fact in facts:
        if fact.id not in titled_ids:
            told[figure(fact)].add(scopes.get(fact.id, ""))
        elif fact.metric != "date":
            headed[figure(fact)].add(scopes.get(fact.id, ""))
    out = dict(scopes)
    for fact in facts:
        if fact.places or scopes.get(fact.id) or fact.metric == "date":
            continue
        if fact.id in titled_ids:
            places = told.get(figure(fact), set())
            if len(places) == 1 and "" not in places:
                place = next(iter(places))
                if place.split()[0] in fact.sentence:  # the title names it too ("X: 62,000 ...")
                    out[fact.id] = place
            continue
        # "Three dead in X" over "Three people were killed, regional officials
        # said": the text's figure is the title's, of the title's place.
        titled = headed.get(figure(fact), set())
        if len(titled) == 1 and "" not in titled and told[figure(fact)] <= {"", *titled}:
            out[fact.id] = next(iter(titled))
    return out


def _at_the_locality(
    facts: Sequence[Fact],
    scopes: dict[str, str],
    placed_at: Mapping[str, tuple[str, bool]],
    story_of: Mapping[str, Story],
    lex: Lexicon,
    parts_of: Mapping[tuple[str, str], frozenset[str]],
) -> dict[str, str]:
    """``scopes`` with a figure whose sentence names its story's locality counting the
    whole story: a locality the gazetteer does not know that most of the story's
    reports name ("an army post in X"), the places beside it its address ("in X,
    in central Y's Z region"); not a figure of a wider area than the story's
    (``placed_at``: "48 across the state, including 21 in X"). A place some
    figure tells as a part of the story (``parts_of``: per story and metric,
    "17 of them in the city of X") is no locality of all of it."""
    from checker.stories import localities_in

    # Each sentence once: a long one holds many figures.
    in_sentence: dict[tuple[str, tuple[int, int]], list[str]] = {}
    told_by: dict[str, Counter[str]] = defaultdict(Counter)  # story id -> locality -> reports
    seen: set[tuple[str, str, str]] = set()
    for fact in facts:
        story = story_of.get(fact.article)
        said = (fact.article, fact.sentence_span)
        if story is None or fact.metric == "date" or not fact.sentence or said in in_sentence:
            continue
        in_sentence[said] = localities_in(fact.sentence, lex)
        for name in in_sentence[said]:
            if (story.id, fact.article, name) not in seen:
                seen.add((story.id, fact.article, name))
                told_by[story.id][name] += 1
    at_locality: dict[tuple[tuple[str, tuple[int, int]], str], bool] = {}
    out = dict(scopes)
    for fact in facts:
        story = story_of.get(fact.article)
        scope = out.get(fact.id)
        if not scope or story is None or placed_at.get(fact.id, ("", False))[1]:
            continue
        if scope.rsplit(" ", 1)[-1].lower() in lex.region_word_set:
            continue  # a division named by its kind ("X province"): a part of its own
        said = (fact.article, fact.sentence_span)
        if (said, fact.metric) not in at_locality:
            common = told_by[story.id]
            parts = {name.casefold() for name in parts_of.get((story.id, fact.metric), ())}
            at_locality[(said, fact.metric)] = any(
                2 * common[n] > len(story.articles) and common[n] > 1 and n not in parts
                for n in in_sentence.get(said, ())
            )
        if at_locality[(said, fact.metric)]:
            out[fact.id] = ""
    return out


def _nationwide(
    facts: Sequence[Fact],
    story_of: Mapping[str, Story],
    whole_of: Mapping[tuple[str, str], frozenset[str]],
    placed_at: dict[str, tuple[str, bool]],
    lex: Lexicon,
    extra: Mapping[str, Place],
) -> dict[str, tuple[str, bool]]:
    """``placed_at`` with a figure told nationwide that names no place ("1,105
    arrested across the country") counting its whole country, wider than the
    story's area, where other figures of its metric are told of the story's
    city or region by name ("410 arrested in X"): the story is that place's."""
    local: set[tuple[str, str]] = set()
    smaller: dict[tuple[str, str, str], set[str]] = {}  # the whole's places below a country
    for fact in facts:
        story = story_of.get(fact.article)
        if story is None or fact.metric == "date" or not fact.places:
            continue
        country = fact.countries[0] if fact.countries else ""
        key = (story.id, fact.metric, country)
        if key not in smaller:
            smaller[key] = {
                n
                for n in whole_of[(story.id, fact.metric)]
                if (p := _resolve(n, lex, extra, country)) and p.kind != "country"
            }
        if smaller[key].intersection(fact.places):
            local.add((story.id, fact.metric))
    out = dict(placed_at)
    for fact in facts:
        story = story_of.get(fact.article)
        if (
            story is not None
            and (story.id, fact.metric) in local
            and not fact.places
            and fact.countries
            and out.get(fact.id) == ("", False)
            and lex.national_re.search(fact.context(ANAPHOR_WINDOW, ANAPHOR_WINDOW))
        ):
            out[fact.id] = (fact.countries[0], True)
    return out


def _kinds(
    names: Iterable[str], lex: Lexicon, extra: Mapping[str, Place] | None, country: str
) -> set[str]:
    """The kinds of place ("country", "region", "city") that ``names`` stand for."""
    return {p.kind for n in names if (p := _resolve(n, lex, extra or {}, country)) is not None}


def _place_of(
    fact: Fact, whole: frozenset[str], lex: Lexicon, extra: Mapping[str, Place] | None = None
) -> tuple[str, bool]:
    """The place the fact counts (``""``: the story's whole area), and whether it is
    wider than the whole (see below).

    ``""`` when the fact counts the story's whole area, else the place it counts.

    The place is the one named right by the figure ("seven in Jamaica"); when
    the sentence names several places none of which stands by the figure
    ("10 across Jamaica and Cuba"), the figure counts them together, and its
    scope is their names joined with "+"; a longer list of places around a
    figure (where people came from) gives it no place of its own. A figure
    whose sentence gives a part of it in the whole area ("48 across the state,
    including 21 in the city") counts a wider area: its own place.
    """
    country = fact.countries[0] if fact.countries else ""
    named = [p for n in fact.places if (p := _resolve(n, lex, extra or {}, country)) is not None]
    places = sorted({p.name: p for p in named}.values(), key=lambda p: p.name)
    if not places:
        return "", False
    # "48 across the state of X, including 21 in its capital, Y": a place
    # past a part's number is the part's; when it is the story's whole
    # area, the figure counts a wider one.
    own = [p for p in places if not _past_a_part(fact, p.name, lex)]
    if not own:
        # "24 dead across the country, including nine in X": X is the part's.
        if country and any(p.name in whole and _a_part_in(fact, p.name, lex) for p in places):
            # "Six across the region, four of them in X", X the story's
            # area: the region the figure counts is wider, and unknown.
            return country, True
        return "", False
    wider = any(p.name in whole for p in places if p not in own)
    places = own
    attached = [
        p
        for p in places
        if _distance_to(fact, p.name) <= _ATTACHED and not _nearer_number(fact, p.name, lex)
    ]
    rule = lex.rulebook.metric(fact.metric)
    if not attached and rule is not None and rule.place_attached_only:
        # "killed 34 in X, as the EU promised 5 million euros": a sum counts a
        # place only named right by it ("damage of $2m in X").
        return "", False
    if wider:
        return max(attached or places, key=lambda p: (_level(p), p.name)).name, True
    countries = [p for p in places if p.kind == "country"]
    if (
        len(places) == 1
        and countries
        and _kinds(whole, lex, extra, country) - {"country"}
        and _across(fact, countries[0].name, lex)
    ):
        # "killed nine people across X" in a story of one of its regions or
        # towns: the whole country, wider than the story's area.
        return countries[0].name, True
    if lex.national_re.search(fact.context(ANAPHOR_WINDOW, ANAPHOR_WINDOW)):
        # "killed 26 nationwide" in a story of one province: the whole country,
        # wider than the story's area.
        countries = [p for p in places if p.kind == "country"]
        if len(countries) == 1 and _kinds(whole, lex, extra, country) - {"country"}:
            return countries[0].name, True
        if not countries and len(fact.countries) == 1:
            # "arrested 412 people during nationwide protests, 187 of them in
            # X": its country, named by no word of its sentence but a place in
            # it; wider than a story of one of its towns, else the whole.
            if _kinds(whole, lex, extra, country) - {"country"}:
                return fact.countries[0], True
            return "", False
    regions = [p for p in places if p.kind == "region"]
    if (
        len(regions) == 1
        and regions[0].name in whole
        and all(p.kind in ("region", "country") for p in places)
        and lex.wide_re.search(fact.context(ANAPHOR_WINDOW, ANAPHOR_WINDOW))
        and any(
            (p := _resolve(n, lex, extra or {}, country)) is not None and p.kind == "city"
            for n in whole
        )
    ):
        # "30,000 moved to camps across the state" in a story of one city: a
        # count all over its region, wider than the story's whole.
        return regions[0].name, True
    if len(attached) > 1:
        # "struck near the border of A and B, killing 14 people in A": a
        # place told right after the figure, after "in", is its own.
        names = [p.name for p in attached]
        right = [p for p in attached if _told_right_after(fact, p.name, names, lex)]
        if not right:
            # "27 across X's Y region", Y unknown: X is the nearest it names.
            right = [p for p in attached if _owner_right_after(fact, p.name, lex)]
        attached = right if len(right) == 1 else attached
    if len(attached) == 1:
        return ("" if attached[0].name in whole else attached[0].name), False
    if attached:
        # "80 in Pakistan's Sindh province ..., including 25 in Karachi": of
        # the places right by the figure, the narrowest is its place; a city
        # further off in the sentence counts a part.
        places = attached
    by_level = sorted(places, key=lambda p: (-_level(p), p.name))
    deepest = [p for p in by_level if _level(p) == _level(by_level[0])]
    if (
        len(deepest) > 1
        and any(p.name in whole for p in deepest)
        and any(_across(fact, p.name, lex) for p in deepest)
    ):
        # "at least 14 across A, B and C" in a story of A: a count over more
        # than the story's area, wider than its whole.
        return "+".join(p.name for p in deepest), True
    outside = [p for p in deepest if p.name not in whole]
    if not outside:
        return "", False
    if len(deepest) == 1:
        return deepest[0].name, False
    if len(deepest) > _MAX_JOINT:
        # A list of places around a figure ("migrants from A, B, C and D")
        # names where people came from, not where the figure was counted.
        return "", False
    return "+".join(p.name for p in deepest), False


_ATTACHED = 30
_MAX_JOINT = 2


# How far past a figure "across X" may stand ("killed nine people across X").
_ACROSS_REACH = 40


def _across(fact: Fact, name: str, lex: Lexicon) -> bool:
    """True when ``name`` stands right after a word for all over an area past the
    figure ("nine people across X", "throughout X"; ``wide_locatives``)."""
    end = fact.span[1] - fact.sentence_span[0]
    after = fact.sentence[end : end + _ACROSS_REACH + len(name)]
    at = after.find(name)
    if at < 0:
        return False
    ends = [m.end() for m in lex.wide_re.finditer(after, 0, at)]
    return bool(ends) and after[ends[-1] : at].strip() in ("", "the")


def _distance_to(fact: Fact, name: str) -> int:
    """Characters between the figure and the nearest mention of ``name`` in its sentence."""
    start = fact.span[0] - fact.sentence_span[0]
    end = fact.span[1] - fact.sentence_span[0]
    lo = max(0, start - TOWN_WINDOW, dateline_end(fact.sentence[:start]))
    best = TOWN_WINDOW + 1
    for found, found_end in _occurrences(fact.sentence[lo : end + TOWN_WINDOW], name):
        at, stop = lo + found, lo + found_end
        gap = at - end if at >= end else start - stop
        best = min(best, max(0, gap))
    return best


def _occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` stands in ``text``, left to right, without overlaps (a literal
    search, ignoring case: "Fars Province" is written "Fars province")."""
    if not name:
        return
    at = text.find(name)
    if at < 0:
        if name.lower() not in text.lower():
            return
        # Rarely needed: the name as written, in another case (not a
        # dateline's capitals, "ACCRA, Ghana —", which name where it was filed).
        for m in _literal_re(name).finditer(text):
            if not m.group().isupper():
                yield m.span()
        return
    while at >= 0:
        yield at, at + len(name)
        at = text.find(name, at + len(name))


@functools.lru_cache(maxsize=4096)
def _literal_re(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name), re.IGNORECASE)


def _nearer_number(fact: Fact, name: str, lex: Lexicon) -> bool:
    """True when another number stands nearer than the figure to ``name``'s nearest mention.

    "14 people in Kabul and six in Jalalabad": Jalalabad is six's place, not
    the 14's, though both stand close to it.
    """
    start = fact.span[0] - fact.sentence_span[0]
    end = fact.span[1] - fact.sentence_span[0]
    lo = max(0, start - _ATTACHED - len(name))
    window = fact.sentence[lo : end + _ATTACHED + len(name)]
    spots = [(lo + a, lo + b) for a, b in _occurrences(window, name)]
    if not spots:
        return False

    def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(0, b[0] - a[1], a[0] - b[1])

    # "N people in PLACE": a mention right after the figure is the one to judge.
    after = [s for s in spots if s[0] >= end and s[0] - end <= _ATTACHED]
    place = min(after or spots, key=lambda s: gap(s, (start, end)))
    own = gap(place, (start, end))
    between = fact.sentence[place[1] : start] if place[1] <= start else ""
    for m in lex.number_token_re.finditer(window):
        at = (lo + m.start(), lo + m.end())
        if start <= at[0] < end:
            continue
        if gap(place, at) < own:
            return True
        if (
            between
            and at[1] <= place[0]
            and place[0] - at[1] <= _ATTACHED
            and lex.joiner_any_re.search(between)
        ):
            # "14 people in Kabul and six": the place closes the item before.
            return True
    return False


def _past_locative(fact: Fact, width: int, lex: Lexicon) -> tuple[str, int] | None:
    """The ``width`` characters after the figure, and where a place may start in them
    past its noun's words and a locative ("14 people in "); None without one."""
    end = fact.span[1] - fact.sentence_span[0]
    after = fact.sentence[end : end + width]
    m = lex.right_after_re.match(after)
    return None if m is None else (after, m.end())


def _told_right_after(fact: Fact, name: str, names: Sequence[str], lex: Lexicon) -> bool:
    """True when ``name`` alone stands right after the figure, after a locative ("14
    people in A", "killing 12 across A"; not "12 across A and B", B one of ``names``)."""
    found = _past_locative(fact, 3 * _ATTACHED + len(name), lex)
    if found is None:
        return False
    after, at = found
    if not after.startswith(name, at):
        # "27 across Madagascar's Atsinanana region": the place past a possessive.
        owner = next((n for n in names if after.startswith(n, at)), None)
        if owner is None:
            return False
        at += len(owner)
        return after.startswith(POSSESSIVES, at) and after.startswith(" " + name, at + 2)
    if after.startswith(POSSESSIVES, at + len(name)):
        return False  # "80 in Iraq's Nineveh province": the province is its place
    rest = lex.joined_re.match(after, at + len(name))
    return rest is None or not any(after.startswith(n, rest.end()) for n in names)


def _owner_right_after(fact: Fact, name: str, lex: Lexicon) -> bool:
    """True when ``name`` owns what stands right after the figure ("27 across X's Y
    region": X)."""
    found = _past_locative(fact, 2 * _ATTACHED + len(name), lex)
    if found is None:
        return False
    after, at = found
    return after.startswith(name, at) and after.startswith(POSSESSIVES, at + len(name))


def _a_part_in(fact: Fact, name: str, lex: Lexicon) -> bool:
    """True when the figure's sentence gives a part of it as of ``name`` right after
    it ("six across the region, four of them in X")."""
    end = fact.span[1] - fact.sentence_span[0]
    window = fact.sentence[end : end + TOWN_WINDOW]
    for m in lex.number_token_re.finditer(window):
        told = lex.subcount_place_re.match(window, m.end())
        if told is not None and window.startswith(name, told.end()):
            return True
    return False


# How far past a figure a part's place may stand: "three killed across the
# region as storms lashed it last night, including two in X".
_PART_PLACE_AFTER = 2 * TOWN_WINDOW


def _past_a_part(fact: Fact, name: str, lex: Lexicon) -> bool:
    """True when every mention of ``name`` near the figure (within ``TOWN_WINDOW``
    before it, ``_PART_PLACE_AFTER`` after it, in its sentence) stands past
    another number that a part word sets apart from the figure ("48 across X,
    including 21 in Y": Y is past 21)."""
    start = fact.span[0] - fact.sentence_span[0]
    end = fact.span[1] - fact.sentence_span[0]
    lo = max(0, start - TOWN_WINDOW)
    window = fact.sentence[lo : end + _PART_PLACE_AFTER]
    start, end = start - lo, end - lo
    spots = list(_occurrences(window, name))
    if not spots:
        return False
    # Only a number after the figure: one before it that a part word sets
    # apart ("killing 17 people in X, of whom 15 were students") is the whole
    # the figure is a part of, and its places are the figure's too.
    parts = [
        m.start()
        for m in lex.number_token_re.finditer(window)
        if m.start() >= end
        and (
            lex.part_re.search(window[end : m.start()])
            # "six across the region, four of them in X"
            or lex.subcount_place_re.match(window, m.end()) is not None
        )
    ]
    # The place must be in the part's own phrase ("including two in X"), not
    # in the clause a part in commas is set in ("26 people, including two
    # children, were killed ... in X").
    return all(any(end <= at < a and "," not in window[at:a] for at in parts) for a, _b in spots)


def _with_towns(fact: Fact, towns: TownIndex, lex: Lexicon) -> Fact:
    """``fact`` with the towns named near it added to its places."""
    if fact.metric == "date" or not towns:
        return fact
    text = fact.context(TOWN_WINDOW, TOWN_WINDOW)
    found = sorted(
        {
            name
            for name, spelling in towns.in_words(_WORD_RE.findall(text))
            if name not in fact.places
            and (_named(spelling, text, lex) or _in_phrase(spelling, fact.stated))
        }
    )
    if not found:
        return fact
    return fact.model_copy(update={"places": [*fact.places, *found]})


_WORD_RE = re.compile(r"\w+")


def _in_phrase(name: str, stated: str) -> bool:
    """True when ``name`` stands in the figure's own words, past its number: "2,300
    Napier residents" counts the town's people."""
    at = stated.find(name)
    return (
        at > 0
        and stated[at - 1] == " "
        and stated[at + len(name) : at + len(name) + 1] in (" ", "")
    )


def _with_anaphors(facts: list[Fact], lex: Lexicon, extra: Mapping[str, Place]) -> list[Fact]:
    """A story's ``facts``, each figure told of a place by its kind and of none by
    name ("9,500 residents of the city", "41,000 displaced across the province")
    given the place of that kind its article named last before it
    (``Fact.antecedents``): a place of the gazetteer, a town of the story's, or a
    division ("Cagayan province")."""
    regions = {w.lower() for w in lex.rulebook.places.region_words}
    country = {f.article: f.countries[0] for f in facts if f.countries}
    out = []
    for fact in facts:
        found = None
        if fact.antecedents and fact.places:
            end = fact.span[1] - fact.sentence_span[0]
            found = anaphor_right_after(fact.sentence, end, lex)
        elif fact.antecedents:
            found = lex.anaphor_re.search(fact.context(ANAPHOR_WINDOW, ANAPHOR_WINDOW))
        if found is None:
            out.append(fact)
            continue
        place = None
        told = {w.lower() for w in found.group().split()} & regions
        for name in reversed(fact.antecedents):
            known = _resolve(name, lex, extra, country.get(fact.article, ""))
            if known is None:
                continue
            # A division the gazetteer does not list is a town to compare scopes
            # with ("Bastak county"), but "Cagayan province" is a province.
            word = name.rsplit(" ", 1)[-1].lower()
            kind = "region" if word in regions else known.kind
            if kind == "region" and word in regions and told and word not in told:
                continue  # "across the state" is not the "Idukki district" named before
            if kind == found.lastgroup:
                place = name
                break
        out.append(fact if place is None else fact.model_copy(update={"places": [place]}))
    return out


class TownIndex:
    """A story's towns by the first word of their names.

    A figure's few words then find the towns named near it, where trying each
    of the story's towns on each of its figures grew with the square of a
    long report (more figures, and more towns named).
    """

    def __init__(self, towns: Iterable[str]) -> None:
        """The index of the town names ``towns``, each also as written without its
        accents ("Vina del Mar")."""
        self._by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for name in towns:
            for spelling in dict.fromkeys((name, unaccented(name))):
                first = _WORD_RE.search(spelling)
                if first is not None:
                    self._by_first[first.group()].append((name, spelling))

    def __bool__(self) -> bool:
        """Whether there is any town."""
        return bool(self._by_first)

    def in_words(self, words: Iterable[str]) -> set[tuple[str, str]]:
        """The towns whose names start with one of ``words``, as (name, spelling):
        every town a text of those words can name (a name starts where one of
        the text's words does)."""
        return {town for word in set(words) for town in self._by_first.get(word, ())}


def _named(name: str, text: str, lex: Lexicon) -> bool:
    """True when ``text`` places something in ``name`` ("in X", "the town of X").

    Each place the name stands in the text is checked with two patterns made
    once: a pattern made for each name, as before, went through Python's cache
    of 512 patterns, so a story naming more towns than that compiled them again
    and again.
    """
    if name not in text:
        return False
    before = _locative_before(lex.town_locative_re)
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (
            _WORD_OR_HYPHEN.match(text, end) is None
            and before.search(text, 0, start)
            and not spoken_at(text, start, lex)
            and lex.institution_after_re.match(text, end) is None
        ):
            return True
        start = text.find(name, start + 1)
    return False


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


@functools.lru_cache(maxsize=8)
def _locative_before(locatives: str) -> re.Pattern[str]:
    """A locative right before the end of the text searched ("in", "in the town of"),
    or before a list of names that the end of the text goes on ("in the districts
    of X, Y and", "in X and")."""
    name = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    return re.compile(
        rf"\b(?:{locatives})\s+(?:the\s+\w+\s+of\s+)?"
        rf"(?:{name}(?:,\s+(?:and\s+)?|\s+and\s+)){{0,6}}\Z"
    )


# How much past a listed count its place is looked for ("four in X").
_ITEM_AFTER = 40


# How far before a count its breakdown's one person ("the train driver and") may stand.
_ONE_BEFORE = 50


def breakdown_items(facts: Sequence[Fact], lex: Lexicon) -> set[str]:
    """Ids of figures that are items of a listed breakdown in one sentence.

    "Two crew members and five passengers were killed", "15 militants and
    three civilians": figures of one metric for different groups, joined by
    "and" or a comma, each count a part of the toll, never the toll itself;
    and a count after one person and "and" ("the driver and two passengers").
    """
    by_sentence: dict[tuple[str, tuple[int, int], str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.metric != "date":
            by_sentence[(fact.article, fact.sentence_span, fact.metric)].append(fact)
    out: set[str] = set()
    for members in by_sentence.values():
        members.sort(key=lambda f: f.span)
        for fact in members:
            start = fact.span[0] - fact.sentence_span[0]
            if lex.one_person_and_re.search(fact.sentence[max(0, start - _ONE_BEFORE) : start]):
                out.add(fact.id)  # "the driver and two passengers died": one of two items
        for a, b in itertools.pairwise(members):
            between = a.sentence[a.span[1] - a.sentence_span[0] : b.span[0] - b.sentence_span[0]]
            after = b.sentence[b.span[1] - b.sentence_span[0] :][:_ITEM_AFTER]
            if lex.subcount_re.search(b.stated) or lex.partitive_re.search(b.stated):
                # "killing 11 workers, eight of them women", "14, five of whom
                # were women": the eight and the five are of the 11 and the 14
                continue
            if a.victims != b.victims and lex.joiner_re.match(between):
                out.update((a.id, b.id))
            elif place_list_gap(between, after, lex):
                # "19 people in X, four in Y": each of a place; "Seven have
                # died in the cyclone, four in X": the first is the whole.
                named = place_list_gap(between, after, lex, named=True)
                out.update((a.id, b.id) if named else (b.id,))
    return out


def _years(story: Story, articles: dict[str, Article]) -> set[int]:
    years: set[int] = set()
    for aid in story.articles:
        published = articles[aid].published
        if published:
            years.add(published.year)
    if story.start and story.end:
        years.update(range(story.start.year - 1, story.end.year + 1))
    return years


def is_background(
    fact: Fact,
    story_years: set[int],
    lex: Lexicon,
    before: dt.date | None = None,
    sentence_days: Sequence[dt.date] = (),
) -> bool:
    """True when a figure is about another happening or a longer period than the story's.

    Its sentence carries a background marker from rules/context.yaml or
    counts several happenings ("in two road crashes"), names a year that is
    not the story's, or the figure's own date lies in another
    year, or its sentence names a day (``sentence_days``) before ``before``
    (weeks before the story's first report: "the war, which began with an
    attack on 7 October that killed 1,400" in a story three weeks later).
    """
    context = lex.background_exception_re.sub(" ", fact.context())
    if lex.background_re.search(context) or _of_several(fact, lex):
        return True
    if before is not None and any(day < before for day in sentence_days):
        return True
    if (
        before is not None
        and fact.date_from == "text"
        and fact.date.end is not None
        and fact.date.end < before
    ):
        # Its own sentence dates it ("in July, a gas explosion injured 48")
        # wholly before the story began.
        return True
    if story_years:
        years = {int(y) for y in _YEAR_RE.findall(context)}
        if years and not years & story_years:
            return True
        if fact.date_from == "text" and fact.date.start and fact.date.start.year not in story_years:
            return True
    return False


def _days_of(day: dt.date | None) -> tuple[dt.date, ...]:
    return () if day is None else (day,)


def _of_several(fact: Fact, lex: Lexicon) -> bool:
    """True when the figure's sentence counts several happenings ("died in two road
    crashes"), other than by the figure itself ("three attacks" counts attacks)."""
    context = fact.context(_SEVERAL_REACH, _SEVERAL_REACH)
    start = min(fact.span[0] - fact.sentence_span[0], _SEVERAL_REACH)
    end = start + fact.span[1] - fact.span[0]
    return any(m.end() <= start or m.start() >= end for m in lex.several_re.finditer(context))


# How far from a figure (in characters, within its sentence) its count of
# several happenings may stand.
_SEVERAL_REACH = 200


def weekday_day(weekdays: Sequence[int], anchor: dt.date | None) -> dt.date | None:
    """The day an undated article speaks on, from the weekdays it names.

    The weekdays are read as the days of the week before it was written: the
    writing day is the named weekday that leaves the others closest before it
    ("landfall Thursday ... on Sunday ... on Monday" was written on the
    Monday), taken on the date nearest ``anchor`` (the story's earliest
    publication date), a day before it counting half again as far as one after.
    """
    if anchor is None or not weekdays:
        return None
    best: tuple[int, int, int] | None = None
    for w in sorted(set(weekdays)):
        span = max((w - v) % 7 for v in weekdays)
        after = anchor + dt.timedelta(days=(w - anchor.weekday()) % 7)
        for day in (after, after - dt.timedelta(days=7)):
            # A day before the story's first dated report is less likely: it
            # counts half again as far as one after.
            offset = (day - anchor).days
            key = (span, 2 * offset if offset >= 0 else -3 * offset, -day.toordinal())
            if best is None or key < best:
                best = key
    assert best is not None
    return dt.date.fromordinal(-best[2])


def asof(
    fact: Fact, article: Article, latest: dt.date | None, start: dt.date | None = None
) -> dt.date | None:
    """The day a figure stands for: the publication date, else a stated day.

    A day stated in the sentence of an undated article's running tally ("the
    toll reached 52 on Sunday") stands for it; in a dated article the stated
    day is as often the incident's ("13 died in Friday's stampede") as the
    count's, so the publication date is the safer reading. A publication date
    inferred from the text is only a lower bound: never earlier than the
    story's ``start``.
    """
    if article.published is not None:
        if article.published_from == "inferred" and start is not None:
            return max(article.published, start)
        return article.published
    if (
        fact.cumulative
        and fact.date_from == "text"
        and fact.date.start is not None
        and fact.date.start == fact.date.end
    ):
        return fact.date.start
    return latest


def _noun_groups(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Per metric counted by its nouns (troops), the groups its nouns name: all of
    them one count, but a group within another of them (the police among the
    security forces: "100 police officers" sent ahead of "150 soldiers")."""
    out: dict[str, frozenset[str]] = {}
    for ml in lex.metrics:
        if ml.rule.counts != "nouns":
            continue
        groups = {
            group
            for noun in ml.nouns
            if (group := lex.victim_words.get(tuple(noun.split()))) is not None
        }
        out[ml.rule.name] = frozenset(g for g in groups if lex.victim_parent.get(g) not in groups)
    return out


def story_towns(
    facts: Sequence[Fact], stories: Sequence[Story], rulebook: Rulebook
) -> dict[str, dict[str, Place]]:
    """Per story (by id, in the order of ``stories``), the GeoNames towns named near its figures."""
    story_of = {aid: s for s in stories for aid in s.articles}
    by_story: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        story = story_of.get(fact.article)
        if story is not None:
            by_story[story.id].append(fact)
    skip = skip_words(lexicon(rulebook))
    return {s.id: figure_towns(by_story.get(s.id, []), rulebook, skip) for s in stories}


def batch_towns(towns: Iterable[Mapping[str, Place]]) -> dict[str, Place]:
    """Every story's towns by name, a later story's place for a name named by several."""
    return {name: place for found in towns for name, place in found.items()}


def assign(
    facts: Sequence[Fact],
    stories: Sequence[Story],
    articles: dict[str, Article],
    rulebook: Rulebook,
    weekdays: dict[str, tuple[int, ...]] | None = None,
    towns: Mapping[str, Mapping[str, Place]] | None = None,
    extra: Mapping[str, Place] | None = None,
) -> list[Fact]:
    """``facts`` with their story, as-of day, scope, background flag and part-of note.

    ``weekdays`` (article id -> weekdays it names without a date) lets an
    undated article with no full date in its text speak on the first such
    day on or after its story's earliest publication date. When ``stories``
    are some of a batch's (checked apart, see checker/judge.py), ``towns``
    are theirs (``story_towns``) and ``extra`` the whole batch's
    (``batch_towns`` of every story's, in the batch's story order).
    """
    lex = lexicon(rulebook)
    story_of = {aid: s for s in stories for aid in s.articles}
    latest: dict[str, dt.date] = {}
    for fact in facts:
        day = fact.date.start
        if fact.metric == "date" and day and (day > latest.get(fact.article, dt.date.min)):
            latest[fact.article] = day
    if towns is None:
        towns = story_towns(facts, stories, rulebook)
    if extra is None:
        extra = batch_towns(towns.values())
    indexes = {story_id: TownIndex(names) for story_id, names in towns.items()}
    facts = [
        _with_towns(f, indexes[s.id], lex) if (s := story_of.get(f.article)) is not None else f
        for f in facts
    ]
    by_story: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if (story := story_of.get(fact.article)) is not None:
            by_story[story.id].append(fact)
    for story_id, told in by_story.items():
        by_story[story_id] = _with_anaphors(told, lex, extra)
    placed = {f.id: f for told in by_story.values() for f in told}
    facts = [placed.get(f.id, f) for f in facts]
    whole = {s.id: story_whole_places(by_story.get(s.id, []), lex, extra) for s in stories}
    # Per story and metric, the whole area less the places told as its parts.
    whole_of: dict[tuple[str, str], frozenset[str]] = {}
    parts_of: dict[tuple[str, str], frozenset[str]] = {}
    for story_id, told in by_story.items():
        by_metric: dict[str, list[Fact]] = defaultdict(list)
        for fact in told:
            by_metric[fact.metric].append(fact)
        for metric, of_metric in by_metric.items():
            parts_of[(story_id, metric)] = _told_as_parts(of_metric, lex)
            whole_of[(story_id, metric)] = whole[story_id] - parts_of[(story_id, metric)]
    years = {s.id: _years(s, articles) for s in stories}
    items = breakdown_items(facts, lex)
    # The earliest day each sentence names: all ``is_background`` needs of them.
    earliest_in: dict[tuple[str, tuple[int, int]], dt.date] = {}
    for fact in facts:
        if fact.metric == "date" and fact.date.start:
            said = (fact.article, fact.sentence_span)
            earliest_in[said] = min(earliest_in.get(said, fact.date.start), fact.date.start)
    margin = dt.timedelta(days=rulebook.findings.background_days)
    earliest = {s.id: s.start - margin if s.start else None for s in stories}
    for story in stories:
        for aid in story.articles:
            if articles[aid].published is None and aid not in latest:
                day = weekday_day((weekdays or {}).get(aid, ()), story.start)
                if day is not None:
                    latest[aid] = day
    # Nationalities are proper adjectives ("Iraqi"); "male" narrows a group too,
    # but is never all of it.
    nationalities = frozenset(n for n in lex.nationality_words.values() if n[:1].isupper())
    nationals = _nationals(facts, story_of, nationalities)
    noun_groups = _noun_groups(lex)
    placed_at = {
        f.id: place_of(f, whole_of[(story.id, f.metric)], lex, extra)
        for f in facts
        if f.metric != "date" and (story := story_of.get(f.article)) is not None
    }
    placed_at = _nationwide(facts, story_of, whole_of, placed_at, lex, extra)
    scopes = _titles_as_told(
        facts,
        _at_the_site(
            facts,
            _at_the_locality(
                facts, _shared_scopes(facts, placed_at), placed_at, story_of, lex, parts_of
            ),
            story_of,
            lex,
            extra,
        ),
        articles,
        lex,
    )

    # Each fact's counted people: a nationality the story mostly counts is all
    # of its group ("Iraqi soldiers" the soldiers), and a metric's own noun is
    # everyone ("1,700 soldiers" and "1,200" are both troop counts: the group a
    # metric counts by its nouns is everyone it counts).
    victims_of: dict[str, str | None] = {}
    for fact in facts:
        if (story := story_of.get(fact.article)) is not None:
            victims = fact.victims
            base = _national(victims, nationalities)
            if base is not None and nationals.get((story.id, fact.metric, base)) == victims:
                victims = base
            victims_of[fact.id] = None if victims in noun_groups.get(fact.metric, ()) else victims
    # The largest figure of each article, metric and group: a part of a group
    # ("the dead included three police officers") beside the group's own toll
    # ("14 security forces") is a part like any other.
    largest: dict[tuple[str, str, str], float] = {}
    # ... and of everyone per story and metric, for one site's count.
    story_largest: dict[tuple[str, str], float] = {}
    for fact in facts:
        low = fact.interval.low
        if fact.id in victims_of and low is not None:
            group = group_key(victims_of[fact.id])
            key = (fact.article, fact.metric, group)
            largest[key] = max(largest.get(key, low), low)
            if not group:
                at = (story_of[fact.article].id, fact.metric)
                story_largest[at] = max(story_largest.get(at, 0.0), low)
    # The first figure of each article and metric that follows a figure of
    # another metric: "Six were killed. Another 14 were injured."
    first_at: dict[tuple[str, str], Fact] = {}
    opening: dict[str, Fact] = {}
    for fact in facts:
        if fact.metric == "date":
            continue
        known = first_at.get((fact.article, fact.metric))
        if known is None or fact.span < known.span:
            first_at[(fact.article, fact.metric)] = fact
        if fact.article not in opening or fact.span < opening[fact.article].span:
            opening[fact.article] = fact
    firsts = {f.id for f in first_at.values() if opening[f.article].metric != f.metric}
    # The words of the body's figures told as parts: a title that gives one in
    # the same words ("Nine elderly residents killed" over "nine elderly
    # residents were among those killed") gives the part, not the toll.
    told_parts = {f.id for f in facts if f.metric != "date" and told_as_part(f, lex)}
    told_parts |= under_a_whole(facts, lex)
    titled = {f.id for f in facts if _in_title(f, articles)}
    parts_told = {
        (f.article, f.metric, f.stated.lower())
        for f in facts
        if f.id in told_parts and f.id not in titled
    }
    out: list[Fact] = []
    for fact in facts:
        story = story_of.get(fact.article)
        if story is None:
            out.append(fact)
            continue
        scope = scopes.get(fact.id, "")
        victims = victims_of[fact.id]
        group = group_key(victims)
        # A larger figure of its group stands in its article: it may be a part of it.
        below = (
            fact.interval.low is not None
            and largest.get((fact.article, fact.metric, group), 0.0) > fact.interval.low
        )
        # A part of everyone, or of its own group's larger toll ("the dead included
        # three police officers" beside "14 security forces").
        may_be_part = not group or fact.interval.low is None or below
        # "Six were killed. Another 14 were injured": an addition to a figure of
        # another metric is its metric's first figure, not an increment.
        added = _added_by(fact, lex) if fact.metric != "date" else None
        increment = fact.metric != "date" and (
            is_state(fact, lex)
            or (added is not None and not (fact.id in firsts and added in lex.besides_words))
            or _raises_a_toll(fact, lex)
        )
        notes = []
        if fact.metric != "date" and lex.subincident_re.search(fact.preceding(_SUBINCIDENT_WINDOW)):
            increment = True
            notes.append("one strike of several")
        elif (
            may_be_part
            and not scope
            and fact.metric != "date"
            and (
                fact.id in told_parts
                or (
                    fact.id in titled
                    and (fact.article, fact.metric, fact.stated.lower()) in parts_told
                )
            )
        ):
            increment = True
            notes.append(_PART_NOTE)
        elif fact.id in items and may_be_part:
            # "two crew members and five passengers": an item counting people
            # at large is a part of the toll, never the toll; "13 children"
            # in a list is still the story's count of children.
            increment = True
            notes.append("an item of a listed breakdown")
        elif (
            below
            or (
                story_largest.get((story.id, fact.metric), 0.0) > (fact.interval.low or 0.0)
                and lex.site_verb_re.search(fact.context(_SITE_VERB_WINDOW, _SITE_AFTER_WINDOW))
            )
        ) and _one_site(fact, lex):
            # "the hospital said it had received 26 ... police put the total
            # at 58": one hospital's count beside the whole, in its article or
            # in another report of the story.
            increment = True
            notes.append("one site's count")
        if scope:
            notes.append(f"place {scope}")
        if group:
            notes.append(f"group {group}")
        out.append(
            fact.model_copy(
                update={
                    "story": story.id,
                    "victims": victims,
                    "asof": asof(
                        fact, articles[fact.article], latest.get(fact.article), story.start
                    ),
                    "scope": scope,
                    "background": fact.metric != "date"
                    and is_background(
                        fact,
                        years[story.id],
                        lex,
                        earliest[story.id],
                        _days_of(earliest_in.get((fact.article, fact.sentence_span))),
                    ),
                    "increment": increment,
                    "part_of": "; ".join(notes) or None,
                }
            )
        )
    return _parts_told_elsewhere(out)


# How far past a part's number the noun of what it counts may stand ("of whom
# 15 were students").
_PART_NOUN_REACH = 30
_PART_NOTE = "a part of another figure"
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _parts_told_elsewhere(facts: list[Fact]) -> list[Fact]:
    """``facts`` with a figure of everyone that another article of its story tells
    as a part marked as that part: "Fifteen students died" beside "17 people,
    of whom 15 were students" counts the students, not everyone. (A figure of
    a group of its own is that group's count whatever else is told.)"""
    told: dict[tuple[str, str, float, str], set[str]] = defaultdict(set)
    for fact in facts:
        if fact.story and fact.part_of and _PART_NOTE in fact.part_of and fact.interval.low:
            for noun in _part_nouns(fact):
                told[(fact.story, fact.metric, fact.interval.low, noun)].add(fact.article)
    if not told:
        return facts
    out = []
    for fact in facts:
        words = fact.stated.lower().split()
        key = (fact.story or "", fact.metric, fact.interval.low or 0.0, words[-1] if words else "")
        if (
            not fact.increment
            and not group_key(fact.victims)
            and fact.interval.low == fact.interval.high
            and told.get(key, set()) - {fact.article}
        ):
            note = f"{fact.part_of}; {_PART_NOTE}" if fact.part_of else _PART_NOTE
            fact = fact.model_copy(update={"increment": True, "part_of": note})
        out.append(fact)
    return out


def _part_nouns(part: Fact) -> set[str]:
    """The words that may name what a part counts: its stated words, and the first
    few just past them ("of whom 15 were students")."""
    end = part.span[1] - part.sentence_span[0]
    after = _LETTERS_RE.findall(part.sentence[end : end + _PART_NOUN_REACH].lower())
    return {*part.stated.lower().split(), *after[:3]}
