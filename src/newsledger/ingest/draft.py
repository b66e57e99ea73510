"""The record every reader hands to the assembler: a body and proposed metadata.

Readers (plain text, HTML, feeds, JSON, WARC) only propose; `assemble` chooses.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..records import Candidate


@dataclass(frozen=True)
class Draft:
    input: str  # path, path#entry, or URL: where the article came from
    text: str  # body, paragraphs separated by a blank line
    candidates: tuple[Candidate, ...]
    format: str  # text, html, feed, json, warc


def propose(field: str, value: object, extractor: str, confidence: float) -> list[Candidate]:
    """A candidate list of zero or one: empty and missing values propose nothing."""
    if value is None:
        return []
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    return [Candidate(field, text, extractor, confidence)] if text else []
