"""Provinces and states from ISO 3166-2 (pycountry) join the gazetteer as regions."""

from __future__ import annotations

from checker.rulebook import Place, Rulebook
from checker.subdivisions import subdivision_places


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


def test_the_rulebook_knows_provinces_its_file_does_not_list(rulebook: Rulebook) -> None:
    regions = {p.name: p for p in rulebook.places.places if p.kind == "region"}
    assert regions["Gauteng"].country == "South Africa"
    assert regions["Ishikawa"].country == "Japan"
    names = [p.name for p in rulebook.places.places]
    assert len(names) == len(set(names))
