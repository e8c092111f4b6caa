"""Money, percentages and measured quantities, recognised with quantulum3.

quantulum3 is slow, so it is called only on the sentences that hold a
candidate (a currency sign or a unit word next to a number), after masking
dates and "U.S." so that neither is read as a quantity.
"""

from __future__ import annotations

import functools
import re
import warnings

_MASK_RE = re.compile(r"U\.S\.|U\.N\.|U\.K\.")


def has_candidate(sentence: str, *cues: re.Pattern[str]) -> bool:
    """True when the sentence may hold money or a measured quantity (one of ``cues`` is in it)."""
    return any(cue.search(sentence) is not None for cue in cues)


@functools.lru_cache(maxsize=4096)
def quantities(
    sentence: str, masked: tuple[tuple[int, int], ...] = ()
) -> tuple[tuple[int, int, float, str, str], ...]:
    """(start, end, value, unit name, entity name) for each quantity quantulum3 finds.

    ``masked`` spans (dates) are blanked out before parsing; offsets are relative
    to ``sentence``.
    """
    chars = list(_MASK_RE.sub(lambda m: "X" * len(m.group()), sentence))
    for start, end in masked:
        chars[start:end] = "X" * (end - start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        try:
            parsed = parser.parse("".join(chars))
        except Exception:  # quantulum3 raises assorted errors on odd text
            return ()
    out = []
    for q in parsed:
        start, end = q.span
        out.append((start, end, float(q.value), q.unit.name, q.unit.entity.name))
    return tuple(out)
