"""Every example written in rules/dates.yaml is a test case: the date mention it must give.

An example with a ``stated`` text must give a date mention with that exact
text, interval and granularity (or, with ``start: null``, a mention left
unresolved); one with ``stated: null`` must give no resolved date at all.
"""

from __future__ import annotations

import pytest

from checker.extract import analyse
from checker.models import Article, Mention
from checker.rulebook import DateExample, load_rulebook

BOOK = load_rulebook()
EXAMPLES = [pytest.param(ex, id=ex.text) for ex in BOOK.dates.examples]


def _dated(example: DateExample) -> list[Mention]:
    article = Article(
        id="example#1",
        source="example",
        index=1,
        text=example.text,
        published=example.published,
        published_from="metadata",
    )
    return [m for m in analyse(article, BOOK).mentions if m.kind in ("date", "year")]


@pytest.mark.parametrize("example", EXAMPLES)
def test_date_example(example: DateExample) -> None:
    mentions = _dated(example)
    if example.stated is None:
        assert [m.text for m in mentions if m.date is not None] == []
        return
    found = [m for m in mentions if m.text == example.stated]
    assert len(found) == 1, [(m.text, m.date) for m in mentions]
    date = found[0].date
    if example.start is None:
        assert date is None or not date.known
        return
    assert date is not None
    assert (date.start, date.end, date.granularity) == (
        example.start,
        example.end,
        example.granularity,
    )


def test_date_rules_carry_examples() -> None:
    assert len(BOOK.dates.examples) >= 10
