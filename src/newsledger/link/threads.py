"""A story's threads: the sub-stories its articles were placed in as they were linked
(`stories`, step 7), such as the hostage exchanges or the Security Council votes of a
war followed for months.

Needs: a store linked with migration 0007. Adds nothing: read when asked for.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .stories import TITLE_OR_LEAD, story_record


def list_threads(db: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """The story's threads, the most recently joined first, each shaped like a story
    record: {"thread", "story", "title", "first", "last", "articles", "outlets"}, its
    title its first article's (`stories.headline`)."""
    sql = ("SELECT s.thread, json_group_array(json_array("
           f"   s.seq, a.id, {TITLE_OR_LEAD}, a.published, a.source)) AS members"
           " FROM story_articles s JOIN articles a ON a.id = s.article_id"
           " WHERE s.story_id = ? GROUP BY s.thread ORDER BY max(s.seq) DESC")
    threads = []
    for thread, members in db.execute(sql, (story,)):
        # SQLite does not promise the order of an aggregate's rows: sorted by arrival here.
        rows = [row[1:] for row in sorted(json.loads(members))]
        record = story_record(thread, rows[0][0], rows)
        threads.append({"thread": thread, "story": story,
                        **{key: value for key, value in record.items() if key != "story"}})
    return threads
