"""A battery of bad inputs, each beside a good article, through ``factcheck check``.

For every kind: no traceback, the bad input's record in the report names a
reason, the exit code is 2 when something was lost (0 with
``--skip-bad-input``; 0 as well when the input was only repaired), and the
good article beside it is still read and its figure found.

The large inputs (a 100 MB line, a 20 MB article) are written at run time
into ``tmp_path`` and checked against small limits, so the suite stays quick.
"""

from __future__ import annotations

import codecs
import gzip
import importlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from checker.cli import main

GOOD_NAME = "good.txt"
GOOD = (
    "Ferry capsizes on the river\n\n"
    "At least 12 people were killed when a ferry capsized on the river on Monday, "
    "the police said.\n"
)
BODY = "At least 7 people were killed when a bus left the road on Tuesday, officials said."
SENTENCE = "Officials said at least 9 people were wounded in the fire at a market on Friday. "

Builder = Callable[[Path], str]


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _file(name: str, content: str | bytes) -> Builder:
    def build(root: Path) -> str:
        _write(root / name, content)
        return name

    return build


def _jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _symlink_loop(root: Path) -> str:
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    return "loop-a.txt"


def _empty_dir(root: Path) -> str:
    (root / "nothing-here").mkdir()
    return "nothing-here"


def _hundred_mb_line(root: Path) -> str:
    with (root / "huge-line.txt").open("w", encoding="utf-8") as out:
        chunk = "word " * 200_000  # 1 MB
        for _ in range(100):
            out.write(chunk)
    return "huge-line.txt"


def _hundred_mb_jsonl_line(root: Path) -> str:
    with (root / "huge.jsonl").open("w", encoding="utf-8") as out:
        out.write('{"title": "Huge", "text": "')
        chunk = "word " * 200_000
        for _ in range(100):
            out.write(chunk)
        out.write('"}\n')
        out.write(json.dumps({"title": "Bus crash", "text": BODY}) + "\n")
    return "huge.jsonl"


def _twenty_mb_article(root: Path) -> str:
    repeats = 20_000_000 // len(SENTENCE) + 1
    _write(root / "long.txt", "Market fire\n\n" + SENTENCE * repeats + "\n")
    return "long.txt"


def _one_mb_digits(root: Path) -> str:
    _write(root / "digits.txt", "Figures\n\n" + "7" * 1_000_000 + "\n")
    return "digits.txt"


