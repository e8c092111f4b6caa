"""Loading rules: validation errors name the file and field; --rules dirs add and override."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from checker.extract import analyse
from checker.models import Article
from checker.normalise import normalise
from checker.paths import rules_dir
from checker.rulebook import Rulebook, RuleError, load_rulebook


def _bundled(name: str) -> dict[str, object]:
    data = yaml.safe_load((rules_dir() / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(directory: Path, name: str, data: object) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _metrics(text: str, book: Rulebook) -> list[tuple[str, str]]:
    article = Article(id="r#1", source="r", index=1, text=text)
    return [(f.metric, f.stated) for f in normalise(analyse(article, book), book)]


def test_bundled_rules_load(rulebook: Rulebook) -> None:
    codes = [m.code for m in rulebook.metrics]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
    killed = rulebook.metric("killed")
    assert killed is not None and killed.code == "M101"
    assert rulebook.metric("M101") is killed
    assert rulebook.metric("no-such-metric") is None
    assert rulebook.finding_rule("C001").kind == "conflict"
    with pytest.raises(KeyError):
        rulebook.finding_rule("Z999")


def test_bad_field_type_names_file_and_field(tmp_path: Path) -> None:
    data = _bundled("metrics/killed.yaml")
    data["window"] = "wide"
    path = _write(tmp_path, "metrics/killed.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    message = str(info.value)
    assert str(path) in message
    assert "window" in message


def test_unknown_field_names_file_and_field(tmp_path: Path) -> None:
    data = _bundled("metrics/killed.yaml")
    data["trigers"] = ["slain"]
    path = _write(tmp_path, "metrics/killed.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert str(path) in str(info.value)
    assert "trigers" in str(info.value)


def test_missing_required_field(tmp_path: Path) -> None:
    data = _bundled("metrics/killed.yaml")
    del data["code"]
    path = _write(tmp_path, "metrics/killed.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert str(path) in str(info.value)
    assert "code" in str(info.value)


def test_bad_code_shape(tmp_path: Path) -> None:
    data = _bundled("metrics/killed.yaml")
    data["code"] = "killed-1"
    _write(tmp_path, "metrics/killed.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert "code" in str(info.value)


def test_bad_hedge_kind_in_single_file(tmp_path: Path) -> None:
    data = _bundled("hedges.yaml")
    data["hedges"][0]["kind"] = "sort_of"  # type: ignore[index]
    path = _write(tmp_path, "hedges.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert str(path) in str(info.value)
    assert "kind" in str(info.value)


def test_unparsable_yaml(tmp_path: Path) -> None:
    path = tmp_path / "metrics" / "broken.yaml"
    path.parent.mkdir()
    path.write_text("code: [M900\nname: : :\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert str(path) in str(info.value)


def test_missing_rules_dir(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path / "nope"])
    assert "nope" in str(info.value)


def test_override_bundled_metric(tmp_path: Path, rulebook: Rulebook) -> None:
    text = "The flood zapped 7 people in the valley."
    assert "killed" not in [m for m, _ in _metrics(text, rulebook)]
    data = _bundled("metrics/killed.yaml")
    data["triggers"] = [*data["triggers"], "zapped"]  # type: ignore[misc]
    _write(tmp_path, "metrics/killed.yaml", data)
    book = load_rulebook([tmp_path])
    killed = book.metric("killed")
    assert killed is not None and "zapped" in killed.triggers
    assert len(book.metrics) == len(rulebook.metrics)
    assert ("killed", "7 people") in _metrics(text, book)


def test_override_uses_last_dir(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for directory, name in ((first, "First death"), (second, "Second death")):
        data = _bundled("metrics/killed.yaml")
        data["description"] = name
        _write(directory, "metrics/killed.yaml", data)
    book = load_rulebook([first, second])
    killed = book.metric("killed")
    assert killed is not None and killed.description == "Second death"


def test_add_new_metric(tmp_path: Path, rulebook: Rulebook) -> None:
    data = {
        "code": "M199",
        "name": "evacuated",
        "description": "People evacuated.",
        "triggers": ["evacuated", "evacuation"],
        "nouns": ["evacuees"],
        "counts": "persons",
        "window": 6,
        "priority": 40,
    }
    _write(tmp_path, "metrics/evacuated.yaml", data)
    book = load_rulebook([tmp_path])
    assert book.metric("M199") is not None
    assert len(book.metrics) == len(rulebook.metrics) + 1
    assert ("evacuated", "300 evacuees") in _metrics("Rescuers brought out 300 evacuees.", book)


def test_duplicate_metric_codes(tmp_path: Path) -> None:
    data = _bundled("metrics/killed.yaml")
    data["name"] = "slain"
    _write(tmp_path, "metrics/slain.yaml", data)
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert "M101" in str(info.value)
    assert "duplicate" in str(info.value).lower()


def test_copy_of_bundled_dir_is_equivalent(tmp_path: Path, rulebook: Rulebook) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    assert load_rulebook([copy]) == rulebook
