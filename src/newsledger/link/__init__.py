"""Linking across articles: stories (and, from the lead, the rest of issue 4)."""
