"""The house's arrows, as import-linter contracts in pyproject.toml: the tree keeps them,
and a reversed arrow (or a cycle in db) breaks them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGES = ("tui", "screens", "intake", "reports", "db")
LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LINT, "--no-cache"], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_the_tree_keeps_every_contract():
    out = lint(REPO)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


@pytest.fixture
def copy_of_the_tree(tmp_path) -> Path:
    for package in PACKAGES:
        shutil.copytree(REPO / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.tcss", "demo"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize("module, line, broken", [
    ("db/vocabulary.py", "import screens.text", "Arrows point one way"),
    ("reports/facts.py", "import intake.vn_input", "intake and reports never import each other"),
    ("db/who.py", "import rich", "db is the store only"),
    ("intake/plan_form.py", "import textual", "intake and reports import no textual"),
    ("db/vndate.py", "from . import meetings", "No import cycle"),
])
def test_a_wrong_arrow_breaks_a_contract(copy_of_the_tree, module, line, broken):
    path = copy_of_the_tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n\ndef _hidden():\n    {line}\n", encoding="utf-8")
    out = lint(copy_of_the_tree)
    assert out.returncode != 0
    broken_lines = [text for text in out.stdout.splitlines() if text.endswith("BROKEN")]
    assert len(broken_lines) >= 1 and any(text.startswith(broken) for text in broken_lines), out.stdout
