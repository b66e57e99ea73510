-- Articles, where each was seen, the metadata candidates behind each value, and the
-- inputs that gave no article (with the reason), plus full-text search.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,            -- content hash of the canonical body
    input       TEXT NOT NULL,               -- where it was first read from
    format      TEXT NOT NULL,               -- text, html, feed, json, warc
    url         TEXT,
    source      TEXT,
    language    TEXT,
    title       TEXT,
    subtitle    TEXT,
    authors     TEXT NOT NULL DEFAULT '[]',  -- JSON list of names
    published   TEXT,                        -- YYYY-MM-DD
    updated     TEXT,
    dateline    TEXT,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE article_inputs (
    article_id TEXT NOT NULL REFERENCES articles (id),
    input      TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (article_id, input)
);

CREATE TABLE metadata_candidates (
    article_id TEXT NOT NULL REFERENCES articles (id),
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX metadata_candidates_article ON metadata_candidates (article_id);

CREATE TABLE ingest_errors (
    input      TEXT NOT NULL,
    error      TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (input, error)
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
