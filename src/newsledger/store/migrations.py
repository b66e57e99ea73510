"""Numbered schema migrations: `migrations/NNNN_name.sql`, applied in order, recorded.

A store is only ever changed by adding a new file here; an applied migration is never
edited (its checksum is recorded and checked).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import dataclass
from importlib import resources

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()[:16]


def bundled_migrations() -> list[Migration]:
    folder = resources.files("newsledger.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number, _, rest = entry.name.partition("_")
            name = rest.removesuffix(".sql")
            found.append(Migration(int(number), name, entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def migrate(connection: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet applied; return the versions applied now."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)")
    applied = {row[0]: row[1] for row in
               connection.execute("SELECT version, checksum FROM schema_migrations")}
    done = []
    for migration in bundled_migrations():
        if migration.version in applied:
            _check_unchanged(migration, applied[migration.version])
            continue
        _apply(connection, migration)
        done.append(migration.version)
    return done


def _check_unchanged(migration: Migration, recorded: str) -> None:
    if recorded != migration.checksum:
        raise StoreError(f"migration {migration.version:04d}_{migration.name} was changed "
                         "after it was applied to this store",
                         hint="add a new numbered migration instead of editing an old one")


def _apply(connection: sqlite3.Connection, migration: Migration) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    try:
        connection.executescript(f"BEGIN;\n{migration.sql}\n"
                                 "INSERT INTO schema_migrations VALUES "
                                 f"({migration.version}, '{migration.name}', "
                                 f"'{migration.checksum}', '{now}');\nCOMMIT;")
    except sqlite3.Error as exc:
        connection.rollback()
        raise StoreError(f"migration {migration.version:04d} failed: {exc}") from exc
