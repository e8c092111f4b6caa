"""Expand the paths given on the command line into the inputs to read, in order.

Paths keep the form they were given in (relative stays relative), with forward
slashes; files found under a directory are named by joining the directory as
given with their relative path. Directory contents are sorted by name and
read depth-first; hidden files and directories (a name starting with ".") are
skipped. "-" stands for standard input.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

STDIN = "-"


@dataclass(frozen=True)
class InputEntry:
    """One input to read: a file, standard input, or a path that cannot be read."""

    display: str
    path: str | None
    problem: str | None = None


def _dangling(path: str) -> str:
    """Why a link that leads nowhere cannot be read: a loop, or a missing target."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "not found (broken link)"


def _slashes(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _join(directory: str, name: str) -> str:
    return f"{directory}{name}" if directory.endswith("/") else f"{directory}/{name}"


def _walk(path: str, display: str, visited: set[str]) -> Iterator[InputEntry]:
    real = os.path.realpath(path)
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        yield InputEntry(display, path, "cannot read directory: permission denied")
        return
    except OSError as exc:
        yield InputEntry(display, path, f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = _join(display, entry.name)
        try:
            if entry.is_dir():
                yield from _walk(entry.path, child, visited)
            elif entry.is_file():
                yield InputEntry(child, entry.path)
            elif not os.path.exists(entry.path):
                yield InputEntry(child, entry.path, _dangling(entry.path))
            else:
                yield InputEntry(child, entry.path, "not a regular file")
        except OSError as exc:
            yield InputEntry(child, entry.path, f"cannot read: {exc.strerror or exc}")


def discover(paths: Sequence[str]) -> Iterator[InputEntry]:
    """The inputs named by ``paths``, in order; each directory's files sorted."""
    visited: set[str] = set()
    for given in paths:
        if given == STDIN:
            yield InputEntry(STDIN, None)
            continue
        display = _slashes(given)
        if not given or not os.path.lexists(given):
            yield InputEntry(display, given, "not found")
        elif os.path.isdir(given):
            if os.path.realpath(given) in visited:
                continue  # already read under another name given earlier
            found = False
            for entry in _walk(given, display, visited):
                found = True
                yield entry
            if not found:
                yield InputEntry(display, given, "directory has no input files")
        elif not os.path.exists(given):
            yield InputEntry(display, given, _dangling(given))
        else:
            yield InputEntry(display, given)
