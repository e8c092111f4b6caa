"""The cyclic garbage collector is paused during a check, restored after, and still sweeps."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

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
