"""The limits that keep one huge input from stalling the batch."""

from __future__ import annotations

import json
from pathlib import Path

from checker import cli
from checker.extract.text import MAX_SENTENCE_CHARS, split_sentences
from checker.ingest import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_BYTES
from checker.ingest.readers import cut_text
from checker.models import InputRecord


def test_a_paragraph_without_full_stops_is_cut_into_bounded_pieces() -> None:
    words = "officials said 12 people were killed and 30 wounded in the blast "
    text = "Title\n\n" + words * 2_000
    sentences = split_sentences(text, frozenset())
    assert len(sentences) > len(text) // MAX_SENTENCE_CHARS
    for sentence in sentences:
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
        assert text[sentence.start : sentence.end] == sentence.text
    # cut at spaces: no word is split in two
    assert {t.text for s in sentences for t in s.tokens} == set(text.split())


def test_a_run_without_spaces_is_cut_too() -> None:
    text = "7" * (3 * MAX_SENTENCE_CHARS + 5)
    sentences = split_sentences(text, frozenset())
    assert [len(s.text) for s in sentences] == [MAX_SENTENCE_CHARS] * 3 + [5]
    assert "".join(s.text for s in sentences) == text


def test_ordinary_sentences_are_left_alone() -> None:
    text = "Three people died. Four were hurt on Monday."
    assert [s.text for s in split_sentences(text, frozenset())] == [
        "Three people died.",
        "Four were hurt on Monday.",
    ]


def test_cut_text_keeps_short_text_and_cuts_long_text_at_a_space() -> None:
    assert cut_text("short text", 100) == ("short text", None)
    kept, note = cut_text("alpha beta gamma delta", 12)
    assert kept == "alpha beta"
    assert note == "text cut to its first 10 characters (of 22)"
    kept, note = cut_text("x" * 50, 20)
    assert kept == "x" * 20
    assert note is not None


def test_counts_are_left_out_of_the_json_when_zero() -> None:
    plain = InputRecord(path="a.txt", status="ok", articles=2)
    assert plain.model_dump() == {"path": "a.txt", "status": "ok", "reason": None, "articles": 2}
    assert not plain.incomplete
    partial = InputRecord(path="b.jsonl", status="ok", articles=2, skipped_items=1)
    assert partial.model_dump()["skipped_items"] == 1
    assert partial.incomplete
    assert InputRecord(path="c.txt", status="ok", articles=1, truncated=1).incomplete
    assert InputRecord(path="d.txt", status="skipped", reason="empty file").incomplete


def test_command_line_defaults_are_the_ingest_defaults() -> None:
    # cli.py keeps its own copy so that --help does not import the pipeline.
    assert cli._MAX_FILE_BYTES == DEFAULT_MAX_BYTES
    assert cli._MAX_ARTICLE_CHARS == DEFAULT_MAX_ARTICLE_CHARS


def test_a_body_cut_before_cleaning_says_where_it_was_cut(tmp_path: Path) -> None:
    # Lines repeated over and over are boilerplate: cleaning the cut body
    # leaves one of them, and the note says both lengths.
    from checker.ingest import ingest
    from checker.rulebook import load_rulebook

    path = tmp_path / "repeated.jsonl"
    body = "Twelve people were killed in the blast.\n" * 200
    path.write_text(json.dumps({"title": "T", "text": body}) + "\n", encoding="utf-8")
    [article] = ingest([str(path)], load_rulebook(), max_chars=1_000).articles
    [note] = [n for n in article.notes if n.startswith("text cut")]
    kept = int(note.split("first ")[1].split(" ")[0].replace(",", ""))
    assert 1_000 < kept <= 2_000  # cut at twice the limit, before cleaning
    assert note.endswith(f"(of {len(body.strip()):,}), {len(article.text):,} once cleaned")
    assert len(article.text) < 100
