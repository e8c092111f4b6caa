"""Untrusted text made safe to print on a terminal.

Scraped titles, sentences and even file names can carry escape sequences
(which move the cursor, recolour or retitle the terminal, or hide what comes
before them), carriage returns (which overwrite a line) and Unicode bidi
controls (which reorder what is shown). ``one_line`` shows each such
character as a visible escape instead, and joins lines with spaces.
"""

from __future__ import annotations

import re

# C0 and C1 controls (ESC, BEL, CSI and the rest; tab and newline are
# spacing) and the bidi embedding, override and isolate controls, which
# reorder what follows them. The plain direction marks (U+200E, U+200F) that
# right-to-left text uses are left alone: they reorder nothing around them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\t\n\r]+")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(value: str) -> str:
    """``value`` with each control character but tab and newline shown as an escape.

    ESC becomes the four characters ``\\x1b``, a bidi override ``\\u202e``.
    """
    return _CONTROL.sub(_escape, value)


def one_line(value: object) -> str:
    """``value`` as one line of inert text: line breaks become spaces, controls escapes."""
    return escape_controls(_SPACE.sub(" ", str(value)))
