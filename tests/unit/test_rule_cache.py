"""The on-disk cache of validated rulebooks, and the fast YAML loader behind it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from checker import rulebook as rb_module
from checker.paths import rules_dir
from checker.rulebook import (
    CACHE_DIR_ENV,
    Rulebook,
    RuleError,
    cache_dir,
    default_rulebook,
    load_rulebook,
)


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("rules-*.json"))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse of the rule files fail: what loads now comes from the cache."""

    def fail(*_args: object) -> Rulebook:
        raise AssertionError("the rule files were parsed again")

    monkeypatch.setattr(rb_module, "_load", fail)


def test_a_cached_rulebook_equals_a_fresh_one(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_rulebook(cache=tmp_path)
    assert first == rulebook
    assert len(_entries(tmp_path)) == 1
    _no_parsing(monkeypatch)
    assert load_rulebook(cache=tmp_path) == rulebook


def test_changed_rule_files_are_a_new_entry(tmp_path: Path, rulebook: Rulebook) -> None:
    cache = tmp_path / "cache"
    load_rulebook(cache=cache)
    extra = tmp_path / "rules"
    (extra / "metrics").mkdir(parents=True)
    killed = yaml.safe_load((rules_dir() / "metrics" / "killed.yaml").read_text(encoding="utf-8"))
    killed["window"] = killed.get("window", 8) + 1
    (extra / "metrics" / "killed.yaml").write_text(yaml.safe_dump(killed), encoding="utf-8")
    changed = load_rulebook([extra], cache=cache)
    assert changed != rulebook
    assert changed == load_rulebook([extra])
    assert len(_entries(cache)) == 2


def test_a_damaged_entry_is_rebuilt(tmp_path: Path, rulebook: Rulebook) -> None:
    load_rulebook(cache=tmp_path)
    (entry,) = _entries(tmp_path)
    entry.write_text('{"metrics": "not a list"}', encoding="utf-8")
    assert load_rulebook(cache=tmp_path) == rulebook
    assert Rulebook.model_validate_json(entry.read_bytes()) == rulebook


def test_an_unusable_cache_directory_is_ignored(tmp_path: Path, rulebook: Rulebook) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert load_rulebook(cache=blocker / "cache") == rulebook
    assert not any(p.name.startswith(".rules-") for p in tmp_path.iterdir())


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    for n in range(12):
        old = tmp_path / f"rules-{n:064x}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    load_rulebook(cache=tmp_path)
    entries = _entries(tmp_path)
    assert len(entries) == 8
    assert tmp_path / f"rules-{0:064x}.json" not in entries


def test_rule_errors_are_never_cached(tmp_path: Path) -> None:
    extra = tmp_path / "rules"
    (extra / "metrics").mkdir(parents=True)
    (extra / "metrics" / "broken.yaml").write_text("code: [M900\nname: : :\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError):
            load_rulebook([extra], cache=tmp_path / "cache")
    assert _entries(tmp_path / "cache") == []


def test_cache_directory_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    assert cache_dir() is None
    monkeypatch.delenv(CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "factcheck"


def test_the_run_rulebook_uses_the_cache(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    default_rulebook.cache_clear()
    try:
        assert default_rulebook() == rulebook
        assert len(_entries(tmp_path)) == 1
    finally:
        default_rulebook.cache_clear()


@pytest.mark.parametrize(
    "path", sorted(rules_dir().rglob("*.yaml")), ids=lambda p: p.relative_to(rules_dir()).as_posix()
)
def test_the_fast_loader_reads_every_rule_file_as_the_safe_loader_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert rb_module._read_yaml(path) == yaml.safe_load(text)


def test_a_file_that_does_not_parse_is_explained_as_before(tmp_path: Path) -> None:
    path = tmp_path / "metrics" / "broken.yaml"
    path.parent.mkdir()
    path.write_text("code: [M900\nname: : :\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    with path.open(encoding="utf-8") as handle, pytest.raises(yaml.YAMLError) as safe:
        yaml.safe_load(handle)
    assert str(info.value) == f"{path}: cannot read rule file: {safe.value}"