@dataclass(frozen=True)
class Case:
    """One kind of bad input and what it must get."""

    name: str
    build: Builder
    status: str  # the bad input's record status
    reason: str | None  # a part of its reason (None: no reason)
    exit: int  # without --skip-bad-input
    articles: int = 0  # articles the bad input itself gives
    args: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case(
        "binary-image",
        _file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "skipped",
        "binary file (PNG image)",
        2,
    ),
    Case(
        "binary-noise",
        _file("noise.txt", bytes(range(256)) * 40),
        "skipped",
        "binary file (NUL bytes)",
        2,
    ),
    Case(
        "nul-bytes-in-text",
        _file("nul.txt", b"Title\n\nAt least 5 peo\x00ple died.\n"),
        "skipped",
        "binary file (NUL bytes)",
        2,
    ),
    Case(
        "stray-nul-in-article",
        _file("stray-nul.txt", f"Bus crash\n\n{BODY} {BODY}\x00 {BODY}\n".encode()),
        "ok",
        "removed 1 stray NUL byte",
        0,
        1,
    ),
    Case(
        "gzip-compressed",
        _file("packed.txt", gzip.compress(GOOD.encode(), mtime=0)),
        "skipped",
        "gzip-compressed data; decompress it first",
        2,
    ),
    Case(
        "latin-1",
        _file("latin1.txt", f"Café fire\n\n{BODY} Señor Pérez said.\n".encode("latin-1")),
        "ok",
        "not valid UTF-8; decoded as",
        0,
        1,
    ),
    Case(
        "windows-1252",
        _file("cp1252.txt", f"\u201cBus crash\u201d \u2013 update\n\n{BODY}\n".encode("cp1252")),
        "ok",
        "decoded as cp1252",
        0,
        1,
    ),
    Case(
        "utf-8-bom",
        _file("bom8.txt", codecs.BOM_UTF8 + f"Bus crash\n\n{BODY}\n".encode()),
        "ok",
        None,
        0,
        1,
    ),
    Case(
        "utf-16-bom",
        _file("bom16.txt", f"Bus crash\n\n{BODY}\n".encode("utf-16")),
        "ok",
        "decoded as UTF-16 (byte order mark)",
        0,
        1,
    ),
    Case(
        "utf-16-be-json",
        _file(
            "bom16.json",
            codecs.BOM_UTF16_BE
            + json.dumps({"title": "Bus crash", "text": BODY}).encode("utf-16-be"),
        ),
        "ok",
        "decoded as UTF-16 (byte order mark)",
        0,
        1,
    ),
    Case(
        "mojibake",
        _file("moji.txt", f"Bus crash â€“ update\n\nIt wasnâ€™t safe. {BODY}\n"),
        "ok",
        "repaired mojibake",
        0,
        1,
    ),
    Case(
        "stray-bytes-in-utf-8-line",
        _file(
            "stray.jsonl",
            b'{"title": "Caf\xe9 \xe2\x80\x94 fire", "text": "' + BODY.encode() + b'"}\n',
        ),
        "ok",
        "stray bytes read as cp1252",
        0,
        1,
    ),
    Case("empty-file", _file("empty.txt", b""), "skipped", "empty file", 2),
    Case("blank-file", _file("blank.txt", "  \n\n\t \n"), "skipped", "empty file", 2),
    Case("empty-directory", _empty_dir, "skipped", "directory has no input files", 2),
    Case("missing-path", lambda root: "no-such-file.txt", "skipped", "not found", 2),
    Case(
        "unsupported-type",
        _file("scan.pdf", b"%PDF-1.4 ..."),
        "skipped",
        "unsupported format .pdf",
        2,
    ),
    Case("100-mb-single-line", _hundred_mb_line, "skipped", "larger than 50 MB limit", 2),
    Case(
        "100-mb-json-line",
        _hundred_mb_jsonl_line,
        "ok",
        "skipped 1 line over the 1 MB limit: 1",
        2,
        1,
        ("--max-file-size", "1000000"),
    ),
    Case(
        "20-mb-article",
        _twenty_mb_article,
        "ok",
        "cut 1 article longer than the 20,000-character limit: 1",
        2,
        1,
        ("--max-article-size", "20000"),
    ),
    Case(
        "1-mb-of-digits",
        _one_mb_digits,
        "ok",
        "cut 1 article longer than the 300,000-character limit: 1",
        2,
        1,
    ),
    Case(
        "deeply-nested-json",
        _file("deep.json", _nested(200_000)),
        "skipped",
        "not valid JSON (nested too deeply)",
        2,
    ),
    Case(
        "deeply-nested-json-line",
        _file("deep.jsonl", _jsonl(_nested(200_000), {"title": "Bus crash", "text": BODY})),
        "ok",
        "skipped 1 malformed line: 1",
        2,
        1,
    ),
    Case(
        "truncated-json",
        _file("cut.json", '{"title": "Bus crash", "text": "At least 7 pe'),
        "skipped",
        "not valid JSON (Unterminated string",
        2,
    ),
    Case(
        "jsonl-one-bad-line",
        _file(
            "feed.jsonl",
            _jsonl(
                {"title": "Bus crash", "text": BODY},
                '{"title": "Broken", "text": ',
                {"title": "Second crash", "text": BODY.replace("7", "8")},
            ),
        ),
        "ok",
        "skipped 1 malformed line: 2",
        2,
        2,
    ),
    Case(
        "wrong-field-types",
        _file(
            "types.jsonl",
            _jsonl(
                {"title": 5, "text": 12345, "url": {"x": 1}},
                {"title": ["a", 3], "text": True, "date": 7},
                {"title": {"t": 1}, "text": BODY, "url": 42, "date_publish": [2024]},
            ),
        ),
        "ok",
        "skipped 2 lines without article text: 1, 2",
        2,
        1,
    ),
    Case(
        "dates-none-and-zero",
        _file(
            "dates.jsonl",
            _jsonl(
                {"title": "Bus crash", "maintext": BODY, "date_publish": "None"},
                {
                    "title": "Bus crash two",
                    "maintext": BODY.replace("7", "6"),
                    "date_publish": "0000-00-00",
                },
                {
                    "title": "Bus crash three",
                    "maintext": BODY.replace("7", "5"),
                    "date_publish": "2024-13-45T99:00:00",
                },
            ),
        ),
        "ok",
        None,
        0,
        3,
    ),
    Case(
        "no-article-text",
        _file(
            "titles.json",
            json.dumps([{"title": "Only a title"}, {"title": "Blank", "text": "   "}]),
        ),
        "skipped",
        "no article text",
        2,
    ),
    Case(
        "json-not-records",
        _file("scalars.json", json.dumps([1, "two", None])),
        "skipped",
        "3 entries that are not objects",
        2,
    ),
    Case("symlink-loop", _symlink_loop, "skipped", "symbolic link loop", 2),
    Case("old-mac-line-endings", _file("cr.txt", f"Bus crash\r\r{BODY}\r"), "ok", None, 0, 1),
]


def _run(root: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=True)
    finally:
        os.chdir(old)


