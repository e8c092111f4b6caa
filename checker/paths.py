"""Where the bundled rules/ and templates/ live: in the wheel or in the checkout."""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def write_atomically(path: Path, data: str) -> bool:
    """Write ``data`` to ``path`` through a temporary file beside it.

    Never raises and leaves no stray file; False when the write failed (a
    cache that cannot be written is simply not kept).
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=".", suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(data)
        os.replace(temporary, path)
        temporary = None
        return True
    except OSError:
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
