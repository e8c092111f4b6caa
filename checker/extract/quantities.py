"""Money, percentages and measured quantities, recognised with quantulum3.

quantulum3 is slow, so it is called only on the sentences that hold a
candidate (a currency sign or a unit word next to a number) which the rules'
table of common units and currency words did not account for (see
``checker.extract._with_units``), after masking dates and "U.S." so that
neither is read as a quantity.

quantulum3 is imported on the first such sentence, not before, and in a way
that keeps its first call cheap (see ``quantulum_parser``):

- it pluralises its unit names with inflect, whose methods carry typeguard's
  ``@typechecked``; typeguard instruments each one by re-parsing inflect's
  whole source, about two seconds at import, and checks the types of every
  call after that. inflect is imported here with that decorator left out;
- it disambiguates units with a scikit-learn classifier when scikit-learn can
  be imported, from a model pickled with an old scikit-learn that newer ones
  cannot load (every attempt reads the file again and fails, and the sentence
  loses its units). Its rule-based disambiguation is used instead: the same
  results as without scikit-learn installed, whatever else needs scikit-learn.
"""

from __future__ import annotations

import functools
import re
import sys
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

_MASK_RE = re.compile(r"U\.S\.|U\.N\.|U\.K\.")
# What quantulum3's unused classifier imports (see ``quantulum_parser``).
_CLASSIFIER_DEPENDENCIES = ("joblib", "sklearn")


@functools.lru_cache(maxsize=4096)
def quantities(
    sentence: str, masked: tuple[tuple[int, int], ...] = ()
) -> tuple[tuple[int, int, float, str, str], ...]:
    """(start, end, value, unit name, entity name) for each quantity quantulum3 finds.

    ``masked`` spans (dates) are blanked out before parsing; offsets are relative
    to ``sentence``.
    """
    chars = list(_MASK_RE.sub(lambda m: "X" * len(m.group()), sentence))
    for start, end in masked:
        chars[start:end] = "X" * (end - start)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = quantulum_parser().parse("".join(chars))
        except Exception:  # quantulum3 raises assorted errors on odd text
            return ()
    out = []
    for q in parsed:
        start, end = q.span
        out.append((start, end, float(q.value), q.unit.name, q.unit.entity.name))
    return tuple(out)


def _unchecked(target: Any = None, **_options: Any) -> Any:
    """Stands in for ``typeguard.typechecked`` (bare or with options): no instrumentation."""
    if target is None:
        return _unchecked
    return target


def _import_inflect_unchecked() -> None:
    """Import inflect with typeguard's ``@typechecked`` left out (once; see the module doc)."""
    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:
        return
    typechecked: Callable[..., Any] = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        import inflect  # noqa: F401
    except ImportError:
        pass
    finally:
        typeguard.typechecked = typechecked


@functools.cache
def quantulum_parser() -> ModuleType:
    """quantulum3's parser as extraction uses it, imported on first use (see the module doc)."""
    _import_inflect_unchecked()
    if "quantulum3.classifier" not in sys.modules and "sklearn" not in sys.modules:
        # Its classifier is not used (see the module doc): hide scikit-learn
        # and joblib (which it imports first) while it is imported, which
        # saves importing scikit-learn, SciPy, joblib and NumPy.
        hidden = [name for name in _CLASSIFIER_DEPENDENCIES if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Classifier dependencies not installed"
                from quantulum3 import classifier
        finally:
            for name in hidden:
                del sys.modules[name]
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    module: ModuleType = parser
    return module


# A sentence that takes quantulum3 through every pattern it builds on first
# use: its units, currencies and number words.
_WARM_UP_SENTENCE = "About twelve of the 3.5 km roads cost $5 million, 20 percent more."


def prepare_quantulum() -> None:
    """Import quantulum3 and build its patterns now, e.g. before forking workers.

    quantulum3 compiles its pattern of every unit name on its first parse
    (about 0.2 s): made here, forked workers share it instead of each
    compiling its own.
    """
    quantulum_parser().parse(_WARM_UP_SENTENCE)
