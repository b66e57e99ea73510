-- One identity per person, organisation or place across the store (issue 4), under
-- every spelling seen: the keys it is found by, the surnames of people (so that a bare
-- surname finds its full name within a story), the acronyms of multi-word names, and
-- which identity each canonical entity name of each article stands for.
CREATE TABLE identities (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,      -- PERSON, ORG, PLACE (GPE, LOC, FAC), NORP, or other
    name       TEXT NOT NULL,      -- the longest, most complete spelling seen
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL
);

CREATE TABLE identity_keys (       -- name_key of every spelling that names it in full
    key         TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities (id),
    PRIMARY KEY (key, identity_id)
);

CREATE TABLE identity_surnames (   -- people named in full, by the last word of the key
    surname     TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities (id),
    PRIMARY KEY (surname, identity_id)
);

CREATE TABLE identity_acronyms (   -- initials of multi-word organisation and place names
    acronym     TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities (id),
    PRIMARY KEY (acronym, identity_id)
);

CREATE TABLE identity_names (      -- every spelling seen, as written
    identity_id TEXT NOT NULL REFERENCES identities (id),
    name        TEXT NOT NULL,
    PRIMARY KEY (identity_id, name)
);

CREATE TABLE article_identities (  -- each canonical entity name of an article
    article_id  TEXT NOT NULL REFERENCES articles (id),
    entity      TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities (id),
    story       TEXT,
    extractor   TEXT NOT NULL,     -- how it was matched: key, alias, acronym, surname, new
    confidence  REAL NOT NULL,
    PRIMARY KEY (article_id, entity)
);
CREATE INDEX article_identities_identity ON article_identities (identity_id, story);
