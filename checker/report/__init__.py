"""Output formats ("reporters") for a finished :class:`~checker.models.Report`.

A reporter is anything with a ``name`` and a ``render(report) -> str`` method;
each format lives in its own module (``text``, ``json_report``, ``html``,
``junit``, ``github``, ``sarif``) and this package only keeps the registry::

    from checker.report import get_reporter

    output = get_reporter("json").render(report)

Every reporter is deterministic: the same ``Report`` gives the same string.
Reporters never sort or filter the report's lists beyond what their format
needs (grouping by severity, for example); the pipeline decides the order.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol

from checker.models import Report

__all__ = [
    "FORMATS",
    "REPORTERS",
    "Reporter",
    "UnknownFormatError",
    "get_reporter",
    "render",
    "write",
]


class Reporter(Protocol):
    """Turns a :class:`Report` into the text of one output format."""

    name: str

    def render(self, report: Report) -> str:
        """The whole output for ``report`` (ends with a newline)."""
        ...


def write(reporter: Reporter, report: Report, path: Path) -> None:
    """Write ``reporter``'s output for ``report`` to ``path`` (UTF-8).

    A reporter that can write its bytes itself (``write_bytes(report,
    stream)``: JSON, whose report can be hundreds of megabytes) does so
    without the text of the whole document being built, copied and encoded
    first; the bytes are the same as ``render``'s, encoded.
    """
    write_bytes = getattr(reporter, "write_bytes", None)
    if write_bytes is None:
        path.write_text(reporter.render(report), encoding="utf-8")
        return
    with path.open("wb") as stream:
        write_bytes(report, stream)


# Each format's module is imported only when that format is asked for: a run
# renders one format, and the others (HTML's Jinja above all) cost start-up time.
_MODULES: dict[str, tuple[str, str]] = {
    "text": ("checker.report.text", "TextReporter"),
    "json": ("checker.report.json_report", "JsonReporter"),
    "html": ("checker.report.html", "HtmlReporter"),
    "junit": ("checker.report.junit", "JunitReporter"),
    "github": ("checker.report.github", "GithubReporter"),
    "sarif": ("checker.report.sarif", "SarifReporter"),
}

#: The registered format names, sorted.
FORMATS: tuple[str, ...] = tuple(sorted(_MODULES))


def reporter_class(name: str) -> type[Reporter]:
    """The reporter class of the format ``name``, its module imported on first use.

    Raises :class:`UnknownFormatError` naming the known formats when ``name``
    is not one of them.
    """
    try:
        module_name, class_name = _MODULES[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(
            f"unknown report format {name!r}; choose one of: {known}"
        ) from None
    cls: type[Reporter] = getattr(importlib.import_module(module_name), class_name)
    return cls


def __getattr__(name: str) -> Any:
    """``REPORTERS``: every format name with its reporter class (imports them all)."""
    if name == "REPORTERS":
        return {format_name: reporter_class(format_name) for format_name in _MODULES}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UnknownFormatError(ValueError, KeyError):
    """Raised by :func:`get_reporter` for a format name that is not registered.

    It is both a ``ValueError`` and a ``KeyError`` so callers may catch either.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def get_reporter(name: str, **options: Any) -> Reporter:
    """A new reporter for the format ``name``; ``options`` go to its constructor.

    Raises :class:`UnknownFormatError` (a ``ValueError`` and a ``KeyError``)
    naming the known formats when ``name`` is not one of them.
    """
    return reporter_class(name)(**options)


def render(report: Report, name: str, **options: Any) -> str:
    """Shortcut for ``get_reporter(name, **options).render(report)``."""
    return get_reporter(name, **options).render(report)
