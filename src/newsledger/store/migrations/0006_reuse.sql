-- Passage reuse between articles (issue 4). Each passage of an article (a paragraph or a
-- window over a long one) is indexed by the LSH band keys of its MinHash: one row per
-- band, looked up by (band, key), so finding candidates costs index lookups, not a scan.
-- Changing the MinHash or banding parameters in link/reuse.py needs a new migration
-- that empties reuse_bands and reuse_passages (old keys would no longer match).
CREATE TABLE reuse_passages (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,   -- character offsets into articles.text, end exclusive
    end        INTEGER NOT NULL,
    UNIQUE (article_id, start, end)
);

CREATE TABLE reuse_bands (
    band    INTEGER NOT NULL,      -- band number, 0 .. bands-1
    key     INTEGER NOT NULL,      -- 64-bit hash of the band's MinHash values
    passage INTEGER NOT NULL REFERENCES reuse_passages (id),
    PRIMARY KEY (band, key, passage)
) WITHOUT ROWID;

-- One row per reused passage: the span of `article_id` that repeats a span of an
-- earlier article (`origin_id`), the likely origin.
CREATE TABLE reused_passages (
    article_id   TEXT NOT NULL REFERENCES articles (id),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    origin_id    TEXT NOT NULL REFERENCES articles (id),
    origin_start INTEGER NOT NULL,
    origin_end   INTEGER NOT NULL,
    similarity   REAL NOT NULL,    -- share of the shorter passage in aligned runs
    extractor    TEXT NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX reused_passages_origin ON reused_passages (origin_id);
