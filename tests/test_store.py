"""The store: schema by migrations, idempotent ingest, search, errors kept."""

from __future__ import annotations

import sqlite3

import pytest

from newsledger.errors import NotFound, StoreError, UsageError
from newsledger.ingest.batch import ingest_paths
from newsledger.records import FailedInput
from newsledger.store import Store
from newsledger.store.migrations import bundled_migrations

from .conftest import ANADOLU, EXAMPLES


def columns(store: Store, table: str) -> list[str]:
    return [row[1] for row in store.connection.execute(f"PRAGMA table_info({table})")]


def test_migrations_give_the_documented_columns(store):
    assert columns(store, "entities") == [
        "article_id", "start", "end", "text", "label", "entity", "sentence", "extractor",
        "confidence"]
    assert columns(store, "articles") == [
        "id", "input", "format", "url", "source", "language", "title", "subtitle", "authors",
        "published", "updated", "dateline", "text", "ingested_at"]
    versions = [r[0] for r in store.connection.execute("SELECT version FROM schema_migrations")]
    assert versions == [m.version for m in bundled_migrations()]


def test_migrations_are_numbered_without_gaps():
    versions = [m.version for m in bundled_migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_reopening_applies_nothing_twice(settings):
    Store.open(settings.db).close()
    with Store.open(settings.db) as store:
        assert store.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] \
            == len(bundled_migrations())


def test_an_edited_migration_is_refused(settings):
    Store.open(settings.db).close()
    connection = sqlite3.connect(settings.db)
    connection.execute("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="changed after it was applied"):
        Store.open(settings.db)


def test_not_a_store(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store.open(str(path))


def test_ingest_twice_adds_nothing_the_second_time(store, settings):
    first = ingest_paths([str(EXAMPLES)], store, settings)
    second = ingest_paths([str(EXAMPLES)], store, settings)
    assert (first.new, first.known, len(first.errors)) == (2, 0, 0)
    assert (second.new, second.known, len(second.errors)) == (0, 2, 0)
    assert store.count() == 2


def test_the_same_article_from_two_files_is_one_article(store, settings, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(ANADOLU.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")
    summary = ingest_paths([str(ANADOLU), str(copy)], store, settings)
    assert (summary.new, summary.known) == (1, 1)
    (row,) = store.articles()
    assert store.article(row["id"])["inputs"] == [str(ANADOLU), str(copy)]


def test_search_source_and_since_filters(store, settings):
    ingest_paths([str(EXAMPLES)], store, settings)
    assert [a["source"] for a in store.articles(search="Rafah")] == ["Anadolu Agency"]
    assert [a["source"] for a in store.articles(search='"Security Council"')] == ["TRT World"]
    assert store.articles(search="nonexistentword") == []
    assert [a["source"] for a in store.articles(source="trt")] == ["TRT World"]
    assert [a["published"] for a in store.articles(since="2024-03-20")] == ["2024-03-26"]
    assert [a["published"] for a in store.articles()] == ["2024-03-26", "2024-03-19"]


def test_bad_search_query_is_a_usage_error(store):
    with pytest.raises(UsageError):
        store.articles(search='"unbalanced')


def test_show_by_prefix_with_candidates(store, settings):
    ingest_paths([str(ANADOLU)], store, settings)
    (row,) = store.articles()
    record = store.article(row["id"][:6])
    sources = {(c["value"], c["extractor"]) for c in record["candidates"] if c["field"] == "source"}
    assert ("Anadolu Agency", "plaintext-subscription") in sources
    assert ("Anadolu", "plaintext-byline") in sources
    with pytest.raises(NotFound):
        store.article("ffffffffffff")


def test_errors_are_kept_once_per_input_and_reason(store):
    failed = FailedInput("bad.txt", "empty file")
    assert store.add(failed) == "error"
    assert store.add(failed) == "error"
    assert [(e["input"], e["error"]) for e in store.errors()] == [("bad.txt", "empty file")]


def test_a_failed_write_leaves_no_half_article(store, settings):
    from newsledger.ingest import read_inputs

    (article,) = list(read_inputs([str(ANADOLU)], settings))
    # Make the second write of the transaction fail: the first must be rolled back.
    store.connection.execute(
        "CREATE TRIGGER fail_candidates BEFORE INSERT ON metadata_candidates "
        "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
    with pytest.raises(sqlite3.DatabaseError):
        store.add(article)
    assert store.count() == 0
    assert store.connection.execute("SELECT count(*) FROM article_inputs").fetchone()[0] == 0
