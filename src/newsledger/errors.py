"""Every error newsledger raises on purpose, in one place.

Each carries a short code and, where it helps, a hint on how to fix it. The shells
(`cli.py`) turn them into one clear line; nothing else catches them.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base class: `code` is stable, `hint` tells the user what to do."""

    code = "NL000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class UnreadableInput(NewsledgerError):
    """An input that yields no article: the reason goes into the record's `error`."""

    code = "NL100"


class UsageError(NewsledgerError):
    """The user asked for something that cannot be done as asked."""

    code = "NL200"


class StoreError(NewsledgerError):
    """The store cannot be opened, migrated or written."""

    code = "NL300"


class NotFound(NewsledgerError):
    """A looked-up article or item does not exist in the store."""

    code = "NL400"
