"""Join the lines of hard-wrapped text back into its paragraphs.

Plain text saved from e-mail, newswire feeds and terminals is often wrapped
at a fixed width (60 to 80 characters): each paragraph is cut into lines,
mostly in the middle of a sentence. Sentences never run across a line break
(``text.split_sentences``), so "killing 12 people" on one line and "on
Friday" on the next would be read as two sentences, with the figure cut off
from its date and its verb.

A text is taken as hard-wrapped when nearly all of its lines are at most
``MAX_WIDTH`` characters, and its long lines (near the width it was wrapped
at) are followed mostly by a line that continues them: a line that did not
end a sentence, or a next line that starts in lower case. Text with one
paragraph per line (what scrapers give) has long lines, or lines that end
their sentences, and is left as it is. In a hard-wrapped text, a line near
the width is joined with the next one; a short line ends its paragraph, and
a line that is indented, opens a list item after a finished sentence or an
item, or is not article text (see ``BoilerplateFilter.is_content``) is never
joined.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

# Lines of at most this many characters can be wrapped text; a text with more
# than ``LONGER_SHARE`` of its lines longer is not hard-wrapped.
MAX_WIDTH = 100
LONGER_SHARE = 0.1
# Narrower than this, short lines are more likely a list or a poem.
MIN_WIDTH = 30
# The fewest lines a text must have to be judged.
MIN_LINES = 3
# A line at least this share of the wrapping width was cut there.
NEAR_WIDTH = 0.75
# The fewest long lines that continue on the next line, and their least share
# of the long lines followed by another.
MIN_CONTINUED = 2
CONTINUED_SHARE = 0.5
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "'", "’")
# A line that ends with one of these need not run on into the next.
_CLAUSE_ENDS = (*SENTENCE_ENDS, ":", ";", ")")
# A list item: a bullet or a number first (see ``_opens_item``).
_OPENS_ITEM = re.compile(r"[-*•–—]\s|\(?\d{1,3}[.)]\s")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at (the 90th percentile of their
    lengths), or None when they do not read as hard-wrapped text.

    Linear in the number of lines: lengths are counted in ``MAX_WIDTH + 1``
    buckets, never sorted.
    """
    counts = [0] * (MAX_WIDTH + 1)
    total = longer = 0
    for line in lines:
        size = len(line.rstrip())
        if not line.strip():
            continue
        total += 1
        if size > MAX_WIDTH:
            longer += 1
        else:
            counts[size] += 1
    if total < MIN_LINES or longer > LONGER_SHARE * total:
        return None
    # The 90th percentile, counting the longer lines above every bucket.
    rank = (total - 1) * 9 // 10
    seen = 0
    width = MAX_WIDTH
    for size, count in enumerate(counts):
        seen += count
        if seen > rank:
            width = size
            break
    if width < MIN_WIDTH:
        return None
    follows = continued = 0
    for line, after in itertools.pairwise(lines):
        line = line.rstrip()
        if len(line) < NEAR_WIDTH * width or not line.strip() or not after.strip():
            continue
        follows += 1
        if not line.endswith(_CLAUSE_ENDS) or after.lstrip()[:1].islower():
            continued += 1
    if continued < MIN_CONTINUED or continued < CONTINUED_SHARE * follows:
        return None
    return width


def unwrapped(lines: Sequence[str], is_text: Callable[[str], bool]) -> list[str]:
    """``lines`` with the lines of each hard-wrapped paragraph joined by a space
    (by nothing after a hyphen that ends a line); ``lines`` as they are when
    the text is not hard-wrapped (see the module doc). ``is_text`` tells
    article text from boilerplate: a line that is not is never joined."""
    width = wrap_width(lines)
    if width is None:
        return list(lines)
    # Each paragraph's pieces, joined once at the end: adding each line to a
    # growing string would copy the paragraph once per line.
    paragraphs: list[list[str]] = []
    previous = ""  # the last line read, before any joining
    for line in lines:
        if (
            paragraphs
            and len(previous.rstrip()) >= NEAR_WIDTH * width
            and line.strip()
            and _indent(line) <= _indent(previous)  # an indented line opens a paragraph
            and not _opens_item(line, previous)
            and is_text(previous)
            and is_text(line)
        ):
            pieces = paragraphs[-1]
            pieces[-1] = pieces[-1].rstrip()
            # The paragraph so far ends as the last line did (its blanks dropped).
            end = ((pieces[-2][-1:] if len(pieces) > 1 else "") + pieces[-1])[-2:]
            glue = "" if end.endswith("-") and end[:1].isalnum() else " "
            pieces.append(glue + line.strip())
        else:
            paragraphs.append([line])
        previous = line
    return ["".join(pieces) for pieces in paragraphs]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _opens_item(line: str, previous: str) -> bool:
    """Whether ``line`` opens a list item: a bullet or a number first, after a
    line that ended its sentence or opened an item itself (a wrapped line may
    start with a dash)."""
    if _OPENS_ITEM.match(line.lstrip()) is None:
        return False
    return previous.rstrip().endswith(_CLAUSE_ENDS) or bool(_OPENS_ITEM.match(previous.lstrip()))
