"""Reading in a forked process: the items in order, the result, failures raised here."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import parallel_batch as batch  # tests/parallel_batch.py (tests/ is on sys.path)
import pytest

from checker import judge, parallel, pipeline, reading
from checker.pipeline import check
from checker.rulebook import Rulebook

pytestmark = pytest.mark.skipif(not reading.can_fork(), reason="processes cannot be forked here")


def _count_to(n: int) -> Callable[[Callable[[int], None]], str]:
    def produce(emit: Callable[[int], None]) -> str:
        for i in range(n):
            emit(i)
        return f"{n} sent from {os.getpid()}"

    return produce


@pytest.mark.parametrize(
    ("count", "size", "ahead"), [(0, 4, 2), (10, 1, 1), (100, 7, 2), (5, 64, 64)]
)
def test_the_items_come_in_order_then_the_result(count: int, size: int, ahead: int) -> None:
    seen: list[int] = []
    result = reading.produced_apart(_count_to(count), seen.append, batch=size, ahead=ahead)
    assert seen == list(range(count))
    assert result.startswith(f"{count} sent from ")
    assert result != f"{count} sent from {os.getpid()}"  # produced in another process


def _fails(emit: Callable[[int], None]) -> None:
    emit(1)
    raise ValueError("bad input")


def test_an_error_in_the_reader_is_raised_here() -> None:
    seen: list[int] = []
    with pytest.raises(
        reading.ReaderError, match=r"(?s)in the reader process:.*ValueError: bad input"
    ):
        reading.produced_apart(_fails, seen.append)
    assert seen == [1]


def _dies(emit: Callable[[int], None]) -> None:
    emit(1)
    emit(2)
    os._exit(3)  # as the kernel's out-of-memory killer would end a process


def test_a_reader_that_dies_is_an_error_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "_POLL", 0.05)
    seen: list[int] = []
    with pytest.raises(reading.ReaderError, match="exit code 3"):
        reading.produced_apart(_dies, seen.append, batch=1)
    assert seen == [1, 2][: len(seen)]  # what it sent before it ended, if anything


def test_an_error_here_ends_the_reader() -> None:
    def consume(item: int) -> None:
        if item == 3:
            raise KeyError(item)

    with pytest.raises(KeyError):
        reading.produced_apart(_count_to(10**9), consume, batch=1, ahead=1)


def test_input_bytes_counts_the_files_and_knows_nothing_of_standard_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text("y" * 5)
    assert reading.input_bytes([str(tmp_path)]) == 15
    assert reading.input_bytes([str(tmp_path / "a.txt"), str(tmp_path / "missing")]) == 10
    assert reading.input_bytes([str(tmp_path), "-"]) is None


def test_a_check_read_in_a_forked_reader_is_the_same(
    tmp_path: Path, rulebook: Rulebook, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl")
    paths = [str(path), str(seeds_dir)]
    single = check(paths, rulebook, jobs=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(judge, "MIN_FORKED_FACTS", 0)
    used: list[int] = []
    apart = pipeline.produced_apart

    def counted(*args: object, **kwargs: object) -> object:
        used.append(os.getpid())
        return apart(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "produced_apart", counted)
    pooled = check(paths, rulebook, jobs=2)
    assert used
    assert pooled.report.model_dump_json() == single.report.model_dump_json()
    assert pooled.had_input_errors == single.had_input_errors


def test_small_inputs_and_one_job_are_read_here(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl", articles=4)
    assert not pipeline._read_apart([str(path)], 2)  # under MIN_PARALLEL_BYTES
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    assert pipeline._read_apart([str(path)], 2)
    assert not pipeline._read_apart([str(path)], 1)
    assert not pipeline._read_apart([str(path), "-"], 2)


def test_meanwhile_runs_here_before_the_first_item() -> None:
    events: list[str] = []

    def consume(item: int) -> None:
        events.append(f"item {item}")

    reading.produced_apart(_count_to(2), consume, meanwhile=lambda: events.append("meanwhile"))
    assert events == ["meanwhile", "item 0", "item 1"]


def test_a_check_read_apart_builds_the_workers_patterns_while_it_reads(
    tmp_path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = batch.write_batch(tmp_path / "b.jsonl", articles=6)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    events: list[str] = []
    warm_up, start = parallel._warm_up, parallel.Extraction._start

    def warmed(book: Rulebook) -> None:
        events.append("warm-up")
        warm_up(book)

    def started(self: parallel.Extraction) -> None:
        events.append(f"pool after {self.added} articles")
        start(self)

    monkeypatch.setattr(parallel, "_warm_up", warmed)
    monkeypatch.setattr(parallel.Extraction, "_start", started)
    check([str(path)], rulebook, jobs=2)
    assert events[:2] == ["warm-up", "pool after 1 articles"]
    # Built once: the pool starts with what was built while reading.
    assert events.count("warm-up") == 1


class _Sent(list[tuple[str, object]]):
    def put(self, message: tuple[str, object], timeout: float | None = None) -> None:
        self.append(message)


def test_batches_by_weight_end_with_the_item_that_makes_up_the_weight() -> None:
    def produce(emit: Callable[[int], None]) -> str:
        for weight in [5, 1, 1, 9, 2, 2, 2]:
            emit(weight)
        return "done"

    sent = _Sent()
    reading._produce(produce, sent, 6, lambda w: w, os.getppid())
    assert sent == [
        ("items", [5, 1]),
        ("items", [1, 9]),
        ("items", [2, 2, 2]),
        ("done", "done"),
    ]
    counted = _Sent()
    reading._produce(produce, counted, 3, None, os.getppid())
    assert [len(m[1]) for m in counted[:-1]] == [3, 3, 1]  # type: ignore[arg-type]


def test_a_reader_whose_reader_is_gone_ends_instead_of_waiting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    monkeypatch.setattr(reading, "_POLL", 0.05)
    context = multiprocessing.get_context("fork")
    queue = context.Queue(maxsize=1)  # never read: the second batch waits
    # Its parent is not the process it sends to: as if that process were gone.
    child = context.Process(
        target=reading._produce, args=(_count_to(10**9), queue, 1, None, os.getppid() + 10**6)
    )
    child.start()
    child.join(timeout=30)
    assert child.exitcode == 1
