"""Bytes to clean text: binary sniffing, encoding detection, mojibake repair.

Decoding order: a UTF-8 byte order mark is stripped; a UTF-16/32 byte order
mark decides the codec; otherwise UTF-8. Text that is not valid UTF-8 is read
as mostly-UTF-8 with stray cp1252 bytes when valid UTF-8 sequences dominate,
else its encoding is detected with charset_normalizer (never called on valid
UTF-8, which keeps the common case fast). Every guess is recorded as a note.

``normalise_text`` then repairs mojibake ("â€™" -> "’", with ftfy), normalises
newlines, applies NFC and replaces control characters.

ftfy and charset_normalizer are imported when first needed: most input is
valid UTF-8 without mojibake, and needs neither.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Any


class DecodeError(Exception):
    """The bytes cannot be read as text; ``str(error)`` is the human reason."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with notes on any guess that was made."""

    text: str
    notes: tuple[str, ...] = ()


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed data; decompress it first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_WIDE_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def binary_kind(head: bytes) -> str | None:
    """What kind of binary data ``head`` (the first bytes of an input) is, or None for text.

    The answer reads as a reason: "PNG image", "NUL bytes", ...
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if _BZIP2.match(head):
        return "bzip2-compressed data; decompress it first"
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if wide_codec(head) is not None:
        return None
    if stray_nuls(head) is None:
        return "NUL bytes"
    return None


# Text with a NUL byte now and then (a scraper's stray terminator) is text;
# when NULs, or control bytes that text never holds, are more than one byte
# in this many, it is binary data or an unmarked UTF-16 file.
_NUL_SHARE = 200
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def stray_nuls(data: bytes) -> int | None:
    """How many NUL bytes ``data`` holds when they are few enough to drop (0 for none);
    None when they, with the other control bytes, are too many for text."""
    count = data.count(b"\x00")
    if count == 0:
        return 0
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return count if controls * _NUL_SHARE <= len(data) else None


def wide_codec(head: bytes) -> tuple[str, str] | None:
    """The (codec, label) named by a UTF-16/32 byte order mark at the start of ``head``."""
    for bom, codec, label in _WIDE_BOMS:
        if head.startswith(bom):
            return codec, label
    return None


def bom_length(head: bytes) -> int:
    """Length of the byte order mark (UTF-8/16/32) at the start of ``head``, 0 if none."""
    if head.startswith(codecs.BOM_UTF8):
        return len(codecs.BOM_UTF8)
    for bom, _codec, _label in _WIDE_BOMS:
        if head.startswith(bom):
            return len(bom)
    return 0


def _cp1252_table() -> tuple[str, ...]:
    chars = []
    for value in range(256):
        try:
            chars.append(bytes([value]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(value))
    return tuple(chars)


_CP1252 = _cp1252_table()
_STRAY_BYTES_HANDLER = "factcheck.stray-cp1252"


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_CP1252[byte] for byte in bad), error.end


codecs.register_error(_STRAY_BYTES_HANDLER, _stray_bytes_as_cp1252)


def decode_mostly_utf8(data: bytes) -> str:
    """Decode UTF-8, reading any invalid bytes as cp1252 (the usual culprit in mixed text)."""
    return data.decode("utf-8", errors=_STRAY_BYTES_HANDLER)


def _mostly_utf8(data: bytes) -> bool:
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return valid >= invalid


def from_bytes(data: bytes) -> Any:
    """charset_normalizer's guesses at the encoding of ``data`` (imported on first use)."""
    from charset_normalizer import from_bytes as detect

    return detect(data)


def _detect(data: bytes) -> Decoded:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeError("not valid UTF-8 and no encoding could be detected")
    encoding = str(best.encoding)
    text = str(best)
    # charset_normalizer cannot tell the Western single-byte code pages apart
    # on short texts and often picks cp1250; when cp1252 reads the bytes just
    # as well, it is by far the likelier one for news text.
    western = "cp1252" in best.could_be_from_charset or any(
        match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01 for match in results
    )
    if western and encoding != "cp1252":
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    return Decoded(text, (f"not valid UTF-8; decoded as {encoding} (detected)",))


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text input; raises ``DecodeError`` when no encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        wide = wide_codec(data)
        if wide is not None:
            codec, label = wide
            body = data[bom_length(data) :]
            return Decoded(
                body.decode(codec, errors="replace"), (f"decoded as {label} (byte order mark)",)
            )
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return Decoded(
            decode_mostly_utf8(data), ("not valid UTF-8 throughout; stray bytes read as cp1252",)
        )
    return _detect(data)


# Mojibake of UTF-8 read as cp1252/latin-1 always shows a lead byte (Â-ô) followed
# by a continuation byte in its cp1252 or latin-1 form; ftfy only runs on lines
# that show this pair, which keeps clean text fast.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_NEWLINES = re.compile("\r\n?")
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Any character one of the four patterns above replaces: most text has none,
# and one search for them is cheaper than the four substitutions.
_ANY_REPLACED = re.compile(
    "|".join(pattern.pattern for pattern in (_OTHER_BREAKS, _INVISIBLE, _CONTROLS, _SPACES))
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded with the wrong codec ("Ã©" -> "é"), line by line."""
    # ASCII text holds no lead byte, so it cannot hold mojibake.
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            lines[number] = ftfy.fix_encoding(line)
    return "\n".join(lines)


def normalise_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Clean decoded text: mojibake, newlines, NFC, control and odd space characters.

    Returns the text and notes on what was repaired.
    """
    notes: tuple[str, ...] = ()
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    # Before the other line breaks: U+0085 can be half of a mojibake pair.
    repaired = repair_mojibake(text)
    if repaired != text:
        notes = ("repaired mojibake",)
        text = repaired
    if _ANY_REPLACED.search(text):
        text = _OTHER_BREAKS.sub("\n", text)
        text = _INVISIBLE.sub("", text)
        text = _CONTROLS.sub(" ", text)
        text = _SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, notes
