"""Placeholder until the jsonrecords reader lands (being written in this same change)."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import UnreadableInput
from ..records import FailedInput
from ..settings import Settings
from .draft import Draft


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    raise UnreadableInput("jsonrecords input is not supported yet")
    yield  # pragma: no cover
