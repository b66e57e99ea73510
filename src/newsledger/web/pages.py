"""The data of each web page, as JSON-serialisable dicts: the HTML pages render them and
their JSON twins return them as they are. No web framework here (`app.py` is the shell).

Needs: a `Store` (opened read-only by the app). Adds nothing to the store.

- `story_list`: a page of the stories, or of those whose articles match a full-text
  query (or whose titles have words starting with the query's), with the total count;
- `story_page`: `present.story_view` without the article texts (they have their pages),
  kept in a `StoryCache` until the store receives another article;
- `article_page`: an article, its findings and the marks that highlight them;
- `speaker_page`: a speaker's quotes across stories, found through the speaker's identity
  so that every spelling ("Al-Ansari", "al Ansari") counts.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import NotFound, UsageError
from ..link.identities import identity_name, identity_names
from ..link.names import name_key
from ..link.stories import (
    articles_linked,
    count_stories,
    list_stories,
    stories_by_id,
    story_of,
    story_title,
)
from ..link.views import resolve_story
from ..present.story_view import link, sentence_spans, sentences_view, story_view
from ..store import Store
from .highlight import Mark

SEARCH_LIMIT = 200  # articles a query may bring back, best matches first
PAGE_SIZE, MAX_PAGE_SIZE = 50, 500  # stories per page of the list
WORD = re.compile(r"\w+")


# -- stories ---------------------------------------------------------------------------

def story_list(store: Store, query: str | None = None, page: int = 1,
               limit: int = PAGE_SIZE) -> dict[str, Any]:
    """One page of the stories, most recently joined first; with `query`, only the
    stories one of whose articles matches it in full text or has a title starting words
    with it (at most `SEARCH_LIMIT` articles, the best matches), each with those matches.
    `total` counts every story listed across pages; `next`/`previous` are page numbers."""
    if page < 1 or not 1 <= limit <= MAX_PAGE_SIZE:
        raise UsageError(f"no such page: page {page} of {limit} stories",
                         hint=f"page counts from 1; limit is 1 to {MAX_PAGE_SIZE}")
    db, offset = store.connection, (page - 1) * limit
    query = query.strip() if query and query.strip() else None
    if query is None:
        total, stories = count_stories(db), list_stories(db, limit, offset)
    else:
        matched = matching_articles(store, query)
        ids = _recent_first(db, {m["story"] for m in matched if m["story"]})
        total, stories = len(ids), stories_by_id(db, ids[offset:offset + limit])
        for story in stories:
            story["matches"] = [_match(m) for m in matched if m["story"] == story["story"]]
    return {"query": query, "stories": stories, "total": total, "page": page,
            "limit": limit, "previous": page - 1 if page > 1 else None,
            "next": page + 1 if offset + limit < total else None}


def matching_articles(store: Store, query: str) -> list[dict[str, Any]]:
    """The articles the query matches in full text, or whose title has words starting
    with the query's words ("Ansar" finds "Ansari"), best first, with their story: one
    query, bounded by `SEARCH_LIMIT`. A query that is not valid FTS5 syntax ("U.S.-led")
    is searched for as a phrase."""
    words = WORD.findall(query)
    in_title = " ".join(f'"{w}"*' for w in words)
    phrase = '"' + query.replace('"', '""') + '"'
    for fts in (query, phrase):
        match = f"({fts}) OR title : ({in_title})" if words else fts
        try:
            return _search(store.connection, match)
        except sqlite3.OperationalError:
            continue  # not FTS5 syntax: the phrase next
    return []


def _search(db: sqlite3.Connection, match: str) -> list[dict[str, Any]]:
    sql = ("SELECT a.id, a.title, a.source AS outlet, a.published, sa.story_id AS story"
           " FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
           " LEFT JOIN story_articles sa ON sa.article_id = a.id"
           " WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?")
    return [dict(row) for row in db.execute(sql, (match, SEARCH_LIMIT))]


def _match(article: Mapping[str, Any]) -> dict[str, Any]:
    return {key: article[key] for key in ("id", "title", "outlet", "published")}


def _recent_first(db: sqlite3.Connection, story_ids: set[str]) -> list[str]:
    """The stories, the most recently joined first (as the unfiltered list orders them)."""
    if not story_ids:
        return []
    marks = ", ".join("?" * len(story_ids))
    return [row[0] for row in db.execute(
        f"SELECT id FROM stories WHERE id IN ({marks}) ORDER BY last_seq DESC",
        list(story_ids))]


def story_page(store: Store, story: str, cache: StoryCache | None = None) -> dict[str, Any]:
    """The story's view without article texts; from `cache` while the store has received
    no article since it was computed (a long story's view takes a tenth of a second)."""
    if cache is None:
        return story_view(store, story, with_text=False)
    return kept_story_page(store, story_key(store, story), cache)


def kept_story_page(store: Store, key: tuple[str, int], cache: StoryCache) -> dict[str, Any]:
    """The story page filed under `key` (`story_key`), computed if it is not kept."""
    view = cache.get(key)
    if view is None:
        view = cache.put(key, story_view(store, key[0], with_text=False))
    return view


def story_key(store: Store, story: str) -> tuple[str, int]:
    """The story's id (from an id or a prefix of it) and the store's state: what a kept
    view or page of the story is filed under."""
    return resolve_story(store.connection, story), store_state(store.connection)


def store_state(db: sqlite3.Connection) -> int:
    """What changes whenever an article is linked (arrival numbers only grow): a view of
    the store computed at one state holds until the next. Read from the index on seq."""
    return articles_linked(db) - 1


class StoryCache:
    """The last few story views computed, for one store, shared by the server's threads.
    The views are handed out as they are: callers must not change them."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._views: OrderedDict[tuple[str, int], dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int]) -> dict[str, Any] | None:
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
            return view

    def put(self, key: tuple[str, int], view: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._views[key] = view
            self._views.move_to_end(key)
            while len(self._views) > self.size:
                self._views.popitem(last=False)
        return view


# -- articles --------------------------------------------------------------------------

def article_page(store: Store, article: str) -> dict[str, Any]:
    """The article with its findings, its story and its sentences (with their anchors)."""
    record = store.article(article)
    db = store.connection
    spans = sentence_spans(db, [record["id"]]).get(record["id"], [])
    record["story"] = story_of(db, record["id"])
    record["sentences"] = sentences_view(record["id"], record["text"], spans)
    return record


def article_marks(page: Mapping[str, Any]) -> list[Mark]:
    """What the article page highlights: sentences, entities, times, quotes, figures,
    each titled with its normalised value."""
    marks = [Mark(s["start"], s["end"], "s", anchor=s["anchor"]) for s in page["sentences"]]
    marks += [Mark(e["start"], e["end"], "ent", entity_title(e)) for e in page["entities"]]
    marks += [Mark(t["start"], t["end"], "time", f"{t['type']} {t['value']}")
              for t in page["times"]]
    marks += [Mark(q["start"], q["end"], "quote", quote_title(q)) for q in page["quotes"]]
    marks += [Mark(f["start"], f["end"], "fig", figure_title(f)) for f in page["figures"]]
    return marks


def entity_title(entity: Mapping[str, Any]) -> str:
    return f"{entity['label']}: {entity['entity']}"


def quote_title(quote: Mapping[str, Any]) -> str:
    cue = f", “{quote['cue']}”" if quote.get("cue") else ""
    return f"{quote['kind']} quote{cue}; speaker: {quote.get('speaker') or 'unknown'}"


def figure_title(figure: Mapping[str, Any]) -> str:
    """"killed: more than 32414 person (Palestinians), as of 2024-03-26, source: ..."."""
    value = figure["value"]
    shown = "–".join(map(str, value)) if isinstance(value, list) else str(value)
    what = " ".join(str(p) for p in (figure["qualifier"].replace("_", " "), shown,
                                     figure.get("unit")) if p)
    parts = [f"{figure.get('measure') or 'figure'}: {what}"]
    if figure.get("subject"):
        parts[0] += f" ({figure['subject']})"
    parts += [f"as of {figure['as_of']}" if figure.get("as_of") else "",
              f"source: {figure['source']}" if figure.get("source") else ""]
    return ", ".join(p for p in parts if p)


# -- speakers --------------------------------------------------------------------------

def speaker_page(store: Store, name: str) -> dict[str, Any]:
    """A speaker's quotes across stories, oldest first. `name` is any spelling of the
    speaker, or their identity id; without an identity, quotes under that exact name."""
    db = store.connection
    identities = speaker_identities(db, name)
    quotes = _quotes_of(db, identities, name)
    if not quotes:
        raise NotFound(f"no quotes by {name!r}", hint="speakers are listed on story pages")
    names = sorted({n for i in identities for n in identity_names(db, i)}
                   | {q["speaker"] for q in quotes})
    return {"name": _display_name(db, identities) or name, "identities": identities,
            "spellings": names, "stories": _by_story(db, quotes)}


def speaker_identities(db: sqlite3.Connection, name: str) -> list[str]:
    """The identities a spelling stands for: an identity id itself, the identities that
    were seen under that spelling, or those whose key it is."""
    if db.execute("SELECT 1 FROM identities WHERE id = ?", (name,)).fetchone():
        return [name]
    found = [row[0] for row in db.execute(
        "SELECT identity_id FROM identity_names WHERE name = ?"
        " UNION SELECT identity_id FROM identity_keys WHERE key = ?", (name, name_key(name)))]
    return sorted(found)


def _quotes_of(db: sqlite3.Connection, identities: Sequence[str], name: str
               ) -> list[dict[str, Any]]:
    marks = ", ".join("?" * len(identities))
    by_identity = (f"SELECT article_id, entity FROM article_identities"
                   f" WHERE identity_id IN ({marks})") if identities else None
    sql = ("SELECT q.article_id AS article, q.start, q.end, q.text, q.speaker, q.cue, q.kind,"
           " q.sentence, a.title, a.published, a.source AS outlet, sa.story_id AS story"
           " FROM quotes q JOIN articles a ON a.id = q.article_id"
           " LEFT JOIN story_articles sa ON sa.article_id = q.article_id"
           " WHERE q.speaker = ?"
           + (f" OR (q.article_id, q.speaker) IN ({by_identity})" if by_identity else "")
           + " ORDER BY a.published IS NULL, a.published, q.article_id, q.start")
    return [dict(row) for row in db.execute(sql, [name, *identities])]


def _display_name(db: sqlite3.Connection, identities: Sequence[str]) -> str | None:
    return identity_name(db, identities[0]) if len(identities) == 1 else None


def _by_story(db: sqlite3.Connection, quotes: Sequence[Mapping[str, Any]]
              ) -> list[dict[str, Any]]:
    """The quotes in groups by story, each group titled as its story is (by the title of
    the article that started it)."""
    stories: dict[str | None, dict[str, Any]] = {}
    for quote in quotes:
        story = stories.get(quote["story"])
        if story is None:
            story = stories[quote["story"]] = {"story": quote["story"],
                                               "title": _story_title(db, quote["story"]),
                                               "quotes": []}
        story["quotes"].append({**quote, "link": link(quote["article"], quote["sentence"],
                                                      quote["start"], quote["end"])})
    return list(stories.values())


def _story_title(db: sqlite3.Connection, story: str | None) -> str | None:
    """What the story lists call it (`stories.story_title`)."""
    row = db.execute("SELECT a.id, a.title FROM stories s JOIN articles a ON a.id ="
                     " s.first_article WHERE s.id = ?", (story,)).fetchone()
    return story_title(db, row[0], row[1]) if row else None
