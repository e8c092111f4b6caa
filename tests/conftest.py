"""Shared fixtures: the bundled rulebook and the seeds directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulebook import Rulebook, load_rulebook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The rules shipped in rules/."""
    return load_rulebook()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed article files."""
    return ROOT / "seeds"
