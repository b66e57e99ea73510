"""A story's threads: the sub-stories its articles were placed in as they were linked
(`stories`, step 7), such as the hostage exchanges or the Security Council votes of a
war followed for months.

Needs: a store linked with migration 0007. Adds nothing: read when asked for.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .stories import MEMBERS, members_record


def list_threads(db: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """The story's threads, the most recently joined first, each shaped like a story
    record: {"thread", "story", "title", "first", "last", "articles", "outlets"}."""
    sql = (f"SELECT s.thread, {MEMBERS} AS members"
           " FROM story_articles s JOIN articles a ON a.id = s.article_id"
           " WHERE s.story_id = ? GROUP BY s.thread ORDER BY max(s.seq) DESC")
    return [{"thread": thread, "story": story, **members_record(db, members)}
            for thread, members in db.execute(sql, (story,))]
