"""Files of the cache written beside their place and renamed (``paths.write_through``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.paths import write_atomically, write_through


def test_a_file_is_renamed_into_place_with_no_stray_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "kept.txt"
    assert write_atomically(target, "one")
    assert target.read_text(encoding="utf-8") == "one"
    assert write_atomically(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["kept.txt"]


def test_a_failed_fill_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "kept.sqlite"
    target.write_text("old", encoding="utf-8")

    def fail(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise sqlite3.OperationalError("disk full")

    assert not write_through(target, fail, (OSError, sqlite3.Error))
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.sqlite"]
    # An error it was not told to expect is the caller's, and still leaves nothing.
    with pytest.raises(sqlite3.OperationalError):
        write_through(target, fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.sqlite"]
