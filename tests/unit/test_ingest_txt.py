"""The .txt splitting and cleaning rules, and the decoding helpers, on small texts."""

from __future__ import annotations

import pytest

from checker.ingest import decode
from checker.ingest.boilerplate import BoilerplateFilter
from checker.ingest.decode import binary_kind, decode_bytes, normalise_text
from checker.ingest.formats import format_of, sniff_format
from checker.ingest.records import MAX_URL_CHARS, outlet_of, parse_date, record_fields
from checker.ingest.txt import split_articles
from checker.rulebook import BoilerplateRules, RuleError, load_rulebook


@pytest.fixture(scope="module")
def rules() -> BoilerplateFilter:
    return BoilerplateFilter(load_rulebook().boilerplate)


def titles(text: str, rules: BoilerplateFilter) -> list[str | None]:
    return [article.title for article in split_articles(text, rules)]


def test_rule_examples_hold(rules: BoilerplateFilter) -> None:
    examples = load_rulebook().boilerplate.examples
    assert examples
    for example in examples:
        assert rules.is_boilerplate(example["line"]) is example["boilerplate"], example


def test_single_blank_lines_do_not_split(rules: BoilerplateFilter) -> None:
    text = "Title\n\nPara one.\n\nPara two.\nPara three.\n\nPara four."
    (article,) = split_articles(text, rules)
    assert article.text == text


def test_two_blank_lines_split_articles(rules: BoilerplateFilter) -> None:
    text = "First\n\nBody one.\n\n\nSecond\n\nBody two.\n\n\n\n\nThird\nBody three."
    assert titles(text, rules) == ["First", "Second", "Third"]


def test_blank_lines_with_spaces_count_as_blank(rules: BoilerplateFilter) -> None:
    assert titles("First\n\nBody one.\n \n\t\nSecond\n\nBody two.", rules) == ["First", "Second"]


def test_a_paragraph_after_a_gap_stays_in_its_article(rules: BoilerplateFilter) -> None:
    paragraph = (
        "The strikes hit targets in western Iraq and eastern Syria overnight, and officials "
        "said that at least sixteen people were killed, including civilians, in the raids "
        "near the border town of al-Qaim."
    )
    text = f"Title\n\nFirst paragraph.\n\n\n{paragraph}\n\nLast words here."
    (article,) = split_articles(text, rules)
    assert article.text == f"Title\n\nFirst paragraph.\n\n{paragraph}\n\nLast words here."


def test_a_lone_line_after_a_gap_is_not_an_article(rules: BoilerplateFilter) -> None:
    text = "Title\n\nBody.\n\n\nReporting by Jane Doe; editing by Tom Roe\n\n\nNext\n\nMore."
    articles = split_articles(text, rules)
    assert [a.title for a in articles] == ["Title", "Next"]
    assert articles[0].text == "Title\n\nBody.\n\nReporting by Jane Doe; editing by Tom Roe"


def test_a_lone_line_before_the_first_article_joins_it(rules: BoilerplateFilter) -> None:
    (article,) = split_articles("World news\n\n\nTitle\n\nBody.", rules)
    assert article.title == "World news"
    assert article.text == "World news\n\nTitle\n\nBody."


def test_no_empty_articles(rules: BoilerplateFilter) -> None:
    text = "\n\n\nTitle\n\nBody.\n\n\nTT\n\nSource link\n\n\n\n\n"
    articles = split_articles(text, rules)
    assert [a.text for a in articles] == ["Title\n\nBody."]
    assert split_articles("TT\n\n0 3\n", rules) == []


def test_repeated_title_and_captions_are_kept_once(rules: BoilerplateFilter) -> None:
    text = (
        "Title\n\nCaption A\nCaption A\nTT\n\nTitle\n\n Caption A\nCaption A\n\n"
        "Body mentions Title.\n\nBody."
    )
    (article,) = split_articles(text, rules)
    assert article.text == "Title\n\nCaption A\n\nBody mentions Title.\n\nBody."


def test_title_is_the_first_non_boilerplate_line(rules: BoilerplateFilter) -> None:
    (article,) = split_articles("Advertisement\n5 min read\nReal title\n\nBody.", rules)
    assert article.title == "Real title"


def test_stop_at_drops_the_rest_of_the_article(rules: BoilerplateFilter) -> None:
    text = "Title\n\nBody.\n\nRelated Articles\n\nOther headline\n\nLeave a Reply\nNice post!"
    (article,) = split_articles(text, rules)
    assert article.text == "Title\n\nBody."


def test_short_label_before_live_story_is_dropped(rules: BoilerplateFilter) -> None:
    text = "Title\n\nBody one.\n\nMiddle East\nLive Story\n\nBody two."
    (article,) = split_articles(text, rules)
    assert article.text == "Title\n\nBody one.\n\nBody two."


def test_a_sentence_before_live_story_is_kept(rules: BoilerplateFilter) -> None:
    text = "Title\n\nThe strikes went on for hours.\nLive Story\n\nBody two."
    (article,) = split_articles(text, rules)
    assert article.text == "Title\n\nThe strikes went on for hours.\n\nBody two."


def test_bad_boilerplate_pattern_is_a_rule_error() -> None:
    with pytest.raises(RuleError, match=r"boilerplate\.yaml: lines"):
        BoilerplateFilter(BoilerplateRules(lines=["(unclosed"]))


