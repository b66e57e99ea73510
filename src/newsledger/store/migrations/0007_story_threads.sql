-- Threads (issue 4): within a story, the articles that follow one sub-story (the hostage
-- exchanges of a war, one game of a season). A thread is named after its first article,
-- like a story. Articles linked before threads were kept are each a thread of their own.
ALTER TABLE story_articles ADD COLUMN thread TEXT;
UPDATE story_articles SET thread = 'thread-' || article_id;
CREATE INDEX story_articles_thread ON story_articles (story_id, thread, seq);
