-- What the understanding stages find in each article (issue 3), with provenance:
-- character offsets into articles.text (end exclusive), the sentence, the extractor
-- and its confidence. Sentences are kept so that every finding is one lookup from the
-- sentence it came from.
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence   INTEGER NOT NULL,   -- index in the article, from 0
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    PRIMARY KEY (article_id, sentence)
);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,      -- DATE, TIME, DURATION, SET
    value      TEXT NOT NULL,      -- TIMEX3 value
    sentence   INTEGER NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, start, end)
);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id),
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker       TEXT,            -- resolved name, else the mention as written
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    kind          TEXT NOT NULL,   -- direct, indirect, mixed
    sentence      INTEGER NOT NULL,
    extractor     TEXT NOT NULL,
    confidence    REAL NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL NOT NULL,      -- the number, or the low end of a range
    value_high REAL,               -- the high end of a range, else NULL
    qualifier  TEXT NOT NULL,
    unit       TEXT,
    subject    TEXT,
    measure    TEXT,
    direction  TEXT,
    source     TEXT,
    as_of      TEXT,               -- TIMEX3 date
    sentence   INTEGER NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX figures_measure ON figures (measure);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,      -- PLOVER top-level category
    trigger    TEXT NOT NULL,
    actors     TEXT NOT NULL,      -- JSON list of canonical names
    targets    TEXT NOT NULL,      -- JSON list
    mediators  TEXT NOT NULL,      -- JSON list
    place      TEXT,
    date       TEXT,               -- TIMEX3
    sentence   INTEGER NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, start, end, type)
);
CREATE INDEX events_type ON events (type);
