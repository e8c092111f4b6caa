"""HTML pages, through trafilatura when the optional extra factcheck[html] is installed."""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

from checker.ingest.records import RecordFields, record_fields

MISSING_EXTRA = "HTML input needs the optional extra factcheck[html]"


def _trafilatura() -> ModuleType | None:
    try:
        return importlib.import_module("trafilatura")
    except ImportError:
        return None


def html_available() -> bool:
    """True when HTML pages can be read (trafilatura is importable)."""
    return _trafilatura() is not None


def html_record(page: str) -> RecordFields | None:
    """The article fields trafilatura finds in an HTML page; None when it finds no text."""
    module = _trafilatura()
    if module is None:
        raise RuntimeError(MISSING_EXTRA)
    extracted: Any = module.extract(page, output_format="json", with_metadata=True)
    if not isinstance(extracted, str):
        return None
    record = json.loads(extracted)
    if not isinstance(record, dict):
        return None
    return record_fields(record)
