"""Stable ids for events and findings: hashes of what they say, never of where or when."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from checker.models import Article, Fact


def short_hash(*parts: str, length: int = 12) -> str:
    """A short hex digest of ``parts`` joined with a separator that cannot occur in them."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def source_key(article: Article) -> str:
    """What identifies a source across runs: its outlet, else its text fingerprint."""
    return article.outlet or article.fingerprint or article.id


def claims_key(facts: Iterable[Fact], articles: dict[str, Article]) -> list[str]:
    """The sorted (source, interval) pairs of ``facts``, as strings."""
    return sorted(
        {f"{source_key(articles[f.article])}={f.interval.low}:{f.interval.high}" for f in facts}
    )


def sides_key(sides: Sequence[Iterable[Fact]], articles: dict[str, Article]) -> list[str]:
    """Each side's sorted (source, interval) pairs, the sides in a canonical order."""
    return sorted(",".join(claims_key(side, articles)) for side in sides)


def finding_id(
    code: str,
    key: Sequence[str],
    sides: Sequence[Iterable[Fact]],
    articles: dict[str, Article],
) -> str:
    """The stable id of a finding: rule code, the key of what it is about (metric,
    group, place, a date bucket) and each side's sorted (source, interval) pairs.

    It never depends on file paths, offsets, run time or the tool version, so a
    baseline keeps matching when files move or the text around a number changes.
    """
    return code + "-" + short_hash(code, *key, *sides_key(sides, articles))
