"""Stories: articles about the same real-world happening, clustered before facts meet.

Each article is reduced to a small signature (its distinctive terms with
weights: gazetteer places weigh most, then proper nouns, then content words;
its publication date; the incident dates it mentions). Signatures become
TF-IDF vectors (SciPy sparse rows); candidate pairs come from an inverted index on
the distinctive terms (a sparse product over names and places that are rare in
the batch),
so the work stays near-linear; pairs are merged by average linkage over the
candidate graph, strongest first, while the clusters stay similar enough and
their dates fit together.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import chain, repeat
from sys import intern
from typing import TYPE_CHECKING, Any

from checker.extract import Analysis, Lexicon
from checker.extract.lexicon import per_object, vague_area
from checker.extract.text import POSSESSIVES, dateline, dateline_end, past_possessive
from checker.fingerprint import short_hash
from checker.models import Article, Fact, Story
from checker.rulebook import Place, Rulebook

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# Term kinds and their weights: a place name says most about what a text is
# about, a proper noun next, an ordinary content word least.
PLACE, NAME, WORD = "L:", "P:", "W:"
WEIGHTS = {PLACE: 3.0, NAME: 2.0, WORD: 1.0}


@dataclass(frozen=True)
class Signature:
    """What story clustering needs to know of one article."""

    article: str
    terms: dict[str, float]
    anchor: dt.date | None = None
    dates: tuple[dt.date, ...] = ()
    places: tuple[str, ...] = ()
    duplicate_of: str | None = None
    # Weekdays (0 = Monday) the article names without a date it could resolve
    # them to: with the story's dates they tell when an undated article speaks.
    weekdays: tuple[int, ...] = ()
    # The anchor is only a lower bound: the latest date the text names.
    anchor_inferred: bool = False
    # The towns and sites it names (places smaller than a region), and the
    # regions (provinces, states).
    sites: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    # The figures it gives of metrics that tell happenings apart (``tells_apart``,
    # its death tolls), each once.
    tolls: tuple[float, ...] = ()
    # Those of them it tells as a part of a larger count ("11 of the deaths"):
    # a breakdown's items, another report's whole.
    part_tolls: tuple[float, ...] = ()
    # The families of happening its lead tells of (rules/happenings.yaml).
    happenings: tuple[str, ...] = ()
    # The days its lead dates its happening to, and the places smaller than a
    # country it names there (not its dateline's).
    lead_days: tuple[dt.date, ...] = ()
    lead_places: tuple[str, ...] = ()
    # The counts its lead gives of the dead, the hurt and the taken (metrics'
    # ``leads_apart``), and whether it tells of a toll that rose ("rose to",
    # "bringing the toll to"): a follow-up's new count.
    lead_tolls: tuple[tuple[str, float], ...] = ()
    lead_risen: bool = False
    # Names it gives as where something is ("off X", "the town of X") that the
    # gazetteer does not know, folded: a village or an island of one
    # happening, named by all its reports.
    localities: tuple[str, ...] = ()
    # Those of them its lead names (title and first sentence).
    lead_localities: tuple[str, ...] = ()
    # Names (folded words) it gives only in sentences of background or as a
    # bearing's landmark ("a separate attack in nearby X", "60 km west of X"):
    # another happening's town, or one near its own.
    asides: tuple[str, ...] = ()
    # The first-level divisions (states, provinces) it names or its towns are
    # in, by GeoNames (``subdivisions.divisions_of_town``), each as its country's
    # ISO code and GeoNames' name ("GR:Thessaly"); and the ISO codes of the
    # countries its places are in. Two local reports of towns in two states
    # are of two happenings.
    divisions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    # Those of the towns and regions its lead names (past its dateline).
    lead_divisions: tuple[str, ...] = ()
    # Whether its lead tells of a happening that covers an area (a flood, a
    # quake; rules/happenings.yaml ``area_families``): towns of one region are
    # then one happening's.
    area_wide: bool = False
    # Whether its lead tells of a happening at one spot (a crash, a blast: a
    # family that is no ``area_families`` one), whatever else it tells of.
    at_a_spot: bool = False


@dataclass(frozen=True)
class StoryParams:
    """Thresholds of story clustering (see ``cluster``)."""

    link: float = 0.06
    # Publication dates further apart than this weaken a link ...
    max_days: int = 21
    # ... by this factor per ``max_days`` beyond.
    date_penalty: float = 0.5
    # Only names and places found in at most this many articles propose
    # candidate pairs (an inverted index with short posting lists), so the
    # number of pairs stays linear in the batch; every term still counts in
    # the similarity of the pairs proposed.
    df_cap: int = 60
    # Two clusters of at least ``core_size`` articles never merge when each has
    # ``core_names`` names or places in ``core_share`` of its articles that the
    # other never mentions.
    core_size: int = 4
    core_share: float = 0.6
    core_names: int = 2
    # ... and whose mean similarity is below this: above it they are one
    # happening's reports, each set naming other people in it.
    names_below: float = 0.15
    # Two clusters never merge when they tell of different towns on different
    # days: each has a day and a town or site (or, when one of them names no
    # town, a region) named in ``core_share`` of its articles; the days of the
    # one are never named by the other, nor within ``days_apart`` - 1 days of
    # any day it names (a day apart is one happening told in two time zones);
    # their publication dates are as far apart; and no place is in both
    # clusters' cores; and one of them has at least ``days_core_size``
    # articles (two lone articles may be a first report and a follow-up told
    # from elsewhere). Towns of their own on days of their own part two
    # clusters even a day apart when they are less alike than ``names_below``
    # (two fires in two cities on consecutive days).
    days_apart: int = 2
    days_core_size: int = 2
    # Two clusters with other towns and other death tolls, told within a day of
    # each other, tell of two happenings, unless most articles of one name the
    # other's town this many times or more (a town named once may be recalled
    # in passing; a report of the happening names its town again and again).
    named_again: int = 2
    # Rare terms weigh more than TF-IDF alone says: idf is raised to this power.
    idf_power: float = 2.0
    # A batch of a handful of articles is no sample of the news: its idf is
    # worked out as if from at least this many articles, so that the town and
    # the words all six reports of one fire share still weigh (among six
    # articles a term all of them name would weigh next to nothing beside one
    # report's own words, and the reports would fall apart).
    idf_min_articles: int = 20


# Up to this many articles the similarities are computed in plain Python
# (checker/smallbatch.py, the same numbers): importing SciPy would cost more
# than the whole run.
SMALL_BATCH = 150
_PAIR_BLOCK = 20_000
# Up to this many candidate pairs are sorted in plain Python (see ``strongest_first``).
_SORT_IN_PYTHON = 20_000


@dataclass(frozen=True)
class BatchStats:
    """What clustering a part of a batch needs to know of the whole batch.

    ``originals`` is the number of original (not syndicated) articles and
    ``df`` the number of them each term is found in (at least every term of
    the part): with them a part's TF-IDF weights, its blocking terms and the
    small-batch decision are those of the whole batch (see checker/blocks.py).
    """

    originals: int
    df: Mapping[str, int]


def idf(df: Iterable[int], originals: int):  # type: ignore[no-untyped-def]
    """Smoothed idf of terms found in ``df`` of ``originals`` articles, as scikit-learn computes it.

    The same operations as ``TfidfTransformer(smooth_idf=True).fit`` (a test
    compares the bits), so weights from batch-wide counts equal a fit on the
    whole batch.
    """
    import numpy as np

    counts = np.asarray(df, dtype=np.float64) + 1.0
    out = np.full_like(counts, fill_value=originals + 1, dtype=np.float64)
    out /= counts
    np.log(out, out=out)
    out += 1.0
    return out


# The weight objects of this process, each value once (see ``signature``).
_WEIGHT_OBJECTS: dict[float, float] = {}


def shared(signature: Signature) -> Signature:
    """``signature`` with its terms and weights this process's one object each.

    A signature made in another process arrives (unpickled) with copies of
    its own: a chunk's signatures share them, but every chunk has its own,
    which on a large batch made the terms a tenth of the memory.
    """
    weights = _WEIGHT_OBJECTS
    terms = {intern(t): weights.setdefault(w, w) for t, w in signature.terms.items()}
    return replace(signature, terms=terms)


@dataclass
class _Cluster:
    members: list[int]
    # Its articles' names and places, the days, towns and regions they name,
    # and their publication dates, gathered when first needed (``_GATHERED``)
    # and kept up to date as clusters merge: most clusters are never compared
    # by them.
    names: Counter[str] | None = None
    days: Counter[dt.date] | None = None
    sites: Counter[str] | None = None
    regions: Counter[str] | None = None
    tolls: Counter[float] | None = None
    published: set[dt.date] | None = None
    happenings: Counter[str] | None = None
    lead_days: Counter[dt.date] | None = None
    lead_places: Counter[str] | None = None
    localities: Counter[str] | None = None
    lead_localities: Counter[str] | None = None


def _names(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    if c.names is None:
        c.names = Counter(t for m in c.members for t in signatures[m].terms if t[:2] != WORD)
    return c.names


def _days(c: _Cluster, signatures: Sequence[Signature]) -> Counter[dt.date]:
    if c.days is None:
        c.days = Counter(d for m in c.members for d in signatures[m].dates)
    return c.days


def _sites(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    """The towns and sites its articles name, with how many of them name each.

    In a small cluster, a town one of its reports places is named too by
    another that only writes it as a name ("Memphis police", in a report that
    names no state or country to look its towns up in).
    """
    if c.sites is None:
        sites = Counter(_town_name(t) for m in c.members for t in set(signatures[m].sites))
        if 1 < len(c.members) <= _SPREAD_SITES and sites:
            towns = sorted(sites)
            for m in c.members:
                own = {_town_name(t) for t in signatures[m].sites}
                terms = signatures[m].terms
                sites.update(t for t in towns if t not in own and NAME + t.lower() in terms)
        c.sites = sites
    return c.sites


def _town_name(site: str) -> str:
    """A town's name without the country the gazetteer tells its namesakes apart by
    ("Hyderabad (Pakistan)"): a report that names no country may take it for
    its namesake, and the two name one town in one story."""
    return site.split(" (", 1)[0] if site.endswith(")") else site


# The largest cluster whose reports' towns are looked for in each other's names.
_SPREAD_SITES = 12


def _counted(c: _Cluster, field: str, signatures: Sequence[Signature]) -> Counter[Any]:
    """The values of the signatures' ``field`` over a cluster's articles, with how
    many of them give each: kept on the cluster's field of that name."""
    found: Counter[Any] | None = getattr(c, field)
    if found is None:
        found = Counter(v for m in c.members for v in getattr(signatures[m], field))
        setattr(c, field, found)
    return found


