"""The cross-article views the store commands print: stories, figure series, passage
reuse, a story's timeline, and what an article adds to its story.

Each is computed from the stored findings and links when asked for, so it always
reflects every article of the story, whatever order they arrived in.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..store.ids import resolve_id
from .material import findings_of, read_material
from .novelty import Novelty, what_is_new
from .reuse import list_reuse
from .series import Series, SumCheck, build_series, check_sums
from .stories import list_stories, story_members, story_of
from .threads import list_threads
from .timeline import TimelineEntry, build_timeline


def resolve_story(db: sqlite3.Connection, story: str) -> str:
    """A story id from its id or a unique prefix of it."""
    return resolve_id(db, "stories", story)


def resolve_article(db: sqlite3.Connection, article: str) -> str:
    return resolve_id(db, "articles", article)


def article_story(db: sqlite3.Connection, article: str) -> str | None:
    return story_of(db, resolve_article(db, article))


def stories(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return list_stories(db)


def threads(db: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    return list_threads(db, resolve_story(db, story))


def timeline(db: sqlite3.Connection, story: str) -> list[TimelineEntry]:
    material = read_material(db, story_members(db, resolve_story(db, story)))
    return build_timeline(material.events, material.figures, material.entities)


def series(db: sqlite3.Connection, story: str | None = None) -> list[Series]:
    chosen = [resolve_story(db, story)] if story else _all_stories(db)
    found: list[Series] = []
    for story_id in chosen:
        material = read_material(db, story_members(db, story_id))
        found.extend(build_series(material.figures, story_id, material.entities))
    return found


def sum_checks(db: sqlite3.Connection, story: str | None = None,
               article: str | None = None) -> list[SumCheck]:
    """Breakdowns inside one article that should add up to their total ("240, including
    71 women and 169 children"), for one article, one story, or the whole store."""
    if article:
        members = [resolve_article(db, article)]
    elif story:
        members = story_members(db, resolve_story(db, story))
    else:
        return check_sums(findings_of(db, "figures", None))  # every article's
    return check_sums(findings_of(db, "figures", members)) if members else []


def novelty(db: sqlite3.Connection, article: str) -> Novelty:
    article_id = resolve_article(db, article)
    story = story_of(db, article_id)
    members = story_members(db, story) if story else [article_id]
    return what_is_new(article_id, story, read_material(db, members))


def reuse(db: sqlite3.Connection, story: str | None = None) -> list[dict[str, Any]]:
    if story is None:
        return list_reuse(db)
    return list_reuse(db, story_members(db, resolve_story(db, story)))


def _all_stories(db: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in db.execute(
        "SELECT id FROM stories ORDER BY first_seq")]
