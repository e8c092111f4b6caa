"""The publication date of an article: metadata, else a dateline, else inferred."""

from __future__ import annotations

import re

from checker.extract.date_grammar import grammar
from checker.extract.dates import full_dates
from checker.extract.lexicon import Lexicon
from checker.models import Article

_DATELINE_LINES = 8


def with_published(article: Article, lex: Lexicon) -> Article:
    """Return ``article`` with ``published`` and ``published_from`` filled in if possible.

    A date from metadata wins. Else a line near the top that is nothing but a
    full date ("25 October, 2023") is a dateline. Else the latest full date in
    the text is taken and marked ``inferred`` (the article was published on or
    after it). Else the date stays unknown.
    """
    if article.published is not None:
        return article
    lines = [ln for ln in article.text.split("\n") if ln.strip()][1 : _DATELINE_LINES + 1]
    for line in lines:
        dates = full_dates(line, lex)
        if len(dates) != 1:
            continue
        noise = {w.lower() for w in lex.rulebook.language.dateline_noise}
        rest = re.sub(r"\S*\d\S*", " ", _without_dates(line, lex))
        words = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[^\w\s]", rest)
        if all(w.lower() in noise or w.lower().rstrip(".") in noise for w in words):
            return article.model_copy(
                update={"published": dates[0][1], "published_from": "dateline"}
            )
    dates = full_dates(article.text, lex)
    if dates:
        latest = max(day for _, day in dates)
        return article.model_copy(update={"published": latest, "published_from": "inferred"})
    return article


def _without_dates(line: str, lex: Lexicon) -> str:
    pats = grammar(lex)
    line = pats.full.sub(" ", line)
    return pats.weekday.sub(" ", line)
