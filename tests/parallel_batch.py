"""A made-up multi-outlet batch for the parallel tests (written for them, not taken from news)."""

from __future__ import annotations

import json
import random
from pathlib import Path

_SENTENCES = [
    "At least {a} people were killed when a bus overturned near {town} on {day}, police said.",
    "The health office said {b} passengers were taken to hospital, {c} of them seriously hurt.",
    "Rescue teams worked through the night, and the death toll rose to {d} by {day} evening.",
    "A local official said about {e} families had been displaced by the flooding in {town}.",
    "The company said it had paid ${f} million in compensation since the accident in {month}.",
    "Witnesses said the driver lost control on a sharp bend roughly {g} km from the town centre.",
    "More than {h} soldiers were sent to the area to help clear the road and search the river.",
    "The ministry said {i} people were still missing on {day}, a figure it expected to fall.",
]
_TOWNS = ["Karonga", "Mzuzu", "Dedza", "Zomba", "Salima"]
_DAYS = ["Monday", "Tuesday", "Saturday"]
_MONTHS = ["March", "April", "June"]


def write_batch(path: Path, articles: int = 36, seed: int = 3) -> Path:
    """Write ``articles`` JSON-lines records from a handful of outlets about a few happenings."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            story = n % 4
            town = _TOWNS[story]
            values = {k: rng.randint(3, 90) for k in "abcdefghi"}
            values["a"] = 20 + story * 7 + rng.choice([0, 0, 2])
            text = "\n\n".join(
                s.format(town=town, day=rng.choice(_DAYS), month=rng.choice(_MONTHS), **values)
                for s in rng.sample(_SENTENCES, k=6)
            )
            record = {
                "title": f"Bus crash near {town} kills {values['a']}",
                "maintext": text,
                "date_publish": f"2024-05-{10 + story + n % 2:02d} 09:00:00",
                "source_domain": f"outlet{n % 7}.example",
            }
            out.write(json.dumps(record) + "\n")
    return path
