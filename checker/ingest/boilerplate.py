"""Apply rules/boilerplate.yaml to the lines of one article.

``clean_article`` keeps the article's own lines in order and drops:
- lines that repeat an earlier line of the same article exactly (scrapers
  repeat the title and photo captions), keeping the first occurrence;
- lines that match a ``lines`` pattern in full (case-insensitive);
- a ``drop_previous_line_before`` line together with the short label line
  right above it ("Analysis" / "Live Story");
- everything from a ``stop_at`` line on (the comment form and below).

Paragraphs stay as in the source: lines separated by a blank line become
paragraphs joined with "\\n\\n", adjacent lines are joined with "\\n".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
        return bool(stripped) and not (
            self.is_boilerplate(stripped) or self.drops_previous(stripped) or self.stops(stripped)
        )

    def clean_article(self, lines: Sequence[str]) -> CleanArticle:
        """Clean the raw lines of one article (see the module docstring)."""
        paragraphs: list[list[str]] = [[]]
        seen: set[str] = set()
        last_kept = -2
        for number, raw in enumerate(lines):
            line = raw.strip()
            if not line:
                if paragraphs[-1]:
                    paragraphs.append([])
                continue
            if self.stops(line):
                break
            if self.drops_previous(line):
                current = paragraphs[-1]
                if last_kept == number - 1 and current and _is_label(current[-1]):
                    current.pop()
                continue
            if self.is_boilerplate(line) or line in seen:
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
