"""The .txt seed format: several scraped articles in one file.

Articles are separated by a run of two or more blank lines; paragraphs within
an article by a single blank line (or none). Each article starts with its title
line. Scrapers repeat the title and the photo captions and leave boilerplate
lines; ``BoilerplateFilter.clean_article`` removes those.

A run of blank lines inside one article must not cut it in two, so a piece
that cannot be an article on its own is joined to its neighbour: one that
holds a single line of text, or one that opens with a paragraph rather than a
title line.
"""

from __future__ import annotations

from checker.ingest.boilerplate import BoilerplateFilter, CleanArticle
from checker.ingest.unwrap import SENTENCE_ENDS

# A first line this long, or a long sentence, is a paragraph, not a title.
_TITLE_MAX_CHARS = 250
_TITLE_MAX_SENTENCE_WORDS = 30


def _pieces(lines: list[str]) -> list[list[str]]:
    """Split lines at runs of two or more blank lines."""
    pieces: list[list[str]] = []
    current: list[str] = []
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            current.append(line)
            continue
        if blanks >= 2 and any(part.strip() for part in current):
            pieces.append(current)
            current = []
        blanks = 0
        current.append(line)
    if any(part.strip() for part in current):
        pieces.append(current)
    return pieces


def _content(piece: list[str], rules: BoilerplateFilter) -> list[str]:
    content = []
    for line in piece:
        if rules.stops(line):
            break
        if rules.is_content(line):
            content.append(line.strip())
    return content


def _opens_with_paragraph(first_line: str) -> bool:
    return len(first_line) > _TITLE_MAX_CHARS or (
        len(first_line.split()) > _TITLE_MAX_SENTENCE_WORDS and first_line.endswith(SENTENCE_ENDS)
    )


def _join_fragments(pieces: list[list[str]], rules: BoilerplateFilter) -> list[list[str]]:
    """Join pieces that cannot be an article on their own to their neighbour."""
    joined: list[list[str]] = []
    carried: list[str] = []
    for piece in pieces:
        content = _content(piece, rules)
        if not content:
            continue
        fragment = len(content) == 1 or _opens_with_paragraph(content[0])
        if fragment and joined:
            joined[-1].extend(["", *piece])
        elif len(content) == 1:
            # A lone line before any article: it becomes the head of the next one.
            carried.extend([*piece, ""])
        else:
            joined.append([*carried, *piece])
            carried = []
    if carried:
        joined.append(carried)
    return joined


def split_articles(text: str, rules: BoilerplateFilter) -> list[CleanArticle]:
    """The cleaned articles of a .txt input, in file order; none is empty."""
    pieces = _join_fragments(_pieces(text.split("\n")), rules)
    articles = [rules.clean_article(piece) for piece in pieces]
    return [article for article in articles if article.text]
