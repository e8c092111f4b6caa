"""Regular expressions compiled once and kept between runs.

Compiling the rules' patterns (the lexicon, the date grammar, the number
scan's plan) takes a fifth of a small check's time, almost all of it in
Python's own pattern parser. What that parser produces, the code the regular
expression engine runs, depends only on the pattern, its flags and the Python
build, so it is kept in the cache directory (``rulebook.cache_dir``) and a
later run hands it straight to the engine (CPython's ``_sre.compile``, which
``re.compile`` calls too).

The engine checks every code it is given, and the file carries a digest of
what it holds and the Python build that wrote it; a file that is missing,
damaged, written by another Python or unreadable only means the patterns are
compiled as usual, and so does any Python but CPython. The patterns and their
matches are exactly those of ``re.compile``.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any

# Entries kept in the file beyond those used by the run that writes it (the
# patterns of other rule sets), counted in pattern characters.
_KEEP_UNUSED_CHARS = 4_000_000
_FORMAT = 1

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _engine() -> tuple[Any, Any, Any] | None:
    """CPython's pattern parser, code generator and engine; None elsewhere."""
    if sys.implementation.name != "cpython":
        return None
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        sre = importlib.import_module("_sre")
    except ImportError:
        return None
    if not all(
        hasattr(m, a) for m, a in ((parser, "parse"), (compiler, "_code"), (sre, "compile"))
    ):
        return None
    return parser, compiler, sre


class PatternStore:
    """Compiled patterns by (pattern, flags), read from and written to ``path``."""

    def __init__(self, path: Path | None) -> None:
        """A store that reads ``path`` on first use (None: nothing is read or written)."""
        self.path = path
        self.engine = _engine()
        self.tag = self._tag()
        self.entries: dict[tuple[str, int], Entry] | None = None
        self.used: set[tuple[str, int]] = set()
        self.compiled: dict[tuple[str, int], re.Pattern[str]] = {}
        self.missed = False

    def _tag(self) -> str:
        if self.engine is None:
            return ""
        sre = self.engine[2]
        return f"{_FORMAT} {sys.version} {sre.MAGIC} {sre.CODESIZE}"

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the kept code when there is some."""
        flags = int(flags)
        key = (pattern, flags)
        done = self.compiled.get(key)
        if done is not None:
            return done
        if self.engine is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        entries = self._entries()
        kept = entries.get(key)
        compiled = None if kept is None else self._from_entry(pattern, kept)
        if compiled is None:
            made = self._entry(pattern, flags)
            compiled = None if made is None else self._from_entry(pattern, made)
            if made is None or compiled is None:
                return re.compile(pattern, flags)
            entries[key] = made
            self.missed = True
        self.used.add(key)
        self.compiled[key] = compiled
        return compiled

    def _entry(self, pattern: str, flags: int) -> Entry | None:
        """What the engine needs of ``pattern``: its flags, code, groups and group names."""
        assert self.engine is not None
        parser, compiler, _sre = self.engine
        try:
            parsed = parser.parse(pattern, flags)
            code = [int(c) for c in compiler._code(parsed, flags)]
            names = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
            groups = int(parsed.state.groups)
            index: list[str | None] = [None] * groups
            for name, number in names.items():
                index[number] = name
            return (int(flags | parsed.state.flags), code, groups - 1, names, tuple(index))
        except Exception:  # a pattern the parser rejects: re.compile raises it
            return None

    def _from_entry(self, pattern: str, entry: Entry) -> re.Pattern[str] | None:
        assert self.engine is not None
        flags, code, groups, names, index = entry
        try:
            compiled: re.Pattern[str] = self.engine[2].compile(
                pattern, flags, code, groups, names, index
            )
        except Exception:  # damaged code: the engine refuses it
            return None
        return compiled

    def _entries(self) -> dict[tuple[str, int], Entry]:
        if self.entries is None:
            self.entries = self._read()
        return self.entries

    def _read(self) -> dict[tuple[str, int], Entry]:
        if self.path is None:
            return {}
        try:
            head, _, body = self.path.read_bytes().partition(b"\n")
            header = json.loads(head)
            if header.get("tag") != self.tag or header.get("digest") != _digest(body):
                return {}
            rows = json.loads(body)
            return {
                (row[0], int(row[1])): (
                    int(row[2]),
                    list(row[3]),
                    int(row[4]),
                    dict(row[5]),
                    tuple(row[6]),
                )
                for row in rows
            }
        except (OSError, ValueError, TypeError, IndexError, AttributeError):
            return {}

    def save(self) -> None:
        """Write the kept patterns, when this run compiled any the file did not have."""
        from checker.paths import write_atomically

        if self.path is None or not self.missed or self.entries is None:
            return
        keys = sorted(self.used)
        unused = sorted(set(self.entries) - self.used)
        if sum(len(k[0]) for k in unused) <= _KEEP_UNUSED_CHARS:
            keys = sorted(self.used | set(unused))
        rows = [[k[0], k[1], *self.entries[k]] for k in keys]
        body = json.dumps(rows, separators=(",", ":")).encode()
        header = json.dumps({"tag": self.tag, "digest": _digest(body)}).encode()
        if write_atomically(self.path, (header + b"\n" + body).decode()):
            self.missed = False


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# This process's store (made on first use).
_STORES: list[PatternStore] = []


def store() -> PatternStore:
    """This process's store: ``patterns.json`` in the cache directory (``rulebook.cache_dir``)."""
    if not _STORES:
        from checker.rulebook import cache_dir

        directory = cache_dir()
        _STORES.append(PatternStore(None if directory is None else directory / "patterns.json"))
    return _STORES[0]


def compile_kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` through this process's store (see the module doc)."""
    return store().compile(pattern, flags)


def keep() -> None:
    """Write this process's store, when it compiled patterns its file did not have."""
    if _STORES:
        _STORES[0].save()
