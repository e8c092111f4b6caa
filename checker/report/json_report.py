"""``--format json``: the :class:`Report` model itself, with its ``schema_version``.

Article texts are not included (the model excludes them); every fact still
carries its sentence, span and stated words. The output is the pydantic dump
with two-space indentation and a final newline, so it is byte-for-byte
deterministic for a given report.
"""

from __future__ import annotations

from functools import cache
from typing import Any, BinaryIO

from checker.models import Report

# The report's lists, written a chunk of items at a time.
_LISTS = ("inputs", "articles", "facts", "stories", "events", "findings")
_CHUNK = 2000


class JsonReporter:
    """The report as JSON, ready for ``Report.model_validate_json``."""

    name = "json"

    def render(self, report: Report) -> str:
        """The JSON document, ending with a newline."""
        return report.model_dump_json(indent=2) + "\n"

    def write_bytes(self, report: Report, stream: BinaryIO) -> None:
        """Write ``render``'s document to ``stream`` as UTF-8, a chunk of items at a time.

        The document of a large batch is hundreds of megabytes: built whole,
        it was the run's peak of memory. The report without its lists is
        dumped first; each list is then written where its ``[]`` stands, each
        chunk of items dumped as a list of its own and indented one level
        deeper (JSON strings hold no raw line breaks), which gives the same
        bytes.
        """
        skeleton = report.model_copy(update={name: [] for name in _LISTS})
        rest = skeleton.__pydantic_serializer__.to_json(skeleton, indent=2)
        for name in _LISTS:
            items: list[Any] = getattr(report, name)
            if not items:
                continue
            empty = b'\n  "' + name.encode() + b'": []'
            head, found, rest = rest.partition(empty)
            if not found:
                raise ValueError(f"no place for {name} in the report's JSON")
            stream.write(head)
            stream.write(empty[:-1])
            adapter = _list_adapter(name)
            for lo in range(0, len(items), _CHUNK):
                chunk = adapter.dump_json(items[lo : lo + _CHUNK], indent=2)
                # '[\n  {...},\n  {...}\n]' -> '\n    {...},\n    {...}'
                if lo:
                    stream.write(b",")
                stream.write(chunk[1:-2].replace(b"\n", b"\n  "))
            stream.write(b"\n  ]")
        stream.write(rest)
        stream.write(b"\n")


@cache
def _list_adapter(name: str) -> Any:
    """The serializer of the report's list ``name`` (as the report's field declares it)."""
    from pydantic import TypeAdapter

    annotation = Report.model_fields[name].annotation
    assert annotation is not None
    return TypeAdapter(annotation)
