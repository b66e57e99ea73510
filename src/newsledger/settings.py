"""All settings in one table: name, default, help. Resolved once, passed down.

Order of precedence: the defaults below, then the user's file
(`<config dir>/newsledger/settings.toml`, or `$NEWSLEDGER_CONFIG`), then flags.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from .errors import UsageError

APP_NAME = "newsledger"


def default_db_path() -> str:
    return str(Path(platformdirs.user_data_dir(APP_NAME)) / "newsledger.db")


@dataclass(frozen=True)
class Settings:
    db: str = ""
    published: str | None = None
    source: str | None = None
    language: str | None = None
    min_body_chars: int = 1
    max_input_bytes: int = 200_000_000
    html_favor_recall: bool = False
    html_max_elements: int = 20_000
    understanding: bool = True
    linking: bool = True
    date_dayfirst_slash: bool = False


HELP: dict[str, str] = {
    "db": "SQLite store file; defaults to the user's data directory.",
    "published": "Publication date (YYYY-MM-DD) for every input, overriding the article's own.",
    "source": "Outlet name to use for every input, overriding the article's own.",
    "language": "Language code to use for every input instead of detecting it.",
    "min_body_chars": "An input whose body is shorter than this gives an error record.",
    "max_input_bytes": "Inputs larger than this are refused with an error record.",
    "html_favor_recall": "Ask trafilatura to keep more text when extracting HTML bodies.",
    "html_max_elements": "An HTML page with more elements is cut to its article element first.",
    "understanding": "Run the understanding stages (entities, ...) in extract and ingest; "
                     "off, only the ingest runs (metadata and body).",
    "linking": "Link each ingested article to the store: its story, identities and reused "
               "passages (needs understanding for stories and identities beyond the text).",
    "date_dayfirst_slash": "Read 03/04/2024 as 3 April (day first) rather than 4 March.",
}


def user_config_path() -> Path:
    override = os.environ.get("NEWSLEDGER_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def load_settings(overrides: dict[str, Any] | None = None, config: Path | None = None) -> Settings:
    """Defaults, then the user file, then the non-None overrides (flags)."""
    settings = Settings(db=default_db_path())
    path = config or user_config_path()
    if path.is_file():
        settings = _apply(settings, _read_toml(path), origin=str(path))
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    return _apply(settings, given, origin="flags")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read settings file {path}: {exc}") from exc


def _apply(settings: Settings, values: dict[str, Any], origin: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise UsageError(f"unknown setting(s) in {origin}: {', '.join(unknown)}",
                         hint=f"known settings: {', '.join(sorted(known))}")
    return replace(settings, **values)
