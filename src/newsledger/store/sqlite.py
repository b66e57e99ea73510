"""The SQLite store: articles written once each, in one transaction per article.

Ingest is idempotent because an article's id is the hash of its body: adding the same
article again only records the new place it was seen. Inputs that gave no article are
kept with their reason, so nothing read is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from ..errors import StoreError, UsageError
from ..records import Article, FailedInput, IngestResult
from ..understand.pipeline import Analysis
from .filters import article_filters, where
from .findings import article_findings, insert_findings, list_findings
from .ids import resolve_id
from .migrations import migrate

if TYPE_CHECKING:
    from ..link.novelty import Novelty
    from ..link.series import Series, SumCheck
    from ..link.timeline import TimelineEntry

Outcome = Literal["new", "known", "error"]
LIST_COLUMNS = ("id", "published", "source", "language", "title", "authors", "dateline",
                "url", "input")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A newsledger store in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str) -> Store:
        try:
            if path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(Path(path).expanduser()) if path != ":memory:"
                                         else path, isolation_level=None)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            migrate(connection)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {path}: {exc}",
                             hint="is it a newsledger SQLite file?") from exc
        return cls(connection, path)

    @classmethod
    def open_readonly(cls, path: str) -> Store:
        """An existing store opened so that nothing can write to it (the web app's
        connections): SQLite's read-only mode, and `query_only` as a second lock. No
        migration is run; the store must have been opened for writing once."""
        file = Path(path).expanduser()
        if not file.is_file():
            raise StoreError(f"no store at {path}", hint="ingest articles into it first")
        try:
            connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True,
                                         isolation_level=None, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA query_only = ON")
            connection.execute("SELECT count(*) FROM schema_migrations").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {path} read-only: {exc}",
                             hint="is it a newsledger SQLite file?") from exc
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.connection.execute("BEGIN")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------

    def add(self, result: IngestResult, analysis: Analysis | None = None,
            linking: bool = True) -> Outcome:
        """Store one ingest result and what the stages found in it (`analysis`), and link
        it to the articles already stored (`linking`), in one transaction; say whether it
        was new, already known, or an error."""
        if isinstance(result, FailedInput):
            self._record_error(result)
            return "error"
        with self.transaction() as db:
            known = db.execute("SELECT 1 FROM articles WHERE id = ?", (result.id,)).fetchone()
            if not known:
                self._insert_article(db, result)
                if analysis is not None:
                    insert_findings(db, analysis)
                    if linking:
                        _linker().link_article(db, analysis)
            db.execute("INSERT OR IGNORE INTO article_inputs VALUES (?, ?, ?)",
                       (result.id, result.input, _now()))
        return "known" if known else "new"

    def unlinked_articles(self) -> Iterator[Article]:
        """The stored articles that no story holds (ingested with linking off, or before
        the store linked articles), in the order they were stored: linking them later
        follows the arrival order, as linking at ingest would have."""
        # Ids first, each body when its turn comes: the store may hold many.
        ids = [row[0] for row in self.connection.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s"
            " WHERE s.article_id = a.id) ORDER BY a.rowid")]
        for article_id in ids:
            row = self.connection.execute("SELECT * FROM articles WHERE id = ?",
                                          (article_id,)).fetchone()
            yield _stored_article(row)

    def link(self, analysis: Analysis) -> bool:
        """Link one stored article (`analysis` made from its stored text) to the rest of
        the store, and store the findings it was stored without (ingested with the
        understanding stages off); False when it was linked already."""
        article_id = analysis.article.id
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM story_articles WHERE article_id = ?",
                          (article_id,)).fetchone():
                return False
            insert_findings(db, analysis)
            _linker().link_article(db, analysis)
        return True

    def _insert_article(self, db: sqlite3.Connection, article: Article) -> None:
        db.execute(
            "INSERT INTO articles (id, input, format, url, source, language, title, subtitle,"
            " authors, published, updated, dateline, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.input, article.format, article.url, article.source,
             article.language, article.title, article.subtitle, json.dumps(list(article.authors),
             ensure_ascii=False), article.published, article.updated, article.dateline,
             article.text, _now()))
        db.executemany(
            "INSERT INTO metadata_candidates VALUES (?, ?, ?, ?, ?)",
            [(article.id, c.field, c.value, c.extractor, c.confidence)
             for c in article.candidates])

    def knows(self, article_id: str) -> bool:
        return self.connection.execute(
            "SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def _record_error(self, failed: FailedInput) -> None:
        now = _now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO ingest_errors VALUES (?, ?, ?, ?) ON CONFLICT (input, error)"
                " DO UPDATE SET last_seen = excluded.last_seen",
                (failed.input, failed.error, now, now))

    # -- reading ---------------------------------------------------------------------

    def articles(self, search: str | None = None, source: str | None = None,
                 since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Articles newest first, filtered by full-text query, outlet and date."""
        clauses, params = article_filters(search, source, since)
        sql = (f"SELECT a.* FROM articles a {where(clauses)} "
               "ORDER BY a.published IS NULL, a.published DESC, a.title")
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            rows = self.connection.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise UsageError(f"bad search query {search!r}: {exc}",
                             hint='quote phrases: --search \'"truce talks"\'') from exc
        return [_article_row(row) for row in rows]

    def article(self, id_or_prefix: str) -> dict[str, Any]:
        """One article with where it was seen and the candidates behind its metadata."""
        article_id = resolve_id(self.connection, "articles", id_or_prefix)
        record = _article_row(self.connection.execute(
            "SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone())
        record["inputs"] = [r[0] for r in self.connection.execute(
            "SELECT input FROM article_inputs WHERE article_id = ? ORDER BY rowid",
            (record["id"],))]
        record["candidates"] = [dict(r) for r in self.connection.execute(
            "SELECT field, value, extractor, confidence FROM metadata_candidates"
            " WHERE article_id = ? ORDER BY field, confidence DESC", (record["id"],))]
        record.update(article_findings(self.connection, record["id"]))
        return record

    def findings(self, kind: str, **filters: Any) -> list[dict[str, Any]]:
        """One kind of finding (quotes, figures, events, times, entities) across the
        store; filters as `findings.list_findings`."""
        return list_findings(self.connection, kind, **filters)

    # -- across articles (issue 4): computed by `link.views` when asked for ------------

    def stories(self) -> list[dict[str, Any]]:
        return _views().stories(self.connection)

    def threads(self, story: str) -> list[dict[str, Any]]:
        return _views().threads(self.connection, story)

    def story_of(self, article: str) -> str | None:
        return _views().article_story(self.connection, article)

    def series(self, story: str | None = None) -> list[Series]:
        return _views().series(self.connection, story)

    def reuse(self, story: str | None = None) -> list[dict[str, Any]]:
        return _views().reuse(self.connection, story)

    def sum_checks(self, story: str | None = None, article: str | None = None
                   ) -> list[SumCheck]:
        return _views().sum_checks(self.connection, story, article)

    def timeline(self, story: str) -> list[TimelineEntry]:
        return _views().timeline(self.connection, story)

    def novelty(self, article: str) -> Novelty:
        return _views().novelty(self.connection, article)

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.connection.execute(
            "SELECT input, error, first_seen, last_seen FROM ingest_errors ORDER BY input")]

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def _linker() -> ModuleType:
    """The linker, imported when an article is first linked: its passage index loads
    datasketch and scipy, which the commands that only read the store do not need."""
    from ..link import linker

    return linker


def _views() -> ModuleType:
    """The cross-article views, imported when first used: they read this package's
    finding tables, so a top-level import would be circular."""
    from ..link import views

    return views


def _stored_article(row: sqlite3.Row) -> Article:
    """The article record a stored row holds (its metadata candidates are not needed to
    understand or link it, and are left out)."""
    return Article(id=row["id"], input=row["input"], text=row["text"], title=row["title"],
                   subtitle=row["subtitle"], authors=tuple(json.loads(row["authors"])),
                   source=row["source"], url=row["url"], language=row["language"],
                   published=row["published"], updated=row["updated"],
                   dateline=row["dateline"], format=row["format"])


def _article_row(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    record["authors"] = json.loads(record["authors"])
    return record
