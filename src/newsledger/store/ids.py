"""Ids as users type them: a whole id or a unique prefix of one, resolved to the id."""

from __future__ import annotations

import sqlite3

from ..errors import NotFound, UsageError

# What each kind of id is called in messages, and how to list them.
KINDS = {"articles": ("article", "newsledger articles"),
         "stories": ("story", "newsledger stories")}


def resolve_id(db: sqlite3.Connection, table: str, prefix: str) -> str:
    """The one id of `table` (articles, stories) that starts with `prefix`."""
    noun, listing = KINDS[table]
    rows = db.execute(f"SELECT id FROM {table} WHERE id LIKE ? LIMIT 2",
                      (f"{prefix}%",)).fetchall()
    if not rows:
        raise NotFound(f"no {noun} with id {prefix!r}", hint=f"list ids with `{listing}`")
    if len(rows) > 1:
        raise UsageError(f"{noun} id prefix {prefix!r} matches several {table}",
                         hint="give more characters of the id")
    return str(rows[0][0])
