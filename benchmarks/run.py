"""Throughput of factcheck against quantulum3 on the same text, in the same run.

    python benchmarks/run.py                       # synthetic batch built from seeds/
    python benchmarks/run.py --corpus FILE.jsonl   # records with a "text" (and "title")
    python benchmarks/run.py --jobs 4              # the process-pool runs use 4 workers

Prints megabytes of article text (UTF-8) per second and articles per second for
the whole check and for the per-article extraction, each with one process and
with a pool of ``--jobs`` workers (default 2); then how fast quantulum3 alone
parses every sentence of the same articles, one by one, and the ratio of the
two (machines are noisy: read the ratios, not the seconds). Last, a long
article built from the corpus text is extracted at two lengths, the second
twice the first: linear work takes about twice the time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract import analyse  # noqa: E402
from checker.extract.quantities import quantities, quantulum_parser  # noqa: E402
from checker.extract.text import split_sentences  # noqa: E402
from checker.models import Article  # noqa: E402
from checker.normalise import normalise  # noqa: E402
from checker.pipeline import check, extract_all, load_articles  # noqa: E402
from checker.rulebook import Rulebook, load_rulebook  # noqa: E402

LONG_ARTICLE_BYTES = 200_000
T = TypeVar("T")


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


def megabytes(articles: list[Article]) -> float:
    """The size of the articles' text in megabytes (UTF-8)."""
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


def timed(run: Callable[[], T]) -> tuple[float, T]:
    """Seconds taken by ``run()`` (with quantulum3's results not yet cached), and its result."""
    quantities.cache_clear()
    started = time.perf_counter()
    value = run()
    return time.perf_counter() - started, value


def rate(label: str, seconds: float, size: float, count: int) -> None:
    """Print one throughput line."""
    speed = f"{size / seconds:8.3f} MB/s {count / seconds:9.1f} articles/s"
    print(f"{label:<24}{seconds:8.2f} s {speed}")


def warm_up(corpus: Path, rulebook: Rulebook, tmp: Path) -> None:
    """Import everything a check uses (quantulum3, scikit-learn) before timing anything."""
    sample = tmp / "warm.jsonl"
    with corpus.open(encoding="utf-8") as source:
        sample.write_text("".join(line for _, line in zip(range(3), source, strict=False)))
    check([str(sample)], rulebook)
    analyse(Article(id="w#1", source="w", index=1, text="It lay 5 km away for $5."), rulebook)


def long_article(articles: list[Article], size: int) -> Article:
    """One article of about ``size`` bytes: the corpus paragraphs, repeated as needed."""
    paragraphs = [p for a in articles for p in a.text.split("\n\n") if p.strip()]
    chosen: list[str] = []
    total = 0
    while paragraphs and total < size:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    text = "\n\n".join(chosen)
    return Article(id=f"long{size}#1", source="long", index=1, text=text)


def main() -> int:
    """Run the benchmark and print its lines."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (default: synthetic)")
    parser.add_argument("--articles", type=int, default=300, help="synthetic batch size")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the process-pool runs")
    args = parser.parse_args()
    rulebook = load_rulebook()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "synthetic.jsonl"
            synthetic_corpus(corpus, args.articles)
        warm_up(corpus, rulebook, Path(tmp))
        articles, _inputs, _errors = load_articles([str(corpus)], rulebook)
        originals = [a for a in articles if a.duplicate_of is None]
        size, distinct = megabytes(articles), megabytes(originals)
        print(
            f"corpus                  {corpus.name}: {len(articles)} articles "
            f"({len(originals)} distinct), {size:.2f} MB of text ({distinct:.2f} MB distinct)"
        )
        all_jobs = sorted({1, args.jobs})
        for jobs in all_jobs:
            seconds, result = timed(lambda jobs=jobs: check([str(corpus)], rulebook, jobs=jobs))
            rate(f"whole check  jobs={jobs}", seconds, size, len(articles))
        extraction = 0.0
        for jobs in all_jobs:
            seconds, _ = timed(lambda jobs=jobs: extract_all(originals, rulebook, jobs=jobs))
            rate(f"extraction   jobs={jobs}", seconds, distinct, len(originals))
            extraction = extraction or seconds

    # The same articles' sentences, each parsed by quantulum3 on its own.
    sentences = [
        s.text
        for a in originals
        for s in split_sentences(a.text, frozenset(rulebook.language.abbreviations))
    ]
    qparser = quantulum_parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        for sentence in sentences:
            qparser.parse(sentence)
        quantulum = time.perf_counter() - started
    rate("quantulum3   alone", quantulum, distinct, len(originals))
    print(
        f"ratio                   extraction (jobs=1) is {quantulum / extraction:.1f}x as fast "
        f"as quantulum3 alone on the same {len(sentences):,} sentences"
    )

    short = long_article(originals, LONG_ARTICLE_BYTES)
    double = long_article(originals, 2 * LONG_ARTICLE_BYTES)
    times = [
        timed(lambda a=a: normalise(analyse(a, rulebook), rulebook))[0] for a in (short, double)
    ]
    print(
        f"long article            {megabytes([short]) * 1000:.0f} kB {times[0]:.2f} s, "
        f"{megabytes([double]) * 1000:.0f} kB {times[1]:.2f} s: "
        f"{times[1] / times[0]:.2f}x the time for 2x the text"
    )
    report = result.report
    print(
        f"found                   {len(report.facts)} facts, {len(report.events)} events, "
        f"{len(report.findings)} findings"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
