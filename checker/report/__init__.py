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

from typing import Any, Protocol

from checker.models import Report
from checker.report.github import GithubReporter
from checker.report.html import HtmlReporter
from checker.report.json_report import JsonReporter
from checker.report.junit import JunitReporter
from checker.report.sarif import SarifReporter
from checker.report.text import TextReporter

__all__ = [
    "FORMATS",
    "REPORTERS",
    "Reporter",
    "UnknownFormatError",
    "get_reporter",
    "render",
]


class Reporter(Protocol):
    """Turns a :class:`Report` into the text of one output format."""

    name: str

    def render(self, report: Report) -> str:
        """The whole output for ``report`` (ends with a newline)."""
        ...


REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls
    for cls in (
        TextReporter,
        JsonReporter,
        HtmlReporter,
        JunitReporter,
        GithubReporter,
        SarifReporter,
    )
}

#: The registered format names, sorted.
FORMATS: tuple[str, ...] = tuple(sorted(REPORTERS))


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
    try:
        cls = REPORTERS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(
            f"unknown report format {name!r}; choose one of: {known}"
        ) from None
    return cls(**options)


def render(report: Report, name: str, **options: Any) -> str:
    """Shortcut for ``get_reporter(name, **options).render(report)``."""
    return get_reporter(name, **options).render(report)
