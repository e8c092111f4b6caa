"""Hard-wrapped plain text: found, and its lines joined back into paragraphs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest.boilerplate import BoilerplateFilter
from checker.ingest.txt import split_articles
from checker.ingest.unwrap import MAX_WIDTH, unwrapped, wrap_width
from checker.models import Fact
from checker.pipeline import stream_extract
from checker.rulebook import load_rulebook

PARAGRAPHS = [
    "Gunmen attacked a crowded market in the north of the province on Friday"
    " evening, killing 12 people and wounding 30 others, a police spokesman said"
    " on Saturday, adding that the death toll could still rise.",
    "The attack was the second on a market in the region this month; a"
    " self-styled militia claimed it in a statement posted online late on"
    " Saturday night.",
    "Hospitals in the provincial capital said they had received 24 of the"
    " wounded, some of them children, and appealed for blood donors.",
]


@pytest.fixture(scope="module")
def rules() -> BoilerplateFilter:
    return BoilerplateFilter(load_rulebook().boilerplate)


def wrapped(paragraphs: list[str], width: int) -> list[str]:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs).split("\n")


def always(_line: str) -> bool:
    return True


@pytest.mark.parametrize("width", [40, 60, 72, 80, 100])
def test_a_wrapped_text_is_joined_back_into_its_paragraphs(width: int) -> None:
    lines = wrapped(PARAGRAPHS, width)
    assert wrap_width(lines) is not None
    assert [line for line in unwrapped(lines, always) if line] == PARAGRAPHS


def test_one_paragraph_per_line_is_left_as_it_is() -> None:
    lines = [
        "Storm leaves thousands without power",
        "More than 40,000 homes lost power on Tuesday.",
        "Crews worked through the night to restore it.",
        "Officials said most homes would be reconnected by Thursday.",
        "Schools in two districts stayed closed.",
    ]
    assert wrap_width(lines) is None
    assert unwrapped(lines, always) == lines


def test_long_lines_are_not_wrapped_text() -> None:
    lines = [p for paragraph in PARAGRAPHS for p in (paragraph, "")]
    assert all(len(line) > MAX_WIDTH for line in lines if line)
    assert wrap_width(lines) is None


def test_a_short_line_ends_its_paragraph() -> None:
    first, second = (textwrap.fill(p, 60).split("\n") for p in PARAGRAPHS[:2])
    assert len(first[-1]) < 0.75 * 60
    # No blank line between the paragraphs: the short line tells where one ends.
    assert unwrapped([*first, *second], always) == PARAGRAPHS[:2]


def test_a_list_after_a_sentence_stays_a_list() -> None:
    head = textwrap.fill(PARAGRAPHS[0], 60).split("\n")
    items = ["- 12 killed in the market attack on the evening of Friday", "- 30 wounded"]
    out = unwrapped([*head, *items], always)
    assert out == [PARAGRAPHS[0], *items]


def test_a_dash_that_continues_a_sentence_is_joined() -> None:
    lines = [
        "The figures given by the two ministries differed by a wide margin",
        "- one said 12, the other 18 - and neither said where its own count",
        "came from or when it had last been brought up to date by officials.",
    ]
    assert unwrapped(lines, always) == [" ".join(lines)]


def test_an_indented_line_opens_a_paragraph() -> None:
    first = textwrap.fill(PARAGRAPHS[0], 60).split("\n")
    second = textwrap.fill(PARAGRAPHS[2], 60).split("\n")
    out = unwrapped([*first, "    " + second[0], *second[1:]], always)
    assert out == [PARAGRAPHS[0], "    " + PARAGRAPHS[2]]


def test_a_hyphen_at_the_end_of_a_line_joins_without_a_space() -> None:
    lines = [
        "Witnesses said the attackers, who arrived on motorcycles, were all",
        "young men and that a 16-year-old boy was among the 12 people killed in",
        "the crowded market of the town, where a local branch of the self-",
        "styled militia had attacked twice before in the same month of the year.",
    ]
    (out,) = unwrapped(lines, always)
    assert "self-styled militia" in out


def test_boilerplate_is_never_joined(rules: BoilerplateFilter) -> None:
    lines = wrapped(PARAGRAPHS[:2], 60)
    boilerplate = "Advertisement"
    assert not rules.is_content(boilerplate)
    at = lines.index("")
    lines[at:at] = [boilerplate]  # right after a paragraph's last (short) line
    lines.insert(1, boilerplate)  # inside a paragraph, after a long line
    out = unwrapped(lines, rules.is_content)
    assert out.count(boilerplate) == 2
    cleaned = rules.clean_article(lines)
    assert boilerplate not in cleaned.text


WORDS = st.sampled_from(
    [
        "the",
        "police",
        "said",
        "on",
        "Friday",
        "that",
        "12",
        "people",
        "were",
        "killed",
        "and",
        "30",
        "wounded",
        "in",
        "an",
        "attack",
        "near",
        "market",
        "town",
        "officials",
        "added",
        "toll",
        "could",
        "rise",
    ]
)


@settings(max_examples=150)
@given(
    st.lists(st.lists(WORDS, min_size=20, max_size=60).map(" ".join), min_size=1, max_size=4),
    st.integers(min_value=40, max_value=90),
)
def test_any_text_wrapped_and_found_comes_back_whole(paragraphs: list[str], width: int) -> None:
    lines = wrapped(paragraphs, width)
    out = unwrapped(lines, always)
    if wrap_width(lines) is None:
        assert out == lines
    else:
        assert [line for line in out if line] == paragraphs


@settings(max_examples=150)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=12))
def test_lines_that_each_end_a_sentence_are_never_joined(sentences: list[str]) -> None:
    lines = [s[:1].upper() + s[1:] + "." for s in sentences]
    assert unwrapped(lines, always) == lines


def test_a_wrapped_txt_article_gives_whole_sentences(
    rules: BoilerplateFilter, tmp_path: Path
) -> None:
    path = tmp_path / "wrapped.txt"
    body = "\n\n".join(textwrap.fill(p, 64) for p in PARAGRAPHS)
    path.write_text("Market attack in the north\n\n" + body + "\n", encoding="utf-8")
    (article,) = split_articles(path.read_text(encoding="utf-8"), rules)
    assert article.title == "Market attack in the north"
    assert article.text.split("\n\n")[1:] == PARAGRAPHS
    facts: list[Fact] = []
    stream_extract(
        [str(path)], load_rulebook(), lambda f: facts.append(f) if isinstance(f, Fact) else None
    )
    killed = [f for f in facts if f.metric == "killed"]
    assert killed
    assert (
        killed[0].sentence.startswith("Gunmen attacked")
        and "police spokesman" in killed[0].sentence
    )
