"""Shared fixtures: paths to the bundled examples and a fresh store per test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.settings import Settings, load_settings
from newsledger.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "gaza-truce-talks-2024-03"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ANADOLU = EXAMPLES / "anadolu-2024-03-19-talks-resume.txt"
TRT = EXAMPLES / "trtworld-2024-03-26-talks-ongoing.txt"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"db": str(tmp_path / "test.db")}, config=tmp_path / "none.toml")


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    with Store.open(settings.db) as opened:
        yield opened


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point, in a child process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "newsledger.cli", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=600)


# A page whose body carries markup that must never run where the article is shown.
INJECTED = "<script>alert(1)</script>"


def write_hostile_article(folder: Path) -> Path:
    """A short flood report with a script and a tag in its body, as a text file."""
    page = folder / "hostile.txt"
    page.write_text(
        "Flood kills more than 40 in the river valley\n\nMay 2, 2024\n\n"
        f"More than 40 people were killed in the floods on Thursday, officials said. {INJECTED}"
        "\n\n\"We are still searching,\" the regional governor Anna Kovacs told reporters."
        " <b>bold</b>\n", encoding="utf-8")
    return page
