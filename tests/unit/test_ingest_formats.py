"""Ingest of JSON, JSON lines, stdin, odd encodings, bad inputs and paths."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from checker.ingest import IngestResult, ingest
from checker.models import Article, InputRecord
from checker.rulebook import Rulebook, load_rulebook

BODY = (
    "Three US soldiers were killed and 34 wounded in a drone attack on a base in "
    "Jordan near the Syrian border, officials said on Sunday."
)


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths, as a user would type them.
    monkeypatch.chdir(tmp_path)


def write(name: str, content: str | bytes) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return name


def jsonl(*records: Any) -> str:
    return "".join(
        (record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records
    )


def only(result: IngestResult) -> tuple[InputRecord, list[Article]]:
    assert len(result.inputs) == 1
    return result.inputs[0], result.articles


# --- JSON and JSON lines ------------------------------------------------------

NEWS_PLEASE = {
    "authors": [],
    "date_download": "2024-01-29 11:02:13",
    "date_modify": "None",
    "date_publish": "2024-01-29 10:00:00",
    "description": "None",
    "filename": "https%3A%2F%2Fwww.example.com%2Fworld%2Fjordan.json",
    "image_url": "None",
    "language": "en",
    "localpath": "None",
    "maintext": BODY,
    "source_domain": "www.example.com",
    "title": "Drone attack kills three US troops",
    "title_page": "None",
    "title_rss": "None",
    "url": "https://www.example.com/world/jordan",
}

TRAFILATURA = {
    "title": "Drone attack in Jordan",
    "author": "None",
    "hostname": "news.example.org",
    "date": "2024-01-30",
    "fingerprint": "abcd",
    "id": None,
    "license": None,
    "comments": "",
    "raw_text": "ignored",
    "text": "A drone struck a base.\nThe Pentagon said 34 were hurt.",
    "language": "en",
    "source": "https://news.example.org/2024/01/30/drone",
    "source-hostname": "Example News",
    "excerpt": "",
}


def test_news_please_json_fields_are_mapped(rulebook: Rulebook) -> None:
    record, articles = only(ingest([write("np.json", json.dumps(NEWS_PLEASE))], rulebook))
    assert record == InputRecord(path="np.json", status="ok", reason=None, articles=1)
    (article,) = articles
    assert article.id == "np.json#1"
    assert article.source == "np.json"
    assert article.index == 1
    assert article.title == "Drone attack kills three US troops"
    assert article.url == "https://www.example.com/world/jordan"
    assert article.outlet == "example.com"
    assert article.published == dt.date(2024, 1, 29)
    assert article.published_from == "metadata"
    assert article.text == f"Drone attack kills three US troops\n\n{BODY}"


def test_news_please_none_strings_are_missing(rulebook: Rulebook) -> None:
    shape = dict(NEWS_PLEASE, date_publish="None", source_domain="None", url="None")
    _record, (article,) = only(ingest([write("np.json", json.dumps(shape))], rulebook))
    assert article.published is None
    assert article.published_from is None
    assert article.url is None
    assert article.outlet is None
    assert "None" not in article.text


def test_news_please_without_maintext_uses_the_description(rulebook: Rulebook) -> None:
    shape = dict(NEWS_PLEASE, maintext="None", description="Sixteen people were killed.")
    _record, (article,) = only(ingest([write("np.json", json.dumps(shape))], rulebook))
    assert article.text.endswith("\n\nSixteen people were killed.")
    assert any("description" in note for note in article.notes)


def test_trafilatura_jsonl_fields_and_line_number_ids(rulebook: Rulebook) -> None:
    second = dict(TRAFILATURA, title="Second", date="not a date", text="Other text here.")
    path = write("t.jsonl", jsonl(TRAFILATURA, "", second))
    record, articles = only(ingest([path], rulebook))
    assert record.status == "ok" and record.articles == 2 and record.reason is None
    first, other = articles
    assert (first.id, first.index) == ("t.jsonl#1", 1)
    assert (other.id, other.index) == ("t.jsonl#3", 3)
    assert first.title == "Drone attack in Jordan"
    assert first.url == "https://news.example.org/2024/01/30/drone"
    assert first.outlet == "news.example.org"
    assert first.published == dt.date(2024, 1, 30)
    assert first.text == (
        "Drone attack in Jordan\n\nA drone struck a base.\nThe Pentagon said 34 were hurt."
    )
    assert other.published is None and other.published_from is None


def test_plain_records_in_a_json_list(rulebook: Rulebook) -> None:
    records = [
        {"id": "a", "topic": "t1", "url": "http://variety. com/2013/x", "title": "A", "text": "aa"},
        {"id": "b", "topic": "t1", "url": None, "title": "B", "text": "bb\n\ncc"},
    ]
    record, articles = only(ingest([write("list.json", json.dumps(records))], rulebook))
    assert record.articles == 2
    assert [a.id for a in articles] == ["list.json#1", "list.json#2"]
    assert articles[0].url == "http://variety.com/2013/x"
    assert articles[0].outlet == "variety.com"
    assert articles[1].url is None and articles[1].outlet is None
    assert articles[1].text == "B\n\nbb\n\ncc"


def test_json_list_entries_without_text_are_named(rulebook: Rulebook) -> None:
    records = [{"title": "A", "text": "body"}, 7, {"title": "only a title"}]
    record, articles = only(ingest([write("l.json", json.dumps(records))], rulebook))
    assert record.status == "ok"
    assert record.articles == 1
    assert record.reason == (
        "skipped 1 entry that is not an object: 2; skipped 1 entry without article text: 3"
    )
    assert [a.id for a in articles] == ["l.json#1"]


def test_malformed_json_lines_are_named_and_the_run_goes_on(rulebook: Rulebook) -> None:
    path = write(
        "m.jsonl",
        jsonl({"title": "1", "text": "one"}, {"title": "2", "text": "two"}, "{oops", "[1, 2]")
        + jsonl({"title": "5", "text": "five"}, {"title": "6", "text": "None"}, '{"title": '),
    )
    result = ingest([path, write("after.txt", "After\n\nstill read")], rulebook)
    record = result.inputs[0]
    assert record.status == "ok"
    assert record.articles == 3
    assert record.reason == (
        "skipped 3 malformed lines: 3, 4, 7; skipped 1 line without article text: 6"
    )
    assert [a.id for a in result.articles] == ["m.jsonl#1", "m.jsonl#2", "m.jsonl#5", "after.txt#1"]
    assert result.inputs[1].status == "ok"
    # Lines were lost, so the run reports an input error (exit 2 unless --skip-bad-input).
    assert record.skipped_items == 4
    assert result.had_errors is True


def test_jsonl_with_only_bad_lines_is_skipped(rulebook: Rulebook) -> None:
    record, articles = only(ingest([write("bad.jsonl", "{nope\nnot json\n")], rulebook))
    assert record.status == "skipped"
    assert record.reason == "no articles (2 malformed lines: 1, 2)"
    assert articles == []


def test_long_lists_of_bad_lines_are_shortened(rulebook: Rulebook) -> None:
    record, _articles = only(ingest([write("b.jsonl", "x\n" * 12)], rulebook))
    assert record.reason == (
        "no articles (12 malformed lines: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more)"
    )


def test_invalid_json_document_is_skipped_with_the_parser_message(rulebook: Rulebook) -> None:
    record, _articles = only(ingest([write("bad.json", '{"title": ')], rulebook))
    assert record.status == "skipped"
    assert record.reason is not None and record.reason.startswith("not valid JSON (")
    assert "line 1" in record.reason


def test_json_file_holding_json_lines_is_read_per_line(rulebook: Rulebook) -> None:
    path = write("lines.json", jsonl({"title": "A", "text": "a"}, {"title": "B", "text": "b"}))
    record, articles = only(ingest([path], rulebook))
    assert record.articles == 2
    assert [a.id for a in articles] == ["lines.json#1", "lines.json#2"]


def test_ndjson_extension(rulebook: Rulebook) -> None:
    record, articles = only(ingest([write("x.ndjson", jsonl(TRAFILATURA))], rulebook))
    assert record.status == "ok" and articles[0].id == "x.ndjson#1"


def test_jsonl_line_longer_than_the_limit_is_skipped_alone(rulebook: Rulebook) -> None:
    path = write(
        "long.jsonl",
        jsonl({"title": "A", "text": "a"}, {"title": "L", "text": "x" * 500}, {"text": "c"}),
    )
    record, articles = only(ingest([path], rulebook, max_bytes=200))
    assert record.status == "ok"
    assert record.reason == "skipped 1 line over the 200 bytes limit: 2"
    assert [a.index for a in articles] == [1, 3]


def test_record_text_is_cleaned_like_txt(rulebook: Rulebook) -> None:
    text = "Drone attack\nFirst paragraph.\n\nTT\nSecond paragraph.\n\nLeave a Reply\nComment"
    _record, (article,) = only(
        ingest([write("c.json", json.dumps({"title": "Drone attack", "maintext": text}))], rulebook)
    )
    assert article.text == "Drone attack\n\nFirst paragraph.\n\nSecond paragraph."


# --- stdin ----------------------------------------------------------------------


def test_stdin_text_stream_in_txt_format(rulebook: Rulebook) -> None:
    stdin = io.StringIO("First title\n\nBody one.\n\n\n\nSecond title\n\nBody two.\n")
    record, articles = only(ingest(["-"], rulebook, stdin=stdin))
    assert record == InputRecord(path="-", status="ok", articles=2)
    assert [(a.id, a.source, a.title) for a in articles] == [
        ("-#1", "-", "First title"),
        ("-#2", "-", "Second title"),
    ]


def test_stdin_bytes_sniffed_as_json_lines(rulebook: Rulebook) -> None:
    stdin = io.BytesIO(("\n" + jsonl(NEWS_PLEASE, "{bad")).encode())
    record, articles = only(ingest(["-"], rulebook, stdin=stdin))
    assert record.status == "ok"
    assert record.reason == "skipped 1 malformed line: 3"
    assert articles[0].id == "-#2"
    assert articles[0].outlet == "example.com"


def test_stdin_json_document(rulebook: Rulebook) -> None:
    stdin = io.StringIO(json.dumps([NEWS_PLEASE], indent=2))
    record, articles = only(ingest(["-"], rulebook, stdin=stdin))
    assert record.articles == 1 and articles[0].id == "-#1"


def test_stdin_pretty_printed_object(rulebook: Rulebook) -> None:
    stdin = io.StringIO(json.dumps(TRAFILATURA, indent=2))
    record, articles = only(ingest(["-"], rulebook, stdin=stdin))
    assert record.articles == 1 and articles[0].title == "Drone attack in Jordan"


def test_stdin_between_files_keeps_the_given_order(rulebook: Rulebook) -> None:
    a = write("a.txt", "A\n\naa")
    b = write("b.txt", "B\n\nbb")
    result = ingest([b, "-", a], rulebook, stdin=io.StringIO("S\n\nss"))
    assert [record.path for record in result.inputs] == ["b.txt", "-", "a.txt"]
    assert [article.id for article in result.articles] == ["b.txt#1", "-#1", "a.txt#1"]


def test_empty_stdin_is_skipped(rulebook: Rulebook) -> None:
    record, _articles = only(ingest(["-"], rulebook, stdin=io.BytesIO(b"")))
    assert record.status == "skipped" and record.reason == "empty file"


def test_files_without_extension_are_sniffed(rulebook: Rulebook) -> None:
    records = write("records", jsonl({"title": "R", "text": "r"}))
    text = write("notes", "{Not JSON} title\n\nbody")
    result = ingest([records, text], rulebook)
    assert [record.articles for record in result.inputs] == [1, 1]
    assert [article.title for article in result.articles] == ["R", "{Not JSON} title"]


# --- encodings --------------------------------------------------------------------


def test_latin1_file_is_decoded(rulebook: Rulebook) -> None:
    content = "Café in Zürich\n\nSeñor García said five people were hurt.\n"
    _record, (article,) = only(ingest([write("l1.txt", content.encode("latin-1"))], rulebook))
    assert article.text == content.strip()
    assert any("decoded as" in note for note in article.notes)


def test_cp1252_file_is_decoded(rulebook: Rulebook) -> None:
    content = "“Quotes” — a title\n\nHe said it’s worth €5 at the café.\n"
    _record, (article,) = only(ingest([write("cp.txt", content.encode("cp1252"))], rulebook))
    assert article.text == content.strip()
    assert "not valid UTF-8; decoded as cp1252 (detected)" in article.notes


def test_utf8_with_stray_cp1252_bytes(rulebook: Rulebook) -> None:
    content = "Über title — ok\n\nIt’s ".encode() + "“fine”".encode("cp1252")
    _record, (article,) = only(ingest([write("mixed.txt", content)], rulebook))
    assert article.text == "Über title — ok\n\nIt’s “fine”"


def test_mojibake_is_repaired(rulebook: Rulebook) -> None:
    broken = "Washingtonâ€™s title\n\nThe cafÃ© said â€œmore severeâ€\u009d strikes."
    _record, (article,) = only(ingest([write("moji.txt", broken)], rulebook))
    assert article.title == "Washington’s title"
    assert article.text.endswith("The café said “more severe” strikes.")
    assert "repaired mojibake" in article.notes


def test_mojibake_in_json_strings_is_repaired(rulebook: Rulebook) -> None:
    record = {"title": "Israelâ€™s war", "text": "Itâ€™s nearly 500 incidents."}
    _record, (article,) = only(ingest([write("m.jsonl", jsonl(record))], rulebook))
    assert article.title == "Israel’s war"
    assert article.text == "Israel’s war\n\nIt’s nearly 500 incidents."


def test_utf8_bom_is_stripped_and_newlines_normalised(rulebook: Rulebook) -> None:
    content = b"\xef\xbb\xbfTitle\r\n\r\nLine one\rLine two\r\n"
    _record, (article,) = only(ingest([write("bom.txt", content)], rulebook))
    assert article.title == "Title"
    assert article.text == "Title\n\nLine one\nLine two"
    assert article.notes == []


def test_utf8_bom_in_json_lines(rulebook: Rulebook) -> None:
    content = b"\xef\xbb\xbf" + jsonl({"title": "A", "text": "a"}).encode()
    record, articles = only(ingest([write("bom.jsonl", content)], rulebook))
    assert record.reason is None and articles[0].title == "A"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(rulebook: Rulebook, codec: str) -> None:
    content = "Titre été\n\nCorps du texte, 16 morts."
    data = content.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    _record, (article,) = only(ingest([write("wide.txt", data)], rulebook))
    assert article.text == content
    assert any("byte order mark" in note for note in article.notes)


def test_utf16_json_lines(rulebook: Rulebook) -> None:
    data = jsonl({"title": "A", "text": "été"}, "{bad").encode("utf-16")
    record, articles = only(ingest([write("w.jsonl", data)], rulebook))
    assert record.reason == "skipped 1 malformed line: 2; decoded as UTF-16 (byte order mark)"
    assert articles[0].text == "A\n\nété"


def test_control_characters_and_odd_spaces_are_replaced(rulebook: Rulebook) -> None:
    content = "Title\x07here\n\nNo\u00a0break\u200b and\ttab\u2028next line\x0cpage"
    _record, (article,) = only(ingest([write("ctl.txt", content)], rulebook))
    assert article.text == "Title here\n\nNo break and tab\nnext line\npage"


def test_text_is_nfc_normalised(rulebook: Rulebook) -> None:
    _record, (article,) = only(ingest([write("nfc.txt", "Cafe\u0301\n\nbody")], rulebook))
    assert article.title == "Caf\u00e9"


# --- inputs that give no articles -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n \r\n", "empty file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        ("nul.txt", b"text with a \x00 NUL byte", "binary file (NUL bytes)"),
        ("doc.json", b"%PDF-1.7\n...", "binary file (PDF document)"),
        (
            "gz.jsonl",
            b"\x1f\x8b\x08\x00",
            "binary file (gzip-compressed data; decompress it first)",
        ),
        ("noext", b"PK\x03\x04rest", "binary file (ZIP archive or office document)"),
        ("boiler.txt", b"TT\n\nSource link\n\nLeave a Reply\n\nreal text", "no article text"),
        ("empty.json", b"[]", "no article text"),
        ("report.pdf", b"%PDF-1.4", "unsupported format .pdf"),
        ("letter.docx", b"PK\x03\x04", "unsupported format .docx"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "unsupported format .jpg"),
        ("page.html", b"<html><body><p>Hi</p></body></html>", None),
        (
            "crawl.warc",
            b"WARC/1.0\r\n",
            "unsupported format .warc (WARC archives are not read yet)",
        ),
        (
            "a.jsonl.gz",
            b"\x1f\x8b",
            "unsupported format .jsonl.gz (compressed: decompress it first)",
        ),
    ],
)
def test_inputs_without_articles_are_skipped_with_a_reason(
    rulebook: Rulebook,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    reason: str | None,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the html extra is not installed
    expected = reason or "HTML input needs the optional extra factcheck[html]"
    result = ingest([write(name, content)], rulebook)
    assert result.inputs == [InputRecord(path=name, status="skipped", reason=expected)]
    assert result.articles == []
    assert result.had_errors


def test_undecodable_bytes_are_skipped(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.ingest import decode

    class _NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(decode, "from_bytes", lambda data: _NoMatch())
    record, _articles = only(ingest([write("x.txt", b"\xfa\xfb\xfc garbage")], rulebook))
    assert record.reason == "not valid UTF-8 and no encoding could be detected"


def test_file_over_max_bytes_is_skipped(rulebook: Rulebook) -> None:
    big = write("big.txt", "Title\n\n" + "word " * 100)
    small = write("small.txt", "Title\n\nshort")
    result = ingest([big, small], rulebook, max_bytes=100)
    assert result.inputs[0] == InputRecord(
        path="big.txt", status="skipped", reason="larger than 100 bytes limit"
    )
    assert result.inputs[1].status == "ok"
    assert [article.source for article in result.articles] == ["small.txt"]


def test_default_limit_is_named_in_mb(rulebook: Rulebook) -> None:
    stdin = io.BytesIO(b"x" * 2_000_001)
    record, _articles = only(ingest(["-"], rulebook, stdin=stdin, max_bytes=2_000_000))
    assert record.reason == "larger than 2 MB limit"


def test_json_lines_are_streamed_past_max_bytes(rulebook: Rulebook) -> None:
    path = write("many.jsonl", jsonl(*({"title": f"T{i}", "text": f"body {i}"} for i in range(50))))
    record, articles = only(ingest([path], rulebook, max_bytes=100))
    assert record.status == "ok" and record.articles == 50
    assert articles[-1].id == "many.jsonl#50"


def test_missing_path_does_not_stop_the_run(rulebook: Rulebook) -> None:
    present = write("here.txt", "Here\n\ntext")
    result = ingest(["gone.txt", present, "no/such/dir/"], rulebook)
    assert result.inputs == [
        InputRecord(path="gone.txt", status="skipped", reason="not found"),
        InputRecord(path="here.txt", status="ok", articles=1),
        InputRecord(path="no/such/dir/", status="skipped", reason="not found"),
    ]
    assert result.had_errors


# --- directories ----------------------------------------------------------------------


def test_directory_is_recursed_sorted_and_hidden_entries_skipped(rulebook: Rulebook) -> None:
    write("batch/b.txt", "B\n\nbb")
    write("batch/a.jsonl", jsonl({"title": "A", "text": "aa"}))
    write("batch/sub/c.txt", "C\n\ncc")
    write("batch/.hidden.txt", "H\n\nhh")
    write("batch/.cache/d.txt", "D\n\ndd")
    write("batch/notes.pdf", b"%PDF-1.4")
    result = ingest(["batch"], rulebook)
    assert [(r.path, r.status) for r in result.inputs] == [
        ("batch/a.jsonl", "ok"),
        ("batch/b.txt", "ok"),
        ("batch/notes.pdf", "skipped"),
        ("batch/sub/c.txt", "ok"),
    ]
    assert [a.id for a in result.articles] == [
        "batch/a.jsonl#1",
        "batch/b.txt#1",
        "batch/sub/c.txt#1",
    ]


def test_directory_paths_stay_relative_as_given(rulebook: Rulebook) -> None:
    write("batch/x.txt", "X\n\nxx")
    result = ingest(["./batch/"], rulebook)
    assert result.inputs[0].path == "./batch/x.txt"
    assert result.articles[0].id == "./batch/x.txt#1"


def test_empty_directory_is_reported(rulebook: Rulebook) -> None:
    Path("nothing").mkdir()
    write("nothing/.hidden", "x")
    record, _articles = only(ingest(["nothing"], rulebook))
    assert record == InputRecord(
        path="nothing", status="skipped", reason="directory has no input files"
    )


def test_the_same_path_given_twice_is_read_once(rulebook: Rulebook) -> None:
    write("batch/x.txt", "X\n\nxx")
    result = ingest(["batch", "batch/x.txt", "batch"], rulebook)
    assert [r.path for r in result.inputs] == ["batch/x.txt"]
    assert len(result.articles) == 1


# --- HTML with the optional extra ----------------------------------------------------


def test_html_uses_trafilatura_when_installed(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def extract(page: str, **options: Any) -> str:
        calls.append(page)
        assert options["output_format"] == "json"
        return json.dumps(TRAFILATURA)

    fake = types.ModuleType("trafilatura")
    fake.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    record, (article,) = only(ingest([write("p.html", "<html>page</html>")], rulebook))
    assert calls == ["<html>page</html>"]
    assert record.status == "ok"
    assert article.id == "p.html#1"
    assert article.outlet == "news.example.org"
    assert article.published == dt.date(2024, 1, 30)


def test_html_extractor_failure_skips_only_that_page(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    def extract(page: str, **options: Any) -> str:
        raise ValueError("document is empty")

    fake = types.ModuleType("trafilatura")
    fake.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    result = ingest([write("p.html", "<html/>"), write("n.txt", "N\n\nn")], rulebook)
    assert result.inputs[0] == InputRecord(
        path="p.html", status="skipped", reason="HTML extraction failed: document is empty"
    )
    assert result.inputs[1].status == "ok"


def test_sniffed_text_starting_with_a_bracket_is_text(rulebook: Rulebook) -> None:
    stdin = io.StringIO("[Updated] Strikes in Iraq\n\nSixteen people were killed.")
    record, (article,) = only(ingest(["-"], rulebook, stdin=stdin))
    assert record.status == "ok"
    assert article.title == "[Updated] Strikes in Iraq"


def test_a_json_file_that_is_not_json_is_not_read_as_text(rulebook: Rulebook) -> None:
    record, _articles = only(ingest([write("x.json", "[Updated] title\n\nbody")], rulebook))
    assert record.status == "skipped"
    assert record.reason is not None and record.reason.startswith("not valid JSON")
