"""Apply rules/boilerplate.yaml to the lines of one article.

``clean_article`` keeps the article's own lines in order and drops:
- lines that repeat an earlier line of the same article exactly (scrapers
  repeat the title and photo captions), keeping the first occurrence;
- lines that match a ``lines`` pattern in full (case-insensitive);
- a ``drop_previous_line_before`` line together with the short label line
  right above it ("Analysis" / "Live Story");
- everything from a ``stop_at`` line on (the comment form and below).

Paragraphs stay as in the source: lines separated by a blank line become
paragraphs joined with "\\n\\n", adjacent lines are joined with "\\n"; but
the lines of hard-wrapped text are first joined back into their paragraphs
(unwrap.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.ingest.unwrap import unwrapped
from checker.rulebook import BoilerplateRules, RuleError

# A section label above a "Live Story" box: a few words, no sentence.
_LABEL_MAX_WORDS = 5
_LABEL_MAX_CHARS = 40


def _compile(field: str, patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of ``patterns``; a bad pattern is a RuleError."""
    checked = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RuleError(f"boilerplate.yaml: {field}: bad pattern {pattern!r}: {exc}") from exc
        checked.append(f"(?:{pattern})")
    if not checked:
        return None
    return re.compile("|".join(checked), re.IGNORECASE)


# A backreference or a conditional refers to a group by its number or name,
# which joining patterns from several fields into one would change.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _compile_any(*fields: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching a line that any pattern of ``fields`` matches, or None.

    None also when joining them could change what one of them means.
    """
    patterns = [pattern for field in fields for pattern in field]
    if not patterns or any(_GROUP_REFERENCE.search(pattern) for pattern in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)
    except re.error:
        return None


def _is_label(line: str) -> bool:
    return (
        len(line) <= _LABEL_MAX_CHARS
        and len(line.split()) <= _LABEL_MAX_WORDS
        and not line.endswith((".", "!", "?", ":", ";", ","))
    )


@dataclass(frozen=True)
class CleanArticle:
    """The cleaned text of one article and its first line (the title)."""

    title: str | None
    text: str


class BoilerplateFilter:
    """The boilerplate rules, compiled once per run."""

    def __init__(self, rules: BoilerplateRules) -> None:
        """Compile the patterns of ``rules``."""
        self._lines = _compile("lines", rules.lines)
        self._drop_previous = _compile("drop_previous_line_before", rules.drop_previous_line_before)
        self._stop = _compile("stop_at", rules.stop_at)
        # Most lines are text: one match against all the patterns clears them.
        self._any = _compile_any(rules.lines, rules.drop_previous_line_before, rules.stop_at)

    @staticmethod
    def _matches(pattern: re.Pattern[str] | None, line: str) -> bool:
        return pattern is not None and pattern.fullmatch(line.strip()) is not None

    def is_boilerplate(self, line: str) -> bool:
        """True when the whole (trimmed) line is scraper boilerplate."""
        return self._matches(self._lines, line)

    def drops_previous(self, line: str) -> bool:
        """True when the line goes, together with a short label line just above it."""
        return self._matches(self._drop_previous, line)

    def stops(self, line: str) -> bool:
        """True when the article ends before this line."""
        return self._matches(self._stop, line)

    def is_content(self, line: str) -> bool:
        """True when the line is article text (not blank, not boilerplate, not a stop)."""
        stripped = line.strip()
        if stripped and self._plain(stripped):
            return True
        return bool(stripped) and not (
            self.is_boilerplate(stripped) or self.drops_previous(stripped) or self.stops(stripped)
        )

    def _plain(self, stripped: str) -> bool:
        """True when no pattern matches the (trimmed) line: not a stop, a drop or boilerplate."""
        return self._any is not None and self._any.fullmatch(stripped) is None

    def clean_article(self, lines: Sequence[str]) -> CleanArticle:
        """Clean the raw lines of one article (see the module docstring)."""
        lines = unwrapped(lines, self.is_content)
        paragraphs: list[list[str]] = [[]]
        seen: set[str] = set()
        last_kept = -2
        for number, raw in enumerate(lines):
            line = raw.strip()
            if not line:
                if paragraphs[-1]:
                    paragraphs.append([])
                continue
            if line in seen:  # a kept line: neither a stop nor a drop
                continue
            if not self._plain(line):
                if self.stops(line):
                    break
                if self.drops_previous(line):
                    current = paragraphs[-1]
                    if last_kept == number - 1 and current and _is_label(current[-1]):
                        current.pop()
                    continue
                if self.is_boilerplate(line):
                    continue
            seen.add(line)
            paragraphs[-1].append(line)
            last_kept = number
        kept = [paragraph for paragraph in paragraphs if paragraph]
        if not kept:
            return CleanArticle(title=None, text="")
        return CleanArticle(
            title=kept[0][0], text="\n\n".join("\n".join(paragraph) for paragraph in kept)
        )
