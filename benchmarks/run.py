"""Throughput, scaling and memory of ``factcheck check`` on real news text, in one run.

    python benchmarks/run.py --corpora DIR                         # real text (recommended)
    python benchmarks/run.py --corpus FILE.jsonl                   # a JSONL batch as it is
    python benchmarks/run.py                                       # synthetic batch from seeds/
    python benchmarks/run.py --corpora DIR --rss 10 100 1000       # peak RSS at 10 MB, 100 MB, 1 GB

With ``--corpora`` a batch of ``--megabytes`` of article text is built from
the real news there (benchmarks/corpus.py: each copy with its numbers, dates
and places drawn anew) in a temporary directory, deleted afterwards.

Prints, for that batch:

- start-up: ``factcheck check seeds/`` wall time, the median of five runs
  after a first one (which compiles the project's modules to bytecode, as
  installing a package does);
- the whole ``factcheck check --format json`` as a user runs it, with
  ``--jobs 1`` and ``--jobs N`` (default 2): wall seconds, MB/s of article text
  (UTF-8), CPU seconds, peak RSS, the speed-up, and whether the two reports
  are the same bytes;
- quantulum3 alone, parsing every sentence of (a prefix of) the same text one
  by one, and the ratio of the two speeds (machines are noisy: read ratios);
- a long article at two lengths, the second twice the first (linear work
  takes about twice the time);
- every output format rendered from the batch's report (seconds each): a
  reporter that is not linear shows on the larger batches;
- with ``--rss``: the memory of the whole check on batches of those sizes: peak
  RSS (the largest process) and, where /proc tells, the most the process and
  its workers held at once (their summed proportional set sizes, sampled),
  and every format rendered from its report;
- the story clustering and grouping curve (benchmarks/stories_scale.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus as corpus_builder  # noqa: E402
import stories_scale  # noqa: E402

from checker.extract.quantities import quantulum_parser  # noqa: E402
from checker.extract.text import split_sentences  # noqa: E402
from checker.ingest import Limits  # noqa: E402
from checker.models import Article, Report  # noqa: E402
from checker.pipeline import check, load_articles  # noqa: E402
from checker.report import FORMATS, get_reporter  # noqa: E402
from checker.rulebook import Rulebook, load_rulebook  # noqa: E402

FACTCHECK = Path(sys.executable).with_name("factcheck")
LONG_ARTICLE_BYTES = 200_000


def synthetic_corpus(path: Path, articles: int, seed: int = 7) -> None:
    """Write a JSONL batch of ``articles`` distinct articles mixed from the seed sentences."""
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
            record = {
                "title": f"Synthetic report {n}",
                "text": text,
                "url": f"https://example.org/{n}",
                "date_publish": f"2024-02-{1 + n % 28:02d} 12:00:00",
            }
            out.write(json.dumps(record) + "\n")


def megabytes(articles: list[Article]) -> float:
    """The size of the articles' text in megabytes (UTF-8)."""
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


@dataclass
class Run:
    """One ``factcheck`` run: wall and CPU seconds, memory, exit code."""

    wall: float
    cpu: float
    rss: float  # MB: the largest of the process and its workers
    together: float | None  # MB: the most they held at once (summed PSS), where /proc tells
    code: int


def _tree(pid: int) -> list[int]:
    """``pid`` and every process under it (Linux /proc)."""
    found = [pid]
    for at in found:
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{at}/task"):
                with open(f"/proc/{at}/task/{task}/children", encoding="ascii") as children:
                    found += [int(child) for child in children.read().split()]
    return found


def _pss_kb(pid: int) -> int:
    """The proportional set size of ``pid``: its share of the pages it uses, in kB."""
    with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def _sample_together(pid: int, stop: threading.Event, peak: list[int]) -> None:
    # Forked workers share the pages they have not written: summed RSS would
    # count those twice, the largest RSS would miss what the workers copied.
    while not stop.wait(0.2):
        peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(pid)))