def _tolls(c: _Cluster, signatures: Sequence[Signature]) -> Counter[float]:
    """The tolls its articles give, with how many of them give each."""
    return _counted(c, "tolls", signatures)


def _area_wide(c: _Cluster, signatures: Sequence[Signature]) -> bool:
    """True when any report of the cluster leads with a happening that covers an
    area, or with no kind of happening at all (``Signature.area_wide``)."""
    return any(signatures[m].area_wide for m in c.members)


def _happenings(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    return _counted(c, "happenings", signatures)


def _lead_days(c: _Cluster, signatures: Sequence[Signature]) -> Counter[dt.date]:
    return _counted(c, "lead_days", signatures)


def _lead_places(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    return _counted(c, "lead_places", signatures)


def _localities(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    return _counted(c, "localities", signatures)


def _lead_localities(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    return _counted(c, "lead_localities", signatures)


def _regions(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    """The regions its articles name, with how many of them name each."""
    if c.regions is None:
        c.regions = Counter(t for m in c.members for t in signatures[m].regions)
    return c.regions


def signature(
    article: Article,
    words: Iterable[str],
    names: Iterable[str],
    places: Iterable[str],
    dates: Iterable[dt.date],
    sites: Iterable[str] = (),
    regions: Iterable[str] = (),
) -> Signature:
    """A signature from the article's content words, proper nouns, places (of them
    ``sites``, those smaller than a region, and ``regions``) and incident dates."""
    places = list(places)
    # Counted per kind (a kind's prefix keeps its terms apart from the
    # others'), in order of first appearance: words, names, places.
    weighted: dict[str, float] = {}
    for kind, items in ((WORD, words), (NAME, names), (PLACE, places)):
        weight = WEIGHTS[kind]
        counts = Counter(map(kind.__add__, items))
        # Terms and weights recur across articles: one shared object each
        # (also after pickling a chunk's signatures, which keeps sharing)
        # makes a batch's signatures a fraction of the memory.
        for term, n in counts.items():
            value = n * weight
            weighted[intern(term)] = _WEIGHT_OBJECTS.setdefault(value, value)
    place_counts = Counter(places)
    return Signature(
        article=article.id,
        terms=weighted,
        anchor=article.published,
        anchor_inferred=article.published_from == "inferred",
        dates=tuple(sorted(set(dates))),
        places=tuple(sorted(place_counts, key=lambda p: (-place_counts[p], p))),
        duplicate_of=article.duplicate_of,
        sites=tuple(sorted(set(map(intern, sites)))),
        regions=tuple(sorted(set(map(intern, regions)))),
    )


def _vectors(  # type: ignore[no-untyped-def]
    signatures: Sequence[Signature], params: StoryParams, stats: BatchStats | None = None
):
    """Document frequencies, TF-IDF rows, and which columns are names or places.

    The operations of scikit-learn's ``DictVectorizer(sort=True)``, then
    ``TfidfTransformer(sublinear_tf=True, smooth_idf=True)`` and ``normalize``,
    in their order (a test compares the bits), on SciPy alone: importing
    scikit-learn took longer than clustering a few thousand articles. An exact
    vocabulary rather than hashing: a hashed collision between two ordinary
    words is enough to tip a close merge. With ``stats`` the signatures are a
    part of a batch and the idf is the whole batch's.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    terms = [s.terms for s in signatures]
    vocabulary = sorted(set(chain.from_iterable(terms)))
    column = {t: i for i, t in enumerate(vocabulary)}
    sizes = np.fromiter(map(len, terms), dtype=np.int64, count=len(signatures))
    indptr = np.zeros(len(signatures) + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    total = int(indptr[-1])
    indices = np.fromiter(
        map(column.__getitem__, chain.from_iterable(terms)), dtype=np.int32, count=total
    )
    data = np.fromiter(
        chain.from_iterable(t.values() for t in terms), dtype=np.float64, count=total
    )
    tfidf = csr_matrix((data, indices, indptr), shape=(len(signatures), len(vocabulary)))
    tfidf.sort_indices()
    if stats is None:
        df = np.bincount(tfidf.indices, minlength=len(vocabulary))
        weights = idf(df, max(len(signatures), params.idf_min_articles))
    else:
        df = np.array([stats.df[t] for t in vocabulary], dtype=np.int64)
        weights = idf(df, max(stats.originals, params.idf_min_articles))
    np.log(tfidf.data, out=tfidf.data)
    tfidf.data += 1.0
    tfidf.data *= weights[tfidf.indices]
    if params.idf_power != 1.0:
        tfidf.data *= np.power(weights, params.idf_power - 1.0)[tfidf.indices]
    _normalise_rows(tfidf)
    distinctive = np.array([t[:2] != WORD for t in vocabulary], dtype=bool)
    return df, tfidf, distinctive


def _normalise_rows(matrix) -> None:  # type: ignore[no-untyped-def]
    """Scale each row of a CSR ``matrix`` to unit length, in place, as scikit-learn's ``normalize``.

    A row's squares are summed in order, as its loop does: SciPy's
    matrix-vector product with ones adds them one by one.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    squares = csr_matrix((matrix.data * matrix.data, matrix.indices, matrix.indptr), matrix.shape)
    norms = np.sqrt(squares @ np.ones(matrix.shape[1]))
    norms[norms == 0.0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs of articles and their similarities, pair ``k`` being
    (``firsts[k]``, ``seconds[k]``) with ``firsts[k] < seconds[k]``."""

    firsts: list[int]
    seconds: list[int]
    values: list[float]

    @classmethod
    def of(cls, sims: Mapping[tuple[int, int], float]) -> Pairs:
        """The pairs of a mapping from (first, second) to similarity, in its order."""
        return cls([i for i, _j in sims], [j for _i, j in sims], list(sims.values()))

    def similarities(self) -> dict[tuple[int, int], float]:
        """The pairs as a mapping from (first, second) to similarity, in order."""
        return dict(zip(zip(self.firsts, self.seconds, strict=True), self.values, strict=True))

    def renumbered(self, numbers: Sequence[int]) -> Pairs:
        """The same pairs with article ``i`` called ``numbers[i]``."""
        at = numbers.__getitem__
        return Pairs(list(map(at, self.firsts)), list(map(at, self.seconds)), self.values)


def candidate_pairs(
    signatures: Sequence[Signature], params: StoryParams, stats: BatchStats | None = None
) -> Pairs:
    """Cosine similarity of every pair of articles that share a distinctive term.

    Terms found in too many articles are left out of the blocking (they would
    make the candidate set quadratic) but still count in the similarity.
    Similarities are rounded to ``smallbatch.DECIMALS`` decimals. With
    ``stats`` the signatures are a part of a larger batch, weighed and
    blocked by the whole batch's counts. Three lists rather than a mapping:
    with many thousands of pairs, a mapping costs more than working them out.
    """
    n = len(signatures)
    if n < 2 or not any(s.terms for s in signatures):
        # Articles with no terms at all (a date and a number) share nothing,
        # and give TF-IDF no columns to work with.
        return Pairs([], [], [])
    if (stats.originals if stats else n) <= SMALL_BATCH:
        from checker.smallbatch import candidate_similarities

        return Pairs.of(
            candidate_similarities(
                [s.terms for s in signatures],
                lambda t: t[:2] != WORD,
                df_cap=params.df_cap,
                idf_power=params.idf_power,
                batch=(stats.originals, stats.df) if stats else None,
                min_articles=params.idf_min_articles,
            )
        )
    import numpy as np

    from checker.smallbatch import DECIMALS

    df, tfidf, distinctive = _vectors(signatures, params, stats)
    keep = np.flatnonzero(distinctive & (df >= 2) & (df <= params.df_cap))
    blocking = (tfidf[:, keep] > 0).astype(np.int32).tocsc().tocsr()
    shared = (blocking @ blocking.T).tocoo()
    rows, cols = shared.row, shared.col
    mask = rows < cols
    pairs = np.stack([rows[mask], cols[mask]], axis=1)
    if len(pairs) == 0:
        return Pairs([], [], [])
    tfidf = tfidf.tocsr()
    values = (
        _similarities_by_product(tfidf, pairs)
        if _product_is_cheaper(tfidf, pairs)
        else _similarities_by_pairs(tfidf, pairs)
    )
    return Pairs(
        pairs[:, 0].tolist(),
        pairs[:, 1].tolist(),
        list(map(round, values.tolist(), repeat(DECIMALS))),
    )


# Cells of a dense block of similarities (rows times articles) worked out at once.
_DENSE_CELLS = 4_000_000


def _product_is_cheaper(tfidf: Any, pairs: NDArray[np.intp]) -> bool:
    """Whether every similarity of the batch, worked out at once, costs less than the pairs'.

    The product of the TF-IDF rows with themselves does a multiplication for
    each pair of articles sharing a term (common words too) and fills an
    articles-by-articles table; the pairs one by one cost their rows' lengths.
    On a batch of a few thousand articles the product is cheaper, on a large
    one the pairs.
    """
    import numpy as np

    n = tfidf.shape[0]
    df = np.bincount(tfidf.indices, minlength=tfidf.shape[1]).astype(np.float64)
    lengths = np.diff(tfidf.indptr).astype(np.float64)
    by_product = float(df @ df) + float(n) * n
    by_pairs = float(lengths[pairs[:, 0]].sum() + lengths[pairs[:, 1]].sum())
    return bool(by_product <= by_pairs)


def _similarities_by_product(tfidf: Any, pairs: NDArray[np.intp]) -> NDArray[np.float64]:
    """The dot product of each pair's rows, read off the rows' product with all rows.

    ``pairs`` are sorted by their first row. SciPy's sparse product adds a
    pair's term products one by one in term order, as ``_similarities_by_pairs``
    does: the two give the same bits.
    """
    import numpy as np

    n = tfidf.shape[0]
    columns = tfidf.T.tocsr()
    step = max(1, _DENSE_CELLS // n)
    values = np.empty(len(pairs), dtype=np.float64)
    firsts = pairs[:, 0]
    for lo in range(0, n, step):
        a, b = np.searchsorted(firsts, [lo, lo + step])
        if a == b:
            continue
        table = (tfidf[lo : lo + step] @ columns).toarray()
        values[a:b] = table[pairs[a:b, 0] - lo, pairs[a:b, 1]]
    return values


def _similarities_by_pairs(tfidf: Any, pairs: NDArray[np.intp]) -> NDArray[np.float64]:
    """The dot product of each pair's rows, a block of pairs at a time.

    The term products of a pair are added one by one in term order (a
    matrix-vector product with ones), as SciPy's sparse product does.
    """
    import numpy as np

    values = np.empty(len(pairs), dtype=np.float64)
    ones = np.ones(tfidf.shape[1])
    # The rows of a pair are gathered a block of pairs at a time: all at once
    # they would take memory in proportion to pairs times terms (gigabytes).
    for lo in range(0, len(pairs), _PAIR_BLOCK):
        block = pairs[lo : lo + _PAIR_BLOCK]
        products = tfidf[block[:, 0]].multiply(tfidf[block[:, 1]]).tocsr()
        products.sort_indices()
        values[lo : lo + len(block)] = products @ ones
    return values


def _date_weighted(
    pairs: Pairs, signatures: Sequence[Signature], params: StoryParams
) -> dict[int, dict[int, float]]:
    """Each article's candidate neighbours, with the pair's similarity weighed by its dates.

    Publication dates more than ``params.max_days`` apart weaken a link by
    ``params.date_penalty`` per ``max_days``; a pair with an undated article
    keeps its similarity.
    """
    days = [s.anchor.toordinal() if s.anchor else None for s in signatures]
    max_days, penalty = params.max_days, params.date_penalty
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for i, j, v in zip(pairs.firsts, pairs.seconds, pairs.values, strict=True):
        a, b = days[i], days[j]
        if a is not None and b is not None and abs(a - b) > max_days:
            v *= float(penalty ** (abs(a - b) / max_days))
        neighbours[i][j] = v
        neighbours[j][i] = v
    return neighbours


def strongest_first(pairs: Pairs, link: float) -> list[tuple[int, int]]:
    """The pairs whose similarity reaches ``link``, strongest first (ties by
    first, then second article), as a heap of them would pop.

    Sorted at once (with NumPy when there are many): popping a heap of
    hundreds of thousands of pairs one at a time took most of clustering a
    large batch.
    """
    if len(pairs.values) <= _SORT_IN_PYTHON:
        ranked = sorted(
            (-v, i, j)
            for i, j, v in zip(pairs.firsts, pairs.seconds, pairs.values, strict=True)
            if v >= link
        )
        return [(i, j) for _v, i, j in ranked]
    import numpy as np

    values = np.asarray(pairs.values, dtype=np.float64)
    firsts = np.asarray(pairs.firsts, dtype=np.int64)
    seconds = np.asarray(pairs.seconds, dtype=np.int64)
    strong = values >= link
    values, firsts, seconds = values[strong], firsts[strong], seconds[strong]
    # lexsort sorts by its last key first: by similarity, highest first, then
    # by first article, then by second.
    order = np.lexsort((seconds, firsts, -values))
    return list(zip(firsts[order].tolist(), seconds[order].tolist(), strict=True))


def _core(names: Counter[Any], size: int, params: StoryParams) -> set[Any]:
    need = params.core_share * size
    return {t for t, n in names.items() if n >= need}


def _distinct(
    a: _Cluster,
    b: _Cluster,
    mean: float,
    params: StoryParams,
    signatures: Sequence[Signature],
) -> bool:
    """True for two clusters (of ``mean`` similarity) that are each about names the
    other never mentions, or about another town on other days.

    Two reports of the same kind in the same place (two navy rescues in one
    gulf, two earthquakes in one country) share most words; what tells them
    apart is that each cluster's own ship, person or town, named by most of
    its articles, is absent from every article of the other; unless the two
    are as alike as reports of one happening are (``params.names_below``):
    one shooting's reports, half naming its victims and half the police
    spokesman, share the gunman, the firm and the town. Two attacks a
    week apart in two cities of one country share even more (and the later
    reports recall the earlier): what tells them apart is each one's own
    town and day, the day never named by the other.
    """
    if min(len(a.members), len(b.members)) >= params.core_size and mean < params.names_below:
        names_a, names_b = _names(a, signatures), _names(b, signatures)
        only_a = _core(names_a, len(a.members), params) - names_b.keys()
        only_b = _core(names_b, len(b.members), params) - names_a.keys()
        if len(only_a) >= params.core_names and len(only_b) >= params.core_names:
            return True
    if _other_happenings(a, b, signatures):
        return True
    if not _one_locality(a, b, params, signatures) and (
        _other_leads(a, b, params, signatures)
        or _elsewhere_other_days(a, b, mean, params, signatures)
        or _elsewhere(a, b, params, signatures)
        or _other_town_other_toll(a, b, params, signatures)
        or _other_lead_regions_other_tolls(a, b, signatures)
        or _other_lead_localities_other_tolls(a, b, signatures)
        or _other_core_leads_other_core_tolls(a, b, params, signatures)
        or _other_divisions_other_tolls(a, b, signatures)
    ):
        return True
    if (
        _other_days_other_lead_tolls(a, b, params, signatures)
        or _before_the_lead_day(a, b, params, signatures)
        or _before_the_lead_day(b, a, params, signatures)
    ):
        return True
    return _told_before(a, b, params, signatures) or _told_before(b, a, params, signatures)


def _other_lead_regions_other_tolls(
    a: _Cluster, b: _Cluster, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters, even two lone articles, whose leads name regions (a
    province, a state) and no region in common, and whose death tolls share
    none: two landslides on one day in two provinces of one country. (A
    follow-up leads with the first report's region or a town of it.)"""
    regions_a = _lead_regions(a, signatures)
    regions_b = _lead_regions(b, signatures) if regions_a else set()
    if not regions_a or not regions_b or regions_a & regions_b:
        return False
    return _tolls_apart(a, b, signatures)


def _other_divisions_other_tolls(a: _Cluster, b: _Cluster, signatures: Sequence[Signature]) -> bool:
    """True for two clusters of reports of a happening at one spot (a crash, a blast:
    not only a flood or a storm, ``Signature.at_a_spot``) when the lead of every
    report of each names a first-level division (``Signature.lead_divisions``:
    a state it names or its towns are in) that no report of the other names
    (``Signature.divisions``), and their death tolls share none: a bus crash in
    one state and another in a state far off, told on one day in the same words."""
    if not all(signatures[m].at_a_spot for m in (*a.members, *b.members)):
        return False
    here = _every_division(a, signatures)
    there = _every_division(b, signatures)
    if not here or not there or here & _any_division(b, signatures):
        return False
    return not there & _any_division(a, signatures) and _tolls_apart(a, b, signatures)


def _every_division(c: _Cluster, signatures: Sequence[Signature]) -> set[str]:
    """The divisions the lead of every article of ``c`` names or has towns in."""
    return set.intersection(*(set(signatures[m].lead_divisions) for m in c.members))


def _divisions_of_all(c: _Cluster, signatures: Sequence[Signature]) -> set[str]:
    """The divisions every article of ``c`` names or has towns in."""
    return set.intersection(*(set(signatures[m].divisions) for m in c.members))


def _any_division(c: _Cluster, signatures: Sequence[Signature]) -> set[str]:
    """The divisions some article of ``c`` names or has towns in."""
    return {d for m in c.members for d in signatures[m].divisions}


def _tolls_apart(a: _Cluster, b: _Cluster, signatures: Sequence[Signature]) -> bool:
    """True when both clusters give death tolls and share none."""
    tolls_a, tolls_b = _tolls(a, signatures), _tolls(b, signatures)
    return bool(tolls_a and tolls_b) and tolls_a.keys().isdisjoint(tolls_b.keys())


def _other_lead_localities_other_tolls(
    a: _Cluster, b: _Cluster, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters whose leads name localities the gazetteer does not know
    ("a bus plunged into a gorge near X"), none of them named anywhere by the
    other cluster, and whose death tolls share none: two crashes on one day
    in two districts of one country. (A later report of one happening that
    leads with another village of it still names the first one somewhere.)"""
    leads_a = _lead_localities(a, signatures)
    leads_b = _lead_localities(b, signatures) if leads_a else None
    if not leads_a or not leads_b:
        return False
    if _names_any(b, leads_a, signatures) or _names_any(a, leads_b, signatures):
        return False
    if not _lead_regions(a, signatures).isdisjoint(_lead_regions(b, signatures)) and (
        _area_wide(a, signatures) or _area_wide(b, signatures)
    ):
        # One flood "in far north X", its bodies found near one town, then
        # another; two attacks in two towns of one state stay two.
        return False
    if not _tolls_apart(a, b, signatures):
        return False
    tolls_a, tolls_b = _tolls(a, signatures), _tolls(b, signatures)
    return not (
        _risen(a, b, tolls_a, tolls_b, signatures) or _risen(b, a, tolls_b, tolls_a, signatures)
    )


def _other_core_leads_other_core_tolls(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters whose leads, most of them, name their own localities
    and whose tolls, given by most of their articles, are their own: two
    avalanches on one day in two valleys, when a roundup of both ("hours
    after a slide near X killed three") names the other's valley and toll
    once. (A toll that rose over the days is one happening's.)"""
    leads_a = _core(_lead_localities(a, signatures), len(a.members), params)
    leads_b = _core(_lead_localities(b, signatures), len(b.members), params) if leads_a else None
    if not leads_a or not leads_b or not leads_a.isdisjoint(leads_b):
        return False
    if not _lead_regions(a, signatures).isdisjoint(_lead_regions(b, signatures)):
        return False  # one storm's towns in one state, a roundup of it naming both
    if not leads_a.isdisjoint(_lead_names(b, signatures)) or not leads_b.isdisjoint(
        _lead_names(a, signatures)
    ):
        return False  # the locality one lead names is a town another's lead knows by name
    if not {past_possessive(n) for n in leads_a}.isdisjoint(past_possessive(n) for n in leads_b):
        return False  # "X's Y district" in one lead, "Y" in another: one locality
    tolls_a = _core(_tolls(a, signatures), len(a.members), params)
    tolls_b = _core(_tolls(b, signatures), len(b.members), params) if tolls_a else None
    if not tolls_a or not tolls_b or not tolls_a.isdisjoint(tolls_b):
        return False
    if _given_as_parts(tolls_a, b, signatures) or _given_as_parts(tolls_b, a, signatures):
        return False  # "four of the dead were in X": a town's report of the region's storm
    return not (
        _risen(a, b, tolls_a, tolls_b, signatures, every=False)
        or _risen(b, a, tolls_b, tolls_a, signatures, every=False)
    )


def _lead_names(c: _Cluster, signatures: Sequence[Signature]) -> set[str]:
    """The places the leads of ``c``'s articles name, in lower case (as localities are)."""
    return {p.lower() for m in c.members for p in signatures[m].lead_places}


def _risen(
    early: _Cluster,
    late: _Cluster,
    tolls_early: Collection[float],
    tolls_late: Collection[float],
    signatures: Sequence[Signature],
    *,
    every: bool = True,
) -> bool:
    """True when every report of ``late`` was published after every report of ``early``
    and gives a higher toll than any of its: one toll that rose. With ``every``
    false, when some toll of ``late`` is higher than some of ``early``'s: maybe
    one toll that rose."""
    first, then = _published(early, signatures), _published(late, signatures)
    if not (first and then) or max(first) >= min(then):
        return False
    if every:
        return max(tolls_early) < min(tolls_late)
    return min(tolls_early) < max(tolls_late)


def _names_any(c: _Cluster, folded: Iterable[str], signatures: Sequence[Signature]) -> bool:
    """True when some article of a cluster names one of the ``folded`` names: as a
    locality, or as a proper noun of its text."""
    names, localities = _names(c, signatures), _localities(c, signatures)
    return any(name in localities or NAME + name in names for name in folded)


def _lead_regions(c: _Cluster, signatures: Sequence[Signature]) -> set[str]:
    """The regions the leads of a cluster's articles name (``lead_places`` that are regions)."""
    return set(_lead_region_counts(c, signatures))


def _lead_region_counts(c: _Cluster, signatures: Sequence[Signature]) -> Counter[str]:
    """The regions the leads of a cluster's articles name, with how many of them name each."""
    return Counter(
        place
        for m in c.members
        for place in set(signatures[m].lead_places)
        if place in signatures[m].regions
    )


def _one_locality(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True when most articles of each cluster name one locality the gazetteer does not
    know ("the market of X", "off X"): the towns and regions it does know
    may then differ (a report datelined where the wounded were taken, another
    naming the province) without telling of two happenings."""
    mine = _core(_localities(a, signatures), len(a.members), params)
    return bool(mine) and bool(mine & _core(_localities(b, signatures), len(b.members), params))


def _other_happenings(a: _Cluster, b: _Cluster, signatures: Sequence[Signature]) -> bool:
    """True for two clusters whose leads tell of happenings of other kinds: each names
    some family (rules/happenings.yaml) and no family is named by both. A bus
    crash and a wall collapse on one day in one state share the state, the
    day and the words of any deadly day; what their reports lead with does not."""
    families_a = _happenings(a, signatures)
    if not families_a:
        return False
    families_b = _happenings(b, signatures)
    if not families_b:
        return False
    if families_a.keys().isdisjoint(families_b.keys()):
        return True
    # A roundup of both ("X blaze, Y crash") names the other's kind once: what
    # most of each cluster's leads name still tells them apart.
    core_a, core_b = _most(families_a, len(a.members)), _most(families_b, len(b.members))
    return bool(core_a) and bool(core_b) and core_a.isdisjoint(core_b)


def _most(counts: Counter[str], size: int) -> set[str]:
    """What more than half of ``size`` articles name, of ``counts``."""
    return {name for name, n in counts.items() if 2 * n > size}


def _other_leads(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters whose leads put their happenings in other places on days
    ``params.days_apart`` or more apart: a bus swept into a river in one
    district on Friday, another off a highway in the next district on Sunday.

    However alike the reports, and even for two lone articles: a lead names
    where and when its happening was (a follow-up leads with "Friday's
    landslide", the day of the happening, and its place), while a later
    report of the same happening from elsewhere shares its lead's place.
    """
    days_a = _lead_days(a, signatures)
    if not days_a:
        return False
    days_b = _lead_days(b, signatures)
    if not days_b or not _far_apart(days_a, days_b, params):
        return False
    places_a, places_b = _lead_places(a, signatures), _lead_places(b, signatures)
    return bool(places_a and places_b) and places_a.keys().isdisjoint(places_b.keys())


def _other_days_other_lead_tolls(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters whose leads date their happenings to days
    ``params.days_apart`` or more apart and give counts of the dead, the hurt
    or the taken (``Signature.lead_tolls``), none in common and none told as
    a rise: two fires in one market three days apart, however alike their
    places and words. (A follow-up leads with its happening's day, "Monday's
    fire", with the toll it reported, or with a toll that rose.)"""
    days_a = _lead_days(a, signatures)
    days_b = _lead_days(b, signatures) if days_a else None
    if not days_a or not days_b or not _far_apart(days_a, days_b, params):
        return False
    if _told_ahead(a, days_a, signatures) or _told_ahead(b, days_b, signatures):
        return False
    members = [signatures[m] for m in (*a.members, *b.members)]
    if any(s.lead_risen for s in members):
        return False
    tolls_a = _lead_tolls(a, signatures)
    tolls_b = _lead_tolls(b, signatures)
    return bool(tolls_a) and bool(tolls_b) and tolls_a.isdisjoint(tolls_b)


def _before_the_lead_day(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True when every article of ``a`` was published ``params.days_apart`` days or
    more before any day ``b``'s leads date their happening to, and ``b``'s leads
    give counts (``Signature.lead_tolls``) that ``a`` never gives as a toll or
    in its leads, none told as a rise: a report of a fire on Monday, published
    on Tuesday, cannot tell of the fire in the same market on Thursday. (A
    follow-up that leads with a later day, "police arrested two men on
    Thursday", gives the first reports' toll or none.)"""
    days = _lead_days(b, signatures)
    published = _published(a, signatures) if days else None
    if not days or not published:
        return False
    if any(signatures[m].anchor is None or signatures[m].anchor_inferred for m in a.members):
        return False  # an undated report may be of any day
    if max(published) + dt.timedelta(days=params.days_apart) > min(days):
        return False
    if not _published(b, signatures) or _told_ahead(b, days, signatures):
        return False
    if any(signatures[m].lead_risen for m in b.members):
        return False
    tolls = _lead_tolls(b, signatures)
    if not tolls or not tolls.isdisjoint(_lead_tolls(a, signatures)):
        return False
    # Nor a toll ``a`` gives anywhere: a later report of its dead.
    return {value for _metric, value in tolls}.isdisjoint(_tolls(a, signatures))


def _told_ahead(c: _Cluster, days: Collection[dt.date], signatures: Sequence[Signature]) -> bool:
    """True when some article of ``c`` was published before all of ``days`` (the days
    its leads give): those leads date no happening of its own (a funeral's day
    in a follow-up)."""
    published = _published(c, signatures)
    return bool(published) and min(published) < min(days)


def _lead_tolls(c: _Cluster, signatures: Sequence[Signature]) -> set[tuple[str, float]]:
    """The counts the leads of ``c``'s articles give, by metric."""
    return {t for m in c.members for t in signatures[m].lead_tolls}


def _told_before(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True when every article of ``a`` was published ``params.days_apart`` days or
    more before the day of ``b``'s happening and never names its town (both
    named by most of ``b``'s articles): a report cannot tell of what had not
    happened yet. (A follow-up names the day it reports on: the town it
    shares with the first reports keeps them one story, unless ``b`` names a
    town of its own too and other death tolls: a second fire in the city.)"""
    if len(b.members) < params.days_core_size:
        return False
    days = _days(b, signatures)
    core = _core(days, len(b.members), params) if days else set()
    published = _published(a, signatures)
    if not core or not published:
        return False
    if max(published) + dt.timedelta(days=params.days_apart) > min(core):
        return False
    if any(signatures[m].anchor is None or signatures[m].anchor_inferred for m in a.members):
        return False  # an undated report may be of any day
    published_b = _published(b, signatures)
    if not published_b or min(published_b) < min(core):
        return False  # ``b`` tells of a day after its own reports: no happening's day
    towns = _core(_sites(b, signatures), len(b.members), params)
    named = _sites(a, signatures)
    if not towns:
        # No town of its own: the region its leads name ("in southern X state").
        towns = _core(_lead_region_counts(b, signatures), len(b.members), params)
        named = _regions(a, signatures) + named
        if not towns:
            return False
    # The same city, a week on: a district of it ``a`` never names, and other tolls.
    return towns.isdisjoint(named) or (not towns <= named.keys() and _tolls_apart(a, b, signatures))


def _elsewhere(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters told on one day in other regions: some article of each
    was published on the same day, each names a region (a province, a
    state), and no town, site or region named by one is named by the other.

    Two bus crashes on one day in two states of one country share nearly
    every word; what tells them apart is the places each names. A town alone
    would not do: a wire report datelined in a capital and a local report
    datelined in a suburb may name no town in common. One of the two has at
    least ``days_core_size`` articles, as for ``_elsewhere_other_days``.
    """
    if max(len(a.members), len(b.members)) < params.days_core_size:
        return False
    if _published(a, signatures).isdisjoint(_published(b, signatures)):
        return False  # not told on one day (other days: ``_elsewhere_other_days``)
    regions_a, regions_b = _regions(a, signatures), _regions(b, signatures)
    if not regions_a or not regions_b:
        return False
    places_a = _sites(a, signatures).keys() | regions_a.keys()
    return places_a.isdisjoint(_sites(b, signatures).keys() | regions_b.keys())


def _other_town_other_toll(
    a: _Cluster, b: _Cluster, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters told within a day of each other of other towns and other
    tolls: each has towns or sites (or, when one names none, regions) named by
    most of its articles, and death tolls (those most of its articles give, or
    all of them when they disagree), and neither shares one with the other's;
    one of them has at least ``days_core_size`` articles.

    Two shootings in two towns of one country on one night are told in the
    same words, and a report of one may recall the other's toll in passing:
    what tells them apart is each one's own town and own dead.
    """
    size_a, size_b = len(a.members), len(b.members)
    if max(size_a, size_b) < params.days_core_size:
        return False
    sites_a = _core(_sites(a, signatures), size_a, params)
    sites_b = _core(_sites(b, signatures), size_b, params)
    if not sites_a or not sites_b:
        # No towns on one side: the regions (village raids in two states).
        sites_a = _core(_regions(a, signatures), size_a, params)
        sites_b = _core(_regions(b, signatures), size_b, params)
    if not sites_a or not sites_b or sites_a & sites_b:
        return False
    if _far_apart(_published(a, signatures), _published(b, signatures), params):
        return False
    if (
        _area_wide(a, signatures)
        and _area_wide(b, signatures)
        and (
            _core(_regions(a, signatures), size_a, params)
            & _core(_regions(b, signatures), size_b, params)
            # A city's own report names no state: GeoNames puts it in one.
            or _divisions_of_all(a, signatures) & _divisions_of_all(b, signatures)
        )
    ):
        return False  # a flood's towns in one state, its toll rising from report to report
    # Its own tolls: those most of its articles give, or all of them when its
    # reports disagree (18 against 26 dead).
    core_a = _core(_tolls(a, signatures), size_a, params)
    core_b = _core(_tolls(b, signatures), size_b, params)
    tolls_a = core_a or set(_tolls(a, signatures)) - _recalled(b, core_b, sites_b, a, signatures)
    tolls_b = core_b or set(_tolls(b, signatures)) - _recalled(a, core_a, sites_a, b, signatures)
    if not tolls_a or not tolls_b or tolls_a & tolls_b:
        return False
    if _given_as_parts(tolls_b, a, signatures) or _given_as_parts(tolls_a, b, signatures):
        return False  # "Canoas accounted for 11 of the deaths": a breakdown of one happening
    # A town most of one cluster's articles name, even away from its figures,
    # is that cluster's too.
    return not (
        _named_by_most(sites_b, a, signatures, params)
        or _named_by_most(sites_a, b, signatures, params)
    )


def _given_as_parts(tolls: Collection[float], c: _Cluster, signatures: Sequence[Signature]) -> bool:
    """True when some article of ``c`` tells all of ``tolls`` as parts of a larger count."""
    return any(all(t in signatures[m].part_tolls for t in tolls) for m in c.members)


def _recalled(
    other: _Cluster,
    tolls: Collection[float],
    towns: Collection[str],
    c: _Cluster,
    signatures: Sequence[Signature],
) -> set[float]:
    """The tolls of ``other`` (its core ``tolls``, of its core ``towns``) that the
    articles of ``c`` give only beside one of those towns: the other happening
    recalled in passing ("58 were taken in X on the same day")."""
    out: set[float] = set()
    for toll in tolls:
        giving = [m for m in c.members if toll in signatures[m].tolls]
        if giving and all(any(t in towns for t in signatures[m].sites) for m in giving):
            out.add(toll)
    return out


def _named_by_most(
    towns: Collection[str], c: _Cluster, signatures: Sequence[Signature], params: StoryParams
) -> bool:
    """True when one of ``towns`` is named again and again (``params.named_again`` times
    or more) by most of ``c``'s articles: a town named once may be another
    happening's, recalled in passing."""
    need = params.core_share * len(c.members)
    for town in towns:
        terms = (NAME + town.lower(), PLACE + town)
        again = sum(
            1
            for m in c.members
            if town.lower() not in signatures[m].asides
            and any(
                signatures[m].terms.get(t, 0.0) >= params.named_again * WEIGHTS[t[:2]]
                for t in terms
            )
        )
        if again >= need:
            return True
    return False


def _elsewhere_other_days(
    a: _Cluster, b: _Cluster, mean: float, params: StoryParams, signatures: Sequence[Signature]
) -> bool:
    """True for two clusters about different places on other days (see ``StoryParams``).

    The places are the towns or sites most of each cluster's articles name, or,
    when one of the two names none, the regions: two mine accidents a week
    apart in two provinces. Two clusters about different towns whose days
    are only a day apart (two fires in two cities on consecutive days) part
    too, when they are no more alike than ``params.names_below``.
    """
    size_a, size_b = len(a.members), len(b.members)
    if max(size_a, size_b) < params.days_core_size:
        return False
    days_a = _days(a, signatures)
    days_b = _days(b, signatures) if days_a else None
    if not days_b:  # most often: neither names a day
        return False
    core_a, core_b = _core(days_a, size_a, params), _core(days_b, size_b, params)
    if not core_a or not core_b:
        return False
    places_a = _core(_sites(a, signatures), size_a, params)
    places_b = _core(_sites(b, signatures), size_b, params)
    towns = bool(places_a and places_b)
    if not towns:
        places_a = _core(_regions(a, signatures), size_a, params)
        places_b = _core(_regions(b, signatures), size_b, params)
    if not places_a or not places_b or places_a & places_b:
        return False
    published_a, published_b = _published(a, signatures), _published(b, signatures)
    if (
        published_a
        and published_b
        and _far_apart(core_a, days_b, params)
        and _far_apart(core_b, days_a, params)
        and _far_apart(published_a, published_b, params)
    ):
        return True
    return towns and mean < params.names_below and core_a.isdisjoint(core_b)


def _published(c: _Cluster, signatures: Sequence[Signature]) -> set[dt.date]:
    """The publication dates of a cluster's articles (not those inferred from their text)."""
    if c.published is None:
        c.published = {
            s.anchor
            for s in (signatures[m] for m in c.members)
            if s.anchor is not None and not s.anchor_inferred
        }
    return c.published


# What a cluster gathers of its articles when first needed: field, gatherer.
_GATHERED: tuple[tuple[str, Callable[[_Cluster, Sequence[Signature]], Any]], ...] = (
    ("names", _names),
    ("days", _days),
    ("sites", _sites),
    ("regions", _regions),
    ("tolls", _tolls),
    ("published", _published),
    ("happenings", _happenings),
    ("lead_days", _lead_days),
    ("lead_places", _lead_places),
    ("localities", _localities),
    ("lead_localities", _lead_localities),
)


def _far_apart(core: Collection[dt.date], days: Collection[dt.date], params: StoryParams) -> bool:
    """True when each day of ``days`` is ``params.days_apart`` days or more from all of ``core``.

    Looked up day by day around the smaller of the two, so that a large
    cluster's many days cost no more than a small one's.
    """
    if len(days) < len(core):
        core, days = days, core
    near = [dt.timedelta(days=k) for k in range(1 - params.days_apart, params.days_apart)]
    return not any(c + k in days for c in core for k in near)


def cluster(
    signatures: Sequence[Signature],
    params: StoryParams | None = None,
    stats: BatchStats | None = None,
) -> list[list[int]]:
    """Indices of ``signatures`` grouped into stories (average linkage on candidate pairs).

    Edges are taken strongest first; two clusters merge when the mean of their
    pairwise similarities (pairs that are not candidates count as 0), weighed
    by how far apart their publication dates are, reaches ``params.link``.
    A syndicated copy always joins the story of its original. ``stats``: the
    signatures are whole blocks of a larger batch (see checker/blocks.py).
    """
    params = params or StoryParams()
    index = {s.article: i for i, s in enumerate(signatures)}
    originals = [i for i, s in enumerate(signatures) if not s.duplicate_of]
    sub = [signatures[i] for i in originals]
    pairs = candidate_pairs(sub, params, stats)
    if len(sub) < len(signatures):  # numbered among the originals: renumber
        pairs = pairs.renumbered(originals)
    neighbours = _date_weighted(pairs, signatures, params)
    owner = {i: i for i in originals}
    clusters = {i: _Cluster([i]) for i in originals}
    # Two clusters that failed to merge stay apart until one of them grows:
    # the other candidate edges between them need no second look.
    version = dict.fromkeys(originals, 0)
    rejected: set[tuple[int, int, int, int]] = set()
    alone: dict[int, _Cluster] = {}  # each article as a cluster of its own, when needed
    for i, j in strongest_first(pairs, params.link):
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        if ci > cj:
            ci, cj = cj, ci
        memo = (ci, cj, version[ci], version[cj])
        if memo in rejected:
            continue
        a, b = clusters[ci], clusters[cj]
        total = 0.0
        small, large = (a, b) if len(a.members) <= len(b.members) else (b, a)
        inside = set(large.members)
        for x in small.members:
            near = neighbours[x]
            if len(near) < len(inside):
                total += sum(v for y, v in near.items() if y in inside)
            else:
                total += sum(near.get(y, 0.0) for y in large.members)
        mean = total / (len(a.members) * len(b.members))
        if (
            (
                mean < params.link
                and not _told_as_a_part(small, large, neighbours, params, signatures)
            )
            or _distinct(a, b, mean, params, signatures)
            or _members_apart(small, large, neighbours, params, signatures, alone)
        ):
            rejected.add(memo)
            continue
        keep, drop = ci, cj
        version[keep] += 1
        kept, dropped = clusters[keep], clusters[drop]
        for field, gather in _GATHERED:
            mine = getattr(kept, field)
            if field == "sites" and len(kept.members) + len(dropped.members) <= _SPREAD_SITES:
                kept.sites = None  # gathered again: each report may name the other's towns
            elif mine is not None:  # counters add up, sets unite
                mine.update(gather(dropped, signatures))
        kept.members.extend(dropped.members)
        for m in dropped.members:
            owner[m] = keep
        del clusters[drop]
    groups: dict[int, list[int]] = {k: sorted(c.members) for k, c in clusters.items()}
    for i, s in enumerate(signatures):
        if s.duplicate_of:
            root = index.get(s.duplicate_of)
            if root is not None and root in owner:
                groups[owner[root]].append(i)
            else:
                groups[i] = [i]
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


# Clusters up to this size together are checked article by article
# (``_members_apart``): a roundup and the local reports of two happenings.
_ROUNDUP_SIZE = 5


def _members_apart(
    small: _Cluster,
    large: _Cluster,
    neighbours: Mapping[int, Mapping[int, float]],
    params: StoryParams,
    signatures: Sequence[Signature],
    alone: dict[int, _Cluster],
) -> bool:
    """True when an article of ``small`` and one of ``large`` that are not linked
    to each other are two distinct happenings by ``_distinct`` and are set in
    different first-level divisions (``Signature.divisions``): a roundup of two
    floods in two provinces of one country links to the local report of each,
    which it must not join into one story. (Two towns' reports of one storm
    are in the storm's region.)"""
    if len(small.members) + len(large.members) > _ROUNDUP_SIZE or len(large.members) < 2:
        return False

    def one(i: int) -> _Cluster:
        if i not in alone:
            alone[i] = _Cluster([i])
        return alone[i]

    codes = sorted({c for m in (*small.members, *large.members) for c in signatures[m].countries})
    for x in small.members:
        near = neighbours[x]
        here = _member_divisions(signatures[x], codes)
        if not here:
            continue
        for y in large.members:
            sim = near.get(y, 0.0)
            if (
                sim < params.link
                and here.isdisjoint(there := _member_divisions(signatures[y], codes))
                and there
                and _distinct(one(x), one(y), sim, params, signatures)
            ):
                return True
    return False


def _member_divisions(signature: Signature, codes: Iterable[str]) -> frozenset[str]:
    """The divisions an article names or its towns are in (``Signature.divisions``);
    for a local report that names no country, those of the towns its lead
    names (else any it names as where something is) in the countries ``codes``
    (of the reports it is to join: a roundup names the country)."""
    if signature.divisions:
        return frozenset(signature.divisions)
    from checker.subdivisions import divisions_of_town

    names = signature.lead_localities or signature.localities
    return frozenset(
        f"{code}:{d}" for code in codes for name in names for d in divisions_of_town(code, name)
    )


def _told_as_a_part(
    small: _Cluster,
    large: _Cluster,
    neighbours: Mapping[int, Mapping[int, float]],
    params: StoryParams,
    signatures: Sequence[Signature],
) -> bool:
    """True when ``small`` is one report whose tolls an article of ``large`` it is
    linked to tells as parts of its count (``_a_part_of``: "four of the dead
    were in X" beside X's paper's "four dead"): a town's report of the region's
    happening, however little it shares with the region's other reports."""
    if len(small.members) != 1:
        return False
    x = small.members[0]
    tolls = signatures[x].tolls
    if not tolls:
        return False
    near = neighbours[x]
    return any(
        near.get(y, 0.0) >= params.link and all(_a_part_of(t, signatures[y]) for t in tolls)
        for y in large.members
    )


def _a_part_of(toll: float, signature: Signature) -> bool:
    """True when an article gives ``toll`` as a part of its count: told as one, or
    beside a larger toll of its own ("six dead in the region, two of them in X")."""
    return toll in signature.part_tolls or (toll in signature.tolls and toll < max(signature.tolls))


def label(members: Sequence[Signature], limit: int = 3) -> str:
    """A short label for a story: its most shared place, then distinctive names and words.

    Names shared by more of its articles come first; a term already said by an
    earlier part ("gaza" after "Gaza") is skipped; proper nouns are capitalised.
    """
    # Terms rank by how many articles name them times their kind's weight,
    # then alphabetically; only the first few are ever needed, taken from a heap.
    candidates: Iterator[str]
    if len(members) == 1:
        # Each term is named once: they rank by kind (places, names, words),
        # which is their own order ("L:" < "P:" < "W:"), then alphabetically.
        heap = list(members[0].terms)
        heapq.heapify(heap)
        place = heap[0] if heap and heap[0][:2] == PLACE else None
        candidates = (t for t in _smallest_first(heap) if t[:2] != PLACE)
    else:
        shared: Counter[str] = Counter()
        for s in members:
            shared.update(s.terms.keys())  # counted once per article
        best = min(
            ((-n * WEIGHTS[PLACE], t) for t, n in shared.items() if t[:2] == PLACE), default=None
        )
        place = best[1] if best else None
        # Only terms shared by two articles name a story of more than one.
        ranked = [(-n * WEIGHTS[t[:2]], t) for t, n in shared.items() if n > 1 and t[:2] != PLACE]
        heapq.heapify(ranked)
        candidates = (t for _rank, t in _smallest_first(ranked))
    parts: list[str] = [place[2:]] if place else []
    for term in candidates:
        if len(parts) >= limit:
            break
        text = term[2:]
        said = " ".join(parts).lower()
        if text in said or any(w in said.split() for w in text.split()):
            continue
        parts.append(text.title() if term[:2] == NAME else text)
    return " · ".join(parts) or "untitled story"


def _smallest_first(heap: list[Any]) -> Iterator[Any]:
    while heap:
        yield heapq.heappop(heap)


def story_order(story: Story) -> tuple[dt.date, str]:
    """Where a story stands in a report: by its first publication date, then its id."""
    return story.start or dt.date.max, story.id


def stories(
    signatures: Sequence[Signature],
    params: StoryParams | None = None,
    stats: BatchStats | None = None,
) -> list[Story]:
    """Cluster ``signatures`` into stories with an id, label, article ids, date span and places.

    ``signatures`` is a whole batch, or with ``stats`` whole blocks of one
    (checker/blocks.py): the stories of the blocks are then those of the batch.
    """
    out: list[Story] = []
    for group in cluster(signatures, params, stats):
        members = [signatures[i] for i in group]
        ids = sorted(s.article for s in members)
        # A date inferred from the text ("on or after") spans a story only
        # when none of its articles has a real publication date.
        anchors = sorted(s.anchor for s in members if s.anchor and not s.anchor_inferred)
        if not anchors:
            anchors = sorted(s.anchor for s in members if s.anchor)
        place_counts: Counter[str] = Counter(p for s in members for p in s.places)
        out.append(
            Story(
                id="S" + short_hash(*ids, length=8),
                label=label(members),
                articles=ids,
                start=anchors[0] if anchors else None,
                end=anchors[-1] if anchors else None,
                places=sorted(place_counts, key=lambda p: (-place_counts[p], p))[:5],
                point=2 * sum(bool(s.happenings) and not s.area_wide for s in members)
                > len(members),
            )
        )
    out.sort(key=story_order)
    return out


# What a token is to the story signature (``_TokenClasses``): left out (no
# letter first, or a date word), a capitalised word that may be a name (a stop
# word or not), or any other word.
_SKIPPED, _PLAIN, _NAME_STOP, _NAME = range(4)
# The kinds of place that tell one happening from another of its region.
_SITE_KINDS = frozenset({"city", "site"})
# Token texts classed per process, at most this many kept (as word hashes are).
_CLASSES_KEPT = 1 << 16


class _TokenClasses(dict[str, tuple[str, int, str]]):
    """Token text -> (lower case without possessive, class, content word or "").

    A batch's token texts recur (a few tens of thousands of distinct ones in
    hundreds of thousands of tokens): each is classed once, not at every use.
    """

    def __init__(self, lex: Lexicon) -> None:
        super().__init__()
        self.calendar = set(lex.months) | set(lex.weekdays)
        self.stop_words = lex.stop_words
        self.function_words = lex.function_words

    def __missing__(self, text: str) -> tuple[str, int, str]:
        if len(self) >= _CLASSES_KEPT:
            self.clear()
        low = text.lower()
        if low.endswith(POSSESSIVES):
            low = low[:-2]
        kind = _PLAIN
        if not text[:1].isalpha() or low in self.calendar:
            kind = _SKIPPED
        elif text[0].isupper() and low not in self.function_words:
            kind = _NAME_STOP if low in self.stop_words else _NAME
        word = low if len(low) >= 4 and low not in self.stop_words and low.isalpha() else ""
        self[text] = found = (low, kind, word)
        return found


_CLASSES: dict[int, tuple[Lexicon, _TokenClasses]] = {}


def _token_classes(lex: Lexicon) -> _TokenClasses:
    """The token classes of ``lex`` (one table per lexicon object)."""
    return per_object(_CLASSES, lex, lambda: _TokenClasses(lex))


def words_and_names(
    sentences: Iterable[Sequence[str]], lex: Lexicon
) -> tuple[list[str], list[str]]:
    """The content words and proper nouns (with pairs of adjacent ones) of sentences'
    token texts, in order (see ``article_signature``)."""
    classes = _token_classes(lex)
    words: list[str] = []
    names: list[str] = []
    for tokens in sentences:
        previous = ""
        for n, (low, kind, word) in enumerate(map(classes.__getitem__, tokens)):
            if kind == _SKIPPED:
                previous = ""
                continue
            if kind != _PLAIN and n > 0:
                if kind == _NAME:
                    names.append(low)
                    if previous:
                        names.append(previous + " " + low)
                previous = low
                continue
            previous = ""
            if word:
                words.append(word)
    return words, names


def article_signature(
    analysis: Analysis, rulebook: Rulebook, facts: Sequence[Fact] = ()
) -> Signature:
    """The signature of one analysed article: its terms, places, dates and publication date.

    Proper nouns are capitalised words that do not open a sentence; dates,
    weekdays and months are left out (they would tie unrelated stories of the
    same day together); content words are lower-case words of four letters or
    more that are not stop words (rules/stopwords.yaml). Its towns are the
    gazetteer's and, near its figures (``facts``), GeoNames towns of the
    countries they name ("the province of X", a town the rules do not list).
    """
    from checker.claims import told_as_part
    from checker.compare.values import superseded
    from checker.extract import lexicon
    from checker.geo import figure_towns, skip_words, town_spellings, unaccented
    from checker.normalise import landmarks_by_sentence, places_by_sentence

    lex = lexicon(rulebook)
    found_by_sentence = places_by_sentence(analysis, lex)
    found = [p for places in found_by_sentence for p in places]
    places = [p.name for p in found]
    # A town named only as a bearing's landmark ("60 km west of X") is near the
    # happening, not where it was.
    landmarks = landmarks_by_sentence(analysis, lex)
    site_places = {
        p.name: p
        for places_in, marks in zip(found_by_sentence, landmarks, strict=True)
        for p in places_in
        if p.kind in _SITE_KINDS and p.name not in marks
    }
    sites = set(site_places)
    # Each town's spellings: its name, and those GeoNames writes it by.
    spellings: dict[str, Collection[str]] = {name: (name,) for name in sites}
    # Not the towns and tolls of figures of background ("a separate attack in X
    # left 7 dead"): another happening's.
    leads = lead_days(analysis, facts, lex)
    background = _background(
        analysis, lex, _recalled_sentences(facts, leads, rulebook.context.recalled_days)
    )
    told = [f for f in facts if not background.get(f.sentence_span[0], False)]
    if told:
        towns = figure_towns(told, rulebook, skip_words(lex))
        sites.update(towns)
        for name, place in towns.items():
            site_places.setdefault(name, place)
            spellings[name] = town_spellings(place, rulebook.places.country_codes)
    # A vague part of a country ("northern China") tells no two stories apart,
    # nor a region named only in background ("In 2022, floods in neighbouring
    # X killed 400").
    regions = {
        p.name
        for sentence, places_in in zip(analysis.sentences, found_by_sentence, strict=True)
        if not background.get(sentence.start, False)
        for p in places_in
        if p.kind == "region" and not vague_area(p.name, lex)
    }
    words, names = words_and_names((s.words for s in analysis.sentences), lex)
    asides = _asides(analysis, names, background, lex)
    article = analysis.article
    town = None if found else dateline(article.text, article.body_start)
    if town:
        # "ISTANBUL —": the town a report was filed from, in capitals that open
        # its first sentence, when it names no place the gazetteer knows: a
        # name it shares with the reports that do (not a place: a wire's
        # bureau names where the report was filed, not the happening).
        names.append(town.lower())
    dates = [
        m.date.start
        for m in analysis.mentions
        if m.kind == "date" and m.date is not None and m.date.start and m.date.start == m.date.end
    ]
    weekdays = sorted(
        {
            lex.weekdays[m.weekday.lower()]
            for m in analysis.mentions
            if m.kind == "date" and m.weekday and m.date is None
        }
    )
    sig = signature(analysis.article, words, names, places, dates, sites, regions)
    # Not a superseded figure ("rose to 14, up from nine"): the toll is the later one.
    tolling = [
        (low, f)
        for f in told
        if f.metric in lex.tells_apart
        and (low := f.interval.low) is not None
        and not superseded(f, lex)
    ]
    tolls = sorted({low for low, _f in tolling})
    # A part, and a figure after it in its sentence ("four of the dead were in X,
    # ... and three died in villages around Y"): the next item of the breakdown.
    parted: set[tuple[str, tuple[int, int]]] = set()
    part_tolls_found: set[float] = set()
    for low, f in sorted(tolling, key=lambda lf: lf[1].span):
        said = (f.metric, f.sentence_span)
        if told_as_part(f, lex):
            parted.add(said)
            part_tolls_found.add(low)
        elif said in parted:
            part_tolls_found.add(low)
    part_tolls = sorted(part_tolls_found)
    lead_end = _lead_end(analysis)
    lead_tolls = sorted(
        {
            (f.metric, low)
            for f in told
            if f.metric in lex.leads_apart
            and f.span[1] <= lead_end
            and (low := f.interval.low) is not None
            and not superseded(f, lex)
        }
    )
    found_localities, lead_localities = _localities_and_leads(
        analysis, lex, [*sites, *regions, *places], background
    )
    happenings = lead_happenings(analysis, lex)
    divisions, countries = _divisions(
        site_places.values(),
        [p for p in found if p.name in regions],
        {p.country for p in found},
        rulebook,
    )
    # Those of the towns and regions its lead names past its dateline.
    lead_text = unaccented(_lead_text(analysis, _lead(analysis))).casefold()
    lead_divisions, _countries = _divisions(
        [
            place
            for name, place in site_places.items()
            if any(
                _names_word(lead_text, unaccented(w).casefold()) for w in spellings.get(name, ())
            )
        ],
        [p for p in found if p.name in regions and _names_word(lead_text, p.name.casefold())],
        (),
        rulebook,
    )
    return replace(
        sig,
        weekdays=tuple(weekdays),
        tolls=tuple(tolls),
        part_tolls=tuple(part_tolls),
        happenings=happenings,
        area_wide=not happenings or bool(set(happenings) & set(rulebook.happenings.area_families)),
        at_a_spot=bool(set(happenings) - set(rulebook.happenings.area_families)),
        lead_days=leads,
        lead_places=lead_places(analysis, found_by_sentence, lex, spellings),
        lead_tolls=tuple(lead_tolls),
        lead_risen=bool(lex.rise_re.search(lead_text) or lex.raising_re.search(lead_text)),
        localities=found_localities,
        lead_localities=lead_localities,
        asides=asides,
        divisions=divisions,
        lead_divisions=lead_divisions,
        countries=countries,
    )


def _divisions(
    towns: Iterable[Place], regions: Iterable[Place], countries: Iterable[str], rulebook: Rulebook
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``Signature.divisions`` (of ``regions`` and of the divisions GeoNames puts
    ``towns`` in) and ``Signature.countries`` (of ``countries``' names)."""
    from checker.geo import country_codes
    from checker.subdivisions import division_named, divisions_of_town

    aliases = rulebook.places.country_codes
    words = frozenset(w.lower() for w in rulebook.places.region_words)
    out: set[str] = set()
    for region in regions:
        for code in country_codes([region.country], aliases):
            named = division_named(code, region.name, words)
            if named is not None:
                out.add(f"{code}:{named}")
    for town in towns:
        for code in country_codes([town.country], aliases):
            out.update(f"{code}:{d}" for d in divisions_of_town(code, town.name))
    return tuple(sorted(out)), tuple(sorted(country_codes(countries, aliases)))


# How far before "of" a bearing ("north-east") is looked for.
_BEARING_REACH = 12


def _background(
    analysis: Analysis, lex: Lexicon, recalled: AbstractSet[int] = frozenset()
) -> dict[int, bool]:
    """Each sentence's start -> whether it is a sentence of background (another
    happening, a longer period; rules/context.yaml ``background_markers``), or
    one of the ``recalled`` sentences (their starts)."""
    search = lex.background_lower_re.search
    return {
        s.start: s.start in recalled or search(s.text.lower()) is not None
        for s in analysis.sentences
    }


def _recalled_sentences(facts: Sequence[Fact], leads: Sequence[dt.date], days: int) -> set[int]:
    """The starts of the sentences whose dates (``facts`` of dates) all end ``days``
    or more before the first of the ``leads`` days: "On Jan. 14, a blaze at
    another market killed four", in a report of a fire a week later."""
    if not leads:
        return set()
    before = leads[0] - dt.timedelta(days=days)
    ends: dict[int, list[dt.date | None]] = defaultdict(list)
    for f in facts:
        if f.metric == "date":
            ends[f.sentence_span[0]].append(f.date.end or f.date.start)
    return {
        start for start, said in ends.items() if all(d is not None and d <= before for d in said)
    }


def _asides(
    analysis: Analysis, names: Sequence[str], background: Mapping[int, bool], lex: Lexicon
) -> tuple[str, ...]:
    """The one-word ``names`` of an analysed article that it gives only in sentences of
    ``background`` or right after a bearing ("west of X"; see ``Signature.asides``)."""
    told = (s.words for s in analysis.sentences if background[s.start])
    aside = Counter(n for n in words_and_names(told, lex)[1] if " " not in n)
    for sentence in analysis.sentences:
        if background[sentence.start]:
            continue
        text = sentence.text
        for m in lex.landmark_name_re.finditer(text):
            before = text[max(0, m.start() - _BEARING_REACH) : m.start()].split()
            if before and before[-1].lower() in lex.landmark_bearings:
                aside[m.group("name").lower()] += 1
    if not aside:
        return ()
    every = Counter(n for n in names if n in aside)
    return tuple(sorted(n for n, k in aside.items() if every[n] <= k))


def localities(
    analysis: Analysis,
    lex: Lexicon,
    known: Iterable[str] = (),
    background: Mapping[int, bool] | None = None,
) -> tuple[str, ...]:
    """The names an analysed article's first sentences give as where something
    is ("off X", "the market of X", "in the town of X", after a word in lower
    case) that are no place of the gazetteer nor one of the ``known`` places
    it names (towns GeoNames knows), no month or weekday and no stop word,
    folded; not in a sentence of background (rules/context.yaml)."""
    return _localities_and_leads(analysis, lex, known, background)[0]


def _localities_and_leads(
    analysis: Analysis,
    lex: Lexicon,
    known: Iterable[str] = (),
    background: Mapping[int, bool] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``localities``, and those of them its lead (``_lead``) names without a bare
    "the" (see ``_locality_matches``), each sentence read once."""
    skip = {name.casefold() for name in known}
    lead = _lead(analysis)
    found: set[str] = set()
    leading: set[str] = set()
    for n, sentence in enumerate(analysis.sentences[: max(lead, _LOCALITY_SENTENCES)]):
        told_aside = (
            background[sentence.start]
            if background is not None
            else lex.background_re.search(sentence.text) is not None
        )
        if told_aside:
            continue  # "two days after a bus plunged near X" is another happening's
        for name, with_the in _locality_matches(sentence.text, lex, skip):
            name = intern(name)
            if n < _LOCALITY_SENTENCES:
                found.add(name)
            if n < lead and not with_the:
                leading.add(name)
    return tuple(sorted(found)), tuple(sorted(leading))


def localities_in(text: str, lex: Lexicon, skip: AbstractSet[str] = frozenset()) -> list[str]:
    """The names ``text`` gives as where something is ("off X", "the market of X")
    that are no place of the gazetteer nor of ``skip`` (folded names), no month,
    weekday or stop word; folded, in order (see ``localities``)."""
    return [name for name, _with_the in _locality_matches(text, lex, skip)]


def _locality_matches(
    text: str, lex: Lexicon, skip: AbstractSet[str] = frozenset()
) -> list[tuple[str, bool]]:
    """``localities_in``, each with whether it is told with a bare "the" ("in the X
    League", "off the X Highway"): rather a body's, a road's or a river's name
    than a town's."""
    named = []
    for m in lex.locality_re.finditer(text):
        # The word before the preposition, from a few characters back only.
        before = text[max(0, m.start() - _WORD_BEFORE) : m.start()].split()
        if before and before[-1][:1].isupper() and m.start() > len(before[-1]) + 1:
            continue  # "the Ministry of X", "Bank of X": a name, not a place
        name = m.group("name").removesuffix("'s").removesuffix("’s")
        low = name.casefold()
        if not (
            name in lex.place_by_name
            or low in skip
            or low in lex.stop_words
            or low in lex.weekdays
            or low in lex.months
            or low in lex.nationality_words
        ):
            with_the = text[m.start() : m.start("name")].lower().endswith("the ")
            named.append((low, with_the))
    return named


# How far back the word before a locality's preposition is looked for.
_WORD_BEFORE = 40
# Localities are looked for in an article's first sentences (its title's
# among them): a report names where its happening was early on, and a long
# feature's later paragraphs name other places.
_LOCALITY_SENTENCES = 6


def _in_name(words: Sequence[str], lows: Sequence[str], n: int) -> bool:
    """True when word ``n`` is capitalised next to another capitalised word: a word of
    a name ("the National Fire Agency"), not of the sentence."""
    if words[n] == lows[n]:
        return False
    return (n > 0 and words[n - 1] != lows[n - 1] and words[n - 1][:1].isalpha()) or (
        n + 1 < len(words) and words[n + 1] != lows[n + 1] and words[n + 1][:1].isalpha()
    )


def _lead(analysis: Analysis) -> int:
    """How many of the analysed article's sentences make its lead: its title's and the
    first of its body."""
    body = analysis.article.body_start
    for n, sentence in enumerate(analysis.sentences):
        if sentence.start >= body:
            return n + 1
    return len(analysis.sentences)


def _lead_end(analysis: Analysis) -> int:
    """Where the lead of an analysed article ends (0 when it has no sentence)."""
    count = _lead(analysis)
    return analysis.sentences[count - 1].end if count else 0


def lead_days(analysis: Analysis, facts: Sequence[Fact], lex: Lexicon) -> tuple[dt.date, ...]:
    """The days the lead of an analysed article dates its happening to: a day right
    after a verb or noun of the happening ("capsized off X on Friday", "since
    Friday's boat sinking"), never a statement's ("officials said on Saturday")."""
    from checker.compare.dates import dates_happening

    sentences = analysis.sentences[: _lead(analysis)]
    if not sentences:
        return ()
    end = sentences[-1].end
    return tuple(
        sorted(
            {
                f.date.start
                for f in facts
                if f.metric == "date"
                and f.span[1] <= end
                and f.date.start is not None
                and f.date.start == f.date.end
                and dates_happening(f, lex)
            }
        )
    )


def lead_places(
    analysis: Analysis,
    found_by_sentence: Sequence[Sequence[Place]],
    lex: Lexicon,
    towns: Mapping[str, Collection[str]] | None = None,
) -> tuple[str, ...]:
    """The places smaller than a country that the lead of an analysed article names,
    its dateline's town aside (where the report was filed): the gazetteer's, the
    ``towns`` (GeoNames towns near its figures, each with its spellings, "Chilapa"
    for "Chilapa de Álvarez") it names, and the divisions it names by a
    division word ("in Chitwan district")."""
    from checker.geo import unaccented

    count = _lead(analysis)
    article = analysis.article
    town = dateline(article.text, article.body_start)
    filed = town.casefold() if town else None
    names = {
        p.name
        for places in found_by_sentence[:count]
        for p in places
        if p.kind != "country" and p.name.casefold() != filed and not vague_area(p.name, lex)
    }
    if towns:
        plain = unaccented(" ".join(s.text for s in analysis.sentences[:count]))
        away = unaccented(filed) if filed else None
        for town, spellings in towns.items():
            for spelling in spellings:
                spelled = unaccented(spelling)
                if spelled.casefold() != away and _names_word(plain, spelled):
                    names.add(town)
                    break
    for sentence in analysis.sentences[:count]:
        for m in lex.lead_division_re.finditer(sentence.text):
            # "Papua New Guinea's Southern Highlands province": what follows the possessive.
            name = past_possessive(m.group("name"))
            if name.casefold() != filed and name.lower() not in lex.stop_words:
                names.add(name)
    return tuple(sorted(names))


def _lead_text(analysis: Analysis, count: int) -> str:
    """The text of the first ``count`` sentences of an analysed article without the
    dateline that opens its body ("NASHIK, India — ")."""
    body = analysis.article.body_start
    return " ".join(
        s.text[dateline_end(s.text) :] if s.start == body else s.text
        for s in analysis.sentences[:count]
    )


def _names_word(text: str, name: str) -> bool:
    """True when ``name`` stands in ``text`` as whole words (no letter, digit or hyphen
    right before or after it)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        at = text.find(name, at + 1)
    return False


def lead_happenings(analysis: Analysis, lex: Lexicon) -> tuple[str, ...]:
    """The families of happening (rules/happenings.yaml) that the lead of an analysed
    article names: its title and the first sentence of its body."""
    body = analysis.article.body_start
    families = lex.happening_families
    found: set[str] = set()
    for sentence in analysis.sentences[: _lead(analysis)]:
        in_body = sentence.start >= body
        previous = ""
        words, lows = sentence.words, sentence.lowers
        for n, low in enumerate(lows):
            if in_body and _in_name(words, lows, n):
                previous = ""
                continue
            found.update(families.get(low, ()))
            if previous:
                found.update(families.get(previous + " " + low, ()))
            previous = low
    return tuple(sorted(found))
