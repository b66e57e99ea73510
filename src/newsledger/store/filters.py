"""The article filters every listing shares: full-text query, outlet, date.

Clauses read the articles table under the alias `a`; each listing adds its own.
"""

from __future__ import annotations

from typing import Any


def article_filters(search: str | None = None, source: str | None = None,
                    since: str | None = None) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    if search:
        clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(search)
    if source:
        clauses.append("a.source LIKE ?")
        params.append(f"%{source}%")
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    return clauses, params


def where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""