# The environment of the measured runs: bytecode written and read as on a
# user's machine (an environment that forbids writing it would measure
# compiling the project's modules on every run instead).
_BYTECODE_KEPT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cli(args: list[str]) -> Run:
    """Run ``factcheck ARGS`` and measure it (see ``Run``)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(FACTCHECK), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_BYTECODE_KEPT,
    )
    stop, peak = threading.Event(), [0]
    sampler = None
    if Path(f"/proc/{process.pid}/smaps_rollup").exists():
        sampler = threading.Thread(target=_sample_together, args=(process.pid, stop, peak))
        sampler.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stop.set()
    if sampler is not None:
        sampler.join()
    if process.stderr is not None:
        process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss=usage.ru_maxrss / 1024,
        together=peak[0] / 1024 if sampler is not None and peak[0] else None,
        code=process.returncode,
    )


def count_facts(report: Path) -> int:
    """The facts of a JSON report, counted line by line (a 1 GB batch's report is gigabytes)."""
    with report.open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip() == '"type": "fact",')


def format_times(report: Path) -> str:
    """Seconds to render the JSON report at ``report`` in every output format."""
    loaded = Report.model_validate_json(report.read_bytes())
    times = []
    for name in FORMATS:
        started = time.perf_counter()
        get_reporter(name).render(loaded)
        times.append(f"{name} {time.perf_counter() - started:.2f}")
    return ", ".join(times) + " s"


def _memory(run: Run) -> str:
    together = "" if run.together is None else f", all processes at once {run.together:.0f} MB"
    return f"peak RSS {run.rss:.0f} MB{together}"


def _quiet(jobs: int) -> list[str]:
    return ["--fail-on", "never", "--jobs", str(jobs)]


def line(label: str, text: str) -> None:
    """Print one result line."""
    print(f"{label:<26}{text}", flush=True)


def quantulum_rate(articles: list[Article], rulebook: Rulebook, budget_mb: float) -> float:
    """MB/s of quantulum3 parsing each sentence of the first ``budget_mb`` of ``articles``."""
    chosen: list[Article] = []
    for article in articles:
        if megabytes(chosen) >= budget_mb:
            break
        chosen.append(article)
    abbreviations = frozenset(rulebook.language.abbreviations)
    sentences = [s.text for a in chosen for s in split_sentences(a.text, abbreviations)]
    parser = quantulum_parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("It lay 5 km away for $5.")
        started = time.perf_counter()
        for sentence in sentences:
            # quantulum3 raises assorted errors on odd text
            with contextlib.suppress(Exception):
                parser.parse(sentence)
        seconds = time.perf_counter() - started
    size = megabytes(chosen)
    line(
        "quantulum3 alone",
        f"{seconds:8.2f} s {size / seconds:7.3f} MB/s  ({len(sentences):,} sentences, "
        f"{size:.2f} MB)",
    )
    return size / seconds


def long_article(articles: list[Article], size: int) -> Article:
    """One article of about ``size`` bytes: the batch's paragraphs, repeated as needed."""
    paragraphs = [p for a in articles for p in a.text.split("\n\n") if p.strip()]
    chosen: list[str] = []
    total = 0
    while paragraphs and total < size:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return Article(id=f"long{size}#1", source="long", index=1, text="\n\n".join(chosen))


def long_article_times(articles: list[Article], rulebook: Rulebook, tmp: Path) -> str:
    """The whole check (judging included) of one article of 1x, 2x and 4x
    ``LONG_ARTICLE_BYTES``, and how the second doubling compares with the first:
    2x for work linear in the text, 4x for quadratic. The article's paragraphs
    are the batch's, in order (a paragraph said twice is cleaned away), so its
    figures per kB drift with the text: the figures' growth is printed beside."""
    sizes, times, figures = [], [], []
    for factor in (1, 1, 2, 4):  # the first run sets up, once, what every check needs
        article = long_article(articles, factor * LONG_ARTICLE_BYTES)
        path = tmp / f"long{factor}.jsonl"
        path.write_text(json.dumps({"title": "", "text": article.text}) + "\n", encoding="utf-8")
        limits = Limits(max_article_chars=8 * factor * LONG_ARTICLE_BYTES)
        started = time.perf_counter()
        result = check([str(path)], rulebook, jobs=1, limits=limits)
        times.append(time.perf_counter() - started)
        sizes.append(megabytes([article]) * 1000)
        figures.append(len(result.report.facts))
    sizes, times, figures = sizes[1:], times[1:], figures[1:]
    growth = (times[2] - times[1]) / max(times[1] - times[0], 1e-9)
    more = (figures[2] - figures[1]) / max(figures[1] - figures[0], 1)
    return (
        ", ".join(
            f"{size:.0f} kB ({count:,} facts) {seconds:.2f} s"
            for size, count, seconds in zip(sizes, figures, times, strict=True)
        )
        + f": the second doubling costs {growth:.2f}x the first, for {more:.2f}x the facts"
        " (the same is linear)"
    )


