"""JSON article records (news-please, trafilatura, plain) -> Article fields.

Recognised shapes:
- news-please: ``maintext``, ``title``, ``date_publish``, ``source_domain``,
  ``url``, ``description``; the string "None" means missing;
- trafilatura: ``text``, ``title``, ``date``, ``hostname``, ``source`` (the URL);
- plain: ``title``, ``text``, ``url`` (other keys such as ``id`` or ``topic``
  are ignored).

The body falls back to ``description`` / ``excerpt`` when a record has no
main text, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

_BODY_KEYS = ("maintext", "text", "content", "body", "article", "raw_text")
_SUMMARY_KEYS = ("description", "excerpt", "summary")
_TITLE_KEYS = ("title", "headline", "title_page", "title_rss")
_DATE_KEYS = (
    "date_publish",
    "date",
    "published",
    "publish_date",
    "date_published",
    "datePublished",
    "pubdate",
)
_OUTLET_KEYS = ("source_domain", "hostname", "domain", "outlet", "site")
_URL_KEYS = ("url", "source", "link")
_MISSING = frozenset({"", "none", "null", "nan", "n/a"})
# Case folding never shortens a string, so a longer value is none of them.
_MISSING_MAX_CHARS = max(len(word) for word in _MISSING)

# A longer URL is no link to an article (browsers and servers stop at a few
# thousand characters), and a longer outlet name no host name (DNS names stop
# at 253 characters) nor a masthead: hostile records are kept without them.
MAX_URL_CHARS = 8_192
MAX_OUTLET_CHARS = 253

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")
_URL_SHAPED = re.compile(r"(?i)^(https?:)?//|^[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RecordFields:
    """What one JSON record says about its article (text not yet cleaned)."""

    title: str | None
    body: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    notes: tuple[str, ...] = ()


def _text(value: object) -> str | None:
    """A usable string value: "None", "null" and blanks are missing; lists are joined."""
    if isinstance(value, list):
        parts = [part for part in (_text(item) for item in value) if part]
        return "\n\n".join(parts) or None
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    # Only a short value can be one of the missing-value words: a long text
    # is not case-folded just to be compared with them.
    if len(stripped) > _MISSING_MAX_CHARS:
        return stripped
    return None if stripped.casefold() in _MISSING else stripped


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _text(record.get(key))
        if value is not None:
            return value
    return None


def parse_date(value: object) -> dt.date | None:
    """The calendar date of an ISO or RFC 2822 date/time string; None when invalid."""
    text = _text(value)
    if text is None:
        return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def clean_url(value: object) -> str | None:
    """A URL-shaped string with stray whitespace removed, else None."""
    text = _text(value)
    if text is None:
        return None
    text = _WHITESPACE.sub("", text)
    return text if _URL_SHAPED.match(text) else None


def outlet_of(url: str | None) -> str | None:
    """The host of ``url``, lower-case, without a leading "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _outlet(record: Mapping[str, object], url: str | None) -> tuple[str | None, str | None]:
    """The record's outlet, and a note when a named one was too long to be one."""
    named = _first(record, _OUTLET_KEYS)
    if named is not None and _URL_SHAPED.match(named):
        named = outlet_of(named)
    note = None
    if named is not None and len(named) > MAX_OUTLET_CHARS:
        note = f"outlet name of {len(named):,} characters left out (over {MAX_OUTLET_CHARS})"
    # A plain record's "source" may name the outlet rather than give a URL.
    source = _text(record.get("source"))
    if source is not None and clean_url(source) is not None:
        source = None
    for outlet in (named, outlet_of(url), source):
        if outlet is not None and len(outlet) <= MAX_OUTLET_CHARS:
            return outlet, note
    return None, note


def record_fields(record: Mapping[str, object]) -> RecordFields:
    """Map one news-please, trafilatura or plain record to article fields."""
    notes: tuple[str, ...] = ()
    body = _first(record, _BODY_KEYS)
    if body is None:
        body = _first(record, _SUMMARY_KEYS)
        if body is not None:
            notes = ("no main text; used the description",)
    url = None
    for key in _URL_KEYS:
        url = clean_url(record.get(key))
        if url is not None:
            break
    outlet, note = _outlet(record, url)  # from the URL's host even when the URL is left out
    if note is not None:
        notes = (*notes, note)
    if url is not None and len(url) > MAX_URL_CHARS:
        notes = (*notes, f"url of {len(url):,} characters left out (over {MAX_URL_CHARS:,})")
        url = None
    published = None
    for key in _DATE_KEYS:
        published = parse_date(record.get(key))
        if published is not None:
            break
    return RecordFields(
        title=_first(record, _TITLE_KEYS),
        body=body,
        url=url,
        outlet=outlet,
        published=published,
        notes=notes,
    )
