"""The rules and templates travel inside the wheel, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checker import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (built,) = out.glob("factcheck-*.whl")
    return built


def test_wheel_carries_every_rule_file_and_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule in sorted((ROOT / "rules").rglob("*.yaml")):
        assert f"checker/_data/rules/{rule.relative_to(ROOT / 'rules').as_posix()}" in names
    for template in sorted((ROOT / "templates").iterdir()):
        assert f"checker/_data/templates/{template.name}" in names


def test_installed_layout_is_preferred(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "checker"
    (package / "_data" / "rules").mkdir(parents=True)
    (package / "_data" / "templates").mkdir()
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.rules_dir() == package / "_data" / "rules"
    assert paths.templates_dir() == package / "_data" / "templates"


def test_checkout_layout_is_the_fallback() -> None:
    assert (paths.rules_dir() / "hedges.yaml").is_file()
    assert (paths.templates_dir() / "report.html.j2").is_file()
