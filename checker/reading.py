"""Reading in a forked process while this one gets the extraction workers going.

With a pool of workers (``--jobs``), this process reads the inputs and hands
the articles to the workers. Before forking them it builds what they share
(the number-scan plan, quantulum3's patterns: a third of a second on one
core, the others idle), and once they run, its reading (decoding, JSON,
boilerplate, near-duplicates, publication dates) takes a core from them. A
reader forked before all that reads meanwhile: the building and the
reading overlap, and the workers' cores are theirs. The reader sends the
articles back in the order read, a batch at a time, a bounded number of
batches ahead (a crawl is never held whole), and then what ``produce``
returned (the input records).
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Callable, Iterable
from queue import Empty, Full
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items sent back at once (by count, or by what ``weigh`` says of them):
# enough to make each send cheap, few enough that this process gets the
# first articles at once.
BATCH = 32
# Batches the reader may be ahead of this process (which waits while it
# builds the workers' patterns, and while the workers are all busy).
AHEAD = 64
# How often this process looks whether a reader it waits for is still alive (s).
_POLL = 1.0

_ITEMS, _DONE, _FAILED = "items", "done", "failed"


class ReaderError(RuntimeError):
    """The forked reader failed (its traceback is the message) or ended without
    finishing (killed, out of memory)."""


def can_fork() -> bool:
    """Whether processes can be forked here (Linux, macOS)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def input_bytes(paths: Iterable[str]) -> int | None:
    """The bytes of the files ``paths`` name (directories' files too); None with standard input."""
    from checker.ingest.discover import discover

    total = 0
    for entry in discover(list(paths)):
        if entry.path is None:
            return None
        if entry.problem is None:
            with contextlib.suppress(OSError):
                total += os.path.getsize(entry.path)
    return total


def produced_apart(
    produce: Callable[[Callable[[T], None]], R],
    consume: Callable[[T], None],
    *,
    batch: int = BATCH,
    ahead: int = AHEAD,
    weigh: Callable[[T], int] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> R:
    """``produce(emit)`` run in a forked process; each item it emits is passed to
    ``consume`` here, in order; what it returns is returned. ``meanwhile`` is
    run here first, once the forked process has started.

    Items are sent in batches of ``batch`` items, or with ``weigh`` of
    ``batch`` weight (the last item making it up included), at most ``ahead``
    batches ahead of ``consume``.

    An exception in the forked process is raised here as a ``ReaderError``
    with its traceback (as one too when the process ended without a word);
    an exception in ``consume`` ends the forked process.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue: Any = context.Queue(maxsize=max(1, ahead))
    child = context.Process(
        target=_produce, args=(produce, queue, max(1, batch), weigh, os.getpid()), daemon=True
    )
    child.start()
    finished = False
    try:
        if meanwhile is not None:
            meanwhile()
        while True:
            kind, payload = _next(queue, child)
            if kind == _ITEMS:
                for item in payload:
                    consume(item)
            elif kind == _DONE:
                finished = True
                result: R = payload
                return result
            else:
                raise ReaderError(payload)
    finally:
        if not finished and child.is_alive():
            child.terminate()
        child.join()
        queue.close()


def _next(queue: Any, child: Any) -> tuple[str, Any]:
    """The next message from the forked process, or ``ReaderError`` once it is gone."""
    while True:
        try:
            message: tuple[str, Any] = queue.get(timeout=_POLL)
            return message
        except Empty:
            if child.is_alive():
                continue
        try:  # gone: what it sent before it ended is in the pipe by now
            message = queue.get(timeout=_POLL)
            return message
        except Empty:
            raise ReaderError(f"the reader process ended (exit code {child.exitcode})") from None


def _produce(
    produce: Callable[[Callable[[Any], None]], Any],
    queue: Any,
    batch: int,
    weigh: Callable[[Any], int] | None,
    parent: int,
) -> None:
    """The forked process: ``produce``, its items sent a batch at a time, then its result."""
    held: list[Any] = []
    weight = 0

    def emit(item: Any) -> None:
        nonlocal weight
        held.append(item)
        weight += 1 if weigh is None else weigh(item)
        if weight >= batch:
            _put(queue, (_ITEMS, held[:]), parent)
            held.clear()
            weight = 0

    message: tuple[str, Any]
    try:
        message = (_DONE, produce(emit))
    except BaseException:
        # Sent as text: an exception object may not survive pickling.
        message = (_FAILED, "in the reader process:\n" + traceback.format_exc())
    if held:
        _put(queue, (_ITEMS, held), parent)
    _put(queue, message, parent)


def _put(queue: Any, message: tuple[str, Any], parent: int) -> None:
    """Send ``message``, waiting while ``AHEAD`` batches wait; end this process at
    once if the process reading them (``parent``) is gone, instead of waiting forever."""
    while True:
        try:
            queue.put(message, timeout=_POLL)
            return
        except Full:
            if os.getppid() != parent:
                os._exit(1)
