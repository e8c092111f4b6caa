"""Read one input (a file or standard input) into Articles and its InputRecord.

Every outcome is accounted for: an input either gives articles (status "ok",
with a reason naming any lines or entries that were skipped) or is skipped
with a reason a person can act on.

.txt, .json and HTML inputs are read whole, up to ``max_bytes``; JSON lines are
streamed line by line, so memory grows with the articles, not with the file.
An article longer than ``max_chars`` characters is cut to its first
``max_chars`` (at a space): the rest of the batch never waits on one huge page.

The record of an input that gave articles says, in its reason, what was
skipped or cut and what was repaired (the encoding guessed, mojibake undone);
its ``skipped_items`` and ``truncated`` count the lines, entries or articles
skipped or cut, so that every article read is accounted for.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from checker.ingest.boilerplate import BoilerplateFilter
from checker.ingest.decode import (
    Decoded,
    DecodeError,
    binary_kind,
    decode_bytes,
    decode_mostly_utf8,
    normalise_text,
    stray_nuls,
    wide_codec,
)
from checker.ingest.fingerprint import fingerprint
from checker.ingest.formats import Format, format_of, sniff_format, unsupported_reason
from checker.ingest.html import MISSING_EXTRA, html_available, html_record
from checker.ingest.records import RecordFields, record_fields
from checker.ingest.txt import split_articles
from checker.models import Article, InputRecord

_HEAD_BYTES = 1 << 16
_CHUNK_BYTES = 1 << 20
_MAX_LISTED = 10
_MAX_NESTING = "nested too deeply"
DEFAULT_MAX_ARTICLE_CHARS = 300_000
# A title is one line of a report; a longer first line is the text's, not a title's.
_MAX_TITLE_CHARS = 1_000


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its record and the articles it gave."""

    record: InputRecord
    articles: list[Article] = field(default_factory=list)


def skipped(path: str, reason: str) -> Outcome:
    """The outcome of an input that gives no articles."""
    return Outcome(InputRecord(path=path, status="skipped", reason=reason))


