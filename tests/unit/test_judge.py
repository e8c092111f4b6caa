"""A batch judged in parts of whole stories gives the whole-batch facts, events and findings."""

from __future__ import annotations

from pathlib import Path

import parallel_batch as batch  # tests/parallel_batch.py (tests/ is on sys.path)
import pytest

from checker.claims import batch_towns
from checker.judge import fold_towns, judge_in_parts, split
from checker.models import Article, Fact, Interval, Story
from checker.parallel import Extracted, extract_local
from checker.pipeline import check, load_articles
from checker.rulebook import Place, Rulebook


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> list[str]:
    path = batch.write_batch(tmp_path_factory.mktemp("judge") / "b.jsonl")
    return [str(path), str(seeds_dir)]


@pytest.fixture(scope="module")
def extracted(paths: list[str], rulebook: Rulebook) -> list[Extracted]:
    """The batch extracted once for every check of this module."""
    articles, _inputs, _errors = load_articles(paths, rulebook)
    return extract_local([a for a in articles if a.duplicate_of is None], rulebook)


@pytest.fixture(scope="module")
def local(paths: list[str], rulebook: Rulebook) -> str:
    return check(paths, rulebook, jobs=1).report.model_dump_json()


@pytest.mark.parametrize("count", [3, 50])
def test_judged_in_parts_the_report_is_the_same_bytes(
    paths: list[str], local: str, rulebook: Rulebook, extracted: list[Extracted], count: int
) -> None:
    report = check(
        paths,
        rulebook,
        extractor=lambda *_args: extracted,
        judge=lambda *args: judge_in_parts(*args, count=count),
    ).report
    assert len(report.stories) > 4 and report.findings
    assert report.model_dump_json() == local


def _fact(n: int, article: str) -> Fact:
    return Fact(
        id=f"{article}@{n}",
        article=article,
        metric="killed",
        stated=str(n),
        sentence=f"{n} died.",
        span=(0, 2),
        sentence_span=(0, 8),
        interval=Interval(low=n, high=n),
        likely=Interval(low=n, high=n),
    )


def test_split_keeps_stories_whole_and_facts_in_order() -> None:
    stories = [
        Story(id=f"S{k}", label="a story", articles=[f"a#{2 * k}", f"a#{2 * k + 1}"])
        for k in range(4)
    ]
    facts = [_fact(n, f"a#{n % 8}") for n in range(16)] + [_fact(99, "loose#1")]
    articles = {
        a: Article(id=a, source=a.split("#")[0], index=1) for a in {f.article for f in facts}
    }
    parts = split(facts, stories, articles, {}, 2)
    assert [[s.id for s in p.stories] for p in parts] == [["S0", "S1"], ["S2", "S3"], []]
    assert parts[0].positions == [0, 1, 2, 3, 8, 9, 10, 11]
    assert parts[-1].positions == [16], "a fact of no story is judged in a part of its own"
    assert sorted(i for p in parts for i in p.positions) == list(range(len(facts)))


def test_batch_towns_fold_in_story_order_a_later_story_wins_a_shared_name() -> None:
    first = {
        "S1": {"Riverton": Place(name="Riverton", country="Northland")},
        "S2": {},
    }
    second = {
        "S3": {
            "Riverton": Place(name="Riverton", country="Southland"),
            "Hillside": Place(name="Hillside", country="Southland"),
        }
    }
    extra = fold_towns([first, second])
    assert extra["Riverton"].country == "Southland"
    assert set(extra) == {"Riverton", "Hillside"}
    # Folded part by part, the towns are those of the stories taken together.
    assert extra == batch_towns([*first.values(), *second.values()])
    assert fold_towns([second, first])["Riverton"].country == "Northland"


def test_verdicts_found_as_articles_were_read_stand_for_their_text(rulebook: Rulebook) -> None:
    from checker.compare.values import tells_of_verdict

    assert tells_of_verdict("The driver was sentenced to five years in prison.", rulebook)
    assert not tells_of_verdict("Five people were killed on Monday.", rulebook)
