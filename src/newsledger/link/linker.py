"""Linking one new article: it joins a story (which may then split in two, when it
turns out to hold two events), its names join identities, and its passages are checked
against what the store already holds.

`link_article` runs inside the transaction that stores the article, after its findings,
so an article is never stored half-linked. Its cost is bounded by index lookups, not by
the size of the store. The views that depend on a whole story (timeline, figure series,
what's new, reuse listings) are computed when asked for, in `link.views`.
"""

from __future__ import annotations

import sqlite3

from ..understand.pipeline import Analysis
from .identities import link_identities
from .reuse import link_reuse
from .stories import assign_story
from .story_signals import story_signals
from .story_split import split_story


def link_article(db: sqlite3.Connection, analysis: Analysis) -> None:
    article = analysis.article
    placed = assign_story(db, story_signals(analysis))
    story = placed.story
    split = None if placed.started else split_story(db, story)
    if split is not None and article.id in split.moved:
        story = split.new_story
    link_identities(db, article.id, analysis.entities, story)
    link_reuse(db, article.id, article.text, article.published)