def size_label(size: int) -> str:
    """A byte count for people: "50 MB", "20 kB", "100 bytes"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1_000:
        return f"{size / 1_000:g} kB"
    return f"{size} bytes"


def _listing(numbers: Sequence[int]) -> str:
    shown = ", ".join(str(number) for number in numbers[:_MAX_LISTED])
    if len(numbers) > _MAX_LISTED:
        shown += f" and {len(numbers) - _MAX_LISTED} more"
    return shown


def _problem(numbers: Sequence[int], singular: str, plural: str) -> str:
    noun = singular if len(numbers) == 1 else plural
    return f"{len(numbers)} {noun}: {_listing(numbers)}"


class Tally:
    """What an input's record says of its articles: how many, which were cut, the repairs.

    Kept apart from the articles themselves so that a streamed input's record
    is made without holding its articles.
    """

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        """A tally of ``articles`` (more are added with ``add``)."""
        self.count = 0
        self.cut: list[int] = []
        self.notes: dict[str, None] = {}
        for article in articles:
            self.add(article)

    def add(self, article: Article) -> None:
        """Count ``article``."""
        self.count += 1
        if article.truncated:
            self.cut.append(article.index)
        self.notes.update(dict.fromkeys(article.notes))


def _finish(
    path: str,
    articles: list[Article],
    problems: Sequence[str] = (),
    *,
    skipped_items: int = 0,
    limit: int = DEFAULT_MAX_ARTICLE_CHARS,
    tally: Tally | None = None,
) -> Outcome:
    """The outcome of an input that was read: its articles, or skipped when it gave none.

    ``problems`` name the parts that were skipped (``skipped_items`` of them);
    the reason also names the articles cut at ``limit`` characters and the
    repairs noted on the articles. ``tally`` stands for articles already
    passed on (streamed), which ``articles`` then does not hold.
    """
    tally = tally or Tally(articles)
    if not tally.count:
        why = f"no articles ({'; '.join(problems)})" if problems else "no article text"
        return skipped(path, why)
    parts = [f"skipped {problem}" for problem in problems]
    cut = tally.cut
    if cut:
        noun = "article" if len(cut) == 1 else "articles"
        parts.append(
            f"cut {len(cut)} {noun} longer than the {limit:,}-character limit: {_listing(cut)}"
        )
    parts.extend(note for note in tally.notes if not note.startswith(_CUT_NOTE))
    record = InputRecord(
        path=path,
        status="ok",
        reason="; ".join(parts) or None,
        articles=tally.count,
        skipped_items=skipped_items,
        truncated=len(cut),
    )
    return Outcome(record, articles)


_CUT_NOTE = "text cut to its first"


def cut_text(text: str, limit: int) -> tuple[str, str | None]:
    """``text`` cut to at most ``limit`` characters (at a space near the end when there
    is one), and a note saying so; the text itself and None when it fits."""
    if len(text) <= limit:
        return text, None
    space = text.rfind(" ", max(0, limit - 1_000), limit)
    kept = text[: space if space > 0 else limit].rstrip()
    return kept, f"{_CUT_NOTE} {len(kept):,} characters (of {len(text):,})"


class _Prefixed(io.RawIOBase):
    """Bytes already read (the head) followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _TextAsBytes(io.RawIOBase):
    """A text stream (e.g. io.StringIO given as stdin) read as UTF-8 bytes."""

    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = self._text.read(_HEAD_BYTES)
            if not chunk:
                return 0
            try:
                # Recovers the original bytes of text read with surrogateescape.
                self._pending = chunk.encode("utf-8", errors="surrogateescape")
            except UnicodeEncodeError:
                self._pending = chunk.encode("utf-8", errors="replace")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def binary_stream(stream: TextIO | BinaryIO) -> BinaryIO:
    """The bytes of a text or binary stream (sys.stdin, io.StringIO, io.BytesIO...)."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(buffer, io.BufferedIOBase | io.RawIOBase):
        return buffer  # type: ignore[return-value]
    if isinstance(stream.read(0), bytes):
        return stream  # type: ignore[return-value]
    return io.BufferedReader(_TextAsBytes(stream))  # type: ignore[arg-type]


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    parts: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(min(remaining, _CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


@dataclass(frozen=True)
class _Line:
    number: int
    text: str | None  # None: longer than the line limit
    notes: tuple[str, ...] = ()


class Reader:
    """Reads inputs with one set of boilerplate rules and its size limits."""

    def __init__(
        self,
        rules: BoilerplateFilter,
        max_bytes: int,
        max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
        emit: Callable[[Article], None] | None = None,
    ) -> None:
        """``max_bytes`` bounds a whole .txt/.json/HTML input and a single JSON line;
        ``max_chars`` bounds the text of one article (longer text is cut).

        With ``emit``, each article of a JSON lines input is passed to it as
        soon as its line is read, and not kept in the outcome (streaming).
        """
        self.rules = rules
        self.max_bytes = max_bytes
        self.max_chars = max_chars
        self.emit = emit

    # --- entry points --------------------------------------------------------

    def read_path(self, display: str, path: str) -> Outcome:
        """Read the file at ``path``; ``display`` is the path as given (ids use it)."""
        fmt = format_of(path)
        if fmt is None:
            return skipped(display, unsupported_reason(path))
        if fmt == "html" and not html_available():
            return skipped(display, MISSING_EXTRA)
        try:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if fmt not in ("jsonl", "sniff") and size > self.max_bytes:
                    return skipped(display, self._too_large())
                return self.read_stream(display, handle, fmt)
        except FileNotFoundError:
            return skipped(display, "not found")
        except IsADirectoryError:
            return skipped(display, "is a directory")
        except PermissionError:
            return skipped(display, "cannot read: permission denied")
        except OSError as exc:
            return skipped(display, f"cannot read: {exc.strerror or exc}")

    def read_stream(self, display: str, stream: BinaryIO, fmt: Format) -> Outcome:
        """Read an open binary stream in format ``fmt`` ("sniff" decides from its start)."""
        head = _read_at_most(stream, _HEAD_BYTES)
        if not head:
            return skipped(display, "empty file")
        kind = binary_kind(head)
        if kind is not None:
            return skipped(display, f"binary file ({kind})")
        sniffed = fmt == "sniff"
        if fmt == "sniff":
            fmt = sniff_format(head)
        if fmt == "jsonl":
            return self._jsonl(display, self._stream_lines(head, stream))
        data = head + _read_at_most(stream, self.max_bytes + 1 - len(head))
        if len(data) > self.max_bytes:
            return skipped(display, self._too_large())
        nuls = 0
        if wide_codec(data) is None:
            found = stray_nuls(data)
            if found is None:
                return skipped(display, "binary file (NUL bytes)")
            nuls = found
            data = data.replace(b"\x00", b"") if nuls else data
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            return skipped(display, str(exc))
        if nuls:
            noun = "byte" if nuls == 1 else "bytes"
            decoded = Decoded(decoded.text, (*decoded.notes, f"removed {nuls} stray NUL {noun}"))
        if not decoded.text.strip():
            return skipped(display, "empty file")
        if fmt == "json":
            return self._json(display, decoded, text_fallback=sniffed)
        if fmt == "html":
            return self._html(display, decoded)
        return self._txt(display, decoded)

    def _too_large(self) -> str:
        return f"larger than {size_label(self.max_bytes)} limit"

    # --- formats ---------------------------------------------------------------

    def _txt(self, display: str, decoded: Decoded) -> Outcome:
        text, repairs = normalise_text(decoded.text)
        notes = [*decoded.notes, *repairs]
        articles = []
        for index, clean in enumerate(split_articles(text, self.rules), start=1):
            body, cut = cut_text(clean.text, self.max_chars)
            title = None if clean.title is None else cut_text(clean.title, _MAX_TITLE_CHARS)[0]
            articles.append(
                Article(
                    id=f"{display}#{index}",
                    source=display,
                    index=index,
                    title=title,
                    fingerprint=fingerprint(body),
                    text=body,
                    truncated=cut is not None,
                    notes=notes if cut is None else [*notes, cut],
                )
            )
        return _finish(display, articles, limit=self.max_chars)

    def _html(self, display: str, decoded: Decoded) -> Outcome:
        try:
            fields = html_record(decoded.text)
        except Exception as exc:
            # A third-party extractor failing on one page must not end the run.
            return skipped(display, f"HTML extraction failed: {exc}")
        article = (
            None if fields is None else self._record_article(display, 1, fields, decoded.notes)
        )
        return _finish(display, [] if article is None else [article], limit=self.max_chars)

    def _json(self, display: str, decoded: Decoded, *, text_fallback: bool = False) -> Outcome:
        """A JSON document: one record or a list of records.

        With ``text_fallback`` (a sniffed input that merely starts with "{" or
        "["), text that is not JSON is read as .txt.
        """
        try:
            document = json.loads(decoded.text)
        except RecursionError:
            return skipped(display, f"not valid JSON ({_MAX_NESTING})")
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data":
                # Several objects one per line in a .json file: read it as JSON lines.
                lines = (
                    _Line(number, line, decoded.notes)
                    for number, line in enumerate(decoded.text.split("\n"), start=1)
                )
                return self._jsonl(display, lines)
            if text_fallback:
                return self._txt(display, decoded)
            return skipped(
                display, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
            )
        entries = (
            list(enumerate(document, start=1)) if isinstance(document, list) else [(1, document)]
        )
        articles: list[Article] = []
        not_objects: list[int] = []
        no_text: list[int] = []
        for index, entry in entries:
            if not isinstance(entry, dict):
                not_objects.append(index)
                continue
            article = self._record_article(display, index, record_fields(entry), decoded.notes)
            if article is None:
                no_text.append(index)
            else:
                articles.append(article)
        problems = []
        if not_objects:
            problems.append(
                _problem(not_objects, "entry that is not an object", "entries that are not objects")
            )
        if no_text:
            problems.append(
                _problem(no_text, "entry without article text", "entries without article text")
            )
        if len(entries) == len(no_text) and not articles:
            return skipped(display, "no article text")
        return _finish(
            display,
            articles,
            problems,
            skipped_items=len(not_objects) + len(no_text),
            limit=self.max_chars,
        )

    def _stream_lines(self, head: bytes, stream: BinaryIO) -> Iterator[_Line]:
        """Numbered, decoded lines of a JSON lines stream, read one at a time."""
        buffered = io.BufferedReader(_Prefixed(head, stream), buffer_size=_HEAD_BYTES)
        wide = wide_codec(head)
        if wide is not None:
            _codec, label = wide
            text = io.TextIOWrapper(buffered, encoding=label.lower(), errors="replace")
            note = (f"decoded as {label} (byte order mark)",)
            number = 0
            while True:
                line = text.readline(self.max_bytes + 1)
                if not line:
                    return
                number += 1
                if len(line) > self.max_bytes and not line.endswith("\n"):
                    while line and not line.endswith("\n"):
                        line = text.readline(_CHUNK_BYTES)
                    yield _Line(number, None)
                else:
                    yield _Line(number, line, note)
        number = 0
        while True:
            raw = buffered.readline(self.max_bytes + 1)
            if not raw:
                return
            number += 1
            if len(raw) > self.max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = buffered.readline(_CHUNK_BYTES)
                yield _Line(number, None)
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                yield _Line(number, raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield _Line(
                    number,
                    decode_mostly_utf8(raw),
                    ("line not valid UTF-8; stray bytes read as cp1252",),
                )

    def _jsonl(self, display: str, lines: Iterable[_Line]) -> Outcome:
        articles: list[Article] = []
        tally = Tally()
        malformed: list[int] = []
        no_text: list[int] = []
        too_long: list[int] = []
        seen_any = False
        for line in lines:
            if line.text is None:
                seen_any = True
                too_long.append(line.number)
                continue
            if not line.text.strip():
                continue
            seen_any = True
            try:
                record = json.loads(line.text)
            except (ValueError, RecursionError):
                malformed.append(line.number)
                continue
            if not isinstance(record, dict):
                malformed.append(line.number)
                continue
            article = self._record_article(display, line.number, record_fields(record), line.notes)
            if article is None:
                no_text.append(line.number)
                continue
            tally.add(article)
            if self.emit is not None:
                self.emit(article)
            else:
                articles.append(article)
        if not seen_any:
            return skipped(display, "empty file")
        problems = []
        if malformed:
            problems.append(_problem(malformed, "malformed line", "malformed lines"))
        if too_long:
            limit = size_label(self.max_bytes)
            problems.append(
                _problem(too_long, f"line over the {limit} limit", f"lines over the {limit} limit")
            )
        if no_text:
            problems.append(
                _problem(no_text, "line without article text", "lines without article text")
            )
        return _finish(
            display,
            articles,
            problems,
            skipped_items=len(malformed) + len(too_long) + len(no_text),
            limit=self.max_chars,
            tally=tally,
        )

    def _record_article(
        self, display: str, index: int, fields: RecordFields, notes: Sequence[str]
    ) -> Article | None:
        """An Article from one JSON record, or None when it holds no article text."""
        if fields.body is None:
            return None
        all_notes = [*notes, *fields.notes]
        # Cut before cleaning, so that a huge body costs no more than the limit
        # (with room for the boilerplate lines cleaning may drop).
        raw_body, _ = cut_text(fields.body, 2 * self.max_chars)
        body, repairs = normalise_text(raw_body)
        all_notes.extend(repairs)
        title = None
        if fields.title is not None:
            title, repairs = normalise_text(cut_text(fields.title, 2 * _MAX_TITLE_CHARS)[0])
            title = cut_text(" ".join(title.split()), _MAX_TITLE_CHARS)[0] or None
            all_notes.extend(note for note in repairs if note not in all_notes)
        combined = f"{title}\n\n{body}" if title else body
        clean = self.rules.clean_article(combined.split("\n"))
        if not clean.text or clean.text == title:
            return None
        text, cut = cut_text(clean.text, self.max_chars)
        if cut is None and len(fields.body) > len(raw_body):
            # Cut before cleaning: what was kept is the cleaned first part.
            cut = (
                f"{_CUT_NOTE} {len(raw_body):,} characters (of {len(fields.body):,}),"
                f" {len(text):,} once cleaned"
            )
        if cut is not None:
            all_notes.append(cut)
        return Article(
            id=f"{display}#{index}",
            source=display,
            index=index,
            title=title,
            url=fields.url,
            outlet=fields.outlet,
            published=fields.published,
            published_from="metadata" if fields.published is not None else None,
            fingerprint=fingerprint(text),
            text=text,
            truncated=cut is not None,
            notes=all_notes,
        )
