"""Throughput of factcheck against quantulum3 on the same text, in the same run.

    python benchmarks/run.py                       # synthetic batch built from seeds/
    python benchmarks/run.py --corpus FILE.jsonl   # records with a "text" (and "title")
    python benchmarks/run.py --jobs 2              # the whole check with a process pool

Prints articles per second for the whole check and for extraction alone, and
the time quantulum3 needs to parse the same sentences: machines are noisy, so
read the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract import analyse  # noqa: E402
from checker.extract.quantities import quantities  # noqa: E402
from checker.models import Article  # noqa: E402
from checker.normalise import normalise  # noqa: E402
from checker.pipeline import check, load_articles  # noqa: E402
from checker.rulebook import load_rulebook  # noqa: E402


def synthetic_corpus(path: Path, articles: int, seed: int = 7) -> None:
    """Write a JSONL batch of ``articles`` distinct articles mixed from the seed sentences.

    Each article is a random draw of seed sentences with some digits changed,
    so articles differ (no near-duplicates) while the text stays news-like.
    """
    rulebook = load_rulebook()
    seeds, _inputs, _err = load_articles([str(ROOT / "seeds")], rulebook)
    pool = [line for a in seeds for line in a.text.split("\n") if len(line.split()) > 6]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            lines = rng.sample(pool, k=min(12, len(pool)))
            text = "\n\n".join(
                "".join(
                    str(rng.randint(2, 60)) if ch.isdigit() and rng.random() < 0.3 else ch
                    for ch in line
                )
                for line in lines
            )
            day = 1 + n % 28
            record = {
                "title": f"Synthetic report {n}",
                "text": text,
                "url": f"https://example.org/{n}",
                "date_publish": f"2024-02-{day:02d} 12:00:00",
            }
            out.write(json.dumps(record) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (default: synthetic)")
    parser.add_argument("--articles", type=int, default=300, help="synthetic batch size")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    rulebook = load_rulebook()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "synthetic.jsonl"
            synthetic_corpus(corpus, args.articles)
        # Warm up imports (quantulum3 loads its unit tables on first use).
        analyse(Article(id="w#1", source="w", index=1, text="It lay 5 km away."), rulebook)
        quantities.cache_clear()
        started = time.perf_counter()
        result = check([str(corpus)], rulebook, jobs=args.jobs)
        whole = time.perf_counter() - started
    report = result.report
    articles = [a for a in report.articles if a.duplicate_of is None]
    chars = sum(len(a.text) for a in articles)

    quantities.cache_clear()
    started = time.perf_counter()
    sentences: list[str] = []
    for article in articles:
        analysis = analyse(article, rulebook)
        normalise(analysis, rulebook)
        sentences.extend(s.text for s in analysis.sentences)
    extraction = time.perf_counter() - started

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as qparser

        started = time.perf_counter()
        for sentence in sentences:
            qparser.parse(sentence)
        quantulum = time.perf_counter() - started

    n = len(articles)
    print(f"corpus            {corpus.name}: {n} articles, {chars:,} characters")
    print(f"whole check       {whole:8.2f} s  {n / whole:8.1f} articles/s  (jobs={args.jobs})")
    print(f"extraction only   {extraction:8.2f} s  {n / extraction:8.1f} articles/s")
    print(f"quantulum3 alone  {quantulum:8.2f} s  {n / quantulum:8.1f} articles/s (same sentences)")
    ratio = quantulum / extraction
    print(f"ratio             extraction is {ratio:.1f}x faster than quantulum3 alone")
    found = f"{len(report.facts)} facts, {len(report.events)} events"
    print(f"found             {found}, {len(report.findings)} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
