"""Writing and reading what the understanding stages found (migration 0003).

Kept apart from the article rows in `sqlite.py`: one insert and one select per kind of
finding, each row carrying its provenance (offsets, sentence, extractor, confidence).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..understand.pipeline import Analysis
from .filters import article_filters, where

PROVENANCE = ("sentence", "extractor", "confidence")
TIME_COLUMNS = ("start", "end", "text", "type", "value") + PROVENANCE
QUOTE_COLUMNS = ("start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                 "kind") + PROVENANCE
FIGURE_COLUMNS = ("start", "end", "text", "value", "value_high", "qualifier", "unit",
                  "subject", "measure", "direction", "source", "as_of") + PROVENANCE
EVENT_COLUMNS = ("start", "end", "text", "type", "trigger", "actors", "targets",
                 "mediators", "place", "date") + PROVENANCE
ENTITY_COLUMNS = ("start", "end", "text", "label", "entity") + PROVENANCE
COLUMNS = {"entities": ENTITY_COLUMNS, "times": TIME_COLUMNS, "quotes": QUOTE_COLUMNS,
           "figures": FIGURE_COLUMNS, "events": EVENT_COLUMNS}
LIST_FIELDS = ("actors", "targets", "mediators")  # stored as JSON text


def insert_findings(db: sqlite3.Connection, analysis: Analysis) -> None:
    """Every finding of one article; the caller holds the transaction. Findings stored
    already are kept (linking a stored article later inserts what it lacks)."""
    article = analysis.article.id
    if analysis.doc is not None:
        db.executemany("INSERT OR IGNORE INTO sentences VALUES (?, ?, ?, ?)",
                       [(article, i, s.start_char, s.end_char)
                        for i, s in enumerate(analysis.doc.sents)])
    for table, columns in COLUMNS.items():
        rows = [_row(finding, columns) for finding in getattr(analysis, table)]
        marks = ", ".join("?" * (len(columns) + 1))
        db.executemany(f"INSERT OR IGNORE INTO {table} (article_id, {', '.join(columns)})"
                       f" VALUES ({marks})", [(article, *row) for row in rows])


def _row(finding: Any, columns: tuple[str, ...]) -> tuple[Any, ...]:
    values = []
    for column in columns:
        if column == "value_high":
            value = finding.value
            values.append(value[1] if isinstance(value, tuple) else None)
        elif column == "value":
            value = finding.value
            values.append(value[0] if isinstance(value, tuple) else value)
        elif column in LIST_FIELDS:
            values.append(json.dumps(list(getattr(finding, column)), ensure_ascii=False))
        else:
            values.append(getattr(finding, column))
    return tuple(values)


def article_findings(connection: sqlite3.Connection, article: str) -> dict[str, Any]:
    """The findings of one article, each kind ordered by position."""
    found = {}
    for table, columns in COLUMNS.items():
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}"
                                  " WHERE article_id = ? ORDER BY start", (article,))
        found[table] = [decode(dict(row)) for row in rows]
    return found


def decode(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row back into the contract's shapes: JSON lists, ranges as [low, high]."""
    for column in LIST_FIELDS:
        if isinstance(row.get(column), str):
            row[column] = json.loads(row[column])
    if "value_high" in row:
        high = row.pop("value_high")
        row["value"] = _number(row["value"]) if high is None \
            else [_number(row["value"]), _number(high)]
    return row


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def sentence_text(connection: sqlite3.Connection, article: str, sentence: int) -> str | None:
    row = connection.execute(
        "SELECT substr(a.text, s.start + 1, s.end - s.start) FROM sentences s"
        " JOIN articles a ON a.id = s.article_id WHERE s.article_id = ? AND s.sentence = ?",
        (article, sentence)).fetchone()
    return row[0] if row else None


# Which column each listing's main filter reads: `newsledger quotes --speaker`,
# `figures --measure`, `events --type`.
FILTER_COLUMN = {"quotes": "speaker", "figures": "measure", "events": "type",
                 "times": "value", "entities": "entity"}


def list_findings(connection: sqlite3.Connection, kind: str, *, match: str | None = None,
                  article: str | None = None, source: str | None = None,
                  since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Findings of one kind across the store, newest article first, each with its
    article's date and outlet and the sentence it came from."""
    clauses, params = article_filters(source=source, since=since)
    if match:
        clauses.append(f"f.{FILTER_COLUMN[kind]} LIKE ?")
        params.append(f"%{match}%")
    if article:
        clauses.append("f.article_id LIKE ?")
        params.append(f"{article}%")
    rows = finding_rows(connection, kind, clauses, params,
                        "a.published IS NULL, a.published DESC, f.article_id, f.start", limit)
    for row in rows:  # the listings show the article's date, not the store's order
        del row["arrival"]
    return rows


def finding_rows(connection: sqlite3.Connection, kind: str, clauses: list[str],
                 params: list[Any], order: str, limit: int | None = None
                 ) -> list[dict[str, Any]]:
    """Findings of one kind (alias `f`) that meet `clauses` over `f` and their article
    (alias `a`), each with the article's date, outlet and arrival (rowid) and the text of
    the sentence it came from: the one query every listing and view reads findings by."""
    columns = ", ".join(f"f.{c}" for c in COLUMNS[kind])
    sql = (f"SELECT f.article_id AS article, a.published, a.source AS outlet,"
           f" a.rowid AS arrival, {columns},"
           " substr(a.text, s.start + 1, s.end - s.start) AS sentence_text"
           f" FROM {kind} f JOIN articles a ON a.id = f.article_id"
           " LEFT JOIN sentences s ON s.article_id = f.article_id AND s.sentence = f.sentence"
           f" {where(clauses)} ORDER BY {order}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [decode(dict(row)) for row in connection.execute(sql, params)]
