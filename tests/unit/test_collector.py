"""The cyclic garbage collector is paused during a check, restored after, and still sweeps."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from checker import parallel, pipeline
from checker.collector import cyclic_gc_paused, sweep_young
from checker.rulebook import Rulebook


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_paused_during_a_check_and_restored_after(
    monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, seeds_dir: Path, enabled_before: bool
) -> None:
    seen: list[bool] = []
    extract = parallel.extract_one

    def spy(*args: object, **kwargs: object) -> parallel.Extracted:
        seen.append(gc.isenabled())
        return extract(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "extract_one", spy)
    (gc.enable if enabled_before else gc.disable)()
    try:
        result = pipeline.check([str(seeds_dir)], rulebook)
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
    assert result.report.facts
    assert seen and not any(seen)


def test_the_collector_is_restored_when_a_check_fails(
    monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, seeds_dir: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> parallel.Extracted:
        raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "extract_one", broken)
    with pytest.raises(RuntimeError):
        pipeline.check([str(seeds_dir)], rulebook)
    assert gc.isenabled()


def test_a_sweep_frees_cycles_made_while_paused() -> None:
    with cyclic_gc_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
        assert alive() is not None  # a cycle: reference counting alone keeps it
        sweep_young()
        assert alive() is None


def test_freezing_moves_what_is_alive_out_of_the_collectors_sight() -> None:
    try:
        with cyclic_gc_paused(freeze=True):
            kept = _Node()
            assert any(o is kept for o in gc.get_objects())
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # no collection walks it
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    ("module", "writer", "command", "name"),
    [
        # Turned on before the writing, the first full collection walked every
        # fact of the batch once more.
        ("report", "write", ["check", "--fail-on", "never"], "r.json"),
        ("baseline", "write_baseline", ["baseline"], "b.json"),
    ],
)
def test_a_command_writes_its_file_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
    seeds_dir: Path,
    tmp_path: Path,
    module: str,
    writer: str,
    command: list[str],
    name: str,
) -> None:
    import importlib

    from click.testing import CliRunner

    from checker.cli import main

    target = importlib.import_module(f"checker.{module}")
    seen: list[bool] = []
    write = getattr(target, writer)

    def spy(*args: Any) -> None:
        seen.append(gc.isenabled())
        write(*args)

    monkeypatch.setattr(target, writer, spy)
    out = tmp_path / name
    try:
        result = CliRunner().invoke(main, [*command, str(seeds_dir), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert seen == [False]
    assert out.stat().st_size > 0
