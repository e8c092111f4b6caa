"""A place name is found in a sentence exactly where a regex of the literal name finds it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.claims import _occurrences

_TEXT = st.text(alphabet="ab .'-", max_size=40)


@given(text=_TEXT, name=st.text(alphabet="ab .'-", min_size=1, max_size=4))
def test_occurrences_are_the_literal_regex_matches(text: str, name: str) -> None:
    expected = [m.span() for m in re.finditer(re.escape(name), text)]
    assert list(_occurrences(text, name)) == expected
