"""Linking across articles (issue 4); the lead's orchestrator replaces this file."""
