"""The store: SQLite by default, changed only by numbered migrations."""

from .sqlite import LIST_COLUMNS, Outcome, Store

__all__ = ["LIST_COLUMNS", "Outcome", "Store"]
