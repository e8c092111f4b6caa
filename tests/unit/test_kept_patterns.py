"""Patterns compiled once and kept between runs: the same patterns, read back or not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import kept_patterns
from checker.extract.date_grammar import DateGrammar, grammar
from checker.extract.lexicon import Lexicon, _compile, kept
from checker.kept_patterns import PatternStore
from checker.rulebook import Rulebook

PATTERNS = [
    (r"(?<![\w-])(?P<n>\d+)\s+(?:people|persons)(?![\w])", re.IGNORECASE),
    (r"(?:killed|dead)\W+(?P<who>[A-Z][a-z]+)?", 0),
    (r"(?x) \d+ \s* (?: km | miles )  # a distance", 0),
    (r"^(?P<a>x)(?P<b>y)?$", re.MULTILINE),
    ("(?i:Kyïv|Київ)", 0),
]


def _no_parsing(monkeypatch: pytest.MonkeyPatch, store: PatternStore) -> None:
    """Make any parse of a pattern fail: what compiles now comes from the file."""
    assert store.engine is not None

    class Refusing:
        def __getattr__(self, name: str) -> object:
            raise AssertionError("a pattern was parsed again")

    monkeypatch.setattr(store, "engine", (Refusing(), Refusing(), store.engine[2]))


def _same(kept: re.Pattern[str], fresh: re.Pattern[str]) -> None:
    assert kept.pattern == fresh.pattern
    assert kept.flags == fresh.flags
    assert kept.groups == fresh.groups
    assert kept.groupindex == fresh.groupindex


def test_patterns_read_back_are_those_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns-test.json"
    first = PatternStore(path)
    for pattern, flags in PATTERNS:
        _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first.save()
    assert path.exists()
    second = PatternStore(path)
    _no_parsing(monkeypatch, second)
    for pattern, flags in PATTERNS:
        _same(second.compile(pattern, flags), re.compile(pattern, flags))
    second.save()  # nothing new: the file is not written again
    assert not second.missed


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab12 Kkmilespeople-\nxyïКиїв", max_size=40))
def test_patterns_read_back_match_as_compiled(text: str) -> None:
    store = PatternStore(None)
    for pattern, flags in PATTERNS:
        entry = store._entry(pattern, flags)
        assert entry is not None
        kept = store._from_entry(pattern, entry)
        assert kept is not None
        fresh = re.compile(pattern, flags)
        assert [m.groupdict() or m.group() for m in kept.finditer(text)] == [
            m.groupdict() or m.group() for m in fresh.finditer(text)
        ]


def test_a_damaged_file_is_compiled_anew(tmp_path: Path) -> None:
    path = tmp_path / "patterns-test.json"
    store = PatternStore(path)
    store.compile(*PATTERNS[0])
    store.save()
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + body.replace(b"[", b"{", 1))
    again = PatternStore(path)
    _same(again.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    assert again.missed
    path.write_bytes(b"\x00garbage")
    _same(PatternStore(path).compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_code_the_engine_refuses_is_compiled_anew(tmp_path: Path) -> None:
    """A file whose digest holds but whose code is wrong (written by hand)."""
    path = tmp_path / "patterns-test.json"
    store = PatternStore(path)
    pattern, flags = PATTERNS[0]
    store.compile(pattern, flags)
    store.save()
    rows = json.loads(path.read_bytes().partition(b"\n")[2])
    rows[0][3] = [9999, 1, 2, 3]
    body = json.dumps(rows).encode()
    header = json.dumps({"tag": store.tag, "digest": kept_patterns._digest(body)}).encode()
    path.write_bytes(header + b"\n" + body)
    again = PatternStore(path)
    _same(again.compile(pattern, flags), re.compile(pattern, flags))
    assert again.missed


def test_another_python_writes_another_tag(tmp_path: Path) -> None:
    path = tmp_path / "patterns-test.json"
    store = PatternStore(path)
    store.compile(*PATTERNS[1])
    store.save()
    other = PatternStore(path)
    other.tag = "another build"
    other.compile(*PATTERNS[1])
    assert other.missed


def test_an_invalid_pattern_raises_as_re_compile_does(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "patterns-test.json")
    with pytest.raises(re.error):
        store.compile("(unclosed")
    assert not store.missed


def test_no_cache_directory_writes_nothing(tmp_path: Path) -> None:
    store = PatternStore(None)
    _same(store.compile(*PATTERNS[2]), re.compile(*PATTERNS[2]))
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_patterns_of_other_rules_are_kept_up_to_a_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns-test.json"
    first = PatternStore(path)
    first.compile(*PATTERNS[0])
    first.save()
    second = PatternStore(path)
    second.compile(*PATTERNS[1])
    second.save()
    kept = {row[0] for row in json.loads(path.read_bytes().partition(b"\n")[2])}
    assert kept == {PATTERNS[0][0], PATTERNS[1][0]}
    monkeypatch.setattr(kept_patterns, "_KEEP_UNUSED_CHARS", 0)
    third = PatternStore(path)
    third.compile(*PATTERNS[2])
    third.save()
    kept = {row[0] for row in json.loads(path.read_bytes().partition(b"\n")[2])}
    assert kept == {PATTERNS[2][0]}


def _patterns(value: object) -> list[re.Pattern[str]]:
    """Every compiled pattern among a lexicon's or grammar's fields, in order."""
    out: list[re.Pattern[str]] = []
    items = value if isinstance(value, list | tuple) else [value]
    for item in items:
        if isinstance(item, re.Pattern):
            out.append(item)
        elif isinstance(item, list | tuple):
            out.extend(_patterns(item))
    return out


def _fields(made: Lexicon | DateGrammar) -> list[re.Pattern[str]]:
    return [p for value in vars(made).values() for p in _patterns(value)]


def test_the_lexicon_read_back_is_the_lexicon_compiled(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_patterns, "_STORES", [])
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    fresh = kept(_compile(rulebook))
    fresh_grammar = grammar(fresh)
    assert (tmp_path / "patterns.json").exists()
    monkeypatch.setattr(kept_patterns, "_STORES", [])
    _no_parsing(monkeypatch, kept_patterns.store())
    read = _compile(rulebook)
    fresh_patterns, read_patterns = _fields(fresh), _fields(read)
    assert len(read_patterns) > 100
    for a, b in zip(read_patterns, fresh_patterns, strict=True):
        _same(a, b)
    for a, b in zip(_fields(grammar(read)), _fields(fresh_grammar), strict=True):
        _same(a, b)
