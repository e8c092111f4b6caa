"""Benchmark inputs built at run time from real news text, with varied numbers, dates and places.

    python benchmarks/corpus.py CORPORA_DIR OUT.jsonl --megabytes 10

Reads the news in a corpora directory (any of: ``*.jsonl`` records with a
``text``; ``*.tml`` TimeML files, whose ``<TEXT>`` element is taken without
its tags; ``*.txt`` excerpts, whose ``key: value`` header lines are dropped)
and writes a JSONL batch of about the size asked for. Every written article is
one real article with each number replaced by another of the same size, month
and weekday names drawn anew, places of the rules' gazetteer swapped for other
places of it, a publication date and an outlet of its own: the text stays real
prose (real sentence lengths, real density of figures) while no two articles
are copies, so near-duplicate detection does not shrink the batch.

Nothing is written into the project: the batch goes where it is asked to, and
the benchmark deletes it afterwards.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.rulebook import load_rulebook  # noqa: E402

_TAG_RE = re.compile(r"<[^>]+>")
_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_HEADER_RE = re.compile(r"^[a-z_]+: ", re.MULTILINE)
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"\w+")


def real_texts(directory: Path) -> list[tuple[str, str]]:
    """(title, text) of every article in ``directory`` (recursively, sorted by path)."""
    out: list[tuple[str, str]] = []
    for path in sorted(directory.rglob("*")):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if record.get("text"):
                    out.append((str(record.get("title") or ""), str(record["text"])))
        elif path.suffix == ".tml":
            found = _TEXT_RE.search(path.read_text(encoding="utf-8"))
            if found:
                text = html.unescape(_TAG_RE.sub("", found.group(1))).strip()
                paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
                out.append(("", "\n\n".join(p for p in paragraphs if p)))
        elif path.suffix == ".txt":
            lines = path.read_text(encoding="utf-8").splitlines()
            body = [ln for ln in lines if not _HEADER_RE.match(ln)]
            text = "\n".join(body).strip()
            title, _, rest = text.partition("\n")
            out.append((title.strip(), rest.strip()))
    return [(t, x) for t, x in out if len(x) > 200]


class Varier:
    """Rewrites an article's numbers, month and weekday names and gazetteer places."""

    def __init__(self, seed: int) -> None:
        rulebook = load_rulebook()
        self.rng = random.Random(seed)
        lang = rulebook.language
        self.months = sorted({m.title() for m in lang.months if len(m) > 3})
        self.weekdays = sorted({d.title() for d in lang.weekdays if len(d) > 3})
        places = sorted(
            {p.name for p in rulebook.places.places if p.name.isalpha() and len(p.name) > 3}
        )
        self.places = places
        words = [*self.months, *self.weekdays, *places]
        # Each word is one run of word characters, so a run of them is looked
        # up whole: as fast as an alternation of thousands of names is slow.
        self.word_re = (
            _WORD_RE
            if all(_WORD_RE.fullmatch(w) for w in words)
            else re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
        )
        self.kind = {
            **dict.fromkeys(self.months, "m"),
            **dict.fromkeys(self.weekdays, "w"),
            **dict.fromkeys(places, "p"),
        }

    def _number(self, m: re.Match[str]) -> str:
        digits = m.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(1995, 2025))
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
        return str(self.rng.randint(low, 10 ** len(digits) - 1))

    def _word(self, m: re.Match[str]) -> str:
        kind = self.kind.get(m.group())
        if kind is None:
            return m.group()
        choices = {"m": self.months, "w": self.weekdays, "p": self.places}[kind]
        return self.rng.choice(choices)

    def vary(self, text: str) -> str:
        """``text`` with its numbers, months, weekdays and places drawn anew."""
        return self.word_re.sub(self._word, _DIGITS_RE.sub(self._number, text))

    def date(self) -> str:
        """A publication date and time in 2024."""
        return (
            f"2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d} "
            f"{self.rng.randint(0, 23):02d}:00:00"
        )


def records(directory: Path, megabytes: float, seed: int = 5) -> Iterator[dict[str, str]]:
    """News-please-like records of about ``megabytes`` of text (UTF-8) built from ``directory``."""
    texts = real_texts(directory)
    if not texts:
        raise SystemExit(f"no articles found in {directory}")
    varier = Varier(seed)
    budget = int(megabytes * 1e6)
    written = 0
    n = 0
    while written < budget:
        title, text = texts[n % len(texts)]
        body = varier.vary(text)
        written += len(body.encode("utf-8"))
        yield {
            "title": varier.vary(title),
            "maintext": body,
            "date_publish": varier.date(),
            "source_domain": f"outlet{varier.rng.randrange(40)}.example",
            "url": f"https://outlet.example/{n}",
        }
        n += 1


def write_batch(directory: Path, out: Path, megabytes: float, seed: int = 5) -> int:
    """Write the batch to ``out`` (JSONL, streamed); returns the number of articles."""
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in records(directory, megabytes, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def main() -> int:
    """Build one batch from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    count = write_batch(args.corpora, args.out, args.megabytes, args.seed)
    print(f"{count} articles, {args.out.stat().st_size / 1e6:.1f} MB written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
