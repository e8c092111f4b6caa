"""Made-up story signatures for the blocking tests: many small stories, some sharing a place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from checker.stories import NAME, PLACE, WORD, Signature


def signatures(n: int, seed: int = 5) -> list[Signature]:
    """``n`` signatures in stories of about six articles, with syndicated copies and empty ones.

    Every place is shared by two stories (so blocks hold more than one story),
    a name common to a quarter of the articles is too frequent to block, and
    ordinary words come from one shared pool.
    """
    rng = random.Random(seed)
    day0 = dt.date(2023, 3, 1)
    out: list[Signature] = []
    for i in range(n):
        story = i // 6
        terms: dict[str, float] = {}
        for k in rng.sample(range(8), 5):
            terms[f"{NAME}s{story}n{k}"] = 2.0 * rng.randint(1, 2)
        terms[f"{PLACE}place{story // 2}"] = 3.0
        if rng.random() < 0.25:
            terms[f"{NAME}everywhere"] = 2.0
        for _ in range(25):
            word = f"{WORD}w{int(rng.paretovariate(1.2)) % 400}"
            terms[word] = terms.get(word, 0.0) + 1.0
        if i % 29 == 7:
            terms = {}
        out.append(
            Signature(
                article=f"batch.jsonl#{i + 1}",
                terms=terms,
                anchor=day0 + dt.timedelta(days=(story * 5) % 90 + rng.randint(0, 3)),
            )
        )
    copies = [
        dataclasses.replace(
            out[k], article=f"copies.jsonl#{k + 1}", terms={}, duplicate_of=s.article
        )
        for k, s in enumerate(out)
        if k % 17 == 3
    ]
    return out + copies
