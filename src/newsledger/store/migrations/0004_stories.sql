-- Stories (issue 4): every article joins one story, online, in arrival order.
-- `story_features` is the inverted index the assignment looks candidates up in, and
-- `story_feature_df` the document frequencies it learns its IDF from; both grow by one
-- article's rows per article, so the cost of a lookup does not depend on the store.
CREATE TABLE stories (
    id            TEXT PRIMARY KEY,   -- derived from the first article's id
    first_article TEXT NOT NULL REFERENCES articles (id),
    articles      INTEGER NOT NULL,   -- number of member articles
    first_seq     INTEGER NOT NULL,   -- arrival number of the first and last members
    last_seq      INTEGER NOT NULL
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id   TEXT NOT NULL REFERENCES stories (id),
    seq        INTEGER NOT NULL UNIQUE,  -- arrival order, from 0
    published  TEXT,                     -- the article's day, kept for the time gap
    similarity REAL NOT NULL,            -- to the story it joined; 0 when it started one
    started    INTEGER NOT NULL,         -- 1 when the article started its story
    matched    TEXT,                     -- the member article it was most similar to
    extractor  TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);

CREATE TABLE story_features (
    article_id TEXT NOT NULL REFERENCES articles (id),
    feature    TEXT NOT NULL,            -- namespace:key, see link/story_signals.py
    weight     REAL NOT NULL,            -- within-article weight (IDF applied on use)
    seq        INTEGER NOT NULL,         -- the article's arrival number, newest first
    PRIMARY KEY (article_id, feature)
) WITHOUT ROWID;
CREATE INDEX story_features_postings ON story_features (feature, seq);

CREATE TABLE story_feature_df (
    feature TEXT PRIMARY KEY,
    df      INTEGER NOT NULL             -- articles with this feature
) WITHOUT ROWID;
