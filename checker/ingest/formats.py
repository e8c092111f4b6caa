"""Which reader handles an input: by extension, or sniffed from its first bytes."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Literal

from checker.ingest.decode import bom_length, wide_codec

Format = Literal["txt", "json", "jsonl", "html", "sniff"]

_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_COMPRESSED = frozenset({".gz", ".bz2", ".xz", ".zst", ".zip", ".7z"})


def extension(name: str) -> str:
    """The lower-case extension of a file name, two parts for compressed names (".jsonl.gz")."""
    suffixes = [suffix.lower() for suffix in PurePosixPath(name).suffixes]
    if not suffixes:
        return ""
    if suffixes[-1] in _COMPRESSED and len(suffixes) > 1:
        return "".join(suffixes[-2:])
    return suffixes[-1]


def format_of(name: str) -> Format | None:
    """The reader for a file name: its extension decides, no extension means sniff."""
    ext = extension(name)
    if not ext:
        return "sniff"
    return _EXTENSIONS.get(ext)


def unsupported_reason(name: str) -> str:
    """Why a file whose ``format_of`` is None is skipped, as a sentence."""
    ext = extension(name)
    if ext.startswith(".warc"):
        return f"unsupported format {ext} (WARC archives are not read yet)"
    if ext.rsplit(".", 1)[-1] in {suffix.lstrip(".") for suffix in _COMPRESSED}:
        return f"unsupported format {ext} (compressed: decompress it first)"
    return f"unsupported format {ext}"


def _head_text(head: bytes) -> str:
    wide = wide_codec(head)
    body = head[bom_length(head) :]
    codec = wide[0] if wide else "utf-8"
    return body.decode(codec, errors="ignore")


def sniff_format(head: bytes) -> Format:
    """JSON lines when the first non-blank character is "{", a JSON document for "[" or for
    a "{" whose first line is not a complete JSON value (pretty-printed JSON), else .txt.
    """
    text = _head_text(head).lstrip()
    if text.startswith("["):
        return "json"
    if not text.startswith("{"):
        return "txt"
    first_line, newline, _rest = text.partition("\n")
    if not newline:
        # The head ends inside the first line: a long JSON line, or one object alone.
        return "jsonl"
    try:
        json.loads(first_line)
    except ValueError:
        return "json"
    return "jsonl"
