"""A story's threads: the sub-stories its articles were placed in as they were linked
(`stories`, step 7), such as the hostage exchanges or the Security Council votes of a
war followed for months.

Needs: a store linked with migration 0007. Adds nothing: read when asked for.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .stories import story_record

LEAD_CHARS = 90  # a thread without a title is shown by this much of its first sentence


def _headline(text: str | None) -> str | None:
    """A title, or the first line of a text cut at a word to about LEAD_CHARS."""
    if not text:
        return None
    line = text.strip().split("\n", 1)[0]
    if len(line) <= LEAD_CHARS:
        return line
    return line[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"


def list_threads(db: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """The story's threads, the most recently joined first, each shaped like a story
    record: {"thread", "story", "title", "first", "last", "articles", "outlets"}, its
    title its first article's (the start of its text when it has none: a thread is
    picked from a list by what it is about)."""
    sql = ("SELECT s.thread, json_group_array(json_array(s.seq, a.id,"
           f"   coalesce(a.title, substr(a.text, 1, {LEAD_CHARS * 2})), a.published,"
           "   a.source)) AS members"
           " FROM story_articles s JOIN articles a ON a.id = s.article_id"
           " WHERE s.story_id = ? GROUP BY s.thread ORDER BY max(s.seq) DESC")
    threads = []
    for thread, members in db.execute(sql, (story,)):
        # SQLite does not promise the order of an aggregate's rows: sorted by arrival here.
        rows = [[row[1], _headline(row[2]), *row[3:]] for row in sorted(json.loads(members))]
        record = story_record(thread, rows[0][0], rows)
        threads.append({"thread": thread, "story": story,
                        **{key: value for key, value in record.items() if key != "story"}})
    return threads
