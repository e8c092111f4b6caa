"""A small union-find (disjoint set) over hashable items."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSet(Generic[T]):
    """Items joined into groups; ``groups()`` lists them in first-seen order."""

    def __init__(self, items: Iterable[T]) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        """The representative of ``item``'s group."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        """Join the groups of ``a`` and ``b``."""
        self._parent[self.find(b)] = self.find(a)

    def groups(self) -> list[list[T]]:
        """Every group, each in first-seen order, groups ordered by their first item."""
        out: dict[T, list[T]] = defaultdict(list)
        for item in self._parent:
            out[self.find(item)].append(item)
        return list(out.values())
