"""Typed, frozen records: what every stage passes on.

An `Article` is one cleaned article with its metadata. Each metadata value was chosen
by a resolver among `Candidate`s proposed by several extractors; the candidates are kept
so an analyst can see where a value came from (STYLE.md, practice 4).
`FailedInput` is an input that gave no article, with the reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

# Fields of the contract that later stages fill; this issue leaves them empty.
UNDERSTANDING_FIELDS = ("entities", "times", "quotes", "figures", "events")


@dataclass(frozen=True)
class Candidate:
    """One proposed value for a metadata field, with where it came from."""

    field: str
    value: str
    extractor: str
    confidence: float
    start: int | None = None  # offsets into the raw input text, where known
    end: int | None = None


@dataclass(frozen=True)
class Article:
    id: str
    input: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    format: str = "text"
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)

    def to_contract(self) -> dict[str, Any]:
        """The JSON object of ../shared/CONTRACT.md, fields in the contract's order."""
        record: dict[str, Any] = {
            "id": self.id,
            "input": self.input,
            "error": None,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": self.published,
            "updated": self.updated,
            "dateline": self.dateline,
            "text": self.text,
        }
        record.update({name: [] for name in UNDERSTANDING_FIELDS})
        return record


@dataclass(frozen=True)
class FailedInput:
    """An input (a file, or one entry inside a feed or archive) that gave no article."""

    input: str
    error: str

    def to_contract(self) -> dict[str, Any]:
        """The contract's record with every article field empty: the same keys, in the
        same order, as an article's."""
        template = Article(id="", input="", text="").to_contract()
        record: dict[str, Any] = {key: [] if isinstance(value, list) else None
                                  for key, value in template.items()}
        return record | {"input": self.input, "error": self.error}


IngestResult = Article | FailedInput

_SPACE = re.compile(r"\s+")


def canonical_text(text: str) -> str:
    """The form of a body that identity is computed on: NFC, case-folded, one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Content address: the same body from two files is one article."""
    return hashlib.sha256(canonical_text(text).encode("utf-8")).hexdigest()[:16]
