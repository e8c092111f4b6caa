"""Judge: claims, grouping and comparison of a batch's stories, all at once or part by part.

After stories, each fact is given its claim identity (``claims.assign``),
facts are grouped into events (``group.group``), events compared into
findings (``compare.compare``) and events marked corroborated. All of it is
per story but for one thing: a town found near one story's figures is looked
up by name for every story (``claims.batch_towns``). So a batch can be judged
in parts, each a run of whole stories with their facts and articles: first
each part's towns (``claims.story_towns``), folded in the batch's story order,
then each part judged with them, and the parts' facts, events and findings
merged in the order a whole-batch run gives them. ``judge_stories`` is the
whole-batch run (one part); the Dask backend runs the parts on its workers,
and ``judge_forked`` (``--jobs``) in processes forked from this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from checker.claims import assign, batch_towns, story_towns
from checker.compare import compare, corroborate, finding_order
from checker.group import event_order, group
from checker.models import Article, Event, Fact, Finding, Story
from checker.rulebook import Place, Rulebook

if TYPE_CHECKING:
    from concurrent.futures import Future

Weekdays = Mapping[str, tuple[int, ...]]


@dataclass(frozen=True)
class Judged:
    """Facts with their claim identity (in the order given), events and findings."""

    facts: list[Fact]
    events: list[Event]
    findings: list[Finding]


@dataclass(frozen=True)
class Part:
    """A run of whole stories with their facts (in the batch's order) and articles."""

    positions: list[int]
    facts: list[Fact]
    stories: list[Story]
    articles: dict[str, Article]
    weekdays: dict[str, tuple[int, ...]]


def judge_stories(
    facts: Sequence[Fact],
    stories: Sequence[Story],
    articles: dict[str, Article],
    rulebook: Rulebook,
    weekdays: Weekdays | None = None,
    towns: Mapping[str, Mapping[str, Place]] | None = None,
    extra: Mapping[str, Place] | None = None,
    verdicts: AbstractSet[str] | None = None,
) -> Judged:
    """Assign, group, compare and corroborate: a whole batch, or a part with the batch's towns.

    ``verdicts``: see ``compare.compare`` (then the articles need no text).
    """
    assigned = assign(facts, stories, articles, rulebook, dict(weekdays or {}), towns, extra)
    events = group(assigned, articles, rulebook)
    findings = compare(events, assigned, articles, rulebook, verdicts)
    return Judged(assigned, corroborate(events, findings, articles), findings)


def split(
    facts: Sequence[Fact],
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    weekdays: Weekdays,
    count: int,
) -> list[Part]:
    """``stories`` (in report order) cut into about ``count`` runs of about equal facts.

    Facts of articles in no story make a last part with no story.
    """
    story_of = {aid: k for k, s in enumerate(stories) for aid in s.articles}
    per_story: list[list[int]] = [[] for _ in stories]
    loose: list[int] = []
    for i, fact in enumerate(facts):
        k = story_of.get(fact.article)
        (loose if k is None else per_story[k]).append(i)
    share = max(1, -(-len(facts) // max(1, count)))
    runs: list[list[int]] = []
    current: list[int] = []
    held = 0
    for k, members in enumerate(per_story):
        if current and held + len(members) > share:
            runs.append(current)
            current, held = [], 0
        current.append(k)
        held += len(members)
    if current:
        runs.append(current)
    parts = [
        _part(
            sorted(i for k in run for i in per_story[k]),
            [stories[k] for k in run],
            facts,
            articles,
            weekdays,
        )
        for run in runs
    ]
    if loose:
        parts.append(_part(loose, [], facts, articles, weekdays))
    return parts


def _part(
    positions: list[int],
    stories: list[Story],
    facts: Sequence[Fact],
    articles: Mapping[str, Article],
    weekdays: Weekdays,
) -> Part:
    ids = {aid for s in stories for aid in s.articles} | {facts[i].article for i in positions}
    return Part(
        positions=positions,
        facts=[facts[i] for i in positions],
        stories=stories,
        articles={a: articles[a] for a in sorted(ids)},
        weekdays={a: weekdays[a] for a in sorted(ids) if a in weekdays},
    )


def part_towns(part: Part, rulebook: Rulebook) -> dict[str, dict[str, Place]]:
    """The towns of a part's stories (the first step, on a worker)."""
    return story_towns(part.facts, part.stories, rulebook)


def judge_part(
    part: Part,
    towns: Mapping[str, Mapping[str, Place]],
    extra: Mapping[str, Place],
    rulebook: Rulebook,
    verdicts: AbstractSet[str] | None = None,
) -> Judged:
    """A part judged with its stories' ``towns`` and the batch's ``extra`` (the second step)."""
    return judge_stories(
        part.facts,
        part.stories,
        part.articles,
        rulebook,
        part.weekdays,
        towns,
        extra,
        verdicts=verdicts,
    )


def fold_towns(towns: Iterable[Mapping[str, Mapping[str, Place]]]) -> dict[str, Place]:
    """The batch's towns from its parts' (given in the batch's story order)."""
    return batch_towns(found for part in towns for found in part.values())


def merge(parts: Sequence[Part], judged: Sequence[Judged], count: int) -> Judged:
    """The parts' results in the order a whole-batch run gives them (``count`` facts)."""
    facts: list[Fact | None] = [None] * count
    for part, result in zip(parts, judged, strict=True):
        for i, fact in zip(part.positions, result.facts, strict=True):
            facts[i] = fact
    placed = [f for f in facts if f is not None]
    if len(placed) != count:
        raise ValueError("a fact was judged in no part")
    return Judged(
        placed,
        sorted((e for r in judged for e in r.events), key=event_order),
        sorted((f for r in judged for f in r.findings), key=finding_order),
    )


def judge_in_parts(
    facts: Sequence[Fact],
    stories: Sequence[Story],
    articles: dict[str, Article],
    rulebook: Rulebook,
    weekdays: Weekdays | None = None,
    *,
    count: int = 2,
) -> Judged:
    """The batch judged in about ``count`` parts in this process (the steps a cluster runs)."""
    parts = split(facts, stories, articles, weekdays or {}, count)
    towns = [part_towns(p, rulebook) for p in parts]
    extra = fold_towns(towns)
    judged = [judge_part(p, t, extra, rulebook) for p, t in zip(parts, towns, strict=True)]
    return merge(parts, judged, len(facts))


# Below this many facts, judging in forked processes costs more than it saves.
MIN_FORKED_FACTS = 3000
# Parts per process judging: enough that the processes even out (this one
# takes back the parts the children have not started), few enough that
# each is worth a task.
PARTS_PER_PROCESS = 4
# Parts handed to each child before it needs them.
_AHEAD = 2
# What a forked child judges: the parts, the rules and the verdicts, set just
# before the fork (the child inherits them: nothing is sent to it but a
# part's number, and for judging the part's towns and the batch's).
_FORKED: list[Any] = []

T = TypeVar("T")


def judge_forked(
    facts: Sequence[Fact],
    stories: Sequence[Story],
    articles: dict[str, Article],
    rulebook: Rulebook,
    weekdays: Weekdays | None = None,
    *,
    jobs: int,
    verdicts: AbstractSet[str] | None = None,
) -> Judged:
    """``judge_stories`` in parts by ``jobs`` processes: this one and ``jobs - 1`` forked children.

    The same steps and the same result as ``judge_in_parts``: each part's
    towns, then each part judged with its towns and the batch's, both steps
    spread over the processes. A forked child starts with this process's
    facts, stories and articles, so only the towns and each part's judged
    facts, events and findings travel. Where processes cannot be forked, for
    a batch of under ``MIN_FORKED_FACTS`` facts, or when the machine has no
    room for the children's copies (``room_to_fork``), the batch is judged
    here in one part.
    """
    import multiprocessing

    children = jobs - 1
    if (
        children < 1
        or len(facts) < MIN_FORKED_FACTS
        or "fork" not in multiprocessing.get_all_start_methods()
        or not room_to_fork(children, memory())
    ):
        return judge_stories(facts, stories, articles, rulebook, weekdays, verdicts=verdicts)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    parts = split(facts, stories, articles, weekdays or {}, jobs * PARTS_PER_PROCESS)
    count = len(parts)
    _FORKED[:] = [parts, rulebook, verdicts]
    towns: dict[int, dict[str, dict[str, Place]]] = {}
    judged: dict[int, Judged] = {}
    try:
        with ProcessPoolExecutor(
            max_workers=children,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_first_to_go,
        ) as pool:
            _spread(
                towns,
                count,
                children,
                send=lambda k: pool.submit(_sent_part_towns, k),
                here=lambda k: part_towns(parts[k], rulebook),
                back=lambda _k, found: found,
            )
            extra = fold_towns(towns[k] for k in range(count))
            _spread(
                judged,
                count,
                children,
                send=lambda k: pool.submit(_judge_sent_part, k, towns[k], extra),
                here=lambda k: judge_part(parts[k], towns[k], extra, rulebook, verdicts),
                back=lambda k, sent: Judged(_changed(parts[k].facts, sent[0]), sent[1], sent[2]),
            )
    except (OSError, BrokenProcessPool):
        # A process could not be forked, or died (out of memory, killed):
        # what it did not send back is done here.
        for k in range(count):
            if k not in towns:
                towns[k] = part_towns(parts[k], rulebook)
        extra = fold_towns(towns[k] for k in range(count))
        for k in range(count):
            if k not in judged:
                judged[k] = judge_part(parts[k], towns[k], extra, rulebook, verdicts)
    finally:
        _FORKED.clear()
    return merge(parts, [judged[k] for k in range(count)], len(facts))


def _spread(
    results: dict[int, T],
    count: int,
    children: int,
    *,
    send: Callable[[int], Future[Any]],
    here: Callable[[int], T],
    back: Callable[[int, Any], T],
) -> None:
    """Fill ``results`` for parts 0 to ``count - 1``: the children's and this process's.

    The children take the parts from the first on, a few ahead each
    (``send``, and ``back`` for what a child sends back); this process, which
    also rebuilds what the children send, takes the parts from the last back
    (``here``): whoever is quicker does more. What was done before a child
    failed stays in ``results``.
    """
    sent: dict[Future[Any], int] = {}
    low, high = 1, count - 1  # the parts no process has taken

    def hand_out() -> None:
        nonlocal low
        while low <= high and len(sent) < children * _AHEAD:
            sent[send(low)] = low
            low += 1

    def take_back(future: Future[Any]) -> None:
        k = sent.pop(future)
        results[k] = back(k, future.result())

    hand_out()
    k = 0
    while True:
        results[k] = here(k)
        for future in [f for f in sent if f.done()]:
            take_back(future)
        hand_out()
        if low > high:
            break
        k, high = high, high - 1
    for future in list(sent):
        take_back(future)


def memory() -> tuple[int, int] | None:
    """This process's resident memory and the machine's available memory, in kB (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        with open("/proc/meminfo", encoding="ascii") as info:
            available = next(
                int(line.split()[1]) for line in info if line.startswith("MemAvailable:")
            )
    except (OSError, StopIteration, ValueError, IndexError):
        return None
    return rss, available


def room_to_fork(children: int, memory: tuple[int, int] | None) -> bool:
    """Whether ``children`` forked copies of this process fit in the machine's memory.

    A child starts sharing this process's pages, but copies each page it
    writes, and reading a fact writes (its reference count): a part's facts
    lie spread over nearly every page of the batch, so each child comes to
    copy about all of this process. On a 1 GB batch two children took 10 GB
    more and the kernel ended one. ``memory`` is ``memory()``; unknown, there
    is room.
    """
    if memory is None:
        return True
    rss, available = memory
    return children * rss <= available


def _first_to_go() -> None:
    """Offer this forked process first to the kernel's out-of-memory killer.

    A child copies the memory pages of the facts it reads. When a batch comes
    near the machine's memory something must end, and it had better be a
    child, whose parts are then judged here, than this process, with the whole
    run. (Linux only; raising the score needs no privilege.)
    """
    try:
        with open("/proc/self/oom_score_adj", "w", encoding="ascii") as score:
            score.write("1000")
    except OSError:
        pass


# A judged fact as a forked process sends it back: None for the fact as it
# was, else the fields its claim identity changed (the facts are a part's,
# in its order).
Changes = dict[str, Any] | None


def _sent_part_towns(k: int) -> dict[str, dict[str, Place]]:
    """The towns of part ``k``, found in a forked process."""
    parts, rulebook, _verdicts = _FORKED
    return part_towns(parts[k], rulebook)


def _judge_sent_part(
    k: int, towns: Mapping[str, Mapping[str, Place]], extra: Mapping[str, Place]
) -> tuple[list[Changes], list[Event], list[Finding]]:
    """Part ``k`` judged in a forked process, its facts sent back as changes.

    Sending whole facts back (pickled models) cost a third of judging them.
    """
    parts, rulebook, verdicts = _FORKED
    judged = judge_part(parts[k], towns, extra, rulebook, verdicts)
    return (
        [_changes(o, j) for o, j in zip(parts[k].facts, judged.facts, strict=True)],
        judged.events,
        judged.findings,
    )


def _changes(original: Fact, judged: Fact) -> Changes:
    if judged is original:
        return None
    before = original.__dict__
    return {name: value for name, value in judged.__dict__.items() if value is not before[name]}


def _changed(originals: Sequence[Fact], changes: Sequence[Changes]) -> list[Fact]:
    return [
        fact if change is None else fact.model_copy(update=change)
        for fact, change in zip(originals, changes, strict=True)
    ]
