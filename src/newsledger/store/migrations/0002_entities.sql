-- Named entities found in each article's text, with provenance.
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,   -- character offsets into articles.text, end exclusive
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,      -- OntoNotes label
    entity     TEXT NOT NULL,      -- canonical name within the article
    sentence   INTEGER NOT NULL,   -- index of the sentence in the article
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX entities_entity ON entities (entity);