def build(args: argparse.Namespace, tmp: Path, megs: float, name: str) -> Path:
    """The batch to measure: built from ``--corpora``, given by ``--corpus``, or synthetic."""
    path = tmp / name
    if args.corpora:
        corpus_builder.write_batch(args.corpora, path, megs)
    elif args.corpus:
        return Path(args.corpus)
    else:
        synthetic_corpus(path, int(300 * megs))
    return path


def main() -> int:
    """Run the benchmark and print its lines."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpora", type=Path, help="a corpora directory (see corpus.py)")
    source.add_argument("--corpus", type=Path, help="a JSONL batch, measured as it is")
    parser.add_argument("--megabytes", type=float, default=3.0, help="batch size (--corpora)")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the pooled run")
    parser.add_argument("--quantulum-mb", type=float, default=0.5, help="text for quantulum3")
    parser.add_argument("--rss", type=float, nargs="*", default=[], help="batch sizes, MB")
    parser.add_argument("--stories", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args()
    rulebook = load_rulebook()
    print(f"machine                   {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    check_seeds = ["check", str(ROOT / "seeds"), "--fail-on", "never"]
    run_cli(check_seeds)  # bytecode compiled and kept
    starts = sorted((run_cli(check_seeds) for _ in range(5)), key=lambda r: r.wall)
    seeds = starts[len(starts) // 2]
    line(
        "start-up (seeds/)",
        f"{seeds.wall:8.2f} s wall (median of 5; {starts[0].wall:.2f}-{starts[-1].wall:.2f}), "
        f"peak RSS {seeds.rss:.0f} MB",
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        batch = build(args, tmp, args.megabytes, "batch.jsonl")
        articles, _inputs, _errors = load_articles([str(batch)], rulebook)
        size = megabytes(articles)
        line("batch", f"{batch.name}: {len(articles)} articles, {size:.2f} MB of text")
        speeds: dict[int, float] = {}
        outputs: dict[int, bytes] = {}
        for jobs in sorted({1, args.jobs}):
            out = tmp / f"report{jobs}.json"
            run = run_cli(["check", str(batch), "--format", "json", "-o", str(out), *_quiet(jobs)])
            speeds[jobs] = size / run.wall
            outputs[jobs] = out.read_bytes()
            line(
                f"check --jobs {jobs}",
                f"{run.wall:8.2f} s {size / run.wall:7.3f} MB/s  CPU {run.cpu:.1f} s "
                f"({size / run.cpu:.3f} MB per CPU-s), {_memory(run)}",
            )
        if args.jobs != 1:
            same = "same bytes" if outputs[1] == outputs[args.jobs] else "REPORTS DIFFER"
            line("speed-up", f"{speeds[args.jobs] / speeds[1]:.2f}x with {args.jobs} jobs; {same}")
        line("formats", format_times(tmp / "report1.json"))
        q_rate = quantulum_rate(articles, rulebook, args.quantulum_mb)
        line("ratio", f"check --jobs 1 runs at {speeds[1] / q_rate:.1f}x quantulum3's speed")
        line("long article", long_article_times(articles, rulebook, tmp))
        for megs in args.rss:
            big = build(args, tmp, megs, f"rss{megs:g}.jsonl")
            report = tmp / "rss.json"
            run = run_cli(
                ["check", str(big), "--format", "json", "-o", str(report), *_quiet(args.jobs)]
            )
            facts = count_facts(report)
            line(
                f"memory {megs:g} MB",
                f"{_memory(run)}, {facts:,} facts ({run.wall:.0f} s, --jobs {args.jobs})",
            )
            line(f"formats {megs:g} MB", format_times(report))
            big.unlink()
            report.unlink()
    if args.stories:
        print("story clustering and grouping (synthetic signatures):")
        stories_scale.curve(args.stories, rulebook)
    return 0


if __name__ == "__main__":
    sys.exit(main())
