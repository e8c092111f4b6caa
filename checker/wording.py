"""How a side of a finding reads: its figure, who it cites, how many outlets carry it.

Shared by the finding titles (checker/compare/summary.py) and every reporter,
so a side is named the same way everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from checker.fingerprint import source_key
from checker.models import Article, Fact


def side_value(side: Sequence[Fact]) -> str:
    """The figure a side stands for: the words most of its claims use (shortest on a tie)."""
    stated = Counter(" ".join(f.stated.split()) for f in side)
    if not stated:
        return ""
    return sorted(stated.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def side_attribution(side: Sequence[Fact]) -> str:
    """Who a side cites: one authority, ``X and others``, or ``""``."""
    who = sorted({f.attribution for f in side if f.attribution})
    if not who:
        return ""
    return who[0] if len(who) == 1 else f"{who[0]} and others"


def side_outlets(side: Sequence[Fact], articles: Mapping[str, Article]) -> int:
    """How many distinct outlets carry a side (a source without outlet counts by its text)."""
    keys = {
        source_key(article) if (article := articles.get(f.article)) is not None else f.article
        for f in side
    }
    return len(keys)


def side_label(side: Sequence[Fact], articles: Mapping[str, Article]) -> str:
    """``about 90 (UN agency; 3 outlets)``: the side's figure, who it cites, how many outlets."""
    if not side:
        return "no claim in the report"
    outlets = side_outlets(side, articles)
    parts = [side_attribution(side)] if side_attribution(side) else []
    parts.append(f"{outlets} outlet" + ("" if outlets == 1 else "s"))
    return f"{side_value(side)} ({'; '.join(parts)})"
