"""Reading what a set of articles (usually one story) holds, for the read-time views:
timeline, figure series, what's new.

Every row carries its article's `published` date, its `outlet`, its `arrival` (the order
the store received it) and the sentence it came from, so that any view can order its
items and point back to their sentence. Names carry the identity the store ties them to
(`identity` on entities, `speaker_identity` on quotes, `identities` on events: name ->
identity id), so that "Al-Ansari" in one article and "Ansari" in another are one person.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..store.findings import finding_rows

KINDS = ("entities", "quotes", "figures", "events")


@dataclass(frozen=True)
class Material:
    articles: tuple[dict[str, Any], ...]  # id, published, source, title, arrival; report order
    entities: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]
    figures: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...]

    def among(self, articles: set[str]) -> Material:
        """Only what these articles hold."""
        return Material(tuple(a for a in self.articles if a["id"] in articles),
                        *(tuple(r for r in getattr(self, kind) if r["article"] in articles)
                          for kind in KINDS))


def report_order(article: dict[str, Any]) -> tuple[str, int]:
    return (article.get("published") or "9999", article["arrival"])


def read_material(db: sqlite3.Connection, article_ids: Sequence[str]) -> Material:
    ids = list(dict.fromkeys(article_ids))
    marks = ", ".join("?" * len(ids))
    articles = [dict(row) for row in db.execute(
        "SELECT id, published, source, title, rowid AS arrival FROM articles"
        f" WHERE id IN ({marks})", ids)]
    articles.sort(key=report_order)
    identities = _identities(db, ids, marks)
    rows = {kind: findings_of(db, kind, ids) for kind in KINDS}
    for row in rows["entities"]:
        row["identity"] = identities.get((row["article"], row["entity"]))
    for row in rows["quotes"]:
        row["speaker_identity"] = identities.get((row["article"], row["speaker"]))
    for row in rows["events"]:
        names = [*row["actors"], *row["targets"], *row["mediators"]]
        row["identities"] = {name: identities[(row["article"], name)] for name in names
                             if (row["article"], name) in identities}
    return Material(tuple(articles), *(tuple(rows[kind]) for kind in KINDS))


def _identities(db: sqlite3.Connection, ids: list[str], marks: str
                ) -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[2] for row in db.execute(
        "SELECT article_id, entity, identity_id FROM article_identities"
        f" WHERE article_id IN ({marks})", ids)}


REPORT_ORDER = "a.published, a.rowid, f.start"  # findings as their articles reported them


def findings_of(db: sqlite3.Connection, kind: str, ids: Sequence[str] | None
                ) -> list[dict[str, Any]]:
    """One kind of finding of these articles (of every article with `None`), in report
    order."""
    if ids is None:
        return finding_rows(db, kind, [], [], REPORT_ORDER)
    marks = ", ".join("?" * len(ids))
    return finding_rows(db, kind, [f"f.article_id IN ({marks})"], list(ids), REPORT_ORDER)
