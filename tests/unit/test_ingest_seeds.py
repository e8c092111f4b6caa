"""Ingest of the five seed files (the .txt scraper format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import IngestResult, ingest
from checker.rulebook import Rulebook, load_rulebook

REPO = Path(__file__).resolve().parents[2]
SEED_000 = "seeds/000_1c14c3b61636dbfb.txt"
SEED_001 = "seeds/001_ca2bc868b3b9745d.txt"
SEED_002 = "seeds/002_c2447c5f1e5a627f.txt"
SEED_003 = "seeds/003_6f57e6f2eacdf9d5.txt"
SEED_004 = "seeds/004_156fd16c24bff201.txt"

BOILERPLATE_LINES = {
    "TT",
    "Leave a Reply",
    "Leave A Reply",
    "Source link",
    "5 min read",
    "0 3",
    "Related Articles",
    "Live Story",
    "Analysis",
    "MENA",
    "Back to top button",
}


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.fixture()
def seeds(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> IngestResult:
    monkeypatch.chdir(REPO)
    return ingest(["seeds"], rulebook)


def test_every_seed_file_is_ok_with_its_article_count(seeds: IngestResult) -> None:
    counts = {record.path: (record.status, record.articles) for record in seeds.inputs}
    assert counts == {
        SEED_000: ("ok", 2),
        SEED_001: ("ok", 2),
        SEED_002: ("ok", 1),
        SEED_003: ("ok", 1),
        SEED_004: ("ok", 1),
    }
    assert not seeds.had_errors
    assert len(seeds.articles) == 7


def test_ids_sources_and_indexes_use_the_path_as_given(seeds: IngestResult) -> None:
    ids = [article.id for article in seeds.articles]
    assert ids == [
        f"{SEED_000}#1",
        f"{SEED_000}#2",
        f"{SEED_001}#1",
        f"{SEED_001}#2",
        f"{SEED_002}#1",
        f"{SEED_003}#1",
        f"{SEED_004}#1",
    ]
    for article in seeds.articles:
        assert article.id == f"{article.source}#{article.index}"


def test_titles(seeds: IngestResult) -> None:
    titles = [article.title for article in seeds.articles]
    assert titles == [
        "Iraq: 'Iranian Factions' Divided Over Response to US Strikes",
        "US Tracking Nearly 500 Incidents of Civilian Harm During Israel’s Gaza War",
        "Iraq: 'Iranian Factions' Divided Over Response to US Strikes",
        "UN Peacekeeping Mission in South Lebanon Has Recorded over 30 Incidents "
        "Resulting in Damage",
        "US hits key allies in Iraq",
        "Anti-US armed groups in Iraq shrug aside warnings to cease attacks over "
        "Israel's war on Gaza",
        "An Iranian-backed militia official downplays the US strikes in Iraq, "
        "hints at deescalation",
    ]


def test_text_starts_with_the_title_and_has_no_boilerplate_lines(seeds: IngestResult) -> None:
    for article in seeds.articles:
        assert article.title is not None
        assert article.text.startswith(article.title + "\n")
        lines = {line.strip() for line in article.text.split("\n")}
        assert not lines & BOILERPLATE_LINES, article.id
        assert "Your email address" not in article.text
        assert article.text == article.text.strip()


def test_no_line_repeats_within_an_article(seeds: IngestResult) -> None:
    for article in seeds.articles:
        lines = [line for line in article.text.split("\n") if line]
        assert len(lines) == len(set(lines)), article.id


def test_captions_are_kept_once(seeds: IngestResult) -> None:
    first, second = seeds.articles[0], seeds.articles[1]
    caption = (
        "Iraqi Popular Mobilization Units march during a parade marking the annual "
        "Quds Day, or Jerusalem Day, in Baghdad, Iraq, June 23, 2017. - REUTERS/Khalid al Mousily"
    )
    assert first.text.count(caption) == 1
    assert first.text.count(first.title or "") == 1
    # The second copy of this caption had a leading space in the source.
    assert second.text.count("People pray by the bodies of Palestinians") == 1


def test_paragraphs_keep_their_separation(seeds: IngestResult) -> None:
    unifil = seeds.articles[3]
    # Lines with no blank line between them stay one after the other.
    assert (
        "injuring peacekeepers\nAndrea Tenenti, spokesman for the mission known as UNIFIL"
        in unifil.text
    )
    assert "\n\n\n" not in unifil.text


def test_text_after_the_comment_form_is_dropped(seeds: IngestResult) -> None:
    seed_002 = seeds.articles[4]
    assert seed_002.text.endswith("where they shake hands. “")
    seed_004 = seeds.articles[6]
    assert seed_004.text.endswith("to avoid “embarrassing” the Iraqi government.")


def test_section_labels_before_live_story_are_dropped(seeds: IngestResult) -> None:
    seed_003 = seeds.articles[5]
    assert (
        "NBC News noting that they were minor.\n\nThe US Secretary of State Antony J. Blinken"
        in seed_003.text
    )
    assert "border.\n\nObservers of the Iraqi situation" in seed_003.text
    # The standfirst, date line and caption under the title are kept.
    assert "25 October, 2023\nIsrael's attacks on Gaza has killed more than 6,000 people" in (
        seed_003.text
    )


def test_syndicated_copy_is_the_only_duplicate(seeds: IngestResult) -> None:
    duplicates = {article.id: article.duplicate_of for article in seeds.articles}
    assert duplicates.pop(f"{SEED_001}#1") == f"{SEED_000}#1"
    assert set(duplicates.values()) == {None}


def test_txt_articles_have_no_metadata_date_and_a_fingerprint(seeds: IngestResult) -> None:
    for article in seeds.articles:
        assert article.published is None
        assert article.published_from is None
        assert article.url is None
        assert len(article.fingerprint) == 16
        int(article.fingerprint, 16)
    assert seeds.articles[0].fingerprint == seeds.articles[2].fingerprint
    assert len({article.fingerprint for article in seeds.articles}) == 6


def test_seed_text_has_no_mojibake_or_stray_spaces(seeds: IngestResult) -> None:
    for article in seeds.articles:
        assert "â€" not in article.text
        assert "\u00a0" not in article.text
        assert "\r" not in article.text
        for line in article.text.split("\n"):
            assert line == line.strip()


def test_seed_directory_given_with_trailing_slash(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = ingest(["seeds/"], rulebook)
    assert result.inputs[0].path == SEED_000
    assert result.articles[2].duplicate_of == f"{SEED_000}#1"


def test_a_single_seed_file(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = ingest([f"./{SEED_001}"], rulebook)
    assert [article.id for article in result.articles] == [
        f"./{SEED_001}#1",
        f"./{SEED_001}#2",
    ]
    assert all(article.duplicate_of is None for article in result.articles)
