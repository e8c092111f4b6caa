"""--jobs: the report is the same bytes for any number of worker processes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import parallel_batch as batch  # tests/parallel_batch.py (tests/ is on sys.path)
import pytest

from checker import judge, parallel
from checker.models import Article
from checker.parallel import chunks, extract_local
from checker.pipeline import check
from checker.rulebook import Rulebook


def _articles(sizes: list[int]) -> list[Article]:
    return [
        Article(id=f"a#{i}", source="a", index=i, text="x" * size) for i, size in enumerate(sizes)
    ]


def test_chunks_are_contiguous_cover_everything_and_even_out() -> None:
    articles = _articles([100] * 40 + [1000] * 4 + [100] * 40)
    parts = chunks(articles, 8)
    assert [a for part in parts for a in part] == articles
    assert 1 < len(parts) <= 8
    sizes = [sum(len(a.text) for a in part) for part in parts]
    assert max(sizes) <= 2 * (sum(sizes) / len(parts))


def test_chunks_never_more_than_articles() -> None:
    assert [len(p) for p in chunks(_articles([5, 5]), 8)] == [1, 1]
    assert chunks([], 4) == []


def test_pool_extraction_equals_one_process(tmp_path: Path, rulebook: Rulebook) -> None:
    from checker.pipeline import load_articles

    path = batch.write_batch(tmp_path / "b.jsonl")
    articles, _inputs, _errors = load_articles([str(path)], rulebook)
    one = extract_local(articles, rulebook, jobs=1)
    two = extract_local(articles, rulebook, jobs=2, min_parallel_bytes=0)
    assert sum(len(facts) for facts, _s in one) > 20
    assert two == one


def test_terms_from_the_workers_are_one_object_each_as_in_one_process(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    # Each chunk comes back with its own copies of the story terms (pickling
    # shares them within a chunk only): they are shared again on arrival.
    from checker.pipeline import load_articles

    path = batch.write_batch(tmp_path / "b.jsonl")
    articles, _inputs, _errors = load_articles([str(path)], rulebook)
    pooled = parallel.Extraction(rulebook, jobs=2, min_parallel_bytes=0, chunk_chars=1)
    for article in articles:
        pooled.add(article)
    signatures = [signature for _facts, signature in pooled.finish()]
    objects: dict[str, set[int]] = {}
    for signature in signatures:
        for term, weight in signature.terms.items():
            objects.setdefault(term, set()).add(id(term))
            objects.setdefault(repr(weight), set()).add(id(weight))
    assert sum(len(s.terms) for s in signatures) > 2 * len(objects)  # terms recur
    assert all(len(ids) == 1 for ids in objects.values())


@pytest.mark.parametrize("jobs", [2, 3])
def test_report_is_the_same_bytes_for_any_jobs(
    tmp_path: Path, rulebook: Rulebook, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl")
    paths = [str(path), str(seeds_dir)]
    single = check(paths, rulebook, jobs=1).report.model_dump_json()
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(judge, "MIN_FORKED_FACTS", 0)
    merged: list[int] = []
    merge = judge.merge

    def counted(parts: list[judge.Part], *args: object) -> judge.Judged:
        merged.append(len(parts))
        return merge(parts, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(judge, "merge", counted)
    pooled = check(paths, rulebook, jobs=jobs).report.model_dump_json()
    assert '"findings":[{' in single
    assert merged and merged[0] >= 2  # judged in parts, in forked processes
    assert pooled == single


@pytest.mark.parametrize("chunk_chars", [1, 700, 10**9])
def test_streamed_chunks_of_any_size_give_the_same_results(
    tmp_path: Path, rulebook: Rulebook, chunk_chars: int
) -> None:
    from checker.pipeline import load_articles

    path = batch.write_batch(tmp_path / "b.jsonl", articles=12)
    articles, _inputs, _errors = load_articles([str(path)], rulebook)
    one = extract_local(articles, rulebook, jobs=1)
    seen: list[tuple[int, int]] = []
    extraction = parallel.Extraction(
        rulebook,
        jobs=2,
        min_parallel_bytes=1500,
        chunk_chars=chunk_chars,
        progress=lambda done, added: seen.append((done, added)),
    )
    for article in articles:
        extraction.add(article)
        # Chunks waiting for a worker are bounded, whatever the batch's size.
        assert len(extraction._pending) <= 2 * parallel.IN_FLIGHT_PER_WORKER
    assert extraction.finish() == one
    assert seen[-1] == (len(articles), len(articles))
    assert all(done <= added for done, added in seen)


def test_a_batch_under_the_threshold_never_starts_a_pool(rulebook: Rulebook) -> None:
    extraction = parallel.Extraction(rulebook, jobs=2, min_parallel_bytes=10**9)
    extraction.add(Article(id="a#1", source="a", index=1, text="Ten people were killed."))
    assert extraction._pool is None
    assert len(extraction.finish()) == 1


def test_the_check_lets_article_text_go_once_extracted(
    tmp_path: Path, rulebook: Rulebook, seeds_dir: Path
) -> None:
    # The report never shows article text; holding it would make memory grow
    # with the text, not with the facts.
    path = batch.write_batch(tmp_path / "b.jsonl", articles=8)
    report = check([str(path), str(seeds_dir)], rulebook).report
    assert report.facts
    assert all(article.text == "" for article in report.articles)


_ADJ = Path("/proc/self/oom_score_adj")
_original_sent_part = judge._judge_sent_part
_original_part_towns = judge._sent_part_towns


def _dies(*_args: object) -> None:
    os._exit(1)  # as the kernel's out-of-memory killer would end a process


def _recorded(*args: Any) -> object:
    # A forked part notes that it ran, and its out-of-memory score.
    score = _ADJ.read_text() if _ADJ.exists() else ""
    Path(os.environ["FACTCHECK_TEST_FORKED"]).write_text(score)
    return _original_sent_part(*args)


def _forking(
    tmp_path: Path,
    rulebook: Rulebook,
    monkeypatch: pytest.MonkeyPatch,
    sent_part: Callable[..., object],
) -> tuple[Path, str]:
    """A batch and its report from one process; from here on, judging forks ``sent_part``."""
    path = batch.write_batch(tmp_path / "b.jsonl")
    single = check([str(path)], rulebook, jobs=1).report.model_dump_json()
    monkeypatch.setattr(judge, "MIN_FORKED_FACTS", 0)
    monkeypatch.setattr(judge, "_judge_sent_part", sent_part)
    monkeypatch.setenv("FACTCHECK_TEST_FORKED", str(tmp_path / "forked"))
    return path, single


def test_judging_goes_on_here_when_a_forked_process_dies(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, single = _forking(tmp_path, rulebook, monkeypatch, _dies)
    assert check([str(path)], rulebook, jobs=2).report.model_dump_json() == single


def _towns_recorded(k: int) -> object:
    Path(f"{os.environ['FACTCHECK_TEST_FORKED']}.towns.{k}").write_text("")
    return _original_part_towns(k)


@pytest.mark.parametrize("part_towns", [_towns_recorded, _dies])
def test_the_children_find_the_parts_towns_too(
    tmp_path: Path,
    rulebook: Rulebook,
    monkeypatch: pytest.MonkeyPatch,
    part_towns: Callable[..., object],
) -> None:
    # The first step (each part's towns) is spread over the processes like
    # the second; a child that dies in it leaves its parts to this process.
    path, single = _forking(tmp_path, rulebook, monkeypatch, _original_sent_part)
    monkeypatch.setattr(judge, "_sent_part_towns", part_towns)
    assert check([str(path)], rulebook, jobs=2).report.model_dump_json() == single
    if part_towns is _towns_recorded:
        assert sorted(int(p.suffix[1:]) for p in tmp_path.glob("forked.towns.*"))[:1] == [1]


@pytest.mark.skipif(not _ADJ.exists(), reason="no out-of-memory score to read")
def test_a_forked_judge_offers_itself_first_to_the_out_of_memory_killer(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, single = _forking(tmp_path, rulebook, monkeypatch, _recorded)
    assert check([str(path)], rulebook, jobs=2).report.model_dump_json() == single
    assert (tmp_path / "forked").read_text().strip() == "1000"
    assert _ADJ.read_text().strip() != "1000"  # this process keeps its own


def test_the_warm_up_builds_quantulum3s_patterns_for_the_workers_to_share(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    # quantulum3 compiles its pattern of every unit name (tens of kilobytes)
    # on its first parse; forked workers share it when the warm-up made it.
    import collections
    import re

    from quantulum3 import load

    from checker.extract.quantities import quantulum_parser

    compiled: list[int] = []
    compile_ = re.compile

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(len(pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "compile", counted)
    monkeypatch.setattr(load, "_CACHE_DICT", collections.defaultdict(dict))
    quantulum_parser().parse("The road is 3 km long.")
    assert max(compiled) > 10_000  # built on first use
    monkeypatch.setattr(load, "_CACHE_DICT", collections.defaultdict(dict))
    parallel._warm_up(rulebook)
    compiled.clear()
    quantulum_parser().parse("The road is 3 km long.")
    assert compiled == []


def test_room_to_fork_counts_a_copy_of_this_process_per_child() -> None:
    assert judge.room_to_fork(2, (1_000, 2_000))
    assert not judge.room_to_fork(2, (1_000, 1_999))
    assert judge.room_to_fork(1, (1_000, 1_000))
    assert judge.room_to_fork(3, None)  # unknown: there is room
    found = judge.memory()
    if Path("/proc/meminfo").exists():
        assert found is not None and found[0] > 0 and found[1] > 0


def test_without_room_for_the_copies_the_batch_is_judged_here(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, single = _forking(tmp_path, rulebook, monkeypatch, _recorded)
    monkeypatch.setattr(judge, "memory", lambda: (1_000_000, 1_500_000))
    assert check([str(path)], rulebook, jobs=3).report.model_dump_json() == single
    assert not (tmp_path / "forked").exists()
    monkeypatch.setattr(judge, "memory", lambda: (1_000_000, 9_000_000))
    assert check([str(path)], rulebook, jobs=3).report.model_dump_json() == single
    assert (tmp_path / "forked").exists()


def _slow(k: int, *args: Any) -> object:
    time.sleep(0.3)  # a child slower than this process
    Path(f"{os.environ['FACTCHECK_TEST_FORKED']}.{k}").write_text("")
    return _original_sent_part(k, *args)


def test_this_process_takes_back_the_parts_the_children_have_not_started(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, single = _forking(tmp_path, rulebook, monkeypatch, _slow)
    counts: list[int] = []
    split = judge.split

    def counted(*args: object, **kwargs: object) -> list[judge.Part]:
        parts = split(*args, **kwargs)  # type: ignore[arg-type]
        counts.append(len(parts))
        return parts

    monkeypatch.setattr(judge, "split", counted)
    assert check([str(path)], rulebook, jobs=2).report.model_dump_json() == single
    by_children = sorted(int(p.suffix[1:]) for p in tmp_path.glob("forked.*"))
    assert counts and counts[0] >= 4
    # The child judged the first parts it was handed, this process the rest.
    assert by_children and by_children == list(range(1, len(by_children) + 1))
    assert len(by_children) < counts[0] - 1


def test_extract_reads_and_extracts_article_by_article(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `factcheck extract` streams like `check`: a crawl is never held whole.
    from checker import pipeline
    from checker.ingest import dedupe

    path = batch.write_batch(tmp_path / "b.jsonl", articles=6)
    events: list[str] = []
    mark, facts_of = dedupe.Deduper.mark, pipeline.article_facts

    def marked(self: dedupe.Deduper, article: Article) -> Article:
        events.append("read")
        return mark(self, article)

    def extracted(article: Article, book: Rulebook) -> object:
        events.append("extracted")
        return facts_of(article, book)

    monkeypatch.setattr(dedupe.Deduper, "mark", marked)
    monkeypatch.setattr(pipeline, "article_facts", extracted)
    items: list[object] = []
    assert not pipeline.stream_extract([str(path)], rulebook, items.append)
    assert events == ["read", "extracted"] * 6
    assert items
