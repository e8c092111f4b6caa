"""Article text, titles, URLs and file names are untrusted in every output.

The hostile batch (tests/hostile_batch.py) goes through the whole pipeline;
each reporter's output is then checked for what the payloads must not
become: markup or event handlers in HTML, terminal escape sequences in text,
broken or injected XML, workflow commands split across lines. A scan of the
package's source checks that nothing evaluates text, runs a shell or loads
YAML or XML unsafely.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import hostile_batch as hb  # tests/hostile_batch.py (tests/ is on sys.path)
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.models import Report
from checker.pipeline import check
from checker.report import get_reporter
from checker.rulebook import Rulebook, RuleError, load_rulebook

ROOT = Path(__file__).resolve().parents[2]
# What a terminal acts on: C0/C1 controls other than newline, and bidi controls.
TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MISSING = "gone \x1b[2J\x1b]0;title\x07.txt"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    hb.write_batch(root)
    return root


@pytest.fixture(scope="module")
def report(batch: Path, rulebook: Rulebook) -> Report:
    result = check([str(batch)], rulebook)
    assert result.report.findings, "the batch must give a finding that quotes its sentences"
    return result.report


def test_the_payloads_reach_the_report(report: Report) -> None:
    titles = " ".join(a.title or "" for a in report.articles)
    sentences = " ".join(f.sentence for f in report.facts)
    assert hb.SCRIPT in titles and hb.JINJA in titles
    assert hb.IMG in sentences and hb.OTHER_TEMPLATES in sentences
    assert any(hb.HOSTILE_FILE in a.source for a in report.articles)
    # a javascript: URL is never kept as an article's URL
    assert all(not (a.url or "").lower().startswith("javascript:") for a in report.articles)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def test_html_shows_payloads_as_text_and_runs_none(report: Report) -> None:
    html = get_reporter("html").render(report)
    page = _Page()
    page.feed(html)
    names = [tag for tag, _ in page.tags]
    assert "img" not in names and "svg" in names  # the report's own number lines only
    assert names.count("script") == 1
    assert all(not attrs.get("src") for tag, attrs in page.tags if tag == "script")
    handlers = [(tag, k) for tag, attrs in page.tags for k in attrs if k.startswith("on")]
    assert handlers == []
    for tag, attrs in page.tags:
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), (tag, href)
    csp = [
        a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(csp) == 1 and "default-src 'none'" in csp[0]["content"]
    text = "".join(page.text)
    # template syntax is shown as written, never evaluated
    assert hb.JINJA in text and hb.OTHER_TEMPLATES in text
    assert hb.SCRIPT in text and hb.IMG in text
    assert "\x1b" not in html and "\u202e" not in html


def test_text_report_and_stderr_carry_no_terminal_controls(batch: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(batch), str(batch / MISSING)])
    assert result.exit_code == 2  # the missing path
    assert hb.SCRIPT in result.stdout  # shown, as inert text
    assert TERMINAL_CONTROLS.search(result.stdout) is None
    assert TERMINAL_CONTROLS.search(result.stderr) is None
    assert "\\x1b[2J" in result.stderr  # the file name is shown, escaped


def test_junit_is_well_formed_and_round_trips_the_text(report: Report) -> None:
    xml = get_reporter("junit").render(report)
    root = ET.fromstring(xml)
    everything = " ".join(
        [
            *(v for el in root.iter() for v in el.attrib.values()),
            *(el.text or "" for el in root.iter()),
        ]
    )
    assert "12" in everything and "20" in everything
    assert "<script>" not in xml and "\x1b" not in xml


def test_sarif_and_json_are_valid_json_with_the_text_escaped(report: Report) -> None:
    for fmt in ("sarif", "json"):
        output = get_reporter(fmt).render(report)
        data = json.loads(output)
        assert re.search("[\x00-\x1f]", output.replace("\n", "")) is None
        if fmt == "json":
            assert hb.HOSTILE_FILE in data["inputs"][0]["path"]


def test_github_annotations_stay_one_command_per_line(batch: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", str(batch), str(batch / MISSING), "--format", "github"]
    )
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert TERMINAL_CONTROLS.search(result.stdout) is None


def test_a_rule_file_cannot_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "hedges.yaml").write_text(
        f"hedges: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    with pytest.raises(RuleError) as info:
        load_rulebook([tmp_path])
    assert "hedges.yaml" in str(info.value)
    assert not marker.exists()


_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
_FORBIDDEN_ATTRS = {
    ("os", "system"),
    ("os", "popen"),
    ("pickle", "load"),
    ("pickle", "loads"),
    ("marshal", "loads"),
    ("ET", "parse"),
    ("ET", "fromstring"),
    ("ET", "XML"),
    ("etree", "parse"),
    ("etree", "fromstring"),
    ("minidom", "parseString"),
    ("yaml", "unsafe_load"),
    ("yaml", "full_load"),
}
_SAFE_YAML_LOADERS = {"SafeLoader", "CSafeLoader", "fast_loader"}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            module = getattr(node, "module", None) or ""
            if {"subprocess", "pickle", "shelve"} & {module, *names}:
                found.append(f"{path.name}:{node.lineno} imports {module or names}")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in _FORBIDDEN_CALLS:
            found.append(f"{path.name}:{node.lineno} calls {func.id}")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if (func.value.id, func.attr) in _FORBIDDEN_ATTRS:
                found.append(f"{path.name}:{node.lineno} calls {func.value.id}.{func.attr}")
            if (func.value.id, func.attr) == ("yaml", "load"):
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                name = getattr(loader, "attr", getattr(loader, "id", None))
                if name not in _SAFE_YAML_LOADERS:
                    found.append(f"{path.name}:{node.lineno} yaml.load without a safe loader")
        if any(k.arg == "shell" for k in node.keywords):
            found.append(f"{path.name}:{node.lineno} passes shell=")
    return found


def test_the_package_evaluates_nothing_and_parses_no_xml_or_yaml_unsafely() -> None:
    sources = sorted((ROOT / "checker").rglob("*.py"))
    assert len(sources) > 20
    problems = [problem for path in sources for problem in _problems(path)]
    assert problems == []


def test_the_source_scan_catches_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import subprocess\nimport yaml\neval('1')\nyaml.load(s, Loader=yaml.Loader)\n"
        "ET.fromstring(x)\nrun(cmd, shell=True)\n",
        encoding="utf-8",
    )
    assert len(_problems(bad)) == 5
