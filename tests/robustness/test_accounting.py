"""Nothing is lost silently: on a mixed batch, every item read is an article or a skip.

An item is a whole file, an article of a .txt file, an entry of a .json list
or a non-blank line of a JSON lines file. The report must account for each:
articles read + items skipped (inside an input, or the whole input) = items.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from checker.cli import main

KILLED = "At least {n} people were killed in a fire at a {place} on {day}, officials said."


def _record(n: int, place: str) -> dict[str, Any]:
    return {"title": f"Fire at a {place}", "text": KILLED.format(n=n, place=place, day="Monday")}


def _mixed_batch(root: Path) -> int:
    """Write the batch; returns the number of items in it."""
    batch = root / "batch"
    (batch / "sub").mkdir(parents=True)
    items = 0
    # a .txt file with two articles (two blank lines part them)
    (batch / "two.txt").write_text(
        "Fire at a market\n\n" + KILLED.format(n=4, place="market", day="Monday") + "\n\n\n"
        "Fire at a school\n\n" + KILLED.format(n=5, place="school", day="Tuesday") + "\n",
        encoding="utf-8",
    )
    items += 2
    # JSON lines: 4 good, 1 malformed, 1 without text, 1 not an object; blank lines are not items
    lines = [json.dumps(_record(n, f"depot {n}")) for n in range(10, 14)]
    lines[1:1] = ['{"title": "broken', json.dumps({"title": "no body"}), "[1, 2, 3]", ""]
    (batch / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items += 7
    # a JSON list: 2 good entries, 1 that is not an object
    (batch / "sub" / "list.json").write_text(
        json.dumps([_record(20, "port"), "stray", _record(21, "mill")]), encoding="utf-8"
    )
    items += 3
    # an article longer than the limit: read, and cut
    (batch / "sub" / "long.txt").write_text(
        "Long report\n\n" + KILLED.format(n=30, place="yard", day="Friday") * 400 + "\n",
        encoding="utf-8",
    )
    items += 1
    # whole files skipped: binary, empty, undecodable JSON, unsupported
    (batch / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (batch / "empty.json").write_bytes(b"")
    (batch / "cut.json").write_text('{"title": "x", "text": "At le', encoding="utf-8")
    (batch / "scan.pdf").write_bytes(b"%PDF-1.7")
    items += 4
    return items


def test_items_read_equal_articles_plus_skipped(tmp_path: Path, monkeypatch: Any) -> None:
    items = _mixed_batch(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "batch", "--format", "json", "--max-article-size", "5000"]
    )
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    inputs = report["inputs"]
    articles = sum(r["articles"] for r in inputs)
    skipped_inside = sum(r.get("skipped_items", 0) for r in inputs)
    skipped_whole = sum(1 for r in inputs if r["status"] == "skipped")
    assert articles == len(report["articles"]) == 2 + 4 + 2 + 1
    assert skipped_inside == 3 + 1
    assert skipped_whole == 4
    assert articles + skipped_inside + skipped_whole == items
    assert sum(r.get("truncated", 0) for r in inputs) == 1
    # every input is named with a reason when anything in it was not read in full
    for record in inputs:
        if record["status"] == "skipped" or record.get("skipped_items") or record.get("truncated"):
            assert record["reason"], record
    # and every article read has its facts checked: the sources with a figure each give a fact
    sources_with_facts = {f["article"].split("#")[0] for f in report["facts"]}
    assert sources_with_facts == {
        "batch/feed.jsonl",
        "batch/sub/list.json",
        "batch/sub/long.txt",
        "batch/two.txt",
    }
