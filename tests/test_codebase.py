"""The codebase keeps its own promises: commands documented, settings documented,
click only in cli.py, lint and types clean, records frozen."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger import records
from newsledger.cli import main

from .conftest import ROOT

SRC = ROOT / "src" / "newsledger"


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"newsledger {name}" in readme, name


def test_only_the_cli_imports_click():
    importers = {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
                 if "import click" in p.read_text(encoding="utf-8")}
    assert importers and all(name.startswith("cli/") for name in importers), importers


def test_records_are_frozen():
    for cls in (records.Article, records.FailedInput, records.Candidate):
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert dataclasses.is_dataclass(cls)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is a dev dependency: pip install -e '.[dev]'"
    return found


def test_ruff_is_clean():
    result = subprocess.run([_tool("ruff"), "check", "src", "tests"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("package", ["src/newsledger"])
def test_mypy_is_clean(package: str):
    result = subprocess.run([_tool("mypy"), package], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
