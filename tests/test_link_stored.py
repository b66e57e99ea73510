"""`newsledger link`: articles stored without links (ingested with linking off, or into a
store older than linking) are linked later, in the order they were stored, with the same
result as linking them at ingest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from newsledger.cli import main

from .conftest import EXAMPLES


def invoke(config: Path | None, *args: str) -> Result:
    env = {"NEWSLEDGER_CONFIG": str(config)} if config else {"NEWSLEDGER_CONFIG": "/nonexistent"}
    return CliRunner().invoke(main, list(args), env=env)


def listed(db: str, *command: str) -> Any:
    done = invoke(None, *command, "--db", db, "--json")
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def ingested(tmp_path: Path, name: str, config: Path | None) -> str:
    db = str(tmp_path / name)
    done = invoke(config, "ingest", "--db", db, "--quiet", str(EXAMPLES))
    assert done.exit_code == 0, done.output
    return db


def test_linking_later_gives_what_linking_at_ingest_gives(tmp_path: Path) -> None:
    unlinked = ingested(tmp_path, "later.db", settings_file(tmp_path, "linking = false\n"))
    assert listed(unlinked, "stories") == []
    done = invoke(None, "link", "--db", unlinked)
    assert done.exit_code == 0, done.output
    assert "Linked 2 articles" in done.output and "1 story" in done.output
    at_ingest = ingested(tmp_path, "at-ingest.db", None)
    for command in ("stories", "figures", "reuse"):
        assert listed(unlinked, command) == listed(at_ingest, command), command


def test_linking_again_links_nothing(tmp_path: Path) -> None:
    db = ingested(tmp_path, "twice.db", settings_file(tmp_path, "linking = false\n"))
    assert "Linked 2 articles" in invoke(None, "link", "--db", db).output
    again = invoke(None, "link", "--db", db)
    assert again.exit_code == 0, again.output
    assert "Linked 0 articles" in again.output
    assert len(listed(db, "stories")) == 1


def test_an_article_stored_without_findings_gets_them_when_linked(tmp_path: Path) -> None:
    bare = settings_file(tmp_path, "linking = false\nunderstanding = false\n")
    db = ingested(tmp_path, "bare.db", bare)
    assert listed(db, "figures") == []
    assert invoke(None, "link", "--db", db).exit_code == 0
    killed = [s for s in listed(db, "figures") if s["measure"] == "killed"
              and s["subject"] == "Palestinians"]
    assert [r["status"] for r in killed[0]["readings"]] == ["first", "update"]
