"""Sets of text spans that answer "does this span overlap any of them?" in O(log n).

Extractors keep the spans already taken (dates, times, place names with
digits) and skip any later match that overlaps one. Scanning every taken span
for every match is quadratic in the length of an article; this index bisects.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class _Run:
    """Spans sorted by start, with the running maximum of their ends."""

    __slots__ = ("max_ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.max_ends: list[int] = []

    def append(self, start: int, end: int) -> None:
        """Add a span that starts at or after every span in the run."""
        top = self.max_ends[-1] if self.max_ends else end
        self.starts.append(start)
        self.max_ends.append(max(top, end))

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span (s, e) of the run has ``s < end`` and ``e > start``."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.max_ends[k - 1] > start


class SpanIndex:
    """Half-open spans ``(start, end)``, added in any order, queried for overlap.

    ``overlaps(a, b)`` is exactly ``any(not (b <= s or a >= e) for s, e in spans)``.
    Spans added in increasing start order (as ``re.finditer`` yields them) go
    to a sorted tail; a span that starts before the tail's last one folds the
    tail into the main run first, which costs one merge of two sorted runs.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        """An index holding ``spans``."""
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._main = _Run()
        for start, end in self._spans:
            self._main.append(start, end)
        self._tail: list[tuple[int, int]] = []
        self._tail_run = _Run()

    def add(self, start: int, end: int) -> None:
        """Add the span ``(start, end)``."""
        if self._tail and start < self._tail[-1][0]:
            self._fold()
        self._tail.append((start, end))
        self._tail_run.append(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``(start, end)`` overlaps a span of the index (touching is not overlap)."""
        return self._main.overlaps(start, end) or self._tail_run.overlaps(start, end)

    def __len__(self) -> int:
        """The number of spans."""
        return len(self._spans) + len(self._tail)

    def _fold(self) -> None:
        self._spans = sorted(self._spans + self._tail)
        self._main = _Run()
        for start, end in self._spans:
            self._main.append(start, end)
        self._tail = []
        self._tail_run = _Run()
