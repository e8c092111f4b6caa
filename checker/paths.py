"""Where the bundled rules/ and templates/ live: in the wheel or in the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def rules_dir() -> Path:
    """The directory of the default rule files."""
    return _bundled("rules")


def templates_dir() -> Path:
    """The directory of the Jinja2 templates and the report CSS."""
    return _bundled("templates")
