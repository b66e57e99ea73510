"""Placeholder: replaced by the plain-text reader in this same change."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import FailedInput
from ..settings import Settings
from .decode import decode_text
from .draft import Draft


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    yield Draft(name, decode_text(data), (), "text")