def _check(result: Result) -> dict[str, Any]:
    # Exit codes come from sys.exit; any other exception is a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _good_article_read(report: dict[str, Any]) -> None:
    good = [a for a in report["articles"] if a["source"] == GOOD_NAME]
    assert len(good) == 1
    facts = [f for f in report["facts"] if f["article"] == good[0]["id"]]
    assert any(f["metric"] == "killed" and f["interval"]["low"] == 12 for f in facts)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_named_and_the_rest_is_read(case: Case, tmp_path: Path) -> None:
    _write(tmp_path / GOOD_NAME, GOOD)
    bad = case.build(tmp_path)
    args = ["check", bad, GOOD_NAME, "--format", "json", *case.args]
    result = _run(tmp_path, *args)
    report = _check(result)
    assert result.exit_code == case.exit, result.stderr
    records = {r["path"]: r for r in report["inputs"]}
    assert set(records) == {bad, GOOD_NAME}
    record = records[bad]
    assert record["status"] == case.status, record
    if case.reason is None:
        assert record["reason"] is None
    else:
        assert case.reason in (record["reason"] or ""), record
    assert record["articles"] == case.articles
    assert len([a for a in report["articles"] if a["source"] == bad]) == case.articles
    _good_article_read(report)
    if case.exit == 2:
        # Said on stderr too, with the path and the reason.
        assert bad in result.stderr and case.reason is not None
        assert case.reason in result.stderr
        skipping = _run(tmp_path, *args, "--skip-bad-input")
        assert skipping.exit_code == 0, skipping.stderr
        assert _check(skipping)["inputs"] == report["inputs"]


def test_there_are_at_least_25_kinds() -> None:
    assert len({case.name for case in CASES}) >= 25


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / GOOD_NAME, GOOD)
    _write(tmp_path / "locked.txt", GOOD)
    if os.geteuid() != 0:
        (tmp_path / "locked.txt").chmod(0)
    else:
        # root reads anything: make the open itself refuse, as it would for a user.
        import builtins

        real_open = builtins.open

        def refusing(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing)
    try:
        result = _run(tmp_path, "check", "locked.txt", GOOD_NAME, "--format", "json")
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    report = _check(result)
    assert result.exit_code == 2
    record = report["inputs"][0]
    assert record == {
        "path": "locked.txt",
        "status": "skipped",
        "reason": "cannot read: permission denied",
        "articles": 0,
    }
    _good_article_read(report)


def test_path_that_vanishes_during_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file listed with its directory, then deleted before it is read."""
    from checker.ingest import readers

    batch = tmp_path / "batch"
    _write(batch / "a-gone.txt", GOOD.replace("12", "13"))
    _write(batch / GOOD_NAME, GOOD)
    real = readers.Reader.read_path

    def vanishing(self: readers.Reader, display: str, path: str) -> readers.Outcome:
        if path.endswith("a-gone.txt"):
            os.remove(path)
        return real(self, display, path)

    monkeypatch.setattr(readers.Reader, "read_path", vanishing)
    result = _run(tmp_path, "check", "batch", "--format", "json")
    report = _check(result)
    assert result.exit_code == 2
    assert report["inputs"][0] == {
        "path": "batch/a-gone.txt",
        "status": "skipped",
        "reason": "not found",
        "articles": 0,
    }
    assert [a["id"] for a in report["articles"]] == ["batch/good.txt#1"]


def test_directory_that_vanishes_during_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The module, not the function of the same name that checker.ingest exports.
    discover = importlib.import_module("checker.ingest.discover")
    _write(tmp_path / "gone" / "x.txt", GOOD)
    _write(tmp_path / GOOD_NAME, GOOD)
    real = discover.os.scandir

    def vanishing(path: Any) -> Any:
        if str(path).endswith("gone"):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real(path)

    monkeypatch.setattr(discover.os, "scandir", vanishing)
    result = _run(tmp_path, "check", "gone", GOOD_NAME, "--format", "json")
    report = _check(result)
    assert result.exit_code == 2
    assert report["inputs"][0]["status"] == "skipped"
    assert report["inputs"][0]["reason"] == "cannot read directory: No such file or directory"
    _good_article_read(report)


def test_rules_file_with_a_typo_names_file_line_and_field(tmp_path: Path) -> None:
    rules = tmp_path / "my-rules"
    _write(
        rules / "hedges.yaml",
        "hedges:\n  - kind: about\n    phrases: [about]\n  - kind: abuot\n    phrases: [around]\n",
    )
    _write(tmp_path / GOOD_NAME, GOOD)
    result = _run(tmp_path, "check", GOOD_NAME, "--rules", "my-rules")
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    message = result.stderr
    assert "Traceback" not in message
    assert "my-rules/hedges.yaml" in message
    assert "line 4, hedges.1.kind" in message
    assert result.stdout == ""


def test_rules_file_that_does_not_parse_names_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path / "my-rules" / "hedges.yaml", "hedges:\n  - kind: about\n   phrases: [\n")
    _write(tmp_path / GOOD_NAME, GOOD)
    result = _run(tmp_path, "check", GOOD_NAME, "--rules", "my-rules")
    assert result.exit_code == 2
    assert "my-rules/hedges.yaml" in result.stderr
    assert "line 3" in result.stderr
