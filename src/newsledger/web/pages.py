"""The data of each web page, as JSON-serialisable dicts: the HTML pages render them and
their JSON twins return them as they are. No web framework here (`app.py` is the shell).

Needs: a `Store` (opened read-only by the app). Adds nothing to the store.

- `story_list`: the stories, or those whose articles match a full-text query or whose
  title contains it;
- `story_page`: `present.story_view` without the article texts (they have their pages);
- `article_page`: an article, its findings and the marks that highlight them;
- `speaker_page`: a speaker's quotes across stories, found through the speaker's identity
  so that every spelling ("Al-Ansari", "al Ansari") counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import NotFound, UsageError
from ..link.identities import identity_names
from ..link.names import name_key
from ..link.stories import list_stories, story_of
from ..present.story_view import link, sentence_spans, sentences_view, story_view
from ..store import Store
from .highlight import Mark, sentence_marks

SEARCH_LIMIT = 500  # articles a query may bring back (each maps to its story)


# -- stories ---------------------------------------------------------------------------

def story_list(store: Store, query: str | None = None) -> dict[str, Any]:
    """Every story, most recent first; with `query`, only the stories one of whose
    articles matches it in full text, or whose title contains it."""
    stories = list_stories(store.connection)
    if query and query.strip():
        matched = matching_articles(store, query.strip())
        needle = query.strip().casefold()
        stories = [s for s in stories if set(s["articles"]) & matched.keys()
                   or needle in (s["title"] or "").casefold()]
        for story in stories:
            story["matches"] = [matched[a] for a in story["articles"] if a in matched]
    return {"query": query, "stories": stories}


def matching_articles(store: Store, query: str) -> dict[str, dict[str, Any]]:
    """Article id -> id, title, outlet and date of each article the query matches. A query
    that is not valid FTS5 syntax ("U.S.-led") is searched for as a phrase."""
    try:
        rows = store.articles(search=query, limit=SEARCH_LIMIT)
    except UsageError:
        phrase = '"' + query.replace('"', '""') + '"'
        rows = store.articles(search=phrase, limit=SEARCH_LIMIT)
    return {row["id"]: {"id": row["id"], "title": row["title"], "outlet": row["source"],
                        "published": row["published"]} for row in rows}


def story_page(store: Store, story: str) -> dict[str, Any]:
    return story_view(store, story, with_text=False)


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
    spans = [(s["start"], s["end"]) for s in page["sentences"]]
    marks = sentence_marks(page["id"], spans)
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
    if len(identities) != 1:
        return None
    row = db.execute("SELECT name FROM identities WHERE id = ?", (identities[0],)).fetchone()
    return str(row[0]) if row else None


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
    row = db.execute("SELECT a.title FROM stories s JOIN articles a ON a.id = s.first_article"
                     " WHERE s.id = ?", (story,)).fetchone()
    return row[0] if row else None
