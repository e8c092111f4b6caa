"""Python's cyclic garbage collector, paused while a check builds its facts.

A check makes millions of small objects that live until the report is
written (facts, their intervals and dates, story signatures) and next to no
reference cycles. The automatic collector keeps walking all of them as the
heap grows, about a tenth of a check's time; reference counting frees
everything else as before. Young objects are still swept for cycles now and
then (``sweep_young``), so a text that did make cyclic garbage cannot pile it
up: each object is looked at once or twice, not again at every collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Run the body with automatic cyclic garbage collection off (as it was after).

    With ``freeze``, every object alive at the end is first moved out of the
    collector's sight (``gc.freeze``): for a program whose objects live until
    it exits, where the first full collection after the pause would walk
    them all once more for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def sweep_young() -> None:
    """While automatic collection is paused, free the reference cycles among the
    objects made since the last sweep (generations 0 and 1)."""
    if not gc.isenabled():
        gc.collect(1)