# --- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7", "PDF document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff\xdb", "JPEG image"),
        (b"GIF89a", "GIF image"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x1f\x8b\x08", "gzip-compressed data; decompress it first"),
        (b"BZh91AY&SY", "bzip2-compressed data; decompress it first"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8", "WebP image"),
        (b"abc\x00def", "NUL bytes"),
        (b"\xff\xfeT\x00i\x00", None),  # UTF-16 has NUL bytes but is text
        (b"Plain text", None),
        (b"BZh is a word here", None),
    ],
)
def test_binary_kind(head: bytes, kind: str | None) -> None:
    assert binary_kind(head) == kind


def test_valid_utf8_is_never_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_detection(data: bytes) -> None:
        raise AssertionError("charset_normalizer called on valid UTF-8")

    monkeypatch.setattr(decode, "from_bytes", no_detection)
    decoded = decode_bytes("Zürich – “ok”".encode())
    assert decoded.text == "Zürich – “ok”"
    assert decoded.notes == ()


def test_cyrillic_single_byte_text_is_not_read_as_cp1252() -> None:
    text = "В Москве сегодня шестнадцать человек пострадали в результате аварии, сообщили власти."
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text


def test_normalise_leaves_clean_text_alone() -> None:
    text = "Clean “text” — with café and 6,000 people.\n\nSecond paragraph."
    assert normalise_text(text) == (text, ())


def test_double_encoded_mojibake() -> None:
    text, notes = normalise_text("cafÃƒÂ©")
    assert text == "café"
    assert notes == ("repaired mojibake",)


# --- formats and records --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "txt"),
        ("A.TXT", "txt"),
        ("a.json", "json"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.htm", "html"),
        ("dir.v2/README", "sniff"),
        ("a.pdf", None),
    ],
)
def test_format_of(name: str, fmt: str | None) -> None:
    assert format_of(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'  \n{"title": "a", "text": "b"}\n{"x": 1}\n', "jsonl"),
        (b'{\n  "title": "a"\n}\n', "json"),
        (b"[1, 2]", "json"),
        (b"Title\n\nbody", "txt"),
        (b'\xef\xbb\xbf{"a": 1}\n', "jsonl"),
        ('{"a": 1}\n'.encode("utf-16"), "jsonl"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-02-03 12:00:00", "2024-02-03"),
        ("2024-02-03T12:00:00+00:00", "2024-02-03"),
        ("2024-02-03", "2024-02-03"),
        ("Sat, 03 Feb 2024 10:00:00 GMT", "2024-02-03"),
        ("2024-02-30", None),
        ("None", None),
        ("", None),
        (None, None),
        (20240203, None),
        ("yesterday", None),
    ],
)
def test_parse_date(value: object, iso: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == iso


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.Example.com/a/b", "example.com"),
        ("http://edition.cnn.com/x", "edition.cnn.com"),
        ("example.org/path", "example.org"),
        (None, None),
        ("", None),
    ],
)
def test_outlet_of(url: str | None, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


def test_record_fields_prefer_main_text_and_named_domain() -> None:
    fields = record_fields(
        {
            "maintext": "Main.",
            "text": "Other.",
            "description": "Desc.",
            "source_domain": "www.site.com",
            "url": "https://mirror.net/a",
        }
    )
    assert fields.body == "Main."
    assert fields.outlet == "site.com"
    assert fields.url == "https://mirror.net/a"


def test_plain_record_source_name_is_the_outlet() -> None:
    fields = record_fields({"title": "T", "text": "x", "source": "Reuters"})
    assert fields.outlet == "Reuters"
    assert fields.url is None


def test_record_text_as_a_list_of_paragraphs() -> None:
    fields = record_fields({"text": ["One.", "None", "Two."]})
    assert fields.body == "One.\n\nTwo."


def test_a_backreference_keeps_its_own_pattern() -> None:
    # Joined into one pattern, "\1" would point at another field's group.
    rules = BoilerplateFilter(BoilerplateRules(lines=[r"(\w+) \1"], stop_at=[r"(comments) below"]))
    cleaned = rules.clean_article(["Title here", "again again", "Body line.", "comments below"])
    assert cleaned.text == "Title here\nBody line."
    assert rules.is_content("once again")
    assert not rules.is_content("again again")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("two\r\nlines\rand more", "two\nlines\nand more"),
        ("tab\there\u00a0and\u200bthere\x0cnext\x07bell", "tab here andthere\nnext bell"),
        ("no odd characters at all", "no odd characters at all"),
    ],
)
def test_normalise_replaces_odd_characters(raw: str, clean: str) -> None:
    assert normalise_text(raw) == (clean, ())


@pytest.mark.parametrize("value", ["None", " null ", "N/A", "", "nan"])
def test_missing_value_words_are_missing(value: str) -> None:
    assert record_fields({"maintext": "Body text.", "title": value}).title is None


def test_a_url_or_outlet_too_long_to_be_one_is_left_out_with_a_note() -> None:
    long_url = "https://news.example.org/" + "a" * MAX_URL_CHARS
    fields = record_fields({"text": "x", "url": long_url, "hostname": "h" * 1_000})
    assert fields.url is None
    assert fields.outlet == "news.example.org"  # the URL's host stands in for the name
    assert fields.notes == (
        "outlet name of 1,000 characters left out (over 253)",
        f"url of {len(long_url):,} characters left out (over 8,192)",
    )
    fields = record_fields({"text": "x", "source": "S" * 300})
    assert fields.outlet is None and fields.url is None
    assert fields.notes == ()  # a plain source that names no outlet: nothing was dropped
    kept = record_fields({"text": "x", "url": "https://a.example/" + "b" * 100, "outlet": "AP"})
    assert kept.url is not None and kept.outlet == "AP" and kept.notes == ()
