"""Streamed ingest: articles passed on as they are read give what reading them all gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.ingest import dedupe, ingest, mark_duplicates, stream_ingest
from checker.models import Article
from checker.rulebook import Rulebook

_STORY = (
    "Flood waters swept through the low-lying districts of the river town overnight, "
    "officials said, and rescue boats carried hundreds of families to higher ground "
    "while the regional hospital treated dozens of people for injuries and exposure. "
    "Seventeen people were confirmed dead by the afternoon, the disaster agency said."
)


def _write(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            out.write(json.dumps({"title": f"Report {n}", "text": text}) + "\n")
    return path


def _batch(tmp_path: Path) -> tuple[Path, Path]:
    first = _write(tmp_path / "a.jsonl", [_STORY, "A different report. " * 30, _STORY + " More."])
    second = _write(tmp_path / "b.jsonl", [_STORY.replace("Seventeen", "Eighteen")])
    return first, second


def _streamed(paths: list[str], rulebook: Rulebook) -> tuple[list[Article], list[str]]:
    seen: list[Article] = []
    inputs = stream_ingest(paths, rulebook, seen.append)
    return seen, [record.model_dump_json() for record in inputs]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_streamed_articles_equal_ingested_ones(
    tmp_path: Path, rulebook: Rulebook, order: tuple[int, int]
) -> None:
    files = _batch(tmp_path)
    paths = [str(files[i]) for i in order]
    whole = ingest(paths, rulebook)
    streamed, inputs = _streamed(paths, rulebook)
    assert streamed == whole.articles
    assert inputs == [record.model_dump_json() for record in whole.inputs]
    # The copies point at the first article by path, whichever file was given first.
    marked = {a.id: a.duplicate_of for a in streamed}
    assert sum(1 for original in marked.values() if original is not None) == 2
    assert set(marked.values()) - {None} == {f"{files[0]}#1"}


def test_copies_are_marked_as_a_whole_batch_would_be(tmp_path: Path, rulebook: Rulebook) -> None:
    files = _batch(tmp_path)
    streamed, _inputs = _streamed([str(f) for f in files], rulebook)
    unmarked = [a.model_copy(update={"duplicate_of": None}) for a in streamed]
    assert mark_duplicates(unmarked) == streamed


def test_in_canonical_order_each_article_is_passed_on_as_it_is_read(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _batch(tmp_path)
    read: list[str] = []
    original = dedupe.Deduper.mark

    def mark(self: dedupe.Deduper, article: Article) -> Article:
        read.append(article.id)
        return original(self, article)

    monkeypatch.setattr(dedupe.Deduper, "mark", mark)
    passed: list[str] = []

    def take(article: Article) -> None:
        # Nothing is read ahead: the article just read is the one passed on.
        assert read[-1] == article.id
        passed.append(article.id)

    stream_ingest([str(f) for f in files], rulebook, take)
    assert passed == read and len(passed) == 4
