"""What the understanding stages find, as frozen records with provenance.

Every record carries its article id, character offsets into the article's `text`
(end exclusive: `text[start:end] == record.text`), the sentence it sits in, the
extractor that made it and a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entity:
    article: str
    start: int
    end: int
    text: str
    label: str  # OntoNotes: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    entity: str  # the canonical name this mention resolves to within the article
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "label": self.label, "entity": self.entity}
