"""The pipeline's models: what they hold, and that they hold it compactly."""

from __future__ import annotations

import pickle

from checker.models import Article, DateRange, Fact, Interval


def _fact(**fields: object) -> Fact:
    base: dict[str, object] = {
        "id": "F1",
        "article": "a1",
        "metric": "killed",
        "stated": "12",
        "sentence": "12 people were killed.",
        "span": (0, 2),
        "sentence_span": (0, 22),
        "interval": Interval(low=12, high=12),
        "likely": Interval(low=12, high=12),
    }
    base.update(fields)
    return Fact.model_validate(base)


def test_models_given_the_same_fields_share_one_set_of_their_names() -> None:
    a = _fact()
    b = _fact(id="F2", stated="13")
    c = _fact(victims="children")
    assert a.model_fields_set is b.model_fields_set
    assert c.model_fields_set is not a.model_fields_set
    assert "victims" in c.model_fields_set and "victims" not in a.model_fields_set
    assert Interval(low=1, high=2).model_fields_set is Interval(low=3, high=4).model_fields_set


def test_a_copy_names_its_updated_fields_and_leaves_the_shared_set_alone() -> None:
    a = _fact()
    before = set(a.model_fields_set)
    copied = a.model_copy(update={"story": "S1", "scope": "town"})
    assert copied.model_fields_set == before | {"story", "scope"}
    assert a.model_fields_set == before
    assert _fact(id="F9").model_fields_set == before
    # Copies that set the same fields share theirs too.
    again = _fact(id="F3").model_copy(update={"story": "S2", "scope": "city"})
    assert again.model_fields_set is copied.model_fields_set
    assert DateRange().model_copy(update={"granularity": "year"}).model_fields_set == {
        "granularity"
    }


def test_a_pickled_fact_comes_back_equal_with_the_same_set_fields() -> None:
    a = _fact(places=["X"])
    back = pickle.loads(pickle.dumps(a))
    assert back == a
    assert back.model_fields_set == a.model_fields_set
    assert back.model_dump(exclude_unset=True) == a.model_dump(exclude_unset=True)


def test_an_articles_body_starts_past_the_title_ingest_set_before_it() -> None:
    titled = Article(
        id="a#1",
        source="a",
        index=1,
        title="Fire kills nine",
        text="Fire kills nine\n\nISTANBUL — A fire",
    )
    assert titled.text[titled.body_start :] == "ISTANBUL — A fire"
    # A title that is not the text's first line (or no title) leaves the body whole.
    other = Article(id="a#2", source="a", index=2, title="Another", text="ISTANBUL — A fire")
    assert other.body_start == 0
    assert Article(id="a#3", source="a", index=3, text="ISTANBUL — A fire").body_start == 0
