"""Where the bundled rules/ and templates/ live: in the wheel or in the checkout."""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

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


def write_atomically(path: Path, data: str) -> bool:
    """Write ``data`` to ``path`` through a temporary file beside it.

    Never raises and leaves no stray file; False when the write failed (a
    cache that cannot be written is simply not kept).
    """
    return write_through(path, lambda temporary: temporary.write_text(data, encoding="utf-8"))


def write_through(
    path: Path,
    fill: Callable[[Path], object],
    errors: tuple[type[Exception], ...] = (OSError,),
) -> bool:
    """Make ``path`` by ``fill`` writing a temporary file beside it (given its path),
    then renaming it, so that a reader never sees half of it.

    Never raises ``errors`` and leaves no stray file; False when the write
    failed (a cache that cannot be written is simply not kept).
    """
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        os.close(handle)
        temporary = Path(name)
        fill(temporary)
        os.replace(temporary, path)
        temporary = None
        return True
    except errors:
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


# An ISO country code, the only thing that names a file of a per-country index.
_CODE_RE = re.compile(r"[A-Z]{2}")


def write_per_country(directory: Path, index: Mapping[str, Any]) -> None:
    """Write ``index`` (ISO country code -> JSON data) to ``directory``, one file
    per country, and a ``complete`` marker last: a country without a file is
    then known to have nothing. Nothing is kept when a write fails."""
    written = all(
        write_atomically(directory / f"{code}.json", json.dumps(data))
        for code, data in index.items()
        if _CODE_RE.fullmatch(code)
    )
    if written:
        write_atomically(directory / "complete", "")


def read_per_country(directory: Path, code: str) -> Any:
    """The data ``write_per_country`` wrote for the country ``code``: ``{}`` when the
    index is complete and has no file for it, None when there is no complete
    index or its file cannot be read."""
    if not _CODE_RE.fullmatch(code) or not (directory / "complete").exists():
        return None
    try:
        return json.loads((directory / f"{code}.json").read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
