"""``--format json``: the :class:`Report` model itself, with its ``schema_version``.

Article texts are not included (the model excludes them); every fact still
carries its sentence, span and stated words. The output is the pydantic dump
with two-space indentation and a final newline, so it is byte-for-byte
deterministic for a given report.
"""

from __future__ import annotations

from typing import BinaryIO

from checker.models import Report


class JsonReporter:
    """The report as JSON, ready for ``Report.model_validate_json``."""

    name = "json"

    def render(self, report: Report) -> str:
        """The JSON document, ending with a newline."""
        return report.model_dump_json(indent=2) + "\n"

    def write_bytes(self, report: Report, stream: BinaryIO) -> None:
        """Write ``render``'s document to ``stream`` as UTF-8, without building it as text."""
        stream.write(report.__pydantic_serializer__.to_json(report, indent=2))
        stream.write(b"\n")
