"""How story clustering and grouping time grows with the number of articles.

    python benchmarks/stories_scale.py                 # 1k, 10k, 100k articles
    python benchmarks/stories_scale.py --sizes 1000 5000
    python benchmarks/stories_scale.py --blocks 16      # also block by block, 16 partitions

Builds synthetic article signatures (stories of about eight articles, each
story with its own distinctive names and a place it shares with one other
story, all drawing ordinary words from one shared, Zipf-distributed
vocabulary) and synthetic facts, then times
``checker.stories.cluster`` and ``checker.group.group``. Prints seconds and
microseconds per article: a near-linear stage keeps the second column flat.
With ``--blocks N`` it also times the stories as the Dask backend computes
them, in this process: the batch's counts, its blocks, and N partitions of
whole blocks clustered one after the other (``checker.blocks``), and checks
that they are the whole batch's stories.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.blocks import stories_by_blocks  # noqa: E402
from checker.collector import cyclic_gc_paused  # noqa: E402
from checker.group import group  # noqa: E402
from checker.models import Article, Fact, Interval  # noqa: E402
from checker.rulebook import Rulebook, load_rulebook  # noqa: E402
from checker.stories import NAME, PLACE, WORD, Signature, cluster, stories  # noqa: E402


def signatures(n: int, seed: int = 11) -> list[Signature]:
    """``n`` synthetic signatures in stories of about eight articles."""
    rng = random.Random(seed)
    vocabulary = [f"word{i}" for i in range(20000)]
    weights = [1.0 / (i + 1) for i in range(len(vocabulary))]
    out: list[Signature] = []
    day0 = dt.date(2024, 1, 1)
    # Every place is shared by two stories at any size, so an article's
    # neighbourhood is the same at 1k and at 100k articles.
    places = max(1, n // 16)
    for i in range(n):
        story = i // 8
        terms: dict[str, float] = {}
        for k in rng.sample(range(12), 8):
            terms[f"{NAME}story{story}name{k}"] = 2.0
        terms[f"{PLACE}place{story % places}"] = 3.0
        for w in rng.choices(vocabulary, weights, k=60):
            terms[WORD + w] = terms.get(WORD + w, 0.0) + 1.0
        out.append(
            Signature(
                article=f"a#{i}",
                terms=terms,
                anchor=day0 + dt.timedelta(days=(story * 3) % 700 + rng.randint(0, 2)),
            )
        )
    return out


def facts(groups: list[list[int]]) -> list[Fact]:
    """Four killed/wounded facts per article, each tagged with its story."""
    out: list[Fact] = []
    for s, members in enumerate(groups):
        for i in members:
            for k, metric in enumerate(("killed", "killed", "wounded", "wounded")):
                value = 10 + (i + k) % 7
                out.append(
                    Fact(
                        id=f"a#{i}@{k}",
                        article=f"a#{i}",
                        metric=metric,
                        stated=str(value),
                        sentence=f"{value} were {metric}.",
                        span=(k, k + 2),
                        sentence_span=(k, k + 10),
                        interval=Interval(low=value, high=value),
                        likely=Interval(low=value, high=value),
                        story=f"S{s}",
                    )
                )
    return out


def by_blocks(sigs: list[Signature], parts: int) -> str:
    """Seconds for the stories computed block by block, and whether they are the batch's."""
    whole = stories(sigs)
    t0 = time.perf_counter()
    parted = stories_by_blocks(sigs, parts)
    seconds = time.perf_counter() - t0
    return f"   by {parts} partitions of blocks: {seconds:.2f} s, same: {parted == whole}"


def curve(sizes: list[int], rulebook: Rulebook, blocks: int = 0) -> None:
    """Time clustering and grouping for each size and print the curve.

    With the cyclic garbage collector paused, as ``factcheck check`` runs
    them (otherwise the times depend on what else the process holds).
    """
    print(f"{'articles':>9} {'stories s':>10} {'us/article':>11} {'group s':>9} {'us/fact':>8}")
    with cyclic_gc_paused():
        _curve(sizes, rulebook, blocks)


def _curve(sizes: list[int], rulebook: Rulebook, blocks: int) -> None:
    for n in sizes:
        sigs = signatures(n)
        t0 = time.perf_counter()
        groups = cluster(sigs)
        t1 = time.perf_counter()
        fs = facts(groups)
        articles = {f"a#{i}": Article(id=f"a#{i}", source="a", index=i) for i in range(n)}
        t2 = time.perf_counter()
        group(fs, articles, rulebook)
        t3 = time.perf_counter()
        print(
            f"{n:>9} {t1 - t0:>10.2f} {1e6 * (t1 - t0) / n:>11.0f} "
            f"{t3 - t2:>9.2f} {1e6 * (t3 - t2) / len(fs):>8.1f}"
            f"   ({len(groups)} stories)",
            flush=True,
        )
        if blocks:
            print(by_blocks(sigs, blocks), flush=True)


def main() -> int:
    """Print the curve for the sizes asked for."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    ap.add_argument("--blocks", type=int, default=0, help="also cluster by N partitions of blocks")
    args = ap.parse_args()
    curve(args.sizes, load_rulebook(), args.blocks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
