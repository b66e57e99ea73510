"""Linking across articles (issue 4): stories, identities, passage reuse (written as each
article is stored, by `linker.link_article`), and the views computed from them when
asked for (`views`: timeline, figure series, what's new)."""
